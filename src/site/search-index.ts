import { existsSync } from 'node:fs';
import path from 'node:path';
import * as pagefind from 'pagefind';

/**
 * The pages search reads: those of the templates that set `searchable` (dokument.njk and namnd.njk), whose
 * <main> carries data-pagefind-body. Pagefind skips every page without it, so a list page caught by the
 * glob costs a read, nothing more; site-build.test.ts checks that the index holds every marked page.
 */
export const SEARCHABLE_PAGES = '{dokument/*/index.html,namnd/*/index.html}';

export class SearchIndexError extends Error {
  override name = 'SearchIndexError';
}

/**
 * Writes a static search index of the built site to <outputDir>/pagefind (Pagefind): no server, and
 * `<html lang="sv">` gives Swedish stemming. Within a page, what is marked data-pagefind-ignore is left out.
 * Returns the number of pages indexed.
 *
 * It runs as a step of its own after Eleventy (`npm run site`), not inside Eleventy's build: Eleventy holds
 * every finished page until its process ends, and Pagefind holds every indexed one, so the two at once
 * would need both memories (5 GB for 10,000 documents, against about 3 GB one after the other).
 */
export async function writeSearchIndex(outputDir: string): Promise<number> {
  if (!existsSync(path.join(outputDir, 'index.html'))) {
    throw new SearchIndexError(`Hittar ingen byggd webbplats i ${outputDir}. Bygg den först med npx @11ty/eleventy.`);
  }
  const { index, errors } = await pagefind.createIndex({});
  try {
    if (!index) throw new Error(errors.join('\n'));
    const added = await index.addDirectory({ path: outputDir, glob: SEARCHABLE_PAGES });
    if (added.errors.length) throw new Error(added.errors.join('\n'));
    const written = await index.writeFiles({ outputPath: path.join(outputDir, 'pagefind') });
    if (written.errors.length) throw new Error(written.errors.join('\n'));
    return added.page_count;
  } catch (error) {
    throw new SearchIndexError(`Sökindexet kunde inte skrivas: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    await pagefind.close();
  }
}
