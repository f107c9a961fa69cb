/**
 * A document that breaks a rule stops the site build, with the same report `styrdok check` prints.
 */
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runNode } from '../helpers/build-site.js';
import { buildSite, corpusWith, REPO, tempDir, TODAY } from './helpers.js';

const UNTRACED_GOAL = `---
id: verksamhetsplan-2026-sn
dokumenttyp: verksamhetsplan
titel: Socialnämndens verksamhetsplan 2026
nämnd: socialnamnden
år: 2026
beslutande_organ: socialnamnden
beslut:
  datum: 2025-12-17
  paragraf: 5
  diarienummer: SN/2025:5
antagen_till_följd_av_lag: false
dokumentansvarig: socialforvaltningen
mål:
  - id: utan-koppling
    titel: Ett mål som inte bidrar till någon strategi.
---
`;

const SETS_PERMALINK = `---
id: riktlinje-med-permalink
dokumenttyp: riktlinje
titel: Riktlinje som försöker välja sin adress
beslutande_organ: kommunstyrelsen
dokumentansvarig: stadsledningsforvaltningen
permalink: /index.html
layout: false
---

Text.
`;

/** What `styrdok check` prints for the corpus, run beside it as a clerk would. */
function checkOutput(corpus: string): string {
  try {
    execFileSync(process.execPath, [path.join(REPO, 'dist/cli/main.js'), 'check', '--today', TODAY], { cwd: path.dirname(corpus), encoding: 'utf8' });
  } catch (error) {
    return (error as { stdout: string }).stdout;
  }
  throw new Error('styrdok check hittade inget fel');
}

describe('the build gate', () => {
  it('stops on a rule error and prints the report of styrdok check, then writes nothing', async () => {
    const corpus = corpusWith({ 'verksamhetsplaner/verksamhetsplan-2026-sn.md': UNTRACED_GOAL });
    const build = await buildSite(corpus);
    expect(build.code).not.toBe(0);
    const report = checkOutput(corpus);
    expect(report).toContain('Målet «utan-koppling» är inte kopplat till någon strategi.');
    expect(report).toContain('traceability');
    expect(build.stderr).toContain(report);
    expect(build.stderr).toContain('Webbplatsen byggs inte: 1 fel i styrdokumenten.');
    expect(existsSync(path.join(build.out, 'index.html'))).toBe(false);
  }, 120_000);

  it('stops on frontmatter that tries to set a permalink or layout', async () => {
    const corpus = corpusWith({ 'riktlinjer/riktlinje-med-permalink.md': SETS_PERMALINK });
    const build = await buildSite(corpus);
    expect(build.code).not.toBe(0);
    const report = checkOutput(corpus);
    expect(report).toMatch(/permalink/);
    expect(build.stderr).toContain(report);
    expect(existsSync(path.join(build.out, 'index.html'))).toBe(false);
  }, 120_000);
});

describe('each build replaces the output folder whole', () => {
  it('drops the page of a document that left the corpus, and keeps the last site when a build fails', async () => {
    const corpus = corpusWith();
    const out = path.join(tempDir(), '_site');
    const page = path.join(out, 'dokument/riktlinje-affischering/index.html');
    expect((await buildSite(corpus, { out })).code).toBe(0);
    expect(existsSync(page)).toBe(true);

    rmSync(path.join(corpus, 'riktlinjer/riktlinje-affischering.md'));
    const second = await buildSite(corpus, { out });
    expect(second.code).toBe(0);
    expect(existsSync(page)).toBe(false);
    expect(readFileSync(path.join(out, 'data/styrdok.json'), 'utf8')).not.toContain('riktlinje-affischering');
    const start = readFileSync(path.join(out, 'index.html'), 'utf8');

    writeFileSync(path.join(corpus, 'verksamhetsplaner/verksamhetsplan-2026-sn.md'), UNTRACED_GOAL);
    const failed = await buildSite(corpus, { out });
    expect(failed.code).toBe(1);
    expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toBe(start);
    expect(readdirSync(path.dirname(out))).toEqual(['_site']);
  }, 180_000);

  it('will not write into a folder that holds something else, and says so in Swedish', async () => {
    const out = path.join(tempDir(), 'mina-filer');
    mkdirSync(out);
    writeFileSync(path.join(out, 'anteckningar.txt'), 'mitt arbete');
    const build = await buildSite(corpusWith(), { out });
    expect(build.code).toBe(1);
    expect(build.stderr).toContain('innehåller annat än en webbplats från styrdok');
    expect(build.stderr).not.toMatch(/\n\s+at /);
    expect(readdirSync(out)).toEqual(['anteckningar.txt']);
  }, 60_000);

  it("says in Swedish that a fault in a template is styrdok's, exits 2 and keeps the last site", async () => {
    // The templates (and the schemas the site copies) are read from where the build runs: a copy, with one
    // page template broken.
    const root = tempDir();
    for (const folder of ['site', 'schemas']) cpSync(path.join(REPO, folder), path.join(root, folder), { recursive: true });
    const out = path.join(root, '_site');
    const env = { ...process.env, STYRDOK_CORPUS: corpusWith(), STYRDOK_SITE_OUT: out, STYRDOK_TODAY: TODAY };
    const build = () => runNode([path.join(REPO, 'dist/site/build-main.js')], env, root);
    expect((await build()).code).toBe(0);
    const start = readFileSync(path.join(out, 'index.html'), 'utf8');
    const template = path.join(root, 'site/_includes/sidor/dokument.njk');
    writeFileSync(template, `${readFileSync(template, 'utf8')}\n{{ item.title | filtretsomintefinns }}\n`);

    const broken = await build();
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/^Internt fel: Webbplatsbygget stannade på ett fel i styrdok, inte i styrdokumenten\. Rapportera felet/);
    expect(broken.stderr).toContain('filtretsomintefinns');
    expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toBe(start);
    expect(readdirSync(root).sort()).toEqual(['_site', 'schemas', 'site']);
  }, 120_000);
});

describe('a build that cannot start says why in Swedish, to whoever can act on it, and writes nothing', () => {
  const buildMain = path.join(REPO, 'dist/site/build-main.js');
  /** The machine's environment without any STYRDOK_ setting of its own. */
  const clean = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('STYRDOK_')));
  /** build-main as a process, with these settings. */
  const build = (env: Record<string, string>) => runNode([buildMain], { ...clean, STYRDOK_TODAY: TODAY, STYRDOK_HISTORY: '0', ...env }, REPO);
  const noStack = (stderr: string) => expect(stderr).not.toMatch(/\n\s+at |Internt fel/);

  it('a corpus without styrdok.config.yaml: the configuration report, as styrdok check prints it, exit 2', async () => {
    const corpus = corpusWith();
    rmSync(path.join(corpus, 'styrdok.config.yaml'));
    const out = path.join(tempDir(), '_site');
    const result = await build({ STYRDOK_CORPUS: corpus, STYRDOK_SITE_OUT: out });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^Konfigurationen är felaktig:\n.*\n\s+1:1\s+fel\s+Hittar ingen styrdok\.config\.yaml/);
    noStack(result.stderr);
    // Nothing beside it either: the lock the build took is let go when it stops.
    expect(readdirSync(path.dirname(out))).toEqual([]);
  }, 60_000);

  it('settings that are not what they must be: each named with what was given, exit 1', async () => {
    const out = path.join(tempDir(), '_site');
    const cases: [Record<string, string>, string][] = [
      [{ STYRDOK_TODAY: '2026-02-30' }, 'STYRDOK_TODAY ska vara ett datum som finns, skrivet ÅÅÅÅ-MM-DD, inte «2026-02-30».'],
      [{ STYRDOK_HISTORY: 'kanske' }, 'STYRDOK_HISTORY ska vara 1 (på) eller 0 (av), inte «kanske».'],
      [{ STYRDOK_CORPUS: 'strategi' }, `STYRDOK_CORPUS pekar på «strategi», som inte finns: ${path.join(REPO, 'strategi')}.`],
      [{ STYRDOK_CORPUS: 'README.md' }, 'STYRDOK_CORPUS pekar på «README.md», som är en fil och inte en mapp'],
      [{ STYRDOK_CACHE: 'package.json' }, `STYRDOK_CACHE ska vara en mapp, men «package.json» är en fil: ${path.join(REPO, 'package.json')}. Välj en mapp som inte finns än, eller 0 för ingen cache.`],
    ];
    for (const [env, says] of cases) {
      const result = await build({ STYRDOK_SITE_OUT: out, ...env });
      expect(result.code, JSON.stringify(env)).toBe(1);
      expect(result.stderr).toContain(says);
      noStack(result.stderr);
    }
    expect(existsSync(out)).toBe(false);
  }, 120_000);

  it('run outside the repository root: told where to run it, exit 1', async () => {
    const elsewhere = tempDir();
    const out = path.join(elsewhere, '_site');
    const result = await runNode([buildMain], { ...clean, STYRDOK_CORPUS: path.join(REPO, 'strategy'), STYRDOK_SITE_OUT: out }, elsewhere);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`Webbplatsens mallar (mappen site/) finns inte i «${elsewhere}». Bygg webbplatsen från förrådets rot, där package.json ligger, med npm run site.\n`);
    expect(readdirSync(elsewhere)).toEqual([]);
    // A folder with the templates but not the schemas the site publishes: not an internal error either.
    mkdirSync(path.join(elsewhere, 'site'));
    const noSchemas = await runNode([buildMain], { ...clean, STYRDOK_CORPUS: path.join(REPO, 'strategy'), STYRDOK_SITE_OUT: out }, elsewhere);
    expect(noSchemas.code).toBe(1);
    expect(noSchemas.stderr).toBe(`Dokumenttypernas scheman (mappen schemas/) finns inte i «${elsewhere}». Bygg webbplatsen från förrådets rot, där package.json ligger, med npm run site.\n`);
    expect(readdirSync(elsewhere)).toEqual(['site']);
  }, 60_000);

  it('a Kolada file that is not JSON: the clerk is told which file, exit 1', async () => {
    const corpus = corpusWith({ 'uppfoljning/kolada-avbruten.json': '{"values": [{"kpi": "N15419"' });
    const result = await build({ STYRDOK_CORPUS: corpus, STYRDOK_SITE_OUT: path.join(tempDir(), '_site') });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('Uppföljningen kan inte byggas: strategy/uppfoljning/kolada-avbruten.json:1:29: filen är inte giltig JSON: filen tar slut för tidigt, här väntades } som avslutar objektet. Spara svaret från Kolada oförändrat.\n');
  }, 60_000);

  it('an output folder under a file: the computer\'s error, with the path, exit 1', async () => {
    const root = tempDir();
    writeFileSync(path.join(root, 'en-fil'), 'x');
    const result = await build({ STYRDOK_SITE_OUT: path.join(root, 'en-fil', '_site') });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^Webbplatsbygget stannade vid «.*en-fil.*»: en del av sökvägen är en fil, inte en mapp \(ENOTDIR\)\. Felet ligger i datorn eller mappen/);
    noStack(result.stderr);
  }, 60_000);

  it('a second build while one is running: refused, the site it is writing left alone', async () => {
    const out = path.join(tempDir(), '_site');
    expect((await build({ STYRDOK_SITE_OUT: out })).code).toBe(0);
    const start = readFileSync(path.join(out, 'index.html'), 'utf8');
    // A running build holds the lock beside the output folder; a sleeping process stands in for it.
    const running = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)']);
    try {
      writeFileSync(path.join(path.dirname(out), '._site.styrdok-las'), `${running.pid}\n`);
      const second = await build({ STYRDOK_SITE_OUT: out });
      expect(second.code).toBe(1);
      expect(second.stderr).toContain(`Ett annat bygge av webbplatsen (process ${running.pid}) skriver redan till «${out}». Vänta tills det är klart`);
      expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toBe(start);
      expect(readdirSync(path.dirname(out)).sort()).toEqual(['._site.styrdok-las', '_site']);
    } finally {
      running.kill();
    }
  }, 120_000);

  it('the search step with a switch that is neither 1 nor 0: named, exit 1', async () => {
    const result = await runNode([path.join(REPO, 'dist/site/search-main.js'), tempDir()], { ...clean, STYRDOK_SEARCH: 'ja' }, REPO);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('STYRDOK_SEARCH ska vara 1 (på) eller 0 (av), inte «ja».\n');
  }, 60_000);
});
