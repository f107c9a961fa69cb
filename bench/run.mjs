#!/usr/bin/env node
/**
 * `npm run bench`: how the check and the site scale, as ratios measured in one run on this machine.
 *
 * For each corpus size (synthetic, from scripts/generate-corpus.mjs) it takes the median of --runs runs of:
 * - floor: read every file and parse only its frontmatter with yaml (bench/floor.mjs);
 * - check: `styrdok check` on the whole corpus, as a new process;
 * - re-check --cache: the same with --cache after one file changed (the cache primed first): once its text
 *   (the rules' findings then come from the cache), once its frontmatter in what only it reads (the rules'
 *   per-document findings are found again for that one document), once a date other documents read (and
 *   for the documents that read it), and once a document added (a new riktlinje, removed afterwards);
 * - re-check --watch: in one process with the cache in memory, as `check --watch` does;
 * - region: the same number of documents shared between 5 kommuner, each with its own config, checked in one
 *   run (`styrdok check .` in the region's folder), against the floor of the same files;
 * - site: `npm run site` (check, model, pages with Eleventy in parts; then the search index, a step of its own), without
 *   git history, as `npm start` runs it: after `check --cache`, whose parse cache the site's check reads;
 *   each step apart, into an empty output folder with no search index kept from an earlier build; then again
 *   after one file changed, with the parse cache and the search indexes of the build before (search-cache.ts),
 *   over the site before, which is removed when the new one is in place; and the pages without the cache
 *   (STYRDOK_CACHE=0), every file parsed again, into an empty output folder;
 * - bare Eleventy: Eleventy's own Markdown renderer over the same files (bench/bare.eleventy.js), into an
 *   empty output folder; and beside it the part of the site's pages step that writes what it writes, one page
 *   per document (sameAsBare: the step less the open data, uppföljning and other pages, as the build reports them);
 * - Eleventy writing the site as it is: the pages the site build just wrote, each an .html template with no
 *   template engine (bench/written.eleventy.js), in one run into an empty output folder: what writing these
 *   pages costs Eleventy without styrdok, so what the site's pages take beyond it is styrdok's own work;
 * and the peak memory (resident set size) of each process and the processes it starts (Pagefind), from
 * bench/with-rss.mjs, and their processor time. The site's three builds and the bare build are measured round
 * by round, and their ratios are the medians of each round's ratio. Then the ratios and the targets:
 * check ≤ 2× floor, re-check ≤ 0.1× check, site ≤ 1.5× bare Eleventy, peak memory < 1 GiB.
 *
 *   npm run bench -- [--sizes 1000,10000] [--runs 3] [--seed 1] [--only floor,check,recheck,region,site]
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { generateCorpus } from '../scripts/generate-corpus.mjs';
// Built by `npm run bench` (npm run build) before this runs.
import { WORK_LABELS } from '../dist/site/build-in-parts.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const OUT = path.join(ROOT, 'bench', 'out');
const ELEVENTY = path.join(ROOT, 'node_modules', '@11ty', 'eleventy', 'cmd.cjs');
const CLI = path.join(ROOT, 'dist', 'cli', 'main.js');
const PAGES = path.join(ROOT, 'dist', 'site', 'build-main.js');
const SEARCH = path.join(ROOT, 'dist', 'site', 'search-main.js');
const WITH_RSS = path.join(ROOT, 'bench', 'with-rss.mjs');
/** How many kommuner the region measurement shares the documents between. */
const REGION_KOMMUNER = 5;
/** A fixed day, so the findings (and so the work) do not change as the calendar moves on. */
const TODAY = '2026-06-01';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000' },
    runs: { type: 'string', default: '3' },
    seed: { type: 'string', default: '1' },
    only: { type: 'string', default: 'floor,check,recheck,region,site' },
  },
});
const sizes = values.sizes.split(',').map(Number);
const runs = Number(values.runs);
const only = new Set(values.only.split(','));

/**
 * Runs `node <script> args` under with-rss.mjs; returns wall and processor seconds and peak RSS in MB. The disk first writes
 * out what the step before wrote (sync): else a build that writes 600 MB slows down whichever step follows it.
 */
function measure(label, script, args, options = {}) {
  spawnSync('sync');
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, [WITH_RSS, script, ...args], {
    cwd: options.cwd ?? ROOT,
    env: { ...process.env, ...options.env },
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const rss = /STYRDOK_BENCH_RSS_KB (\d+)/.exec(result.stderr ?? '');
  // The check exits 1 when it finds errors; anything else means the measurement is void.
  if (result.status !== 0 && !(options.findingsOk && result.status === 1)) {
    throw new Error(`${label} misslyckades (slutkod ${result.status}):\n${(result.stderr ?? '').slice(-2000)}`);
  }
  // Processor time (user + system) of the step's whole process tree, Pagefind's processes included, as
  // with-rss.mjs counted it. On this shared virtual machine the wall time of a step that writes hundreds of
  // megabytes swings by a third from one run to the next with the disk; the processor time swings far less,
  // so it is shown beside it.
  const cpu = /STYRDOK_BENCH_CPU_S ([\d.]+)/.exec(result.stderr ?? '');
  return { seconds, cpuSeconds: cpu ? Number(cpu[1]) : NaN, rssMb: rss ? Number(rss[1]) / 1024 : NaN, stdout: result.stdout };
}

/**
 * The part of a site build that writes what the bare build writes, one page per document: the build's wall time
 * less the work it reports (its «Tiden:» line) for the open data, the uppföljning year pages and the other
 * pages. Undefined when the site was one Eleventy run, whose work cannot be told apart.
 */
function sameAsBare(pages) {
  const line = /\[styrdok\] Tiden: (.*)\.$/m.exec(pages.stdout)?.[1];
  if (!line) throw new Error('Webbplatsbygget skrev ingen rad «Tiden:».');
  const work = new Map(line.split(' · ').map((item) => {
    const [, label, seconds] = /^(.*?) (\d+,\d) s/.exec(item) ?? [];
    if (!label) throw new Error(`Raden «Tiden:» har en del som bänken inte kan läsa: «${item}».`);
    return [label, Number(seconds.replace(',', '.'))];
  }));
  if (work.has(WORK_LABELS.whole)) return undefined;
  const extra = [WORK_LABELS.openData, WORK_LABELS.followupYears, WORK_LABELS.followupNamnder, WORK_LABELS.other].reduce((sum, label) => sum + (work.get(label) ?? 0), 0);
  return { seconds: pages.seconds - extra, cpuSeconds: NaN, rssMb: NaN };
}

function htmlFiles(dir) {
  if (!existsSync(dir)) return 0;
  return readdirSync(dir, { withFileTypes: true, recursive: true }).filter((entry) => entry.isFile() && entry.name.endsWith('.html')).length;
}

function median(numbers) {
  const sorted = [...numbers].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function repeat(label, once) {
  const results = [];
  for (let run = 0; run < runs; run++) results.push(logged(label, run, once(run)));
  return summary(results);
}

/**
 * Medians of the wall and processor time of some runs of one step, and their highest peak memory; `paired`
 * when its runs were measured round by round with those of another step (pairedRatio).
 */
function summary(results, paired = false) {
  return {
    paired,
    seconds: median(results.map((r) => r.seconds)),
    cpuSeconds: median(results.map((r) => r.cpuSeconds)),
    rssMb: Math.max(...results.map((r) => r.rssMb)),
    runs: results,
  };
}

function logged(label, run, result) {
  process.stderr.write(`  ${label} ${run + 1}/${runs}: ${result.seconds.toFixed(2)} s (processortid ${result.cpuSeconds.toFixed(1)} s)\n`);
  return result;
}

function benchSize(n) {
  const dir = path.join(OUT, `corpus-${n}`);
  const { docs } = generateCorpus({ n, seed: Number(values.seed), out: dir });
  const megabytes = docs.reduce((sum, d) => sum + Buffer.byteLength(d.text), 0) / 1e6;
  process.stderr.write(`${docs.length} dokument, ${megabytes.toFixed(1)} MB i ${path.relative(ROOT, dir)}\n`);
  const corpus = path.join(dir, 'strategy');
  const row = { n: docs.length, megabytes };
  const check = (extra = []) => measure('check', CLI, ['check', 'strategy', '--format', 'json', '--today', TODAY, ...extra], { cwd: dir, findingsOk: true });

  if (only.has('floor')) row.floor = repeat('floor', () => measure('floor', path.join(ROOT, 'bench', 'floor.mjs'), [corpus]));
  if (only.has('check')) row.check = repeat('check', () => check());
  if (only.has('recheck')) {
    rmSync(path.join(dir, '.styrdokcache'), { recursive: true, force: true });
    check(['--cache']);
    const policies = readdirSync(path.join(corpus, 'policyer')).sort();
    // The common change: a sentence more in a document's text. The rules read nothing of it (rule-inputs.ts),
    // so their findings come from the cache.
    row.recheckCache = repeat('re-check --cache', (run) => {
      appendFileSync(path.join(corpus, 'policyer', policies[run % policies.length]), '\nEn mening till.\n');
      return check(['--cache']);
    });
    // A change to the frontmatter that only the document reads: a line more at its top moves every key. The
    // document rules and the corpus rules' per-document parts run on that document, the rest come from the cache.
    row.recheckFrontmatter = repeat('re-check --cache, frontmatter changed', (run) => {
      const file = path.join(corpus, 'policyer', policies[(run + 1) % policies.length]);
      writeFileSync(file, readFileSync(file, 'utf8').replace('---\n', `---\n# ändrad i omgång ${run + 1}\n`));
      return check(['--cache']);
    });
    // A change to what other documents read of it (its shape, load/shape.ts): the decision's date, which every
    // document that implements or replaces it reads for its status. The corpus rules run on every document.
    row.recheckShape = repeat('re-check --cache, a date others read changed', (run) => {
      const file = path.join(corpus, 'policyer', policies[(run + 2) % policies.length]);
      writeFileSync(file, readFileSync(file, 'utf8').replace(/(\n  datum: \d{4}-\d\d-)(\d\d)/, (_, head, day) => `${head}${day === '15' ? '16' : '15'}`));
      return check(['--cache']);
    });
    // A document added: a new riktlinje with an id and a diarienummer of its own. The documents that name it or
    // link to it are checked again (none do, as with most new documents), and the corpus rules across documents.
    const riktlinjer = readdirSync(path.join(corpus, 'riktlinjer')).sort();
    const added = [];
    row.recheckAdd = repeat('re-check --cache, a document added', (run) => {
      const file = path.join(corpus, 'riktlinjer', `ny-riktlinje-${run + 1}.md`);
      const text = readFileSync(path.join(corpus, 'riktlinjer', riktlinjer[run]), 'utf8');
      writeFileSync(file, text.replace(/\nid: .*/, `\nid: ny-riktlinje-${run + 1}`).replace(/(\n  diarienummer: [^\n:]+:)\d+/, `$1${90000 + run}`));
      added.push(file);
      return check(['--cache']);
    });
    for (const file of added) rmSync(file);
    const inProcess = measure('re-check --watch', path.join(ROOT, 'bench', 'recheck-in-process.mjs'), [corpus, String(runs), TODAY]);
    const { full, rechecks } = JSON.parse(inProcess.stdout);
    if (rechecks.some((r) => r.findings !== rechecks[0].findings)) throw new Error('Omkontrollen gav olika antal fynd mellan körningarna.');
    row.watchFull = { seconds: full.seconds, rssMb: inProcess.rssMb };
    row.recheckWatch = { seconds: median(rechecks.map((r) => r.seconds)), rssMb: inProcess.rssMb };
  }
  if (only.has('region')) {
    const region = path.join(OUT, `region-${n}`);
    generateCorpus({ n, seed: Number(values.seed), kommuner: REGION_KOMMUNER, out: region });
    row.regionFloor = repeat('region floor', () => measure('floor', path.join(ROOT, 'bench', 'floor.mjs'), [region]));
    row.regionCheck = repeat('region check', () => measure('check', CLI, ['check', '.', '--format', 'json', '--today', TODAY], { cwd: region, findingsOk: true }));
  }
  if (only.has('site')) {
    const env = { STYRDOK_CORPUS: corpus, STYRDOK_TODAY: TODAY, STYRDOK_HISTORY: '0', STYRDOK_SITE_OUT: path.join(dir, '_site') };
    // As in `npm start`: the check has just run with --cache, and the site's own check reads that cache.
    check(['--cache']);
    // `npm run site`: Eleventy, then the search index (Pagefind) as a step of its own. The bare build
    // indexes nothing, so the pages alone are compared with it too.
    const searchCache = path.join(dir, '.styrdokcache', 'sokindex');
    const siteOnce = (label) => {
      const pages = measure(label, PAGES, [], { env });
      const search = measure(`${label}: search index`, SEARCH, [], { env });
      const sum = { seconds: pages.seconds + search.seconds, cpuSeconds: pages.cpuSeconds + search.cpuSeconds, rssMb: Math.max(pages.rssMb, search.rssMb) };
      return { pages, search, sameAsBare: sameAsBare(pages), ...sum };
    };
    const bare = { BARE_INPUT: corpus, BARE_OUTPUT: path.join(dir, '_bare') };
    const bareOnce = () => {
      rmSync(bare.BARE_OUTPUT, { recursive: true, force: true });
      const result = measure('bare Eleventy', ELEVENTY, ['--quiet', '--config=bench/bare.eleventy.js'], { env: bare });
      // A build that wrote nothing would be a fast, meaningless yardstick.
      const pages = htmlFiles(bare.BARE_OUTPUT);
      if (pages !== docs.length) throw new Error(`Eleventy utan styrdok skrev ${pages} sidor, inte ${docs.length}.`);
      return result;
    };
    const written = { WRITTEN_INPUT: env.STYRDOK_SITE_OUT, WRITTEN_OUTPUT: path.join(dir, '_written') };
    const writtenOnce = () => {
      rmSync(written.WRITTEN_OUTPUT, { recursive: true, force: true });
      const result = measure('Eleventy writing the site as it is', ELEVENTY, ['--quiet', '--config=bench/written.eleventy.js'], { env: written });
      const pages = htmlFiles(written.WRITTEN_OUTPUT);
      const expected = htmlFiles(written.WRITTEN_INPUT);
      if (pages !== expected) throw new Error(`Eleventy som bara skriver webbplatsens sidor skrev ${pages} sidor, inte ${expected}.`);
      return result;
    };
    const policies = readdirSync(path.join(corpus, 'policyer')).sort();
    // Each round builds the site in its three ways and the bare yardstick, one after the other: the machine's
    // speed drifts over the half hour a bench takes, and a ratio is then taken within a round (pairedRatio).
    const rounds = [];
    for (let run = 0; run < runs; run++) {
      // A whole build: into an empty output folder, as the bare build, and with no search index kept from an
      // earlier one (search-cache.ts). Removing the site before it is part of "site again".
      rmSync(env.STYRDOK_SITE_OUT, { recursive: true, force: true });
      rmSync(searchCache, { recursive: true, force: true });
      const site = logged('site', run, siteOnce('site'));
      const bareRun = logged('bare Eleventy', run, bareOnce());
      const writtenRun = logged('Eleventy writing the site as it is', run, writtenOnce());
      // The next publication after one document changed, as `npm start` runs it: the check with --cache, then
      // the site, with the parse cache and the search indexes of the build before.
      appendFileSync(path.join(corpus, 'policyer', policies[(run + 1) % policies.length]), '\nÄnnu en mening i en policy.\n');
      check(['--cache']);
      const again = logged('site again, one file changed', run, siteOnce('site again'));
      // And with every file parsed again, as a site build on its own, without a check before it, does.
      rmSync(env.STYRDOK_SITE_OUT, { recursive: true, force: true });
      const cold = logged('site without cache', run, measure('site without cache', PAGES, [], { env: { ...env, STYRDOK_CACHE: '0' } }));
      rounds.push({ site, bare: bareRun, written: writtenRun, again, cold });
    }
    row.site = summary(rounds.map((r) => r.site), true);
    row.siteNoSearch = summary(rounds.map((r) => r.site.pages), true);
    if (rounds.every((r) => r.site.sameAsBare)) row.sameAsBare = summary(rounds.map((r) => r.site.sameAsBare), true);
    row.search = summary(rounds.map((r) => r.site.search), true);
    row.siteAgain = summary(rounds.map((r) => r.again), true);
    row.searchAgain = summary(rounds.map((r) => r.again.search), true);
    row.siteCold = summary(rounds.map((r) => r.cold), true);
    row.bare = summary(rounds.map((r) => r.bare), true);
    row.written = summary(rounds.map((r) => r.written), true);
  }
  return row;
}

const seconds = (m) => (m ? `${m.seconds.toFixed(2)} s${Number.isFinite(m.cpuSeconds) ? ` (processortid ${m.cpuSeconds.toFixed(1)} s)` : ''}` : '–');
const memory = (m) => (m && Number.isFinite(m.rssMb) ? `${Math.round(m.rssMb)} MB` : '–');
/** The highest peak among the measurements `keys` of a row, or – when none of them ran (--only). */
const peakOf = (row, keys) => {
  const peaks = keys.map((k) => row[k]?.rssMb).filter(Number.isFinite);
  return peaks.length ? `${Math.round(Math.max(...peaks))} MB` : '–';
};
const ratio = (a, b, measure = 'seconds') => (a && b ? pairedRatio(a, b, measure) ?? a[measure] / b[measure] : undefined);
/** The median of the ratios run by run, when the two were measured in the same rounds (the site and the bare build). */
function pairedRatio(a, b, measure) {
  if (!a.paired || !b.paired || a.runs.length !== b.runs.length) return undefined;
  return median(a.runs.map((run, i) => run[measure] / b.runs[i][measure]));
}
const plain = (r) => (r === undefined ? '–' : `${r.toFixed(2)}×`);
const shown = (r, target, below = true) => (r === undefined ? '–' : `${r.toFixed(2)}× (mål ${below ? '≤' : '≥'} ${target}×) ${r <= target ? 'ok' : 'ÖVER'}`);

mkdirSync(OUT, { recursive: true });
const rows = sizes.map(benchSize);
const lines = [
  `styrdok bench ${new Date().toISOString().slice(0, 10)}: ${os.cpus().length} kärnor (${os.cpus()[0]?.model ?? 'okänd processor'}), Node ${process.version}, median av ${runs} körningar`,
  '',
  `| Mätning | ${rows.map((r) => `${r.n} dokument (${r.megabytes.toFixed(0)} MB)`).join(' | ')} |`,
  `| --- | ${rows.map(() => '---').join(' | ')} |`,
];
const measures = [
  ['Golv: läsa filerna och tolka frontmatter', 'floor'],
  ['Kontroll (styrdok check)', 'check'],
  ['Omkontroll, en fils text ändrad (check --cache)', 'recheckCache'],
  ['Omkontroll, en fils frontmatter ändrad, inget som andra dokument läser (check --cache)', 'recheckFrontmatter'],
  ['Omkontroll, ett datum som andra dokument läser ändrat (check --cache)', 'recheckShape'],
  ['Omkontroll, ett dokument tillagt (check --cache)', 'recheckAdd'],
  ['Omkontroll, en fil ändrad (check --watch)', 'recheckWatch'],
  [`Golv, samma antal dokument i ${REGION_KOMMUNER} kommuner`, 'regionFloor'],
  [`Kontroll av ${REGION_KOMMUNER} kommuner i en körning (styrdok check .)`, 'regionCheck'],
  ['Webbplatsen (npm run site), efter check --cache som i npm start', 'site'],
  ['  varav sidorna (Eleventy)', 'siteNoSearch'],
  ['  varav sökindexet (Pagefind, eget steg)', 'search'],
  ['  varav det Eleventy utan styrdok också gör: start, kontroll, modell och dokumentsidorna', 'sameAsBare'],
  ['Webbplatsen igen, en fil ändrad (cachen från bygget innan)', 'siteAgain'],
  ['  varav sökindexet (oförändrade index ur cachen)', 'searchAgain'],
  ['Sidorna utan cache (STYRDOK_CACHE=0)', 'siteCold'],
  ['Eleventy utan styrdok, samma Markdown', 'bare'],
  ['Eleventy som bara skriver webbplatsens färdiga sidor, i en körning (ingen mall, ingen styrdok)', 'written'],
];
for (const [label, key] of measures) {
  if (rows.some((r) => r[key])) lines.push(`| ${label} | ${rows.map((r) => `${seconds(r[key])}, ${memory(r[key])}`).join(' | ')} |`);
}
lines.push(
  `| Kontroll / golv | ${rows.map((r) => shown(ratio(r.check, r.floor), 2)).join(' | ')} |`,
  `| Omkontroll --cache / kontroll, en fils text ändrad | ${rows.map((r) => shown(ratio(r.recheckCache, r.check), 0.1)).join(' | ')} |`,
  `| Omkontroll --cache / kontroll, en fils frontmatter ändrad (inget som andra läser) | ${rows.map((r) => shown(ratio(r.recheckFrontmatter, r.check), 0.1)).join(' | ')} |`,
  `| Omkontroll --cache / kontroll, ett datum som andra läser ändrat | ${rows.map((r) => shown(ratio(r.recheckShape, r.check), 0.1)).join(' | ')} |`,
  `| Omkontroll --cache / kontroll, ett dokument tillagt | ${rows.map((r) => shown(ratio(r.recheckAdd, r.check), 0.1)).join(' | ')} |`,
  `| Omkontroll --watch / kontroll | ${rows.map((r) => shown(ratio(r.recheckWatch, r.watchFull ?? r.check), 0.1)).join(' | ')} |`,
  `| Kontroll av ${REGION_KOMMUNER} kommuner / deras golv | ${rows.map((r) => shown(ratio(r.regionCheck, r.regionFloor), 2)).join(' | ')} |`,
  `| Webbplats / Eleventy utan styrdok | ${rows.map((r) => shown(ratio(r.site, r.bare), 1.5)).join(' | ')} |`,
  `| Sidorna / Eleventy utan styrdok | ${rows.map((r) => shown(ratio(r.siteNoSearch, r.bare), 1.5)).join(' | ')} |`,
  `| Samma sidor (start, kontroll, modell och dokumentsidorna) / Eleventy utan styrdok | ${rows.map((r) => shown(ratio(r.sameAsBare, r.bare), 1.5)).join(' | ')} |`,
  `| Webbplats / Eleventy utan styrdok, processortid | ${rows.map((r) => shown(ratio(r.site, r.bare, 'cpuSeconds'), 1.5)).join(' | ')} |`,
  `| Sidorna / Eleventy utan styrdok, processortid | ${rows.map((r) => shown(ratio(r.siteNoSearch, r.bare, 'cpuSeconds'), 1.5)).join(' | ')} |`,
  `| Eleventy som bara skriver webbplatsens sidor / Eleventy utan styrdok | ${rows.map((r) => plain(ratio(r.written, r.bare))).join(' | ')} |`,
  `| Sidorna / Eleventy som bara skriver dem (styrdoks eget arbete) | ${rows.map((r) => plain(ratio(r.siteNoSearch, r.written))).join(' | ')} |`,
  `| Webbplatsen igen, en fil ändrad / Eleventy utan styrdok | ${rows.map((r) => shown(ratio(r.siteAgain, r.bare), 1.5)).join(' | ')} |`,
  `| Sidorna utan cache / Eleventy utan styrdok | ${rows.map((r) => shown(ratio(r.siteCold, r.bare), 1.5)).join(' | ')} |`,
  `| Högsta minne, kontrollen (mål < 1024 MB) | ${rows.map((r) => peakOf(r, ['floor', 'check', 'recheckCache', 'recheckFrontmatter', 'recheckShape', 'recheckAdd', 'recheckWatch', 'regionCheck'])).join(' | ')} |`,
  `| Högsta minne, webbplatsen (mål < 1024 MB) | ${rows.map((r) => peakOf(r, ['site', 'siteAgain', 'siteCold'])).join(' | ')} |`,
);
if (rows.length > 1) {
  const [small, large] = [rows[0], rows.at(-1)];
  const growth = (key) => (small[key] && large[key] ? `${(large[key].seconds / small[key].seconds).toFixed(1)}×` : '–');
  lines.push('', `Tillväxt från ${small.n} till ${large.n} dokument (${(large.n / small.n).toFixed(0)}× fler): ${measures.map(([label, key]) => `${label.split(':')[0]} ${growth(key)}`).join(', ')}.`);
}
console.log(lines.join('\n'));
