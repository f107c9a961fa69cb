// Eleventy lays out the site model; it never reads strategy/ or parses frontmatter itself. The engine
// (compiled to dist/ by `npm run build`) checks the corpus once, stops on any rule error with the same
// report as `styrdok check`, and hands over plain data. Env: STYRDOK_CORPUS (corpus folder, default
// strategy), STYRDOK_TODAY (YYYY-MM-DD, default today), STYRDOK_SITE_OUT (output folder, default _site),
// STYRDOK_HISTORY=0 (no versions from git), STYRDOK_CACHE (the parse cache folder, or 0 for none).
//
// This file builds the whole site in one Eleventy run, as `npx @11ty/eleventy --serve` does for a preview.
// `npm run site` (src/site/build-main.ts) uses the same set-up, writes a large site in parts and adds the
// search index.
import { configureEleventy } from './dist/site/eleventy-setup.js';
import { loadSite, noticeLines, writeOpenData } from './dist/site/load-site.js';
import { describeFailure } from './dist/site/build-errors.js';

export default async function (eleventyConfig) {
  const site = await loadSite(process.env).catch((error) => {
    // A rule error (the report exactly as `styrdok check` prints it), a setting or the configuration: say so in
    // Swedish, then stop the build. Eleventy itself reports a fault in styrdok, with its stack.
    const failure = describeFailure('Webbplatsbygget', error);
    if (!failure.internal) process.stderr.write(failure.text);
    throw error;
  });
  configureEleventy(eleventyConfig, site, process.env.STYRDOK_SITE_OUT || '_site');

  eleventyConfig.on('eleventy.before', ({ directories }) => writeOpenData(site, directories.output));

  for (const line of noticeLines(site)) console.log(line);
}
