import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { copyInto, tempProject } from '../helpers/run-cli.js';
import type { FollowupReport } from '../../src/followup/report-model.js';
import { cliProject, TODAY } from './fixture.js';

// Each test starts the built CLI (npm run build first) as a real process.
vi.setConfig({ testTimeout: 60_000 });

const project = cliProject;

function writeKolada(p: ReturnType<typeof project>, file: string, kpi: string, value: number) {
  writeFileSync(p.path(file), JSON.stringify({ values: [{ kpi, municipality: '0184', period: 2026, values: [{ gender: 'T', count: 1, status: '', value }] }] }));
}

const report = async (p: ReturnType<typeof project>, ...args: string[]) => await p.run(['report', '--period', '2026', '--today', TODAY, ...args]);

describe('styrdok report', () => {
  it('writes the Markdown report to stdout by default and exits 0', async () => {
    const result = await report(project());
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout.split('\n')[0]).toBe('# Stadsgemensam uppföljning 2026 – Provstad');
    expect(result.stdout).toContain('| Delår 2026 | 0 | 1 | 3 | 1 | 5 |\n| Helår 2026 | 1 | 0 | 0 | 4 | 5 |');
    expect(result.stdout).toContain('`strategy/verksamhetsplaner/beta-2026.md:37`');
  });

  it('writes one nämnd\'s own report with --namnd (by id, name or short name): its goals, and only the targets they contribute to', async () => {
    const p = project();
    const whole = await report(p);
    expect(whole.stdout).toContain('Betanämnden');
    for (const given of ['alfanamnden', 'Alfanämnden', 'AN']) {
      const result = await report(p, '--namnd', given);
      expect([result.code, result.stderr]).toEqual([0, '']);
      const lines = result.stdout.split('\n');
      expect(lines[0]).toBe('# Uppföljning 2026 – Alfanämnden, Provstad');
      expect(result.stdout).not.toContain('Betanämnden');
      expect(result.stdout).not.toContain('Inget nämndmål bidrar');
      expect(result.stdout).not.toContain('### Per nämnd');
      expect(result.stdout).toContain('### Nämndens mål');
      // Every missing report of the nämnd, and only those, as in the whole report.
      const missing = (text: string) => text.split('\n').filter((l) => /\| `strategy\/verksamhetsplaner\/[a-z]+-2026\.md:\d+` \|$/.test(l));
      expect(missing(result.stdout)).toEqual(missing(whole.stdout).filter((l) => l.includes('Alfanämnden')));
    }
    const unknown = await report(p, '--namnd', 'gamma');
    expect([unknown.code, unknown.stdout]).toEqual([2, '']);
    expect(unknown.stderr).toMatch(/^Hittar ingen nämnd «gamma» i konfigurationen\. Nämnderna med mål för 2026: Alfanämnden \(alfanamnden\), Betanämnden \(betanamnden\)\.\n$/);
    const without = await report(p, '--namnd', 'KS');
    expect([without.code, without.stderr]).toEqual([2, 'Kommunstyrelsen har inga mål i någon verksamhetsplan för 2026. Nämnderna med mål för 2026: Alfanämnden (alfanamnden), Betanämnden (betanamnden).\n']);
  });

  it('reads through the parse cache with --cache, as check --cache does, and gives the same report', async () => {
    const p = project();
    const plain = await report(p);
    const cached = [await report(p, '--cache'), await report(p, '--cache')];
    for (const result of cached) expect(result).toEqual(plain);
    expect(readdirSync(p.path('.styrdokcache')).length).toBeGreaterThan(0);
    const misplaced = await report(p, '--cache-location', 'annan');
    expect([misplaced.code, misplaced.stderr]).toEqual([2, '--cache-location anger var cachen sparas och används tillsammans med --cache.\n']);
  });

  it('writes CSV with a BOM to --out, with Kolada figures from repeated --kolada flags', async () => {
    const p = project();
    writeKolada(p, 'n00945.json', 'N00945', 50);
    writeKolada(p, 'n15419.json', 'N15419', 210);
    const result = await report(p, '--format', 'csv', '--kolada', 'n00945.json', '--kolada', 'n15419.json', '--out', 'rapport.csv');
    expect(result).toEqual({ code: 0, stdout: '', stderr: '' });
    const bytes = readFileSync(p.path('rapport.csv'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).split('\r\n');
    expect(lines).toHaveLength(16);
    expect(lines.find((l) => l.includes(';behoriga;') && l.includes('2026-helår'))).toContain(';210;1,1;Kolada N15419;uppnått;');
  });

  it('writes the report model as JSON', async () => {
    const result = await report(project(), '--format', 'json', '--kolada', 'kolada.json');
    expect(result.code).toBe(0);
    const model = JSON.parse(result.stdout) as FollowupReport;
    expect(model.totalt['2026-helår']).toEqual({ uppnått: 2, 'delvis uppnått': 0, 'ej uppnått': 0, 'ej rapporterat': 3 });
    expect(model.saknade.map((m) => `${m.period} ${m.mål} ${m.indikator ?? '-'} ${m.försenad}`)).toEqual([
      '2026-delår a3 - true', '2026-helår a1 vantetid false', '2026-helår a3 - false', '2026-helår b2 skadegorelse false',
    ]);
    expect(model.mål.find((g) => g.id === 'a2')!.indikatorer[0]!.utfall['2026-helår']).toMatchObject({ värde: 210, källa: 'kolada', kolada_fil: 'kolada.json' });
  });

  it('refuses two Kolada files that disagree, with exit 2', async () => {
    const p = project();
    writeKolada(p, 'annan.json', 'N15419', 150);
    const result = await report(p, '--kolada', 'kolada.json', '--kolada', 'annan.json');
    expect(result).toMatchObject({ code: 2, stdout: '' });
    expect(result.stderr).toContain('Kolada-filerna ger två olika värden för N15419 år 2026: 210 för kommun 0184 (kolada.json:4:5) och 150 för kommun 0184 (annan.json:1:12).');
  });

  it('takes one period with --period ÅÅÅÅ-helår', async () => {
    const helår = await project().run(['report', '--period', '2026-helår', '--today', TODAY, '--format', 'json']);
    expect(helår.code).toBe(0);
    expect((JSON.parse(helår.stdout) as FollowupReport).perioder.map((p) => p.id)).toEqual(['2026-helår']);
  });

  it('still writes the report when the check finds errors, warns on stderr and exits 1', async () => {
    const p = project();
    const plan = readFileSync(p.path('strategy/verksamhetsplaner/beta-2026.md'), 'utf8').replace('[provstrategi#del-b1]\n    indikatorer:\n      - id: skadegorelse', '[provstrategi#finns-inte]\n    indikatorer:\n      - id: skadegorelse');
    writeFileSync(p.path('strategy/verksamhetsplaner/beta-2026.md'), plan);
    const result = await report(p, '--format', 'json');
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('Varning: kontrollen av styrdokumenten hittade 1 fel, så rapporten kan vara ofullständig. Kör styrdok check och rätta felen.\n');
    const model = JSON.parse(result.stdout) as FollowupReport;
    expect(model.kontroll.fel).toBe(1);
    expect(model.okopplade).toEqual(['verksamhetsplan-2026-beta#b2']);
  });

  it.each([
    [[], 'Ange vilket år rapporten gäller med --period, till exempel --period 2026.'],
    [['--period', '26'], '--period ska vara ett år som 2026 eller en period som 2026-delår eller 2026-helår, inte «26».'],
    [['--period', '2026', '--format', 'xml'], 'Okänt format «xml». Välj ett av: markdown, docx, csv, json.'],
    [['--period', '2026', '--today', '2026-13-01'], '--today ska vara ett datum som finns, skrivet ÅÅÅÅ-MM-DD'],
    [['--period', '2026', '--kolada', 'saknas.json'], 'Kolada-filen saknas.json går inte att läsa. Kontrollera sökvägen.'],
    [['--period', '2026', '--kolada', 'strategy/styrdok.config.yaml'], 'strategy/styrdok.config.yaml:1:1: filen är inte giltig JSON: här står något som inte hör hemma i JSON.'],
    [['--period', '2026', '--okänd'], 'Okänd flagga: --okänd. Se --help.'],
    [['--period', '2026', '--out', 'finns-inte/rapport.md'], 'Kan inte skriva rapporten till finns-inte/rapport.md: mappen finns inte.'],
    [['--period', '2026', '--out', 'strategy/styrdok.config.yaml/rapport.md'], 'Kan inte skriva rapporten till strategy/styrdok.config.yaml/rapport.md: en del av sökvägen är en fil, inte en mapp (ENOTDIR).'],
  ])('exits 2 for a usage error: %j', async (args, message) => {
    const result = await project().run(['report', ...args]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(message);
  });

  it('is listed in the help and has its own', async () => {
    const p = project();
    expect((await p.run(['--help'])).stdout).toContain('  report   sammanställ den stadsgemensamma uppföljningen för ett år');
    const help = await p.run(['report', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Användning: styrdok report --period ÅÅÅÅ');
  });
});
