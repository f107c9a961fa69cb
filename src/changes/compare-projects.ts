import { isDeepStrictEqual } from 'node:util';
import type { Config } from '../config/config.js';
import type { Corpus } from '../corpus/corpus.js';
import { swedishDate, type IsoDate } from '../corpus/dates.js';
import { statusOn, type DocumentStatus } from '../corpus/status.js';
import type { CheckedProject } from '../engine/load-project.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { DocumentData, StyrDocument } from '../model/document.js';

/** What a change does to one document, in the words the report uses. */
export interface DocumentChange {
  id: string;
  title: string;
  typeName: string;
  file: string;
  kind: 'ny' | 'borttagen' | 'ändrad' | 'status';
  /** What changed in the file: «nytt beslut (KS/2026:12, 20 november 2026)», «titel», «texten» … Empty for kind status. */
  what: string[];
  /** The status on the day after the change; none for a removed document. */
  after?: string;
  /** The status on the day before the change, when it was another; alone for a removed document. */
  before?: string;
}

export interface ChangeReport {
  documents: DocumentChange[];
  /** Findings the change brings, and findings it does away with: the same file, rule, severity and message. */
  newFindings: Diagnostic[];
  goneFindings: Diagnostic[];
}

/**
 * What a change does to the styrdokument: `base` is the corpus before (a commit), `head` after (the working
 * tree), both checked on `today`. Documents are matched by id, so a moved file is one changed document. A
 * document whose file is the same may still change status, when another document replaces or repeals it.
 * Findings are matched without their positions, which any edit above them moves.
 */
export function compareProjects(base: CheckedProject | undefined, head: CheckedProject, today: IsoDate): ChangeReport {
  const before = documentsById(base?.corpus);
  const after = documentsById(head.corpus);
  const documents: DocumentChange[] = [];
  for (const [id, doc] of after) {
    const old = before.get(id);
    const status = statusText(statusOn(doc, today, head.corpus));
    const about = { id, title: doc.data.titel, typeName: typeName(doc, head.config), file: doc.file };
    if (!old) {
      documents.push({ ...about, kind: 'ny', what: [], after: status });
      continue;
    }
    const oldStatus = statusText(statusOn(old, today, base!.corpus));
    const what = fileChanges(old, doc);
    const changedStatus = oldStatus === status ? {} : { before: oldStatus };
    if (what.length) documents.push({ ...about, kind: 'ändrad', what, after: status, ...changedStatus });
    else if (oldStatus !== status) documents.push({ ...about, kind: 'status', what, after: status, ...changedStatus });
  }
  for (const [id, old] of before) {
    if (after.has(id)) continue;
    documents.push({ id, title: old.data.titel, typeName: typeName(old, base!.config), file: old.file, kind: 'borttagen', what: [], before: statusText(statusOn(old, today, base!.corpus)) });
  }
  documents.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return { documents, ...findingChanges(base?.diagnostics ?? [], head.diagnostics) };
}

/** The first document with each id: a duplicate id is the references rule's finding, not a change to describe. */
function documentsById(corpus: Corpus | undefined): Map<string, StyrDocument> {
  const byId = new Map<string, StyrDocument>();
  for (const doc of corpus?.documents ?? []) if (!byId.has(doc.data.id)) byId.set(doc.data.id, doc);
  return byId;
}

function typeName(doc: StyrDocument, config: Config): string {
  return config.typeRules(doc.data.dokumenttyp)?.namn ?? doc.data.dokumenttyp;
}

/** A status as a reader says it, with the day and the replacing document where there is one. */
export function statusText(status: DocumentStatus): string {
  switch (status.kind) {
    case 'gällande':
      return status.until ? `Gällande till ${swedishDate(status.until)}` : 'Gällande';
    case 'utkast':
      return 'Utkast';
    case 'kommande':
      return `Gäller från ${swedishDate(status.from)}`;
    case 'upphört':
      return `Upphörde ${swedishDate(status.on)}`;
    case 'ersatt':
      return `Ersatt av «${status.by.data.titel}» från ${swedishDate(status.on)}`;
    case 'upphävd':
      return `Upphävd från ${swedishDate(status.on)}`;
  }
}

/** Keys whose change is told in words of its own; the others are named as they are written. */
const TOLD_APART = new Set(['beslut', 'titel', 'mål']);

/** What differs between two versions of a document's file, in the order a reader of its header meets it. */
function fileChanges(old: StyrDocument, doc: StyrDocument): string[] {
  const what: string[] = [];
  if (old.file !== doc.file) what.push(`flyttad från ${old.file}`);
  const decision = decisionChange(old.data, doc.data);
  if (decision) what.push(decision);
  if (old.data.titel !== doc.data.titel) what.push('titel');
  const a = old.data as unknown as Record<string, unknown>;
  const b = doc.data as unknown as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((key) => !TOLD_APART.has(key) && !isDeepStrictEqual(a[key], b[key]));
  what.push(...keys);
  const goals = goalChanges(a.mål, b.mål);
  if (goals) what.push(goals);
  if (old.body !== doc.body) what.push('texten');
  return what;
}

function decisionChange(old: DocumentData, doc: DocumentData): string | undefined {
  const [a, b] = [old.beslut, doc.beslut];
  if (isDeepStrictEqual(a, b)) return undefined;
  if (!b) return 'beslutet borttaget (nu ett utkast)';
  const told = `${b.diarienummer}, ${swedishDate(b.datum)}`;
  if (!a) return `beslutat (${told})`;
  return a.datum !== b.datum || a.diarienummer !== b.diarienummer ? `nytt beslut (${told})` : 'beslutets uppgifter';
}

/** A plan's goals by id: how many came, went or changed. */
function goalChanges(old: unknown, now: unknown): string | undefined {
  const byId = (list: unknown) => new Map((Array.isArray(list) ? list : []).map((goal: { id?: unknown }) => [String(goal?.id), goal]));
  const [a, b] = [byId(old), byId(now)];
  const added = [...b.keys()].filter((id) => !a.has(id));
  const removed = [...a.keys()].filter((id) => !b.has(id));
  const changed = [...b.keys()].filter((id) => a.has(id) && !isDeepStrictEqual(a.get(id), b.get(id)));
  const parts = [
    added.length ? `${added.length} ${added.length === 1 ? 'nytt' : 'nya'} (${added.join(', ')})` : '',
    changed.length ? `${changed.length} ${changed.length === 1 ? 'ändrat' : 'ändrade'} (${changed.join(', ')})` : '',
    removed.length ? `${removed.length} ${removed.length === 1 ? 'borttaget' : 'borttagna'} (${removed.join(', ')})` : '',
  ].filter(Boolean);
  return parts.length ? `mål: ${parts.join(', ')}` : undefined;
}

/** The findings only `head` has, and those only `base` had, counted as multisets of file, rule, severity and message. */
function findingChanges(base: readonly Diagnostic[], head: readonly Diagnostic[]): { newFindings: Diagnostic[]; goneFindings: Diagnostic[] } {
  const key = (d: Diagnostic) => `${d.file}\0${d.ruleId}\0${d.severity}\0${d.message}`;
  const unmatched = (from: readonly Diagnostic[], against: readonly Diagnostic[]) => {
    const counts = new Map<string, number>();
    for (const d of against) counts.set(key(d), (counts.get(key(d)) ?? 0) + 1);
    return from.filter((d) => {
      const left = counts.get(key(d)) ?? 0;
      if (left > 0) counts.set(key(d), left - 1);
      return left === 0;
    });
  };
  return { newFindings: unmatched(head, base), goneFindings: unmatched(base, head) };
}
