#!/usr/bin/env node
/**
 * The first step of `npm run site`: checks the corpus once, as `styrdok check` does, and stops on any rule
 * error with the same report; else writes the site with Eleventy, in parts when it is large (see
 * build-in-parts.ts). Env as for .eleventy.js (STYRDOK_CORPUS, STYRDOK_TODAY, STYRDOK_SITE_OUT,
 * STYRDOK_HISTORY, STYRDOK_CACHE), and STYRDOK_DOCS_PER_PART (documents per Eleventy run). The site is written
 * into a new folder that replaces the output folder when it is done (output-folder.ts). The search index is
 * the next step (search-main.ts), in a process of its own.
 */
import { buildSiteInParts, DEFAULT_DOCS_PER_PART, type WorkTime } from './build-in-parts.js';
import { loadSite, noticeLines } from './load-site.js';
import { describeFailure } from './build-errors.js';
import { freshOutput } from './output-folder.js';
import { countSetting, SettingError } from './settings.js';
import { assertSiteFolder, SITE_DIR } from './eleventy-setup.js';

const env = process.env;
const outputDir = env.STYRDOK_SITE_OUT || '_site';
try {
  const docsPerPart = countSetting(env, 'STYRDOK_DOCS_PER_PART', DEFAULT_DOCS_PER_PART);
  if (docsPerPart < 1) throw new SettingError(`STYRDOK_DOCS_PER_PART ska vara ett heltal större än 0, inte «${env.STYRDOK_DOCS_PER_PART}».`);
  assertSiteFolder();
  // Checked before the corpus is loaded, so a wrong STYRDOK_SITE_OUT is told at once.
  const output = freshOutput(outputDir, [
    { path: '.', name: 'förrådet' },
    { path: env.STYRDOK_CORPUS || 'strategy', name: 'styrdokumenten' },
    { path: SITE_DIR, name: 'webbplatsens mallar' },
  ]);
  const site = await loadSite(env);
  // Since the process started: Node, the modules, the check (from the parse cache in npm start) and the site model.
  const loaded: WorkTime = { label: 'start, kontroll och webbplatsmodell', seconds: performance.now() / 1000 };
  for (const line of noticeLines(site)) console.log(line);
  const started = performance.now();
  let built;
  try {
    built = await buildSiteInParts(site, output.staging, docsPerPart);
    await output.publish();
  } catch (error) {
    // At exit, not now: Eleventy fails on the first error while its copying of the assets may still be
    // writing into the new folder.
    process.once('exit', () => output.discard());
    throw error;
  }
  const runs = built.parts > 1 ? ` i ${built.parts} omgångar` : '';
  console.log(`[styrdok] Skrev ${built.files} sidor och filer till ${outputDir}${runs} på ${secondsText((performance.now() - started) / 1000)}.`);
  // Where the time went, for whoever keeps the build fast (and bench/run.mjs, which reads it).
  console.log(`[styrdok] Tiden: ${[loaded, ...built.work].map(workText).join(' · ')}.`);
} catch (error) {
  // The documents' errors, settings, the output folder, a full disk or a fault in styrdok: see build-errors.ts.
  // The last site is still in place (output-folder.ts).
  const failure = describeFailure('Webbplatsbygget', error);
  process.stderr.write(failure.text);
  process.exitCode = failure.exitCode;
}

function secondsText(seconds: number): string {
  return `${seconds.toFixed(1).replace('.', ',')} s`;
}

/** «dokumentsidor 16,1 s (10001 filer)». */
function workText({ label, seconds, files }: WorkTime): string {
  return `${label} ${secondsText(seconds)}${files === undefined ? '' : ` (${files} ${files === 1 ? 'fil' : 'filer'})`}`;
}
