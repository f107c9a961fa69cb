import type { CheckedProject } from '../engine/load-project.js';
import { getDocument, type GoalEntry, type Target } from '../corpus/corpus.js';
import { statusOn, type DocumentStatus } from '../corpus/status.js';
import { revisionState } from '../corpus/revision.js';
import { actionsOf, type Action, type StyrDocument } from '../model/document.js';
import { swedishDate } from './format.js';
import { slugify } from './slug.js';
import type { DocRef, DocSummary, GoalLink, StatusKind, TargetLink } from './types.js';

const SAFE_ID = /^[a-z0-9-]+$/;

export const STATUS_LABEL: Record<StatusKind, string> = {
  gällande: 'Gällande',
  utkast: 'Utkast',
  kommande: 'Kommande',
  upphört: 'Upphört',
  ersatt: 'Ersatt',
  upphävd: 'Upphävd',
};

const STATUS_CSS: Record<StatusKind, string> = {
  gällande: 'gallande',
  utkast: 'utkast',
  kommande: 'kommande',
  upphört: 'slut',
  ersatt: 'slut',
  upphävd: 'slut',
};

export const TARGET_KIND_LABEL: Record<Target['kind'], string> = {
  inriktning: 'Inriktning',
  fokusområde: 'Fokusområde',
  delområde: 'Delområde',
};

export interface ActionEntry {
  doc: StyrDocument;
  action: Action;
}

/** Look-ups every part of the model shares, computed once per build. */
export interface ModelContext {
  project: CheckedProject;
  docUrl(id: string): string;
  namndUrl(id: string): string;
  /** The last part of a nämnd's addresses (its page, its uppföljning pages): its id, or a slug of a free-text one. */
  namndSlug(id: string): string;
  name(id: string): string;
  typeName(doc: StyrDocument): string;
  status(doc: StyrDocument): DocumentStatus;
  summary(doc: StyrDocument): DocSummary;
  ref(id: string): DocRef;
  /** Anchor of a target on its document's page. */
  targetAnchor(target: Target): string;
  targetLink(ref: string): TargetLink;
  goalAnchor(entry: GoalEntry): string;
  goalLink(entry: GoalEntry): GoalLink;
  goalsOf(targetRef: string): GoalEntry[];
  actionsOf(targetRef: string): ActionEntry[];
  /** The goals of one verksamhetsplan, in the order they are written. */
  goalsOfPlan(plan: StyrDocument): GoalEntry[];
  /** The documents that name this id in kompletteras_med. */
  complementsOf(id: string): StyrDocument[];
}

export function createContext(project: CheckedProject): ModelContext {
  const { config, corpus, today } = project;
  const statuses = new Map<StyrDocument, DocumentStatus>();
  const summaries = new Map<StyrDocument, DocSummary>();
  const goalsByTarget = new Map<string, GoalEntry[]>();
  for (const entry of corpus.goals) for (const ref of entry.goal.bidrar_till ?? []) push(goalsByTarget, ref, entry);
  const actionsByTarget = new Map<string, ActionEntry[]>();
  for (const doc of corpus.documents) {
    for (const action of actionsOf(doc.data)) for (const ref of action.bidrar_till ?? []) push(actionsByTarget, ref, { doc, action });
  }
  const goalsByPlan = new Map<StyrDocument, GoalEntry[]>();
  for (const entry of corpus.goals) push(goalsByPlan, entry.plan, entry);
  const complements = new Map<string, StyrDocument[]>();
  for (const doc of corpus.documents) for (const id of new Set(doc.data.kompletteras_med ?? [])) push(complements, id, doc);
  const anchors = targetAnchors(project);

  const ctx: ModelContext = {
    project,
    docUrl: (id) => `/dokument/${id}/`,
    // Organ ids are schema-checked, but a plan's nämnd is free text until the owner rule runs: never let it steer a path.
    namndSlug: (id) => (SAFE_ID.test(id) ? id : slugify(id) || 'okand'),
    namndUrl: (id) => `/namnd/${ctx.namndSlug(id)}/`,
    name: (id) => config.nameOf(id),
    typeName: (doc) => config.typeName(doc.data.dokumenttyp),
    status(doc) {
      let status = statuses.get(doc);
      if (!status) statuses.set(doc, (status = statusOn(doc, today, corpus)));
      return status;
    },
    summary(doc) {
      let summary = summaries.get(doc);
      if (summary) return summary;
      const { data } = doc;
      const status = ctx.status(doc);
      const revision = status.kind === 'gällande' ? revisionState(doc, today, config) : { kind: 'ok' as const };
      summary = {
        id: data.id,
        url: ctx.docUrl(data.id),
        title: data.titel,
        ...(data.sammanfattning ? { summary: data.sammanfattning } : {}),
        type: data.dokumenttyp,
        typeName: ctx.typeName(doc),
        typeUrl: `/dokument/typ/${slugify(data.dokumenttyp)}/`,
        status: { kind: status.kind, label: STATUS_LABEL[status.kind], css: STATUS_CSS[status.kind] },
        ...(revision.kind !== 'ok' ? { revision: { kind: revision.kind, label: revision.kind === 'due' ? 'Ska revideras' : 'Revision försenad' } } : {}),
        ...(data.beslut ? { decided: { iso: data.beslut.datum, text: swedishDate(data.beslut.datum) } } : {}),
        organ: { id: data.beslutande_organ, name: config.nameOf(data.beslutande_organ) },
        owner: { id: data.dokumentansvarig, name: config.nameOf(data.dokumentansvarig) },
      };
      summaries.set(doc, summary);
      return summary;
    },
    ref(id) {
      const doc = getDocument(corpus, id);
      if (!doc) return { id, title: id };
      const s = ctx.summary(doc);
      return { id, title: s.title, url: s.url, typeName: s.typeName, statusLabel: s.status.label };
    },
    targetAnchor: (target) => anchors.get(target) ?? `mal--${target.id}`,
    targetLink(ref) {
      const target = corpus.targets.get(ref);
      if (!target) return { title: ref };
      return {
        title: target.title,
        url: `${ctx.docUrl(target.document.data.id)}#${ctx.targetAnchor(target)}`,
        kindLabel: TARGET_KIND_LABEL[target.kind],
        document: target.document.data.titel,
      };
    },
    goalAnchor: (entry) => `mal--${entry.plan.data.id}--${entry.goal.id}`,
    goalLink: (entry) => ({
      url: `${ctx.namndUrl(entry.plan.data.nämnd)}#${ctx.goalAnchor(entry)}`,
      title: entry.goal.titel,
      namnd: config.nameOf(entry.plan.data.nämnd),
      year: entry.plan.data.år,
    }),
    goalsOf: (ref) => goalsByTarget.get(ref) ?? [],
    actionsOf: (ref) => actionsByTarget.get(ref) ?? [],
    goalsOfPlan: (plan) => goalsByPlan.get(plan) ?? [],
    complementsOf: (id) => complements.get(id) ?? [],
  };
  return ctx;
}

/** "mal--<target-id>", numbered if a document repeats an id, so every anchor on a page is unique. */
function targetAnchors(project: CheckedProject): Map<Target, string> {
  const anchors = new Map<Target, string>();
  for (const targets of project.corpus.targetsOf.values()) {
    const used = new Set<string>();
    for (const target of targets) {
      let anchor = `mal--${target.id}`;
      for (let n = 2; used.has(anchor); n++) anchor = `mal--${target.id}-${n}`;
      used.add(anchor);
      anchors.set(target, anchor);
    }
  }
  return anchors;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
