import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkProject } from '../../src/engine/load-project.js';
import { inForcePeriods, periodOn } from '../../src/corpus/timeline.js';
import { inForceOn } from '../../src/corpus/in-force-on.js';

const repo = path.resolve(import.meta.dirname, '../..');
const project = checkProject({ cwd: repo, today: '2026-11-25' });
const ids = (docs: { data: { id: string } }[]) => docs.map((d) => d.data.id).sort();

describe('which styrdokument were in force on a date (bundled corpus)', () => {
  it('on 2022-05-01: the 2008 policy and kommunstyrelsen’s 2021 inriktning', () => {
    expect(ids(inForceOn(project.corpus, project.config, '2022-05-01'))).toEqual(['inriktning-trygghetsarbetet-2021', 'trygghetspolicy']);
  });
  it('on 2024-01-01 the strategy has replaced the policy and the 2021 inriktning has ended', () => {
    const docs = ids(inForceOn(project.corpus, project.config, '2024-01-01'));
    expect(docs).toContain('trygghetsstrategi-2024-2026');
    expect(docs).not.toContain('trygghetspolicy');
    expect(docs).not.toContain('inriktning-trygghetsarbetet-2021');
  });
  it('periods cover every change day and agree with inForceOn inside each period', () => {
    const periods = inForcePeriods(project.corpus, project.config);
    expect(periods[0]!.from).toBe('2008-05-01');
    for (const period of periods) {
      for (const day of [period.from, period.to ?? '2030-01-01']) {
        expect(ids(periodOn(periods, day)!.documents)).toEqual(ids(inForceOn(project.corpus, project.config, day)));
      }
    }
    expect(periodOn(periods, '2000-01-01')).toBeUndefined();
  });
  it('styrdok check --at prints the list, and JSON on request', () => {
    const cli = path.join(repo, 'dist/cli/main.js');
    const text = spawnSync('node', [cli, 'check', '--at', '2022-05-01'], { cwd: repo, encoding: 'utf8' });
    expect(text.status).toBe(0);
    expect(text.stdout).toContain('Styrdokument som gällde 1 maj 2022 (2 st):');
    expect(text.stdout).toContain('Trygghetspolicy för Solna stad (Kommunfullmäktige 2008-04-21, KS/2008:15)');
    const json = spawnSync('node', [cli, 'check', '--at', '2022-05-01', '--format', 'json'], { cwd: repo, encoding: 'utf8' });
    expect((JSON.parse(json.stdout) as { dokument: { id: string }[] }).dokument.map((d) => d.id).sort()).toEqual(['inriktning-trygghetsarbetet-2021', 'trygghetspolicy']);
    // Through the parse cache, as check --cache: the same list, and the cache written for the next run.
    const cacheDir = path.join(mkdtempSync(path.join(tmpdir(), 'styrdok-at-cache-')), 'cache');
    for (let run = 0; run < 2; run++) {
      const cached = spawnSync('node', [cli, 'check', '--at', '2022-05-01', '--cache', '--cache-location', cacheDir], { cwd: repo, encoding: 'utf8' });
      expect([cached.status, cached.stdout, cached.stderr]).toEqual([0, text.stdout, '']);
      expect(readdirSync(cacheDir).length).toBeGreaterThan(0);
    }
    const withFix = spawnSync('node', [cli, 'check', '--at', '2022-05-01', '--fix'], { cwd: repo, encoding: 'utf8' });
    expect([withFix.status, withFix.stdout, withFix.stderr]).toEqual([2, '', '--at visar vilka styrdokument som gällde en dag och kontrollerar ingenting, så --fix går inte att använda med den. Kör dem var för sig.\n']);
    const bad = spawnSync('node', [cli, 'check', '--at', '2022-02-30'], { cwd: repo, encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--at ska vara ett datum');
  });
});
