// Eleventy lays out the site model; it never reads strategy/ or parses frontmatter itself. The engine
// (compiled to dist/ by `npm run build`) checks the corpus once, stops on any rule error with the same
// report as `styrdok check`, and hands over plain data. Env: STYRDOK_CORPUS (corpus folder, default
// strategy), STYRDOK_TODAY (YYYY-MM-DD, default today), STYRDOK_SITE_OUT (output folder, default _site),
// STYRDOK_HISTORY=0 (no versions from git), STYRDOK_CACHE (the parse cache folder, or 0 for none).
// The search index is the next step of `npm run site` (src/site/search-main.ts), in a process of its own.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { loadSite } from './dist/site/load-site.js';
import { writeJsonFile } from './dist/site/open-data.js';

export default async function (eleventyConfig) {
  const loaded = await loadSite(process.env).catch((error) => {
    // A rule error: print the report exactly as `styrdok check` does, then stop the build.
    if (error?.name === 'SiteBuildError') process.stderr.write(error.report);
    throw error;
  });
  const { model, project, documentPage } = loaded;
  let { openData } = loaded;

  eleventyConfig.setInputDirectory('site');
  eleventyConfig.setOutputDirectory(process.env.STYRDOK_SITE_OUT || '_site');
  eleventyConfig.setIncludesDirectory('_includes');
  // Nunjucks only: no Markdown or other template engine ever sees a clerk's text.
  eleventyConfig.setTemplateFormats(['njk']);
  eleventyConfig.setNunjucksEnvironmentOptions({ autoescape: true, throwOnUndefined: false, trimBlocks: true, lstripBlocks: true });

  for (const [name, value] of Object.entries(model)) eleventyConfig.addGlobalData(name, value);
  // A document's whole page is drawn as Eleventy writes it (sidor/dokument.njk), never held for all at once.
  eleventyConfig.addFilter('dokumentsida', (entry) => documentPage(entry.id));
  eleventyConfig.addGlobalData('schemaFiles', readdirSync('schemas').filter((f) => f.endsWith('.schema.json')).sort());

  eleventyConfig.addPassthroughCopy({ 'site/assets': 'assets', schemas: 'schemas' });

  eleventyConfig.on('eleventy.before', async ({ directories }) => {
    // The open data is written as it is serialized, not rendered as one string by a template, and then let
    // go: it holds every document's frontmatter and Markdown, which no page needs while Eleventy renders.
    if (openData) writeJsonFile(path.join(directories.output, 'data/styrdok.json'), openData);
    openData = undefined;
  });

  const warnings = project.diagnostics.length;
  if (warnings) console.log(`[styrdok] ${warnings} ${warnings === 1 ? 'varning' : 'varningar'} i styrdokumenten; kör styrdok check för detaljer.`);
}
