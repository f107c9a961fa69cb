import type { DocumentData, StyrDocument } from '../model/document.js';
import type { Corpus } from './corpus.js';
import { documentPart } from '../load/named-ids.js';

/**
 * What a document's findings read of other documents and files, so that `check --cache` finds them again
 * only for the documents that read what changed, as a build tool reruns only the targets whose inputs
 * changed. What a document is taken to read anyway is in implied-reads.ts.
 *
 * A read is named by a key:
 * - `id:X`: what the corpus says under the id X (the documents with that id, their targets, a broken file
 *   that claims it);
 * - `ersätter:X`, `genomför:X`: the documents that replace or implement X;
 * - `fil:F`: whether the file F is there (a document rule asks, of a link);
 * - `*`: the whole corpus (a list of every id, every document, every goal).
 * A document's shape (load/shape.ts) provides the keys of its own id and of each id it replaces or implements
 * (`providedKeys`), and a file provides `fil:` of itself while it is there: when a shape changes, or a file
 * comes or goes, the documents that read one of those keys, before or after, are checked again.
 */
export const EVERYTHING = '*';

export const idKey = (id: unknown) => `id:${String(id)}`;

/** How a lookup in each of the corpus's indexes is named; every other use of the corpus reads all of it. */
const LOOKUP_KEYS: Partial<Record<keyof Corpus, (key: unknown) => string>> = {
  byId: idKey,
  brokenIds: idKey,
  targets: (ref) => idKey(documentPart(String(ref))),
  targetsOf: (document) => idKey((document as StyrDocument).data.id),
  replacedBy: (id) => `ersätter:${String(id)}`,
  implementedBy: (id) => `genomför:${String(id)}`,
};

/** The keys a document's shape provides: what the corpus says under its id and the ids it points to. */
export function providedKeys(data: DocumentData): string[] {
  const { id, ersätter = [], genomför = [] } = data;
  return [idKey(id), ...ersätter.map((x) => `ersätter:${x}`), ...genomför.map((x) => `genomför:${x}`)];
}

/** The keys a file that failed to parse provides: the id it claims, which keeps references to it from being "unknown". */
export function brokenFileKeys(claimedId: string | undefined): string[] {
  return claimedId ? [idKey(claimedId)] : [];
}

/** The key of a file's being there. */
export const fileKey = (file: string) => `fil:${file}`;

const RECORDER = Symbol('styrdok.reads');

interface Recorder {
  /** The keys read since the innermost `collect` began; none open means nothing is recorded. */
  open: Set<string>[];
}

export interface TrackedCorpus {
  /** A corpus to give the rules: the same answers, with every read noted. */
  corpus: Corpus;
  /** The corpus's files, for the document rules: whether a file is there is noted as `fil:F`. */
  files: ReadonlySet<string>;
  /** Runs `read` and says which keys it read. */
  collect<T>(read: () => T): { value: T; reads: Set<string> };
}

/** A view of `corpus` that notes what is read of it; the corpus itself is not changed. */
export function trackReads(corpus: Corpus): TrackedCorpus {
  const recorder: Recorder = { open: [] };
  const note = (key: string) => recorder.open[recorder.open.length - 1]?.add(key);
  const view = Object.create(null) as Corpus;
  for (const name of Object.keys(corpus) as (keyof Corpus)[]) {
    const value = corpus[name];
    const keyOf = LOOKUP_KEYS[name];
    if (name === 'root') Object.defineProperty(view, name, { value, enumerable: true });
    else if (keyOf && (value instanceof Map || value instanceof Set)) Object.defineProperty(view, name, { value: lookups(value, keyOf, note), enumerable: true });
    else Object.defineProperty(view, name, { get: () => (note(EVERYTHING), value), enumerable: true });
  }
  Object.defineProperty(view, RECORDER, { value: recorder });
  let files: ReadonlySet<string> | undefined;
  return {
    corpus: view,
    get files() {
      return (files ??= lookups(new Set(corpus.files), (file) => fileKey(String(file)), note));
    },
    collect(read) {
      return collectWith(recorder, read);
    },
  };
}

function collectWith<T>(recorder: Recorder, read: () => T): { value: T; reads: Set<string> } {
  const reads = new Set<string>();
  recorder.open.push(reads);
  try {
    const value = read();
    return { value, reads };
  } finally {
    recorder.open.pop();
    // What an inner collect read, its caller read too.
    const outer = recorder.open[recorder.open.length - 1];
    if (outer) for (const key of reads) outer.add(key);
  }
}

/** A Map or Set whose get and has note the key they look up; anything else (a walk over it, its size) notes `*`. */
function lookups<T extends Map<unknown, unknown> | Set<unknown>>(target: T, keyOf: (key: unknown) => string, note: (key: string) => void): T {
  const get = (key: unknown) => (note(keyOf(key)), (target as Map<unknown, unknown>).get(key));
  const has = (key: unknown) => (note(keyOf(key)), target.has(key));
  return new Proxy(target, {
    get(map, property) {
      if (property === 'get' && map instanceof Map) return get;
      if (property === 'has') return has;
      note(EVERYTHING);
      const value: unknown = Reflect.get(map, property, map);
      return typeof value === 'function' ? value.bind(map) : value;
    },
  });
}

interface Memo {
  value: unknown;
  reads: Set<string>;
}

const memos = new WeakMap<Corpus, WeakMap<object, Map<string, Memo>>>();

/**
 * `compute()` once per corpus, `scope` (the config, or the function that asks) and `key`. Every memo over
 * a corpus goes through here: on a view from trackReads, each caller is noted as having read what the first
 * caller's computation read, not only the first.
 */
export function memoOn<T>(corpus: Corpus, scope: object, key: string, compute: () => T): T {
  const byScope = memos.get(corpus) ?? memos.set(corpus, new WeakMap()).get(corpus)!;
  const byKey = byScope.get(scope) ?? byScope.set(scope, new Map()).get(scope)!;
  const recorder = (corpus as { [RECORDER]?: Recorder })[RECORDER];
  let memo = byKey.get(key);
  if (!memo) {
    memo = recorder ? collectWith(recorder, compute) : { value: compute(), reads: new Set<string>() };
    byKey.set(key, memo);
  } else if (recorder) {
    const open = recorder.open[recorder.open.length - 1];
    if (open) for (const read of memo.reads) open.add(read);
  }
  return memo.value as T;
}
