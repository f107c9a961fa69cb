import type { StyrDocument } from '../model/document.js';
import type { ModelContext } from './context.js';
import type { TreeNode } from './types.js';

/**
 * Graphviz DOT for the traceability diagrams. Node names are generated (n0, n1 …); every text a clerk
 * wrote goes only into a quoted label, escaped, so no title can change the graph.
 */
const FONT = 'Helvetica,Arial,sans-serif';
const HEADER = [
  `graph [fontname="${FONT}", bgcolor="white", pad="0.2", nodesep="0.25", ranksep="0.45"];`,
  `node [fontname="${FONT}", fontsize="11", shape="box", style="rounded,filled", fillcolor="#f2f5f9", color="#1d3b5c", fontcolor="#111111", margin="0.12,0.06"];`,
  `edge [color="#3d3d3d", arrowsize="0.7"];`,
];

/** A DOT quoted string: backslashes and quotes escaped, & kept literal (Graphviz reads entities in labels). */
export function dotLabel(lines: string[]): string {
  const escaped = lines.map((line) =>
    line
      .replace(/[\u0000-\u001f\u007f]/g, ' ')
      .replace(/\\/g, '\\\\')
      .replace(/"/g, '\\"')
      .replace(/&/g, '&amp;'),
  );
  return `"${escaped.join('\\n')}"`;
}

/** Breaks a title into lines of about `width` characters, at spaces, so boxes stay narrow. */
export function wrap(text: string, width = 28, maxLines = 4): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  if (lines.length > maxLines) {
    const kept = lines.slice(0, maxLines);
    kept[maxLines - 1] = `${kept[maxLines - 1]}…`;
    return kept;
  }
  return lines;
}

export function hierarchyDot(docs: StyrDocument[], ctx: ModelContext): string {
  const names = new Map(docs.map((d, i) => [d.data.id, `n${i}`]));
  const out = ['digraph hierarki {', 'rankdir="TB";', ...HEADER];
  const levels = new Map<number, string[]>();
  for (const doc of docs) {
    const name = names.get(doc.data.id)!;
    const s = ctx.summary(doc);
    const inForce = s.status.kind === 'gällande';
    const head = inForce ? s.typeName : `${s.typeName} (${s.status.label.toLowerCase()})`;
    const style = inForce ? '' : ', style="rounded,dashed,filled", fillcolor="#ffffff"';
    out.push(`${name} [label=${dotLabel([head, ...wrap(s.title)])}${style}];`);
    const level = ctx.project.config.typeRules(doc.data.dokumenttyp)?.nivå ?? 99;
    const group = levels.get(level);
    if (group) group.push(name);
    else levels.set(level, [name]);
  }
  const ordered = [...levels.entries()].sort((a, b) => a[0] - b[0]).map(([, group]) => group);
  for (const group of ordered) out.push(`{ rank="same"; ${group.join('; ')}; }`);
  // Invisible edges keep each level below the one above it, also where no document implements another.
  for (let i = 1; i < ordered.length; i++) out.push(`${ordered[i - 1]![0]} -> ${ordered[i]![0]} [style="invis"];`);
  for (const doc of docs) {
    const child = names.get(doc.data.id)!;
    for (const id of doc.data.genomför ?? []) {
      const parent = names.get(id);
      if (parent) out.push(`${parent} -> ${child};`);
    }
    for (const id of doc.data.ersätter ?? []) {
      const old = names.get(id);
      if (old) out.push(`${child} -> ${old} [style="dashed", label="ersätter", fontname="${FONT}", fontsize="10", constraint="false"];`);
    }
  }
  out.push('}');
  return out.join('\n');
}

/** The boxes a DOT graph from this module draws: one `nN [label=…]` line each. */
export function countNodes(dot: string): number {
  return dot.match(/^n\d+ \[label=/gm)?.length ?? 0;
}

/** Strategy → the targets nämnd goals trace to → those goals, left to right. */
export function goalsDot(strategies: TreeNode[]): string {
  const out = ['digraph malkedja {', 'rankdir="LR";', ...HEADER];
  let n = 0;
  const goals = new Map<string, string>();
  const add = (lines: string[], extra = ''): string => {
    const name = `n${n++}`;
    out.push(`${name} [label=${dotLabel(lines)}${extra}];`);
    return name;
  };
  for (const strategy of strategies) {
    const s = add(wrap(strategy.title, 30), ', fillcolor="#e3ebf5"');
    for (const target of strategy.children) {
      const t = add([target.note ?? '', ...wrap(target.title, 30, 3)]);
      out.push(`${s} -> ${t};`);
      for (const goal of target.children) {
        // A goal that serves several targets is one box with several arrows in.
        const key = goal.url ?? goal.title;
        let g = goals.get(key);
        if (!g) goals.set(key, (g = add([goal.note ?? '', ...wrap(goal.title, 30, 3)], ', fillcolor="#ffffff"')));
        out.push(`${t} -> ${g};`);
      }
    }
  }
  if (n === 0) out.push(`n0 [label=${dotLabel(['Inga nämndmål att visa än'])}];`);
  out.push('}');
  return out.join('\n');
}
