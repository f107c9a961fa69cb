import type { GoalEntry, Target } from '../corpus/corpus.js';
import { validityOf } from '../corpus/status.js';
import type { StyrDocument } from '../model/document.js';
import type { ModelContext } from './context.js';
import { goalsDot, hierarchyDot } from './diagram-dot.js';
import { compareSv } from './format.js';
import type { MatrixTable, NamndPage, Traceability, TreeNode } from './types.js';

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

  const tables: MatrixTable[] = strategies.map((doc) => {
    const targets = corpus.targetsOf.get(doc) ?? [];
    const direct = (t: Target) => goals.filter((g) => g.goal.bidrar_till?.includes(t.ref));
    // As the coverage rule counts: a fokusområde is covered when one of its delområden is.
    const covered = (t: Target): boolean => direct(t).length > 0 || targets.some((c) => c.parent === t && covered(c));
    const rows = targets.map((t) => ({
      target: { ...ctx.targetLink(t.ref), depth: t.parent ? 1 : 0 },
      cells: columns.map((col) => {
        const mine = direct(t).filter((g) => ctx.namndUrl(g.plan.data.nämnd) === col.url);
        return { count: mine.length, goals: mine.map((g) => ctx.goalLink(g)) };
      }),
      covered: covered(t),
    }));
    return { doc: ctx.summary(doc), rows, gaps: rows.filter((r) => !r.covered).length };
  });

  const hierarchyDocs = corpus.documents.filter((d) => d.data.dokumenttyp !== 'verksamhetsplan' && firstOfId(ctx, d));
  const hierarchy = hierarchyTree(hierarchyDocs, ctx);
  const goalTree = strategies.map((doc) => goalNode(doc, goals, ctx));
  const typeCount = new Set(hierarchyDocs.map((d) => d.data.dokumenttyp)).size;
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
        dot: hierarchyDot(hierarchyDocs, ctx),
      },
      {
        id: 'diagram-malkedja',
        title: `Från strategins mål till nämndernas mål${year ? ` ${year}` : ''}`,
        desc: `Gällande strategier med de mål som nämndernas mål${year ? ` för ${year}` : ''} bidrar till, och pilar till de nämndmålen. Mål som inget nämndmål bidrar till visas inte här, utan i tabellen ovan. Samma innehåll finns som lista intill diagrammet.`,
        dot: goalsDot(goalTree),
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
  const parentsOf = (d: StyrDocument) => (d.data.genomför ?? []).map((id) => ctx.project.corpus.byId.get(id)?.[0]).filter((p): p is StyrDocument => !!p && inSet.has(p));
  const level = (d: StyrDocument) => ctx.project.config.typeRules(d.data.dokumenttyp)?.nivå ?? 99;
  const order = (a: StyrDocument, b: StyrDocument) => level(a) - level(b) || compareSv(a.data.titel, b.data.titel);
  const node = (doc: StyrDocument, path: Set<StyrDocument>): TreeNode => {
    const s = ctx.summary(doc);
    const children = docs.filter((c) => !path.has(c) && parentsOf(c).includes(doc)).sort(order);
    const next = new Set(path).add(doc);
    return { title: s.title, url: s.url, note: `${s.typeName}, ${s.status.label.toLowerCase()}`, children: children.map((c) => node(c, next)) };
  };
  return docs.filter((d) => parentsOf(d).length === 0).sort(order).map((d) => node(d, new Set()));
}

function goalNode(doc: StyrDocument, goals: GoalEntry[], ctx: ModelContext): TreeNode {
  const targets = (ctx.project.corpus.targetsOf.get(doc) ?? [])
    .map((t) => ({ t, mine: goals.filter((g) => g.goal.bidrar_till?.includes(t.ref)) }))
    .filter(({ mine }) => mine.length > 0);
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
