import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/followup/report-model.js';
import { renderCsv } from '../../src/followup/render-csv.js';
import { renderMarkdown } from '../../src/followup/render-markdown.js';
import { fixtureKolada, fixtureProject } from './fixture.js';

const report = buildReport(fixtureProject(), 2026, { kolada: fixtureKolada() });

describe('renderCsv', () => {
  const csv = renderCsv(report);
  const lines = csv.slice(1).split('\r\n');

  it('starts with a BOM, ends lines with CRLF and has a Swedish header row', () => {
    expect(csv.startsWith('\uFEFFÅr;Period;')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/\n/);
    expect(lines[0]).toBe(
      'År;Period;Sista dag;Nämnd;Verksamhetsplan;Mål-id;Mål;Målets status;Indikator-id;Indikator;Enhet;Riktning;Utgångsår;Utgångsvärde;Målvärde;Utfall;Andel av vägen;Källa;Indikatorns status;Kommentar;Område i strategin;Bidrar till;Prognos för helåret;Nämndens bedömning;Motivering;Åtgärder',
    );
  });

  it('has one row per goal × indicator × period (a goal without indicators gets one per period)', () => {
    // a1: 2 indicators, a2: 1, a3: none, b1: 2, b2: 1 → (2 + 1 + 1 + 2 + 1) × 2 periods.
    expect(lines.slice(1, -1)).toHaveLength(14);
    expect(lines.at(-1)).toBe('');
    const rows = lines.slice(1, -1).map(parseRow);
    expect(rows.every((r) => r.length === 26)).toBe(true);
    expect(rows.map((r) => `${r[1]} ${r[5]} ${r[8]}`)).toEqual([
      '2026-delår a1 deltagare', '2026-delår a1 vantetid', '2026-helår a1 deltagare', '2026-helår a1 vantetid',
      '2026-delår a2 behoriga', '2026-helår a2 behoriga',
      '2026-delår a3 ', '2026-helår a3 ',
      '2026-delår b1 franvaro', '2026-delår b1 nojdhet', '2026-helår b1 franvaro', '2026-helår b1 nojdhet',
      '2026-delår b2 skadegorelse', '2026-helår b2 skadegorelse',
    ]);
  });

  it('writes decimal commas, the source of each figure, and quotes semicolons and quotes', () => {
    expect(lines).toContain(
      '2026;2026-delår;2026-09-30;Betanämnden;verksamhetsplan-2026-beta;b1;"Frånvaron ska minska; alla ska vara med.";ej uppnått;franvaro;Frånvaro;procent;minska;2024;9,8;7;8,4;0,5;verksamhetsplan;delvis uppnått;"Halvvägs; ""bra"" början.";Område B;provstrategi#del-b1;;;;',
    );
    expect(lines).toContain(
      '2026;2026-helår;2027-02-15;Alfanämnden;verksamhetsplan-2026-alfa;a2;Fler ska bli behöriga.;uppnått;behoriga;Behöriga elever;procent;öka;2024;100;200;210;1,1;Kolada N15419;uppnått;;Övergripande inriktning, Område A;provstrategi#samverkan, provstrategi#del-a1;;;;',
    );
    expect(lines).toContain(
      '2026;2026-helår;2027-02-15;Alfanämnden;verksamhetsplan-2026-alfa;a3;Området ska bli tryggare.;ej rapporterat;;;;;;;;;;;;;Område B;provstrategi#omrade-b;;;;',
    );
  });

  it('keeps negative numbers as numbers but defuses text that a spreadsheet would run as a formula', () => {
    const row = lines.find((l) => l.includes(';b2;') && l.includes('2026-delår'))!;
    expect(row).toContain(';25;-0,5;verksamhetsplan;ej uppnått;\'=Ökning efter sommaren;');
  });
});

describe('renderMarkdown', () => {
  const md = renderMarkdown(report);

  it('has a title, a summary, a heading per fokusområde and the missing reports', () => {
    const headings = md.split('\n').filter((l) => l.startsWith('#'));
    expect(headings).toEqual([
      '# Stadsgemensam uppföljning 2026 – Provstad',
      '## Sammanfattning',
      '### Hela staden',
      '### Per fokusområde',
      '### Per nämnd',
      '## Provstrategi 2024–2026',
      '### Övergripande inriktning',
      '#### Nämndernas mål och indikatorer: Övergripande inriktning',
      '### 4.1 Område A',
      '#### Nämndernas mål och indikatorer: Område A',
      '### 4.2 Område B',
      '#### Nämndernas mål och indikatorer: Område B',
      '## Saknade rapporter',
      '## Så räknas status',
    ]);
  });

  it('counts per status in tables', () => {
    expect(md).toContain('| Period | Uppnått | Delvis uppnått | Ej uppnått | Ej rapporterat | Mål |\n| --- | --- | --- | --- | --- | --- |\n| Delår 2026 | 0 | 1 | 3 | 1 | 5 |\n| Helår 2026 | 2 | 0 | 0 | 3 | 5 |');
    expect(md).toContain('| 4.2 Område B | Delår 2026 | 0 | 0 | 2 | 1 | 3 |');
    expect(md).toContain('| Betanämnden | Helår 2026 | 1 | 0 | 0 | 1 | 2 |');
  });

  it('shows outcomes against target with Swedish numbers, the source and the comments', () => {
    expect(md).toContain('| Frånvaro (procent, lägre är bättre) | 9,8 (2024) | 7 | 8,4 – delvis uppnått | 6,9 – uppnått |');
    expect(md).toContain('| Behöriga elever (procent, högre är bättre) | 100 (2024) | 200 | 120 – ej uppnått | 210 – uppnått (Kolada N15419) |');
    expect(md).toContain('- *Delår 2026, Frånvaro:* Halvvägs; "bra" början.');
    expect(md).toContain('| Delområde A2 | – | *Inget nämndmål bidrar* |  |  |');
  });

  it('lists each missing report with where to add it', () => {
    expect(md).toContain('| 2026-delår | 30 september 2026 | **försenad** | Alfanämnden | Området ska bli tryggare. | *målet saknar indikatorer, och nämndens bedömning saknas* | `corpus/verksamhetsplaner/alfa-2026.md:46` |');
    expect(md).toContain('| 2026-helår | 15 februari 2027 | inte förfallen | Betanämnden | Skadegörelsen ska minska. | Anmälda skadegörelsebrott | `corpus/verksamhetsplaner/beta-2026.md:37` |');
  });

  it('explains the status rule with the configured share', () => {
    expect(md).toContain('minst 50 procent av vägen från utgångsvärdet till målvärdet');
  });
});

/** RFC 4180 with semicolons, to read back what a spreadsheet would see. */
function parseRow(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted && c === '"' && line[i + 1] === '"') (cell += '"'), i++;
    else if (c === '"') quoted = !quoted;
    else if (c === ';' && !quoted) cells.push(cell), (cell = '');
    else cell += c;
  }
  return [...cells, cell];
}
