/**
 * A document that breaks a rule stops the site build, with the same report `styrdok check` prints.
 */
import { execFileSync } from 'node:child_process';
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
