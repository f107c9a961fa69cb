import type { ParseCache, PreviousFile } from '../load/parse-cache.js';
import type { DocumentData, StyrDocument } from '../model/document.js';
import type { RuleContext } from '../rules/rule.js';
import { filesInKeys, idsInKeys, impliedReads, linksAny, namesAny, type LinkedFiles } from '../corpus/implied-reads.js';
import { idNamedIn } from '../load/named-ids.js';
import { brokenFileKeys, EVERYTHING, fileKey, providedKeys } from '../corpus/read-tracking.js';
import type { DocumentEntry, StoredEntries } from './rule-results.js';

/**
 * What changed since the findings in `stored` (engine/rule-results.ts) were found, named as
 * corpus/read-tracking.ts names what a document's findings read, with the ids and files among its keys: a
 * document whose findings read one of them has stale findings (readsAny).
 */
export interface Changes {
  keys: ReadonlySet<string>;
  /** The files whose shape changed (ShapeChanges). */
  shapes: ShapeChanges;
  ids: ReadonlySet<string>;
  /** The ids, each as `\n<id>\n`: what idNamedIn looks for in a document's named ids. */
  idNeedles: readonly string[];
  files: LinkedFiles;
}

/** A file whose shape changed, with its data then and now (none for a file that did not parse). */
export interface ShapeChange {
  file: string;
  before: DocumentData | undefined;
  now: DocumentData | undefined;
}

/** The files whose shape changed since the findings were kept; `all` when that is not known, or a file came or went. */
export type ShapeChanges = { all: true } | { all: false; files: readonly ShapeChange[] };

export function changesSince(stored: StoredEntries, context: RuleContext, cache: ParseCache): Changes {
  const shaped: ShapeChange[] = [];
  let cameOrWent = false;
  const keys = changedKeys(stored, context, cache, (change) => (change ? void shaped.push(change) : (cameOrWent = true)));
  const ids = idsInKeys(keys);
  const shapes: ShapeChanges = keys.has(EVERYTHING) || cameOrWent ? { all: true } : { all: false, files: shaped };
  return { keys, shapes, ids, idNeedles: [...ids].map((id) => `\n${id}\n`), files: filesInKeys(keys) };
}

/**
 * The keys whose answers may have changed since the findings in `stored` were found: those that each file
 * whose shape changed provided then and provides now, and those of each file that came or went. What a file
 * was then is the parse cache's previous entry, when its inputs are those the findings were kept with;
 * otherwise it is not known, and `*` says so.
 */
function changedKeys(stored: StoredEntries, { corpus }: RuleContext, cache: ParseCache, noteFile: (shapeChange?: ShapeChange) => void): Set<string> {
  const everything = new Set([EVERYTHING]);
  const keptFiles = Object.keys(stored);
  if (!keptFiles.length) return everything;
  const changed = new Set<string>();
  let documents: Map<string, StyrDocument> | undefined;
  const dataNow = (file: string) => (documents ??= new Map(corpus.documents.map((d) => [d.file, d]))).get(file)?.data;
  const providedNow = (file: string) => {
    const data = dataNow(file);
    return data ? providedKeys(data) : brokenFileKeys(corpus.brokenFiles.get(file));
  };
  const providedThen = (file: string, previous: PreviousFile) => (previous.data ? providedKeys(previous.data) : brokenFileKeys(previous.claimedId));
  let known = 0;
  for (const file of corpus.files) {
    const before = stored[file];
    if (before) known++;
    if (before && before.inputs === cache.ruleInputs(file)) continue;
    const previous = cache.previous(file);
    if (!before) {
      // A new file, unless the cache knew it: then what it was when the findings were kept is not known.
      if (previous) return everything;
      noteFile();
      for (const key of [fileKey(file), ...providedNow(file)]) changed.add(key);
      continue;
    }
    if (previous?.ruleInputs !== before.inputs) return everything;
    if (previous.shape === cache.shape(file)) continue;
    noteFile({ file, before: previous.data, now: dataNow(file) });
    for (const key of [...providedThen(file, previous), ...providedNow(file)]) changed.add(key);
  }
  // Files that are gone: kept, and not among the corpus's.
  if (known < keptFiles.length) {
    const present = new Set(corpus.files);
    for (const file of keptFiles) {
      if (present.has(file)) continue;
      const previous = cache.previous(file);
      if (!previous || previous.ruleInputs !== stored[file]?.inputs) return everything;
      noteFile();
      for (const key of [fileKey(file), ...providedThen(file, previous)]) changed.add(key);
    }
  }
  return changed;
}

/**
 * Whether the findings kept in `entry` about `document` read something that changed; `named` is the ids the
 * document has or names as the parse cache keeps them, when it does.
 */
export function readsAny(document: StyrDocument, entry: DocumentEntry, changed: Changes, named?: string): boolean {
  if (!changed.keys.size) return false;
  if (changed.keys.has(EVERYTHING)) return true;
  if (named !== undefined ? idNamedIn(named, changed.idNeedles) : namesAny(document.data, changed.ids)) return true;
  if (linksAny(document, changed.files)) return true;
  return entry.reads !== undefined && entry.reads.split('\n').some((key) => key === EVERYTHING || changed.keys.has(key));
}

/** The keys read beyond those a document is taken to read anyway, one per line: one string in the cache, not an array. */
export function beyondImplied(reads: ReadonlySet<string>, document: StyrDocument): string | undefined {
  const implied = impliedReads(document);
  const beyond = [...reads].filter((key) => !implied.has(key));
  return beyond.length ? beyond.join('\n') : undefined;
}
