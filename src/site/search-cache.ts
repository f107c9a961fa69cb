import { createHash } from 'node:crypto';
import { constants, cpSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * Search indexes kept from earlier builds, by what they were made from: an index is reused when its pages are,
 * byte for byte, the pages it was built from, by the same Pagefind. A publication after one document was
 * edited then indexes again only the group of pages (search-index.ts) that holds it, and copies the others.
 *
 * Kept in the cache folder (STYRDOK_CACHE, .styrdokcache) under sokindex/, beside the parse cache, so CI keeps
 * one folder between runs. Each entry is named by the hash of its pages, so builds of two branches share what
 * they have in common, and an entry is written beside its place and renamed into it: a build that stops
 * halfway, or another build at the same time, never sees half an index. Whatever goes wrong with the cache
 * only makes the build slower: the index is then built.
 */
export const SEARCH_CACHE_FOLDER = 'sokindex';

/** Raised when what the worker builds or how styrdok calls Pagefind changes, so old entries are not used. */
const FORMAT = 1;

/**
 * Pagefind's version, from its package.json: found along the folders Node looks in for the package, since the
 * package does not export its package.json (and vitest has no import.meta.resolve).
 */
const PAGEFIND_VERSION = ((): string => {
  for (const folder of createRequire(import.meta.url).resolve.paths('pagefind') ?? []) {
    const file = path.join(folder, 'pagefind', 'package.json');
    if (existsSync(file)) return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
  }
  // Not found: a version no other run has, so no index is taken from the cache.
  return `okänd ${process.pid} ${Date.now()}`;
})();

export interface SearchCache {
  folder: string;
}

/** The search cache in the cache folder `location`; undefined without a cache (STYRDOK_CACHE=0). */
export function openSearchCache(location: string | undefined): SearchCache | undefined {
  return location === undefined ? undefined : { folder: path.join(location, SEARCH_CACHE_FOLDER) };
}

/** The name of the index of these pages: each page's path and the SHA-1 of its HTML. */
export function indexKey(pages: readonly { file: string; digest: string }[]): string {
  const hash = createHash('sha256').update(`styrdok sokindex ${FORMAT} pagefind ${PAGEFIND_VERSION}\n`);
  for (const { file, digest } of pages) hash.update(`${file}\0${digest}\n`);
  return hash.digest('hex');
}

/** Files every index written by Pagefind has; an entry without them is not used. */
const COMPLETE_INDEX = ['pagefind-entry.json', 'pagefind.js'];

const entryOf = (cache: SearchCache, key: string) => path.join(cache.folder, key);

/** Whether an index is kept as `key`, whole as far as can be told without reading it. */
export function hasIndex(cache: SearchCache, key: string): boolean {
  const entry = entryOf(cache, key);
  return COMPLETE_INDEX.every((file) => existsSync(path.join(entry, file)));
}

/**
 * Puts the kept index `key` at `target` (which is replaced); false when there is none, or it could not be
 * copied whole (another build removed it meanwhile, a full disk), and then nothing is left at `target`.
 */
export function restoreIndex(cache: SearchCache, key: string, target: string): boolean {
  const entry = entryOf(cache, key);
  rmSync(target, { recursive: true, force: true });
  try {
    if (!hasIndex(cache, key)) {
      // None, or damaged on disk (by hand, or a disk that filled): built again, and kept again in its place.
      removeEntry(cache, key);
      return false;
    }
    // Marked as used first, so that another build's pruneSearchCache keeps it.
    const now = new Date();
    utimesSync(entry, now, now);
    cpSync(entry, target, { recursive: true, mode: constants.COPYFILE_FICLONE, filter: refuseLinks });
    // An entry is removed by first moving it away (pruneSearchCache): still here, it was whole throughout the copy.
    if (!existsSync(entry)) throw new Error('removed while copied');
    return true;
  } catch {
    rmSync(target, { recursive: true, force: true });
    return false;
  }
}

/**
 * Pagefind writes no symbolic links, so an entry with one was not written by it: the copy stops, and the
 * index is built, rather than publish a link that could lead anywhere on the machine.
 */
function refuseLinks(source: string): boolean {
  if (lstatSync(source).isSymbolicLink()) throw new Error(`symbolic link in the search cache: ${source}`);
  return true;
}

/** Keeps a copy of the index just written at `source` as `key`; a copy that cannot be made is left out. */
export function keepIndex(cache: SearchCache, key: string, source: string): void {
  const entry = entryOf(cache, key);
  const temporary = temporaryBeside(entry);
  try {
    mkdirSync(cache.folder, { recursive: true });
    cpSync(source, temporary, { recursive: true, mode: constants.COPYFILE_FICLONE });
    renameSync(temporary, entry);
  } catch {
    // Most often another build kept the same index first (the entry exists); else only the next build is slower.
  } finally {
    rmSync(temporary, { recursive: true, force: true });
  }
}

/**
 * Removes what the cache need not keep: entries left half-written, and of the entries this build did not
 * use, all but the `spare` used last (an earlier build, another branch). The cache so holds about two sites'
 * indexes, whatever the number of builds.
 */
export function pruneSearchCache(cache: SearchCache, used: ReadonlySet<string>, spare = Math.max(used.size, 4)): void {
  let names: string[];
  try {
    names = readdirSync(cache.folder);
  } catch {
    return;
  }
  const others: { name: string; usedAt: number }[] = [];
  for (const name of names) {
    if (used.has(name)) continue;
    const usedAt = statSync(path.join(cache.folder, name), { throwIfNoEntry: false })?.mtimeMs ?? 0;
    // A temporary folder of a build still running is young; one left by a build that stopped is removed after an hour.
    if (name.endsWith('.tmp')) {
      if (Date.now() - usedAt > 3_600_000) rmSync(path.join(cache.folder, name), { recursive: true, force: true });
      continue;
    }
    others.push({ name, usedAt });
  }
  others.sort((a, b) => b.usedAt - a.usedAt || a.name.localeCompare(b.name));
  for (const { name } of others.slice(spare)) removeEntry(cache, name);
}

/** Moved away in one step before it is deleted file by file, so that restoreIndex can tell a copy it took meanwhile. */
function removeEntry(cache: SearchCache, name: string): void {
  const away = temporaryBeside(path.join(cache.folder, name));
  try {
    renameSync(path.join(cache.folder, name), away);
  } catch {
    return;
  }
  rmSync(away, { recursive: true, force: true });
}

/** A name beside `entry` that no other build uses, ending in .tmp (which pruneSearchCache knows). */
function temporaryBeside(entry: string): string {
  return `${entry}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
}
