#!/usr/bin/env node
/**
 * The second step of `npm run site`: the search index of the site Eleventy has just built, in a process of
 * its own (see search-index.ts for why). node dist/site/search-main.js [utmapp]; the folder defaults to
 * STYRDOK_SITE_OUT or _site. STYRDOK_SEARCH=0 skips it, for quick previews and benchmarks.
 */
import { SearchIndexError, writeSearchIndex } from './search-index.js';

const outputDir = process.argv[2] ?? (process.env.STYRDOK_SITE_OUT || '_site');
if (process.env.STYRDOK_SEARCH !== '0') {
  try {
    const pages = await writeSearchIndex(outputDir);
    console.log(`[styrdok] Sökindexet omfattar ${pages} ${pages === 1 ? 'sida' : 'sidor'}.`);
  } catch (error) {
    if (!(error instanceof SearchIndexError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exitCode = 1;
  }
}
