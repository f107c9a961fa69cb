import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as pagefind from 'pagefind';

/**
 * The sections whose pages search reads: those of the templates that set `searchable` (dokument.njk and
 * namnd.njk), whose <main> carries data-pagefind-body. site-build.test.ts checks that the index holds every
 * marked page.
 */
const SEARCHABLE_SECTIONS = ['dokument', 'namnd'];

/**
 * Pages per Pagefind index. Pagefind holds a whole index in memory while it writes it: 2.9 GB for one index
 * of 10,000 pages here, 0.6 GB for the same pages in indexes of 1,000, in about the same time. So a large
 * site gets several indexes, written one after the other, and the search page merges them (Pagefind's
 * multisite search); each costs the browser one more small metadata file (20–40 kB) on the first search.
 * STYRDOK_SEARCH_PAGES_PER_INDEX sets another size, as the tests do to get several from a few pages.
 */
export const DEFAULT_PAGES_PER_INDEX = 1000;
/** Pagefind takes a group's pages as one glob of their paths, and a glob of 10,000 paths no longer parses. */
export const MAX_PAGES_PER_INDEX = 4000;

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
 * It runs as a step of its own after Eleventy (`npm run site`), not inside Eleventy's build: Eleventy holds
 * every finished page until its process ends, and Pagefind holds every indexed one, so the two at once
 * would need both memories.
 */
export async function writeSearchIndex(outputDir: string, pagesPerIndex = DEFAULT_PAGES_PER_INDEX): Promise<SearchIndexSummary> {
  if (!existsSync(path.join(outputDir, 'index.html'))) {
    throw new SearchIndexError(`Hittar ingen byggd webbplats i ${outputDir}. Bygg den först med npx @11ty/eleventy.`);
  }
  if (!Number.isInteger(pagesPerIndex) || pagesPerIndex < 1 || pagesPerIndex > MAX_PAGES_PER_INDEX) {
    throw new SearchIndexError(`Antalet sidor per sökindex (STYRDOK_SEARCH_PAGES_PER_INDEX) ska vara ett heltal från 1 till ${MAX_PAGES_PER_INDEX}, inte «${pagesPerIndex}».`);
  }
  const groups = inGroups(searchablePages(outputDir), pagesPerIndex);
  removeIndexesAfter(outputDir, groups.length);
  let pages = 0;
  try {
    for (const [i, group] of groups.entries()) {
      pages += await writeOneIndex(outputDir, group, indexFolder(i + 1));
    }
  } catch (error) {
    throw new SearchIndexError(`Sökindexet kunde inte skrivas: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    await pagefind.close();
  }
  const more = groups.slice(1).map((_, i) => `/${indexFolder(i + 2)}/`);
  writeFileSync(path.join(outputDir, MORE_INDEXES_FILE), `${JSON.stringify(more)}\n`);
  return { pages, indexes: groups.length };
}

/** Indexes the pages (paths relative to outputDir) into outputDir/<folder>; returns how many it indexed. */
async function writeOneIndex(outputDir: string, files: readonly string[], folder: string): Promise<number> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(errors.join('\n'));
  try {
    // addDirectory reads the files in Pagefind's own threads, many times faster than passing each page's
    // HTML through the Node API; a glob that lists the group's files picks them out.
    const glob = files.length ? `{${files.map(escapeGlob).join(',')}}` : `${SEARCHABLE_SECTIONS[0]}/*/index.html`;
    const added = await index.addDirectory({ path: outputDir, glob });
    if (added.errors.length) throw new Error(added.errors.join('\n'));
    // Pagefind adds to a folder and never clears it: without this, the text of a document taken off the
    // site would stay downloadable in an old fragment.
    rmSync(path.join(outputDir, folder), { recursive: true, force: true });
    const written = await index.writeFiles({ outputPath: path.join(outputDir, folder) });
    if (written.errors.length) throw new Error(written.errors.join('\n'));
    return added.page_count;
  } finally {
    // Frees the index in Pagefind's process before the next one is built.
    await index.deleteIndex();
  }
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

/** A path as a literal in a Pagefind glob: page folders are slugs, but a name is never trusted to be one. */
function escapeGlob(file: string): string {
  return file.replace(/[\\{}[\]()*?!,<>]/g, (c) => `\\${c}`);
}
