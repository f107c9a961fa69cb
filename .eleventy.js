// Eleventy lays out the site model; it never reads strategy/ or parses frontmatter itself. The engine
// (compiled to dist/ by `npm run build`) checks the corpus once, stops on any rule error with the same
// report as `styrdok check`, and hands over plain data. Env: STYRDOK_CORPUS (corpus folder, default
// strategy), STYRDOK_TODAY (YYYY-MM-DD, default today), STYRDOK_SITE_OUT (output folder, default _site),
// STYRDOK_HISTORY=0 (no versions from git), STYRDOK_CACHE (the parse cache folder, or 0 for none).
//
// This file builds the whole site in one Eleventy run, as `npx @11ty/eleventy --serve` does for a preview:
// there a saved document is checked and laid out again, and the search index follows each build. `npm run
// site` (src/site/build-main.ts) uses the same set-up, writes a large site in parts and adds the search
// index as a step of its own.
import path from 'node:path';
import { configureEleventy } from './dist/site/eleventy-setup.js';
import { loadSite, noticeLines, writeOpenData } from './dist/site/load-site.js';
import { describeFailure } from './dist/site/build-errors.js';
import { previewSearchIndex } from './dist/site/search-step.js';
import { folderSetting } from './dist/site/settings.js';

/** A rule error, a setting or the configuration, said in Swedish; a fault in styrdok Eleventy reports with its stack. */
function sayFailure(error) {
  const failure = describeFailure('Webbplatsbygget', error);
  if (!failure.internal) process.stderr.write(failure.text);
  return failure;
}

export default async function (eleventyConfig) {
  let site = await loadSite(process.env).catch((error) => {
    sayFailure(error);
    throw error;
  });
  configureEleventy(eleventyConfig, () => site, process.env.STYRDOK_SITE_OUT || '_site');

  // The preview: Eleventy watches site/, and here also the documents and the configuration. A saved file there
  // is checked again before the next build; if it breaks a rule, the report is printed and the preview keeps
  // the site as it was, so the clerk sees what to fix without losing the server.
  const corpus = folderSetting(process.env, 'STYRDOK_CORPUS', 'strategy', process.cwd());
  eleventyConfig.addWatchTarget(corpus);
  const inCorpus = (file) => {
    const relative = path.relative(corpus, path.resolve(file));
    return !relative.startsWith('..') && !path.isAbsolute(relative);
  };
  eleventyConfig.on('eleventy.beforeWatch', async (changed) => {
    if (!changed.some(inCorpus)) return;
    try {
      site = await loadSite(process.env);
    } catch (error) {
      if (sayFailure(error).internal) throw error;
      console.log('[styrdok] Förhandsvisningen visar webbplatsen som den var före ändringen, tills felen är rättade.');
    }
  });

  eleventyConfig.on('eleventy.before', ({ directories }) => writeOpenData(site, directories.output));
  eleventyConfig.on('eleventy.after', ({ directories, runMode }) => previewSearchIndex(runMode, directories.output, process.env, process.cwd()));

  for (const line of noticeLines(site)) console.log(line);
}
