import type { GoalEntry, Target } from '../corpus/corpus.js';
import { validityOf } from '../corpus/status.js';
import type { StyrDocument } from '../model/document.js';
import type { ModelContext } from './context.js';
import { countNodes, goalsDot, hierarchyDot } from './diagram-dot.js';
import { compareSv } from './format.js';
import type { GoalLink, MatrixTable, NamndPage, Traceability, TreeNode } from './types.js';

/**
 * Which nämnder carry out which strategy targets in one year: a matrix per strategy in force, the document
 * hierarchy and the target → goal tree, each as a diagram and as nested lists with the same content.
 */
export function traceability(ctx: ModelContext, namnder: NamndPage[]): Traceability {
  const { config, corpus, today } = ctx.project;
  const decided = corpus.goals.filter((g) => validityOf(g.plan));
  const years = [...new Set(decided.map((g) => g.plan.data.år))].sort();
  const thisYear = Number(today.slice(0, 4));
  const year = years.includes(thisYear) ? thisYear : years[years.length - 1];
  const goals = decided.filter((g) => g.plan.data.år === year);
  const columns = namnder.map((n) => ({ id: n.id, name: n.title, short: n.short ?? n.title, url: n.url }));
  const strategies = corpus.documents.filter((d) => config.typeRules(d.data.dokumenttyp)?.har_mål && ctx.status(d).kind === 'gällande');

  const goalsByTarget = new Map<string, GoalEntry[]>();
  for (const g of goals) for (const ref of new Set(g.goal.bidrar_till ?? [])) push(goalsByTarget, ref, g);
  const columnsOf = new Map<string, number[]>();
  columns.forEach((c, i) => push(columnsOf, c.url, i));

  const tables: MatrixTable[] = strategies.map((doc) => {
    const targets = corpus.targetsOf.get(doc) ?? [];
    const direct = (t: Target) => goalsByTarget.get(t.ref) ?? [];
    // As the coverage rule counts: a fokusområde is covered when one of its delområden is.
    const childrenOf = new Map<Target, Target[]>();
    for (const t of targets) if (t.parent) push(childrenOf, t.parent, t);
    const memo = new Map<Target, boolean>();
    const covered = (t: Target): boolean => {
      let value = memo.get(t);
      if (value === undefined) memo.set(t, (value = direct(t).length > 0 || (childrenOf.get(t) ?? []).some(covered)));
      return value;
    };
    const rows = targets.map((t) => {
      const cells = columns.map(() => ({ count: 0, goals: [] as GoalLink[] }));
      for (const g of direct(t)) {
        for (const i of columnsOf.get(ctx.namndUrl(g.plan.data.nämnd)) ?? []) {
          cells[i]!.count++;
          cells[i]!.goals.push(ctx.goalLink(g));
        }
      }
      return { target: { ...ctx.targetLink(t.ref), depth: t.parent ? 1 : 0 }, cells, covered: covered(t) };
    });
    return { doc: ctx.summary(doc), rows, gaps: rows.filter((r) => !r.covered).length };
  });

  const hierarchyDocs = corpus.documents.filter((d) => d.data.dokumenttyp !== 'verksamhetsplan' && firstOfId(ctx, d));
  const hierarchy = hierarchyTree(hierarchyDocs, ctx);
  const goalTree = strategies.map((doc) => goalNode(doc, goalsByTarget, ctx));
  const typeCount = new Set(hierarchyDocs.map((d) => d.data.dokumenttyp)).size;
  const hierarchyGraph = hierarchyDot(hierarchyDocs, ctx);
  const goalsGraph = goalsDot(goalTree);
  return {
    ...(year !== undefined ? { year } : {}),
    columns,
    tables,
    hierarchy,
    goalTree,
    diagrams: [
      {
        id: 'diagram-hierarki',
        title: 'Styrdokumentens hierarki',
        desc: `${hierarchyDocs.length} styrdokument av ${typeCount} typer, från policy överst till anvisningar och rutiner underst. En heldragen pil går från ett dokument till det som genomför det, en streckad från ett dokument till det det ersätter. Samma innehåll finns som lista intill diagrammet.`,
        dot: hierarchyGraph,
        nodes: countNodes(hierarchyGraph),
      },
      {
        id: 'diagram-malkedja',
        title: `Från strategins mål till nämndernas mål${year ? ` ${year}` : ''}`,
        desc: `Gällande strategier med de mål som nämndernas mål${year ? ` för ${year}` : ''} bidrar till, och pilar till de nämndmålen. Mål som inget nämndmål bidrar till visas inte här, utan i tabellen ovan. Samma innehåll finns som lista intill diagrammet.`,
        dot: goalsGraph,
        nodes: countNodes(goalsGraph),
      },
    ],
  };
}

function firstOfId(ctx: ModelContext, doc: StyrDocument): boolean {
  return ctx.project.corpus.byId.get(doc.data.id)?.[0] === doc;
}

/** Documents under what they implement; a document that implements two appears under both. */
function hierarchyTree(docs: StyrDocument[], ctx: ModelContext): TreeNode[] {
  const inSet = new Set(docs);
  const level = (d: StyrDocument) => ctx.project.config.typeRules(d.data.dokumenttyp)?.nivå ?? 99;
  const order = (a: StyrDocument, b: StyrDocument) => level(a) - level(b) || compareSv(a.data.titel, b.data.titel);
  const children = new Map<StyrDocument, StyrDocument[]>();
  const roots: StyrDocument[] = [];
  for (const doc of docs) {
    const parents = new Set((doc.data.genomför ?? []).map((id) => ctx.project.corpus.byId.get(id)?.[0]).filter((p): p is StyrDocument => !!p && inSet.has(p)));
    if (!parents.size) roots.push(doc);
    for (const parent of parents) push(children, parent, doc);
  }
  for (const list of children.values()) list.sort(order);
  const node = (doc: StyrDocument, path: Set<StyrDocument>): TreeNode => {
    const s = ctx.summary(doc);
    const kids = (children.get(doc) ?? []).filter((c) => !path.has(c));
    path.add(doc);
    const below = kids.map((c) => node(c, path));
    path.delete(doc);
    return { title: s.title, url: s.url, note: `${s.typeName}, ${s.status.label.toLowerCase()}`, children: below };
  };
  return roots.sort(order).map((d) => node(d, new Set()));
}

function goalNode(doc: StyrDocument, goalsByTarget: ReadonlyMap<string, GoalEntry[]>, ctx: ModelContext): TreeNode {
  const targets = (ctx.project.corpus.targetsOf.get(doc) ?? []).map((t) => ({ t, mine: goalsByTarget.get(t.ref) ?? [] })).filter(({ mine }) => mine.length > 0);
  return {
    title: doc.data.titel,
    url: ctx.docUrl(doc.data.id),
    note: ctx.typeName(doc),
    children: targets.map(({ t, mine }) => {
      const link = ctx.targetLink(t.ref);
      return {
        title: t.title,
        ...(link.url ? { url: link.url } : {}),
        ...(link.kindLabel ? { note: link.kindLabel } : {}),
        children: mine.map((g) => {
          const goal = ctx.goalLink(g);
          return { title: goal.title, url: goal.url, note: `${goal.namnd} ${goal.year}`, children: [] };
        }),
      };
    }),
  };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
