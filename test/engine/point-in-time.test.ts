import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkProject } from '../../src/engine/load-project.js';
import { writeCorpus } from '../rules/helpers.js';
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

describe('periods grouped by month, quarter or year when there are too many', () => {
  // 150 riktlinjer, each in force for two years from a day of its own: 300 change days.
  const riktlinje = (i: number) => {
    const from = `${2010 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 27) + 1).padStart(2, '0')}`;
    const to = `${Number(from.slice(0, 4)) + 2}${from.slice(4, 8)}01`;
    return `---\nid: riktlinje-${i}\ndokumenttyp: riktlinje\ntitel: Riktlinje ${i}\nbeslutande_organ: kommunstyrelsen\nbeslut: { datum: ${from}, paragraf: 1, diarienummer: KS/2025:${1000 + i} }\ngiltighetstid: { från: ${from}, till: ${to} }\ndokumentansvarig: stadsledningsforvaltningen\n---\n`;
  };
  /** Inside a test: the corpus is written to a folder removed when the test finishes. */
  const load = () => {
    const cwd = writeCorpus(Object.fromEntries(Array.from({ length: 150 }, (_, i) => [`strategy/riktlinje-${i}.md`, riktlinje(i)])));
    const { corpus, config } = checkProject({ cwd, today: '2026-11-25' });
    return { corpus, config, exact: inForcePeriods(corpus, config) };
  };

  it('are exact below the limit, and the same as asking each change day', () => {
    const { corpus, config, exact } = load();
    expect(exact.length).toBeGreaterThan(200);
    // Compared by dates and ids: a document's object graph is too large to compare deeply 300 times.
    const shape = (periods: typeof exact) => periods.map((p) => [p.from, p.to, ids(p.documents), p.coarse]);
    expect(shape(inForcePeriods(corpus, config, exact.length))).toEqual(shape(exact));
    expect(inForcePeriods(corpus, config, exact.length - 1)[0]!.coarse).toBeDefined();
    for (const period of exact) expect(ids(period.documents)).toEqual(ids(inForceOn(corpus, config, period.from)));
  });

  it.each([
    [200, 'månad'],
    [60, 'kvartal'],
    [10, 'år'],
  ])('at most %i periods: by %s, and a document is listed with its days exactly as it was in force', (max, unit) => {
    const { corpus, config, exact } = load();
    const coarse = inForcePeriods(corpus, config, max);
    expect(coarse.length).toBeLessThanOrEqual(Math.max(max, 17));
    expect(new Set(coarse.map((p) => p.coarse?.unit))).toEqual(new Set([unit]));
    for (const period of exact) {
      const holder = periodOn(coarse, period.from)!;
      for (const doc of holder.documents) {
        const part = holder.coarse!.partly.get(doc);
        const inPart = !part || ((!part.from || part.from <= period.from) && (!part.to || period.from <= part.to));
        expect(period.documents.includes(doc), `${doc.data.id} ${period.from}`).toBe(inPart);
      }
      for (const doc of period.documents) expect(holder.documents.includes(doc), `${doc.data.id} ${period.from}`).toBe(true);
    }
  });
});
