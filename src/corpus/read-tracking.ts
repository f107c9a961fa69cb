import path from 'node:path';
import { joinLink } from '../load/join-link.js';
import { actionsOf, isVerksamhetsplan, type DocumentData, type StyrDocument } from '../model/document.js';
import type { Corpus } from './corpus.js';

/**
 * Which other documents a document's findings read, so that `check --cache` can run a corpus rule's
 * per-document part (ShapedRule.checkEach) again only on the documents that read what changed, as a build
 * tool reruns only the targets whose inputs changed.
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

const idKey = (id: unknown) => `id:${String(id)}`;

/** The document id of a `dokument-id#mål-id` reference. */
const documentPart = (ref: string) => {
  const hash = ref.indexOf('#');
  return hash < 0 ? ref : ref.slice(0, hash);
};

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

/**
 * The keys a document's findings are taken to read, whether they did or not: `id:X` and `ersätter:X` for its
 * own id and every id it names (in a relation, or before the # of a goal it traces to), and `fil:F` for each
 * file its links may lead to. Most of what the rules read is among them, so `check --cache` keeps only the
 * reads beyond these, and the cache stays small.
 */
export function impliedReads(document: StyrDocument): Set<string> {
  const keys = new Set<string>();
  someNamedId(document.data, (id) => void keys.add(idKey(id)).add(`ersätter:${id}`));
  someLinkedFile(document, (file) => void keys.add(fileKey(file)));
  return keys;
}

/** The files among `keys` (`fil:F`), with their names: what `linksAny` asks about. */
export interface LinkedFiles {
  paths: ReadonlySet<string>;
  names: readonly string[];
}

export function filesInKeys(keys: ReadonlySet<string>): LinkedFiles {
  const paths = new Set<string>();
  for (const key of keys) if (key.startsWith('fil:')) paths.add(key.slice(4));
  return { paths, names: [...new Set([...paths].map((file) => file.slice(file.lastIndexOf('/') + 1)))] };
}

/** Whether a document's links may lead to one of `files`: whether impliedReads has a `fil:` key of one of them. */
export function linksAny(document: StyrDocument, files: LinkedFiles): boolean {
  if (!files.paths.size) return false;
  // A link leads to a file only if it ends in the file's name, or in . or / (which joinLink resolves): so
  // most links are passed over without resolving them. A re-check after a file came or went asks this of
  // every document.
  const mayLead = (target: string) => {
    const last = target[target.length - 1];
    return last === '.' || last === '/' || files.names.some((name) => target.endsWith(name) && (target.length === name.length || target[target.length - name.length - 1] === '/'));
  };
  return someLinkedFile(document, (file) => files.paths.has(file), mayLead);
}

/**
 * Calls `visit` with the file each of the document's links may lead to, until it returns true; given
 * `mayLead`, only for the links whose path it lets through.
 */
function someLinkedFile(document: StyrDocument, visit: (file: string) => boolean | void, mayLead?: (target: string) => boolean): boolean {
  const { links } = document;
  if (!links.length) return false;
  const folder = path.posix.dirname(document.file);
  for (let i = 0; i < links.length; i++) {
    const target = linkPath(links[i]!.url);
    if (target && (!mayLead || mayLead(target)) && visit(joinLink(folder, target))) return true;
  }
  return false;
}

/**
 * A link's path, before any anchor or query: roughly as body-links resolves it. A link it resolves otherwise
 * is only a read that is not implied, and is kept with the document's findings instead.
 */
function linkPath(url: string): string {
  const hash = url.indexOf('#');
  const query = url.indexOf('?');
  return url.slice(0, Math.min(hash < 0 ? url.length : hash, query < 0 ? url.length : query)).trim();
}

/** The ids whose keys a document is taken to read (impliedReads) are among `keys`: what `namesAny` asks about. */
export function idsInKeys(keys: ReadonlySet<string>): Set<string> {
  const ids = new Set<string>();
  for (const key of keys) if (key.startsWith('id:') || key.startsWith('ersätter:')) ids.add(key.slice(key.indexOf(':') + 1));
  return ids;
}

/** Whether a document has or names one of `ids`: whether impliedReads(data) has a key of one of them. */
export function namesAny(data: DocumentData, ids: ReadonlySet<string>): boolean {
  return ids.size > 0 && someNamedId(data, (id) => ids.has(id));
}

/**
 * Calls `visit` with the document's id and each id it names, until it returns true. Plain loops: a re-check
 * after a change to a shape asks this of every document.
 */
function someNamedId(data: DocumentData, visit: (id: string) => boolean | void): boolean {
  if (visit(data.id)) return true;
  for (const list of [data.ersätter, data.genomför, data.kompletteras_med]) {
    if (list) for (let i = 0; i < list.length; i++) if (visit(list[i]!)) return true;
  }
  if (isVerksamhetsplan(data) && someRef(data.mål, visit)) return true;
  return someRef(actionsOf(data), visit);
}

/** Calls `visit` with the document id of each reference the items trace to, until it returns true. */
function someRef(items: readonly { bidrar_till?: string[]; avstämd_mot?: Record<string, unknown> }[], visit: (id: string) => boolean | void): boolean {
  for (let i = 0; i < items.length; i++) {
    const { bidrar_till: refs, avstämd_mot: checked } = items[i]!;
    if (refs) for (let j = 0; j < refs.length; j++) if (visit(documentPart(refs[j]!))) return true;
    if (checked) for (const ref in checked) if (visit(documentPart(ref))) return true;
  }
  return false;
}

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
