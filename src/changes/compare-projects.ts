import { createHash } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { swedishDate, type IsoDate } from '../corpus/dates.js';
import { statusOn, type DocumentStatus } from '../corpus/status.js';
import type { CheckedProject } from '../engine/load-project.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { StyrDocument } from '../model/document.js';

/** What a change does to one document, in the words the report uses. */
export interface DocumentChange {
  id: string;
  title: string;
  typeName: string;
  file: string;
  /** `trasig`: the file is still there but no longer reads (its findings say why). */
  kind: 'ny' | 'borttagen' | 'trasig' | 'ändrad' | 'status';
  /** What changed in the file: «nytt beslut (KS/2026:12, 20 november 2026)», «titel», «texten» … Empty for kind status. */
  what: string[];
  /** The status on the day after the change; none for a document that is gone or does not read. */
  after?: string;
  /** The status on the day before the change, when it was another; alone for a document that is gone or does not read. */
  before?: string;
}

export interface ChangeReport {
  documents: DocumentChange[];
  /** Findings the change brings, and findings it does away with: the same file, rule, severity and message. */
  newFindings: Diagnostic[];
  goneFindings: Diagnostic[];
}

/** What the comparison needs of one document: small, so that a checked project can be let go before the next is checked. */
interface DocumentSummary {
  id: string;
  title: string;
  typeName: string;
  file: string;
  status: string;
  decision?: { datum: string; diarienummer: string; text: string };
  /** Each frontmatter key's value as JSON, but `titel`, `beslut` and `mål`, which are told apart. */
  keys: Map<string, string>;
  /** A plan's goals by id, each as JSON. */
  goals: Map<string, string>;
  /** SHA-1 of the text under the frontmatter. */
  body: string;
}

/** A checked project as the comparison sees it (summarizeProject). */
export interface ProjectSummary {
  /** The first document with each id: a duplicate id is the references rule's finding, not a change to describe. */
  documents: Map<string, DocumentSummary>;
  /** The ids claimed by files that do not read. */
  brokenIds: Set<string>;
  diagnostics: Diagnostic[];
}

/** Keys whose change is told in words of its own; the others are named as they are written. */
const TOLD_APART = new Set(['beslut', 'titel', 'mål']);

/**
 * A copy of `text` that keeps nothing else alive. A string taken from a parsed file can be a slice of the file's
 * whole text, which V8 then keeps: the ids of 10,000 documents held 220 MB of their files after the check.
 */
const own = (text: string): string => Buffer.from(text, 'utf8').toString('utf8');

/** What the comparison needs of a checked project, with each document's status on `today`: nothing of it keeps the project alive. */
export function summarizeProject(project: CheckedProject, today: IsoDate): ProjectSummary {
  const documents = new Map<string, DocumentSummary>();
  // The documents in the paths asked for, as the findings are: the whole corpus is read to check them.
  const asked = new Set(project.files);
  for (const doc of project.corpus.documents) {
    if (documents.has(doc.data.id) || !asked.has(doc.file)) continue;
    const summary = summarize(doc, project, today);
    documents.set(summary.id, summary);
  }
  const diagnostics = JSON.parse(JSON.stringify(project.diagnostics)) as Diagnostic[];
  return { documents, brokenIds: new Set([...project.corpus.brokenIds].map(own)), diagnostics };
}

function summarize(doc: StyrDocument, project: CheckedProject, today: IsoDate): DocumentSummary {
  const data = doc.data as unknown as Record<string, unknown>;
  const keys = new Map(Object.keys(data).filter((key) => !TOLD_APART.has(key)).map((key) => [key, JSON.stringify(data[key])]));
  const goals = new Map((Array.isArray(data.mål) ? (data.mål as { id?: unknown }[]) : []).map((goal) => [own(String(goal?.id)), JSON.stringify(goal)]));
  const { beslut } = doc.data;
  return {
    id: own(doc.data.id),
    title: own(doc.data.titel),
    typeName: own(project.config.typeName(doc.data.dokumenttyp)),
    file: own(doc.file),
    status: own(statusText(statusOn(doc, today, project.corpus))),
    ...(beslut ? { decision: { datum: own(beslut.datum), diarienummer: own(beslut.diarienummer), text: JSON.stringify(beslut) } } : {}),
    keys,
    goals,
    body: createHash('sha1').update(doc.body).digest('hex'),
  };
}

/**
 * What a change does to the styrdokument: `base` is the corpus before (a commit), `head` after (the working
 * tree), both checked on the same day. Documents are matched by id, so a moved file is one changed document, and
 * else by file, so a new id in the same file is one changed document too. A
 * document whose file is the same may still change status, when another document replaces or repeals it.
 * Findings are matched without their positions, which any edit above them moves.
 */
export function compareProjects(base: ProjectSummary | undefined, head: ProjectSummary): ChangeReport {
  const before = base?.documents ?? new Map<string, DocumentSummary>();
  const documents: DocumentChange[] = [];
  const about = (doc: DocumentSummary) => ({ id: doc.id, title: doc.title, typeName: doc.typeName, file: doc.file });
  // A document whose id is gone but whose file now holds another id got a new id: one change, not one gone and one new.
  const renamedFrom = new Map<string, DocumentSummary>();
  const goneByFile = new Map([...before.values()].filter((old) => !head.documents.has(old.id) && !head.brokenIds.has(old.id)).map((old) => [old.file, old]));
  for (const doc of head.documents.values()) {
    const old = before.has(doc.id) ? undefined : goneByFile.get(doc.file);
    if (old) renamedFrom.set(doc.id, old);
  }
  for (const [id, doc] of head.documents) {
    const renamed = renamedFrom.get(id);
    const old = before.get(id) ?? renamed;
    if (!old) {
      documents.push({ ...about(doc), kind: 'ny', what: [], after: doc.status });
      continue;
    }
    const what = renamed ? [`nytt id, förut ${renamed.id} (länkar till det gamla id:t pekar inte längre hit)`, ...fileChanges(old, doc).filter((key) => key !== 'id')] : fileChanges(old, doc);
    const changedStatus = old.status === doc.status ? {} : { before: old.status };
    if (what.length) documents.push({ ...about(doc), kind: 'ändrad', what, after: doc.status, ...changedStatus });
    else if (old.status !== doc.status) documents.push({ ...about(doc), kind: 'status', what, after: doc.status, ...changedStatus });
  }
  const renamed = new Set([...renamedFrom.values()].map((old) => old.id));
  for (const [id, old] of before) {
    if (head.documents.has(id) || renamed.has(id)) continue;
    documents.push({ ...about(old), kind: head.brokenIds.has(id) ? 'trasig' : 'borttagen', what: [], before: old.status });
  }
  documents.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return { documents, ...findingChanges(base?.diagnostics ?? [], head.diagnostics) };
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

/** What differs between two versions of a document's file, in the order a reader of its header meets it. */
function fileChanges(old: DocumentSummary, doc: DocumentSummary): string[] {
  const what: string[] = [];
  if (old.file !== doc.file) what.push(`flyttad från ${old.file}`);
  const decision = decisionChange(old.decision, doc.decision);
  if (decision) what.push(decision);
  if (old.title !== doc.title) what.push('titel');
  what.push(...[...new Set([...doc.keys.keys(), ...old.keys.keys()])].filter((key) => old.keys.get(key) !== doc.keys.get(key)));
  const goals = goalChanges(old.goals, doc.goals);
  if (goals) what.push(goals);
  if (old.body !== doc.body) what.push('texten');
  return what;
}

function decisionChange(a: DocumentSummary['decision'], b: DocumentSummary['decision']): string | undefined {
  if (isDeepStrictEqual(a, b)) return undefined;
  if (!b) return 'beslutet borttaget (nu ett utkast)';
  const told = `${b.diarienummer}, ${swedishDate(b.datum)}`;
  if (!a) return `beslutat (${told})`;
  return a.datum !== b.datum || a.diarienummer !== b.diarienummer ? `nytt beslut (${told})` : 'beslutets uppgifter';
}

/** A plan's goals by id: how many came, went or changed. */
function goalChanges(a: Map<string, string>, b: Map<string, string>): string | undefined {
  const added = [...b.keys()].filter((id) => !a.has(id));
  const removed = [...a.keys()].filter((id) => !b.has(id));
  const changed = [...b.keys()].filter((id) => a.has(id) && a.get(id) !== b.get(id));
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
