/**
 * A document that breaks a rule stops the site build, with the same report `styrdok check` prints.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite, corpusWith, REPO, TODAY } from './helpers.js';

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
