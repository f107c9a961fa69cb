import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
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
}

/**
 * Writes a static search index of the built site (Pagefind): no server, and `<html lang="sv">` gives
 * Swedish stemming. Within a page, what is marked data-pagefind-ignore is left out.
 *
 * It runs as a step of its own after the pages (`npm run site`), in a process of its own: the build's
 * process keeps the memory it grew to, so the two in one would need both memories.
 */
export async function writeSearchIndex(outputDir: string, pagesPerIndex = DEFAULT_PAGES_PER_INDEX, threads = defaultThreads()): Promise<SearchIndexSummary> {
  if (!existsSync(path.join(outputDir, 'index.html'))) {
    throw new SearchIndexError(`Hittar ingen byggd webbplats i ${outputDir}. Bygg den med npm run site, som skriver sidorna och sedan sökindexet.`);
  }
  if (!Number.isInteger(pagesPerIndex) || pagesPerIndex < 1) {
    throw new SearchIndexError(`Antalet sidor per sökindex (STYRDOK_SEARCH_PAGES_PER_INDEX) ska vara ett heltal större än 0, inte «${pagesPerIndex}».`);
  }
  const groups = inGroups(searchablePages(outputDir), pagesPerIndex);
  removeIndexesAfter(outputDir, groups.length);
  const staging = stagingFolder(outputDir);
  let pages: number[];
  try {
    const jobs = groups.map((files, i) => ({ outputDir: path.resolve(outputDir), files, folder: indexFolder(i + 1), staging: path.join(staging, String(i + 1)) }));
    pages = await runInWorkers(jobs, Math.min(threads, jobs.length));
  } catch (error) {
    throw new SearchIndexError(`Sökindexet kunde inte skrivas: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  const more = groups.slice(1).map((_, i) => `/${indexFolder(i + 2)}/`);
  writeFileSync(path.join(outputDir, MORE_INDEXES_FILE), `${JSON.stringify(more)}\n`);
  return { pages: pages.reduce((sum, n) => sum + n, 0), indexes: groups.length };
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

/** Runs the jobs on `threads` worker threads, each taking the next job when it is done; pages per job. */
function runInWorkers(jobs: readonly IndexJob[], threads: number): Promise<number[]> {
  const pages: number[] = new Array<number>(jobs.length).fill(0);
  let next = 0;
  const one = () =>
    new Promise<void>((resolve, reject) => {
      const worker = new Worker(new URL('./search-worker.js', import.meta.url));
      let current = -1;
      const feed = () => {
        current = next < jobs.length ? next++ : -1;
        worker.postMessage(current >= 0 ? jobs[current] : null);
      };
      worker.on('message', (reply: WorkerReply) => {
        if ('error' in reply) {
          next = jobs.length; // The others finish what they have, then stop.
          worker.postMessage(null);
          reject(new Error(reply.error));
          return;
        }
        pages[current] = reply.pages;
        feed();
      });
      worker.on('error', reject);
      worker.on('exit', () => resolve());
      feed();
    });
  return Promise.all(Array.from({ length: threads }, one)).then(() => pages);
}

/** <section>/<name>/index.html for every page of the searchable sections, sorted (so the groups are stable). */
function searchablePages(outputDir: string): string[] {
  const files: string[] = [];
  for (const section of SEARCHABLE_SECTIONS) {
    const dir = path.join(outputDir, section);
    if (!existsSync(dir)) continue;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory() && existsSync(path.join(dir, entry.name, 'index.html'))) files.push(`${section}/${entry.name}/index.html`);
    }
  }
  return files.sort();
}

/** Splits `items` into the fewest groups of at most `size`, as even as can be; always at least one group. */
export function inGroups<T>(items: readonly T[], size: number): T[][] {
  const count = Math.max(1, Math.ceil(items.length / Math.max(1, size)));
  const groups: T[][] = [];
  for (let i = 0; i < count; i++) groups.push(items.slice(Math.floor((i * items.length) / count), Math.floor(((i + 1) * items.length) / count)));
  return groups;
}

/** Index folders left from an earlier build with more indexes; their pages are in the new ones. */
function removeIndexesAfter(outputDir: string, count: number): void {
  for (const entry of readdirSync(outputDir)) {
    const n = /^pagefind-(\d+)$/.exec(entry)?.[1];
    if (n && Number(n) > count) rmSync(path.join(outputDir, entry), { recursive: true, force: true });
  }
}
