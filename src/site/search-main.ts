#!/usr/bin/env node
/**
 * The second step of `npm run site`: the search index of the site build-main.js (or `npx @11ty/eleventy`)
 * has just written, in a process of its own (see search-index.ts for why). node dist/site/search-main.js
 * [utmapp]; the folder defaults to STYRDOK_SITE_OUT or _site. STYRDOK_SEARCH=0 skips it, for quick
 * previews and benchmarks; STYRDOK_SEARCH_PAGES_PER_INDEX sets how many pages one index holds at most. The
 * indexes are kept in the cache folder beside the corpus, as the parse cache (STYRDOK_CACHE, STYRDOK_CORPUS;
 * STYRDOK_CACHE=0 for none), and an index whose pages did not change is copied from there (search-cache.ts).
 */
import { describeFailure } from './build-errors.js';
import { writeSearchIndexAsSet } from './search-step.js';

const outputDir = process.argv[2] ?? (process.env.STYRDOK_SITE_OUT || '_site');
try {
  const summary = await writeSearchIndexAsSet(outputDir, process.env, process.cwd());
  if (summary) console.log(`[styrdok] ${summary}`);
} catch (error) {
  const failure = describeFailure('Sökindexet', error);
  process.stderr.write(failure.text);
  process.exitCode = failure.exitCode;
}
