import type { Target } from '../corpus/corpus.js';
import { ENDED_STATUSES, validityOf } from '../corpus/status.js';
import { revisionState } from '../corpus/revision.js';
import { daysBetween } from '../corpus/dates.js';
import { actionsOf, isVerksamhetsplan, type StyrDocument } from '../model/document.js';
import { TARGET_KIND_LABEL, type ModelContext } from './context.js';
import { decisionText, dueText, lawText, revisionText, swedishDate, validityText } from './format.js';
import { facetValuesOf } from './filter-pages.js';
import { goalView } from './goal-view.js';
import { renderMarkdown } from './render-markdown.js';
import { LAYOUT_IDS, type ActionView, type BannerLine, type DocPage, type DocRef, type Fact, type TargetView } from './types.js';

const PRIORITY: Record<string, string> = { hög: 'Hög', medel: 'Medel', låg: 'Låg' };

/** Everything the page of one document shows, in the order a printed styrdokument gives it. */
export function documentPage(doc: StyrDocument, ctx: ModelContext, urlOfFile: ReadonlyMap<string, string>): DocPage {
  const { corpus } = ctx.project;
  const { data } = doc;
  const body = renderMarkdown(doc.body, { file: doc.file, urlOfFile, reservedIds: LAYOUT_IDS });
  const refs = (ids: readonly string[] | undefined): DocRef[] => (ids ?? []).map((id) => ctx.ref(id));
  const docsRefs = (docs: StyrDocument[] | undefined): DocRef[] => unique(docs ?? []).map((d) => ctx.ref(d.data.id));
  const extra = data as { övergripande_mål?: string; parter?: { namn: string; företrädd_av?: string; organisationsnummer?: string }[] };
  const plan = isVerksamhetsplan(data) ? { ...data } : undefined;
  const planGoals = plan ? ctx.goalsOfPlan(doc) : [];

  const summary = ctx.summary(doc);
  return {
    ...summary,
    file: doc.file,
    searchFullText: !ENDED_STATUSES.has(ctx.status(doc).kind),
    searchFilters: facetValuesOf(summary),
    facts: facts(doc, ctx),
    banner: banner(doc, ctx),
    body,
    toc: body.headings.filter((h) => h.depth === 2).length >= 3 ? body.headings.filter((h) => h.depth === 2) : [],
    keywords: data.nyckelord ?? [],
    ...(extra.övergripande_mål ? { overallGoal: extra.övergripande_mål } : {}),
    parties: (extra.parter ?? []).map((p) => ({
      name: p.namn,
      ...(p.företrädd_av ? { representedBy: p.företrädd_av } : {}),
      ...(p.organisationsnummer ? { orgNumber: p.organisationsnummer } : {}),
    })),
    implements: refs(data.genomför),
    implementedBy: docsRefs(corpus.implementedBy.get(data.id)),
    contributesTo: docsRefs(planGoals.flatMap((g) => (g.goal.bidrar_till ?? []).map((ref) => corpus.targets.get(ref)?.document).filter((d): d is StyrDocument => !!d))),
    replaces: refs(data.ersätter),
    replacedBy: docsRefs(corpus.replacedBy.get(data.id)),
    complementedBy: refs(data.kompletteras_med),
    complements: docsRefs(ctx.complementsOf(data.id).filter((d) => d !== doc)),
    ...targetTree(corpus.targetsOf.get(doc) ?? [], ctx),
    actions: actionsOf(data).map((action): ActionView => {
      const due = dueText(action.klart);
      return {
        anchor: `atgard--${action.id}`,
        text: action.text,
        ...(action.ansvarig ? { responsible: ctx.name(action.ansvarig) } : {}),
        ...(due ? { due } : {}),
        ...(action.prioritet ? { priority: PRIORITY[action.prioritet] ?? action.prioritet } : {}),
        contributesTo: (action.bidrar_till ?? []).map((ref) => ctx.targetLink(ref)),
      };
    }),
    ...(plan
      ? { plan: { namnd: { url: ctx.namndUrl(plan.nämnd), title: ctx.name(plan.nämnd) }, year: plan.år, goals: planGoals.map((g) => goalView(g, ctx)) } }
      : {}),
  };
}

/** The header block of a printed styrdokument, as a description list. */
function facts(doc: StyrDocument, ctx: ModelContext): Fact[] {
  const { data } = doc;
  const out: Fact[] = [{ term: 'Dokumenttyp', text: ctx.typeName(doc) }];
  const validity = validityOf(doc);
  if (validity) out.push({ term: 'Giltighetstid', text: validityText(validity.from, validity.to) });
  out.push({ term: 'Beslutande organ', text: ctx.name(data.beslutande_organ) });
  out.push(data.beslut ? { term: 'Beslutsdatum', text: decisionText(data.beslut), datetime: data.beslut.datum } : { term: 'Beslutsdatum', text: 'Inte beslutat (utkast)' });
  const law = lawText(data.antagen_till_följd_av_lag);
  if (law) out.push({ term: 'Antagen till följd av lag', text: law });
  const revision = revisionText(data.revisionsdatum);
  if (revision) out.push({ term: 'Revisionsdatum', text: revision, ...(data.revisionsdatum !== 'ny mandatperiod' ? { datetime: data.revisionsdatum } : {}) });
  out.push({ term: 'Dokumentansvarig', text: ctx.name(data.dokumentansvarig) });
  if (data.uppföljning) out.push({ term: 'Uppföljning', text: data.uppföljning });
  return out;
}

/** What a reader must know first: whether the document applies today, and if not, what does. */
function banner(doc: StyrDocument, ctx: ModelContext): BannerLine[] {
  const { config, today } = ctx.project;
  const status = ctx.status(doc);
  const lines: BannerLine[] = [];
  switch (status.kind) {
    case 'utkast':
      lines.push({ before: 'Utkast. Dokumentet är inte beslutat och gäller inte.' });
      break;
    case 'kommande':
      lines.push({ before: `Beslutat. Börjar gälla ${swedishDate(status.from)}.` });
      break;
    case 'gällande': {
      const from = validityOf(doc)?.from;
      lines.push({ before: `Gällande${from ? ` sedan ${swedishDate(from)}` : ''}${status.until ? '' : ', tills vidare'}.` });
      if (status.until) {
        const days = daysBetween(today, status.until);
        const soon = days <= (config.data.varning_dagar_före_slut ?? 90) ? ` (om ${days} ${days === 1 ? 'dag' : 'dagar'})` : '';
        lines.push({ before: `Upphör att gälla efter ${swedishDate(status.until)}${soon}.` });
      }
      const revision = revisionState(doc, today, config);
      if (revision.kind === 'overdue') lines.push({ before: `Revision försenad sedan ${swedishDate(revision.since)}.` });
      if (revision.kind === 'due') lines.push({ before: `Ska revideras under mandatperioden ${revision.period}, senast ${swedishDate(revision.deadline)}.` });
      break;
    }
    case 'upphört':
      lines.push({ before: `Upphörde att gälla efter ${swedishDate(status.on)}. Dokumentet gäller inte längre.` });
      break;
    case 'ersatt':
      lines.push({ before: 'Ersatt av ', link: { url: ctx.docUrl(status.by.data.id), title: status.by.data.titel }, after: ` från ${swedishDate(status.on)}. Dokumentet gäller inte längre.` });
      break;
    case 'upphävd': {
      const repeal = doc.data.upphävd;
      const decision = repeal?.paragraf !== undefined ? ` § ${repeal.paragraf}` : '';
      const dnr = repeal?.diarienummer ? `, ${repeal.diarienummer}` : '';
      lines.push({ before: `Upphävt av ${repeal ? ctx.name(repeal.organ) : 'beslut'} ${swedishDate(status.on)}${decision}${dnr}. Dokumentet gäller inte längre.` });
      break;
    }
  }
  return lines;
}

/** Inriktning points, then fokusområden with their delområden nested, each with what carries it out. */
function targetTree(targets: Target[], ctx: ModelContext): { points: TargetView[]; areas: TargetView[] } {
  const views = new Map<Target, TargetView>();
  const points: TargetView[] = [];
  const areas: TargetView[] = [];
  for (const target of targets) {
    const area = (target.document.data as { fokusområden?: { id: string; avsnitt?: string }[] }).fokusområden?.find((f) => f.id === target.id);
    const view: TargetView = {
      ref: target.ref,
      anchor: ctx.targetAnchor(target),
      kindLabel: TARGET_KIND_LABEL[target.kind],
      title: target.title,
      ...(target.text && target.text !== target.title ? { text: target.text } : {}),
      ...(target.kind === 'fokusområde' && area?.avsnitt ? { section: area.avsnitt } : {}),
      goals: ctx
        .goalsOf(target.ref)
        .map((g) => ctx.goalLink(g))
        .sort((a, b) => b.year - a.year || a.namnd.localeCompare(b.namnd, 'sv')),
      actions: ctx.actionsOf(target.ref).map(({ doc, action }) => ({ url: `${ctx.docUrl(doc.data.id)}#atgard--${action.id}`, text: action.text, document: doc.data.titel })),
      children: [],
    };
    views.set(target, view);
    const parent = target.parent && views.get(target.parent);
    if (parent) parent.children.push(view);
    else (target.kind === 'inriktning' ? points : areas).push(view);
  }
  return { points, areas };
}

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}
