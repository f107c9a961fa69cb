#!/usr/bin/env node
/**
 * The first step of `npm run site`: checks the corpus once, as `styrdok check` does, and stops on any rule
 * error with the same report; else writes the site with Eleventy, in parts when it is large (see
 * build-in-parts.ts). Env as for .eleventy.js (STYRDOK_CORPUS, STYRDOK_TODAY, STYRDOK_SITE_OUT,
 * STYRDOK_HISTORY, STYRDOK_CACHE), and STYRDOK_DOCS_PER_PART (documents per Eleventy run). The search index
 * is the next step (search-main.ts), in a process of its own.
 */
import { SiteBuildError } from './build-gate.js';
import { buildSiteInParts, DEFAULT_DOCS_PER_PART } from './build-in-parts.js';
import { loadSite, warningsLine } from './load-site.js';
import { countSetting, SettingError } from './settings.js';

const env = process.env;
const outputDir = env.STYRDOK_SITE_OUT || '_site';
try {
  const docsPerPart = countSetting(env, 'STYRDOK_DOCS_PER_PART', DEFAULT_DOCS_PER_PART);
  if (docsPerPart < 1) throw new SettingError(`STYRDOK_DOCS_PER_PART ska vara ett heltal större än 0, inte «${env.STYRDOK_DOCS_PER_PART}».`);
  const site = await loadSite(env);
  const warnings = warningsLine(site);
  if (warnings) console.log(warnings);
  const started = performance.now();
  const built = await buildSiteInParts(site, outputDir, docsPerPart);
  const seconds = ((performance.now() - started) / 1000).toFixed(1).replace('.', ',');
  const runs = built.parts > 1 ? ` i ${built.parts} omgångar` : '';
  console.log(`[styrdok] Skrev ${built.files} sidor och filer till ${outputDir}${runs} på ${seconds} s.`);
} catch (error) {
  if (error instanceof SiteBuildError) {
    // A rule error: the report exactly as `styrdok check` prints it, then what it means for the site.
    process.stderr.write(`${error.report}${error.message}\n`);
  } else if (error instanceof SettingError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    throw error;
  }
  process.exitCode = 1;
}
