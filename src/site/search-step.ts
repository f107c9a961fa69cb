import { describeFailure } from './build-errors.js';
import { openSearchCache } from './search-cache.js';
import { DEFAULT_PAGES_PER_INDEX, searchIndexSummaryText, writeSearchIndex } from './search-index.js';
import { cacheSetting, countSetting, switchSetting } from './settings.js';

/**
 * The search index of the site in `outputDir`, as the settings ask for it: STYRDOK_SEARCH=0 for none,
 * STYRDOK_SEARCH_PAGES_PER_INDEX, and the cache folder (STYRDOK_CACHE) whose unchanged indexes are copied.
 * The one line that says what was indexed, or undefined when nothing was asked for.
 */
export async function writeSearchIndexAsSet(outputDir: string, env: NodeJS.ProcessEnv, cwd: string): Promise<string | undefined> {
  if (!switchSetting(env, 'STYRDOK_SEARCH', true)) return undefined;
  const pagesPerIndex = countSetting(env, 'STYRDOK_SEARCH_PAGES_PER_INDEX', DEFAULT_PAGES_PER_INDEX);
  const summary = await writeSearchIndex(outputDir, pagesPerIndex, undefined, openSearchCache(cacheSetting(env, cwd)));
  return searchIndexSummaryText(summary);
}

/**
 * After each build of `npx @11ty/eleventy --serve` (or --watch): the search index too, so that the preview
 * searches as the published site does. A plain build makes none, since `npm run site` makes it as a step of
 * its own. A rebuild after one saved file builds one index again and copies the others from the cache. A
 * failure is said in Swedish and the preview goes on without search: it must never stop the preview.
 */
export async function previewSearchIndex(runMode: string | undefined, outputDir: string, env: NodeJS.ProcessEnv, cwd: string, log = console.log, warn = (text: string) => process.stderr.write(text)): Promise<void> {
  if (runMode !== 'serve' && runMode !== 'watch') return;
  try {
    const summary = await writeSearchIndexAsSet(outputDir, env, cwd);
    if (summary) log(`[styrdok] ${summary}`);
  } catch (error) {
    warn(describeFailure('Sökindexet för förhandsvisningen', error).text);
  }
}
