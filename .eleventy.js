// Eleventy lays out the site model; it never reads strategy/ or parses frontmatter itself. The engine
// (compiled to dist/ by `npm run build`) checks the corpus once, stops on any rule error with the same
// report as `styrdok check`, and hands over plain data. Env: STYRDOK_CORPUS (corpus folder, default
// strategy), STYRDOK_TODAY (YYYY-MM-DD, default today), STYRDOK_SITE_OUT (output folder, default _site),
// STYRDOK_HISTORY=0 (no versions from git), STYRDOK_CACHE (the parse cache folder, or 0 for none).
//
// This file builds the whole site in one Eleventy run, as `npx @11ty/eleventy --serve` does for a preview.
// `npm run site` (src/site/build-main.ts) uses the same set-up, writes a large site in parts and adds the
// search index.
import path from 'node:path';
import { configureEleventy } from './dist/site/eleventy-setup.js';
import { loadSite } from './dist/site/load-site.js';
import { writeJsonFile } from './dist/site/open-data.js';

export default async function (eleventyConfig) {
  const site = await loadSite(process.env).catch((error) => {
    // A rule error: print the report exactly as `styrdok check` does, then stop the build.
    if (error?.name === 'SiteBuildError') process.stderr.write(error.report);
    throw error;
  });
  configureEleventy(eleventyConfig, site, process.env.STYRDOK_SITE_OUT || '_site');

  let { openData } = site;
  eleventyConfig.on('eleventy.before', async ({ directories }) => {
    // The open data is written as it is serialized, not rendered as one string by a template, and then let
    // go: it holds every document's frontmatter and Markdown, which no page needs while Eleventy renders.
    if (openData) writeJsonFile(path.join(directories.output, 'data/styrdok.json'), openData);
    openData = undefined;
    site.openData = undefined;
  });

  const warnings = site.project.diagnostics.length;
  if (warnings) console.log(`[styrdok] ${warnings} ${warnings === 1 ? 'varning' : 'varningar'} i styrdokumenten; kör styrdok check för detaljer.`);
}
