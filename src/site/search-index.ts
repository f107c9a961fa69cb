import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { hasIndex, indexKey, pruneSearchCache, restoreIndex, type SearchCache } from './search-cache.js';
import type { IndexJob, WorkerReply } from './search-worker.js';

/**
 * The sections whose pages search reads: those of the templates that set `searchable` (dokument.njk and
 * namnd.njk), whose <main> carries data-pagefind-body. site-build.test.ts checks that the index holds every
 * marked page.
 */
const SEARCHABLE_SECTIONS = ['dokument', 'namnd'];

/**
 * Pages per Pagefind index. Pagefind holds a whole index in memory while it writes it, about half a
 * megabyte a page here: 2.9 GB for one index of 10,000 pages. So a large site gets several indexes, two
 * written at a time (a third faster than one at a time), and the search page merges them (Pagefind's
 * multisite search). At 700 pages an index the two take 0.85 GB in all, under the 1 GiB the site's build
 * keeps to (0.96 GB at 800, 1.1 GB at 1,000). Each index costs a visitor a few more small requests per search: at 10,000
 * pages a search took 0.8–1.1 s with 11 indexes against 0.4–0.8 s with one, and 0.9–1.2 s with 21. A
 * kommun's own documents fit in one. STYRDOK_SEARCH_PAGES_PER_INDEX sets another size, as the tests do to
 * get several indexes from a few pages.
 */
export const DEFAULT_PAGES_PER_INDEX = 700;

/** Where the search page reads the paths of the indexes besides the first (pagefind/). */
export const MORE_INDEXES_FILE = 'pagefind/styrdok-fler-index.json';

/** The folder of index number `n` (1-based): pagefind/, then pagefind-2/, pagefind-3/ … */
export function indexFolder(n: number): string {
  return n === 1 ? 'pagefind' : `pagefind-${n}`;
}

export class SearchIndexError extends Error {
  override name = 'SearchIndexError';
}

export interface SearchIndexSummary {
  pages: number;
  indexes: number;
  /** Indexes copied from the search cache, their pages unchanged since they were built (search-cache.ts). */
  reused: number;
}

/**
 * Writes a static search index of the built site (Pagefind): no server, and `<html lang="sv">` gives
 * Swedish stemming. Within a page, what is marked data-pagefind-ignore is left out.
 *
 * It runs as a step of its own after the pages (`npm run site`), in a process of its own: the build's
 * process keeps the memory it grew to, so the two in one would need both memories.
 */
export async function writeSearchIndex(
  outputDir: string,
  pagesPerIndex = DEFAULT_PAGES_PER_INDEX,
  threads = defaultThreads(),
  cache?: SearchCache,
): Promise<SearchIndexSummary> {
  if (!existsSync(path.join(outputDir, 'index.html'))) {
    throw new SearchIndexError(`Hittar ingen byggd webbplats i ${outputDir}. Bygg den med npm run site, som skriver sidorna och sedan sökindexet.`);
  }
  if (!Number.isInteger(pagesPerIndex) || pagesPerIndex < 1) {
    throw new SearchIndexError(`Antalet sidor per sökindex (STYRDOK_SEARCH_PAGES_PER_INDEX) ska vara ett heltal större än 0, inte «${pagesPerIndex}».`);
  }
  const digests = searchablePages(outputDir);
  const groups = stableGroups([...digests.keys()], pagesPerIndex);
  removeIndexesAfter(outputDir, groups.length);
  const keys = cache ? groups.map((files) => indexKey(files.map((file) => ({ file, digest: digests.get(file)! })))) : [];
  const staging = stagingFolder(outputDir);
  const job = (i: number): IndexJob => {
    const keep = cache && keys[i] ? { keep: { cache, key: keys[i] } } : {};
    return { outputDir: path.resolve(outputDir), files: groups[i]!, folder: indexFolder(i + 1), staging: path.join(staging, String(i + 1)), ...keep };
  };
  const all = groups.map((_, i) => i);
  const kept = new Set(cache ? all.filter((i) => hasIndex(cache, keys[i]!)) : []);
  let built = 0;
  try {
    // The indexes to build start first; the kept ones are copied meanwhile, and one that cannot be is built after.
    const toBuild = all.filter((i) => !kept.has(i));
    const building = runInWorkers(toBuild.map(job), Math.min(threads, toBuild.length));
    building.catch(() => undefined); // Awaited below; this only keeps a copy that throws from leaving it unhandled.
    const notCopied = cache ? [...kept].filter((i) => !restoreIndex(cache, keys[i]!, path.join(outputDir, indexFolder(i + 1)))) : [];
    await building;
    await runInWorkers(notCopied.map(job), Math.min(threads, notCopied.length));
    built = toBuild.length + notCopied.length;
  } catch (error) {
    throw new SearchIndexError(`Sökindexet kunde inte skrivas: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  if (cache) pruneSearchCache(cache, new Set(keys));
  const more = groups.slice(1).map((_, i) => `/${indexFolder(i + 2)}/`);
  writeFileSync(path.join(outputDir, MORE_INDEXES_FILE), `${JSON.stringify(more)}\n`);
  const pages = groups.reduce((sum, _, i) => sum + indexedPages(path.join(outputDir, indexFolder(i + 1))), 0);
  return { pages, indexes: groups.length, reused: groups.length - built };
}

/** What the search step says it did, in Swedish. */
export function searchIndexSummaryText({ pages, indexes, reused }: SearchIndexSummary): string {
  const inIndexes = indexes > 1 ? `, i ${indexes} delindex som söksidan slår ihop` : '';
  const unchanged = !reused ? '' : indexes === 1 ? ' Sidorna var oförändrade sedan ett tidigare bygge, så indexet kopierades ur cachen.' : reused === indexes ? ' Sidorna var oförändrade sedan ett tidigare bygge, så alla delindex kopierades ur cachen.' : ` ${reused} av dem hade oförändrade sidor och kopierades ur cachen.`;
  return `Sökindexet omfattar ${pages} ${pages === 1 ? 'sida' : 'sidor'}${inIndexes}.${unchanged}`;
}

/** The pages a written index holds, as Pagefind counts them in its entry file. */
function indexedPages(folder: string): number {
  const entry = JSON.parse(readFileSync(path.join(folder, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
  return Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
}

/**
 * An empty folder for the pages of each index: beside the output folder, so that hard links reach the pages
 * and nothing of it is ever published; in the system's temporary folder when that cannot be written (the
 * pages are then copied).
 */
function stagingFolder(outputDir: string): string {
  try {
    return mkdtempSync(path.join(path.dirname(path.resolve(outputDir)), '.styrdok-sokindex-'));
  } catch {
    return mkdtempSync(path.join(os.tmpdir(), 'styrdok-sokindex-'));
  }
}

/**
 * Two indexes at a time on a machine with two cores or more: Pagefind writes an index on one thread, and
 * the search step runs when Eleventy is done, so the second core is free. Each is a Pagefind process with
 * an index in memory, so more at once would cost memory for little.
 */
function defaultThreads(): number {
  return Math.min(2, os.availableParallelism());
}

/** Runs the jobs on `threads` worker threads, each taking the next job when it is done. */
function runInWorkers(jobs: readonly IndexJob[], threads: number): Promise<void> {
  let next = 0;
  const one = () =>
    new Promise<void>((resolve, reject) => {
      const worker = new Worker(new URL('./search-worker.js', import.meta.url));
      const feed = () => worker.postMessage(next < jobs.length ? jobs[next++] : null);
      worker.on('message', (reply: WorkerReply) => {
        if ('error' in reply) {
          next = jobs.length; // The others finish what they have, then stop.
          worker.postMessage(null);
          reject(new Error(reply.error));
          return;
        }
        feed();
      });
      worker.on('error', reject);
      worker.on('exit', () => resolve());
      feed();
    });
  return Promise.all(Array.from({ length: threads }, one)).then(() => undefined);
}

/**
 * Path (<section>/<name>/index.html) → SHA-1 of every page of the searchable sections whose <main> is marked
 * for search. The sections also hold lists (/dokument/sida-2/, /dokument/organ/) that search skips; leaving
 * them out here keeps them from making an index be built again when only a list changed.
 */
function searchablePages(outputDir: string): Map<string, string> {
  const pages = new Map<string, string>();
  for (const section of SEARCHABLE_SECTIONS) {
    const dir = path.join(outputDir, section);
    if (!existsSync(dir)) continue;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const file = `${section}/${entry.name}/index.html`;
      const html = entry.isDirectory() ? readIfExists(path.join(outputDir, file)) : undefined;
      if (html && markedForSearch(html)) pages.set(file, createHash('sha1').update(html).digest('hex'));
    }
  }
  return pages;
}

function readIfExists(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/** Whether the page's first <main> tag (the layout's: a document's own text is inside it) has data-pagefind-body. */
function markedForSearch(html: Buffer): boolean {
  const start = html.indexOf('<main');
  const end = start < 0 ? -1 : html.indexOf('>', start);
  return end >= 0 && html.subarray(start, end).includes('data-pagefind-body');
}

/**
 * Splits the pages into groups of at most `size`, each page in the group its path's hash falls in: the fewest
 * groups for which none is over `size`, each sorted. A page added or removed then changes its own group
 * only, as long as the number of groups stays the same, so the other indexes are reused from the search
 * cache (a split into even runs of the sorted pages would shift every run after it). When more groups do
 * not even out the hashes (a very small `size`), a group over `size` is cut into runs. Empty groups are
 * left out; there is always at least one group, so an empty site still gets an (empty) index.
 */
export function stableGroups(pages: readonly string[], size: number): string[][] {
  const hashes = pages.map((page) => createHash('sha1').update(page).digest().readUInt32BE(0));
  const fewest = Math.max(1, Math.ceil(pages.length / Math.max(1, size)));
  const byHash = (count: number) => {
    const groups: string[][] = Array.from({ length: count }, () => []);
    pages.forEach((page, i) => groups[hashes[i]! % count]!.push(page));
    return groups;
  };
  // Up to twice the fewest (700 a group takes about a tenth more, a hundred a third more), within a bound
  // of work that a size of one or two, with thousands of groups, would pass.
  const lastTry = Math.min(2 * fewest + 3, fewest + Math.floor(5_000_000 / Math.max(1, pages.length)));
  let groups = byHash(fewest);
  for (let count = fewest + 1; count <= lastTry && groups.some((group) => group.length > size); count++) groups = byHash(count);
  if (groups.some((group) => group.length > size)) groups = byHash(fewest).flatMap((group) => inRuns(group.sort(), size));
  const filled = groups.filter((group) => group.length).map((group) => group.sort());
  return filled.length ? filled : [[]];
}

/** `items` cut into runs of at most `size`. */
function inRuns<T>(items: readonly T[], size: number): T[][] {
  const runs: T[][] = [];
  for (let i = 0; i < items.length; i += size) runs.push(items.slice(i, i + size));
  return runs;
}

/** Index folders left from an earlier build with more indexes; their pages are in the new ones. */
function removeIndexesAfter(outputDir: string, count: number): void {
  for (const entry of readdirSync(outputDir)) {
    const n = /^pagefind-(\d+)$/.exec(entry)?.[1];
    if (n && Number(n) > count) rmSync(path.join(outputDir, entry), { recursive: true, force: true });
  }
}
