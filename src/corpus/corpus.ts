import type { Diagnostic } from '../model/diagnostic.js';
import { isVerksamhetsplan, type Goal, type StyrDocument } from '../model/document.js';
import type { PathSegment } from '../load/yaml-source.js';
import type { ParsedFile } from '../load/parse-file.js';

/** A point a nämnd goal can trace to: an inriktning point, a fokusområde or a delområde. */
export interface Target {
  /** `document-id#target-id` */
  ref: string;
  id: string;
  document: StyrDocument;
  kind: 'inriktning' | 'fokusområde' | 'delområde';
  title: string;
  text?: string;
  /** The fokusområde a delområde belongs to. */
  parent?: Target;
  path: PathSegment[];
}

export interface GoalEntry {
  /** `plan-id#goal-id` */
  ref: string;
  plan: StyrDocument & { data: import('../model/document.js').VerksamhetsplanData };
  goal: Goal;
  path: PathSegment[];
}

/** The cross-document index: built once per run and shared by the rules, the reports and the site. */
export interface Corpus {
  /** The corpus folder, relative to cwd ('.' for cwd itself). */
  root: string;
  /** Every file read, with or without findings. */
  files: string[];
  documents: StyrDocument[];
  /** Documents by id; more than one means a duplicate id. */
  byId: Map<string, StyrDocument[]>;
  /** Ids claimed by files that failed to parse or validate: references to them are not "unknown". */
  brokenIds: Set<string>;
  /** The files that failed to parse or validate, with the id each claims, if any. */
  brokenFiles: Map<string, string | undefined>;
  targets: Map<string, Target>;
  /** Targets of each document, in document order. */
  targetsOf: Map<StyrDocument, Target[]>;
  goals: GoalEntry[];
  /** Documents that list an id in their `ersätter`. */
  replacedBy: Map<string, StyrDocument[]>;
  /** Documents that list an id in their `genomför`. */
  implementedBy: Map<string, StyrDocument[]>;
  /** Findings from reading and parsing, before any rule ran. */
  loadDiagnostics: Diagnostic[];
}

export function getDocument(corpus: Corpus, id: string): StyrDocument | undefined {
  return corpus.byId.get(id)?.[0];
}

export function buildCorpus(parsed: ParsedFile[], readDiagnostics: Diagnostic[] = [], root = '.'): Corpus {
  const corpus: Corpus = {
    root,
    files: parsed.map((p) => p.file),
    documents: [],
    byId: new Map(),
    brokenIds: new Set(),
    brokenFiles: new Map(),
    targets: new Map(),
    targetsOf: new Map(),
    goals: [],
    replacedBy: new Map(),
    implementedBy: new Map(),
    loadDiagnostics: [...readDiagnostics, ...parsed.flatMap((p) => p.diagnostics)],
  };
  for (const file of parsed) {
    if (!file.document) {
      corpus.brokenFiles.set(file.file, file.claimedId);
      if (file.claimedId) corpus.brokenIds.add(file.claimedId);
      continue;
    }
    const doc = file.document;
    corpus.documents.push(doc);
    const list = corpus.byId.get(doc.data.id) ?? [];
    list.push(doc);
    corpus.byId.set(doc.data.id, list);
  }
  for (const doc of corpus.documents) {
    for (const id of doc.data.ersätter ?? []) push(corpus.replacedBy, id, doc);
    for (const id of doc.data.genomför ?? []) push(corpus.implementedBy, id, doc);
    const targets = collectTargets(doc);
    corpus.targetsOf.set(doc, targets);
    for (const target of targets) if (!corpus.targets.has(target.ref)) corpus.targets.set(target.ref, target);
    corpus.goals.push(...goalsOf(doc));
  }
  return corpus;
}

/** The goals of a document: a verksamhetsplan's, in order; none for other kinds. */
export function goalsOf(doc: StyrDocument): GoalEntry[] {
  if (!isVerksamhetsplan(doc.data)) return [];
  const plan = doc as GoalEntry['plan'];
  return plan.data.mål.map((goal, index) => ({ ref: `${doc.data.id}#${goal.id}`, plan, goal, path: ['mål', index] }));
}

function collectTargets(doc: StyrDocument): Target[] {
  const data = doc.data as { inriktning?: { id: string; text: string }[]; fokusområden?: import('../model/document.js').FocusArea[] };
  const targets: Target[] = [];
  const make = (id: string, kind: Target['kind'], title: string, path: PathSegment[], text?: string, parent?: Target): Target => ({
    ref: `${doc.data.id}#${id}`,
    id,
    document: doc,
    kind,
    title,
    path,
    ...(text ? { text } : {}),
    ...(parent ? { parent } : {}),
  });
  data.inriktning?.forEach((point, i) => targets.push(make(point.id, 'inriktning', point.text, ['inriktning', i], point.text)));
  data.fokusområden?.forEach((area, i) => {
    const areaTarget = make(area.id, 'fokusområde', area.rubrik, ['fokusområden', i], area.text);
    targets.push(areaTarget);
    area.delområden?.forEach((sub, j) => targets.push(make(sub.id, 'delområde', sub.rubrik, ['fokusområden', i, 'delområden', j], sub.text, areaTarget)));
  });
  return targets;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
