#!/usr/bin/env node
/**
 * The second step of `npm run site`: the search index of the site build-main.js (or `npx @11ty/eleventy`)
 * has just written, in a process of its own (see search-index.ts for why). node dist/site/search-main.js
 * [utmapp]; the folder defaults to STYRDOK_SITE_OUT or _site. STYRDOK_SEARCH=0 skips it, for quick
 * previews and benchmarks; STYRDOK_SEARCH_PAGES_PER_INDEX sets how many pages one index holds at most.
 */
import { DEFAULT_PAGES_PER_INDEX, SearchIndexError, writeSearchIndex } from './search-index.js';
import { countSetting, SettingError } from './settings.js';
import { EXIT_INTERNAL, internalErrorReport } from './internal-error.js';

const outputDir = process.argv[2] ?? (process.env.STYRDOK_SITE_OUT || '_site');
if (process.env.STYRDOK_SEARCH !== '0') {
  try {
    const pagesPerIndex = countSetting(process.env, 'STYRDOK_SEARCH_PAGES_PER_INDEX', DEFAULT_PAGES_PER_INDEX);
    const { pages, indexes } = await writeSearchIndex(outputDir, pagesPerIndex);
    const inIndexes = indexes > 1 ? `, i ${indexes} delindex som söksidan slår ihop` : '';
    console.log(`[styrdok] Sökindexet omfattar ${pages} ${pages === 1 ? 'sida' : 'sidor'}${inIndexes}.`);
  } catch (error) {
    if (error instanceof SearchIndexError || error instanceof SettingError) {
      process.stderr.write(`${error.message}\n`);
      process.exitCode = 1;
    } else {
      process.stderr.write(internalErrorReport('Sökindexet', error));
      process.exitCode = EXIT_INTERNAL;
    }
  }
}
