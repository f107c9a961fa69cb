import { describe, expect, it } from 'vitest';
import { buildReport, type FollowupReport } from '../../src/followup/report-model.js';
import { fixtureKolada, fixtureProject } from './fixture.js';

const status = (report: FollowupReport) => Object.fromEntries(report.mål.map((g) => [g.ref, g.status]));
const counts = (uppnått: number, delvis: number, ej: number, saknas: number) => ({ uppnått, 'delvis uppnått': delvis, 'ej uppnått': ej, 'ej rapporterat': saknas });

describe('buildReport on the fixture corpus, 25 November 2026', () => {
  const project = fixtureProject();
  const report = buildReport(project, 2026);
  const withKolada = buildReport(project, 2026, { kolada: fixtureKolada() });

  it('has the year, both periods with their deadlines, and a clean check', () => {
    expect(report.perioder).toEqual([
      { id: '2026-delår', typ: 'delår', namn: 'Delårsrapport', år: 2026, sista_dag: '2026-09-30', passerad: true },
      { id: '2026-helår', typ: 'helår', namn: 'Årsredovisning', år: 2026, sista_dag: '2027-02-15', passerad: false },
    ]);
    // revision, coverage, an overdue 2025 outcome and the missing delår bedömning of a3 (no indicators).
    expect(report.kontroll).toEqual({ fel: 0, varningar: 4 });
    expect([report.kommun, report.år, report.idag, report.delvis_uppnått_andel]).toEqual(['Provstad', 2026, '2026-11-25', 0.5]);
  });

  it('derives every goal status per period; drafts and other years are left out', () => {
    expect(status(report)).toEqual({
      'verksamhetsplan-2026-alfa#a1': { '2026-delår': 'delvis uppnått', '2026-helår': 'ej rapporterat' },
      'verksamhetsplan-2026-alfa#a2': { '2026-delår': 'ej uppnått', '2026-helår': 'ej rapporterat' },
      'verksamhetsplan-2026-alfa#a3': { '2026-delår': 'ej rapporterat', '2026-helår': 'ej rapporterat' },
      'verksamhetsplan-2026-beta#b1': { '2026-delår': 'ej uppnått', '2026-helår': 'uppnått' },
      'verksamhetsplan-2026-beta#b2': { '2026-delår': 'ej uppnått', '2026-helår': 'ej rapporterat' },
    });
  });

  it('counts the goals in total, per fokusområde and per nämnd', () => {
    expect(report.totalt).toEqual({ '2026-delår': counts(0, 1, 3, 1), '2026-helår': counts(1, 0, 0, 4) });
    const groups = report.strategier[0]!.grupper;
    expect(groups.map((g) => [g.id, g.avsnitt, g.mål.length])).toEqual([['inriktning', undefined, 1], ['omrade-a', '4.1', 2], ['omrade-b', '4.2', 3]]);
    expect(groups[1]!.antal).toEqual({ '2026-delår': counts(0, 1, 1, 0), '2026-helår': counts(0, 0, 0, 2) });
    expect(groups[2]!.antal).toEqual({ '2026-delår': counts(0, 0, 2, 1), '2026-helår': counts(1, 0, 0, 2) });
    expect(report.nämnder.map((n) => [n.namn, n.antal])).toEqual([
      ['Alfanämnden', { '2026-delår': counts(0, 1, 1, 1), '2026-helår': counts(0, 0, 0, 3) }],
      ['Betanämnden', { '2026-delår': counts(0, 0, 2, 0), '2026-helår': counts(1, 0, 0, 1) }],
    ]);
  });

  it('lists each strategy target in the strategy order with the goals that name it', () => {
    const targets = report.strategier[0]!.grupper.flatMap((g) => g.mål_i_strategin.map((t) => [t.id, t.typ, t.mål]));
    expect(targets).toEqual([
      ['samverkan', 'inriktning', ['verksamhetsplan-2026-alfa#a2']],
      ['omrade-a', 'fokusområde', []],
      ['del-a1', 'delområde', ['verksamhetsplan-2026-alfa#a1', 'verksamhetsplan-2026-alfa#a2']],
      ['del-a2', 'delområde', []],
      ['omrade-b', 'fokusområde', ['verksamhetsplan-2026-alfa#a3']],
      ['del-b1', 'delområde', ['verksamhetsplan-2026-beta#b1', 'verksamhetsplan-2026-beta#b2']],
    ]);
    expect(report.okopplade).toEqual([]);
  });

  it('gives each figure its value, share of the way, source and comment', () => {
    const b1 = report.mål.find((g) => g.id === 'b1')!;
    expect(b1.indikatorer[0]!.utfall).toEqual({
      '2026-delår': { status: 'delvis uppnått', värde: 8.4, källa: 'verksamhetsplan', kommentar: 'Halvvägs; "bra" början.', andel: 0.5 },
      '2026-helår': { status: 'uppnått', värde: 6.9, källa: 'verksamhetsplan', andel: 1.036 },
    });
    const a1 = report.mål.find((g) => g.id === 'a1')!;
    expect(a1.indikatorer[0]!.tidigare).toEqual([{ period: '2025-helår', värde: 60 }]);
    expect([a1.fil, a1.rad, a1.indikatorer[1]!.rad]).toEqual(['corpus/verksamhetsplaner/alfa-2026.md', 11, 25]);
  });

  it('lists the missing reports, the delår ones as late', () => {
    expect(report.saknade.map((m) => [m.period, m.försenad, m.nämnd, m.mål, m.indikator ?? null, `${m.fil}:${m.rad}`])).toEqual([
      ['2026-delår', true, 'alfanamnden', 'a3', null, 'corpus/verksamhetsplaner/alfa-2026.md:46'],
      ['2026-helår', false, 'alfanamnden', 'a1', 'vantetid', 'corpus/verksamhetsplaner/alfa-2026.md:25'],
      ['2026-helår', false, 'alfanamnden', 'a2', 'behoriga', 'corpus/verksamhetsplaner/alfa-2026.md:37'],
      ['2026-helår', false, 'alfanamnden', 'a3', null, 'corpus/verksamhetsplaner/alfa-2026.md:46'],
      ['2026-helår', false, 'betanamnden', 'b2', 'skadegorelse', 'corpus/verksamhetsplaner/beta-2026.md:37'],
    ]);
  });

  it('fills an empty helår from Kolada, but a hand-entered outcome wins', () => {
    const a2 = withKolada.mål.find((g) => g.id === 'a2')!;
    expect(a2.indikatorer[0]!.utfall['2026-helår']).toEqual({ status: 'uppnått', värde: 210, källa: 'kolada', kolada_fil: 'kolada.json', andel: 1.1 });
    expect(a2.indikatorer[0]!.utfall['2026-delår']).toEqual({ status: 'ej uppnått', värde: 120, källa: 'verksamhetsplan', andel: 0.2 });
    const b1 = withKolada.mål.find((g) => g.id === 'b1')!;
    expect(b1.indikatorer[1]!.utfall['2026-helår']).toEqual({ status: 'uppnått', värde: 95, källa: 'verksamhetsplan' });
    expect(withKolada.totalt['2026-helår']).toEqual(counts(2, 0, 0, 3));
    expect(withKolada.saknade.map((m) => m.indikator ?? m.mål)).not.toContain('behoriga');
    expect(withKolada.saknade).toHaveLength(4);
  });
});

describe('buildReport for other selections', () => {
  it('narrows to one period type', () => {
    const report = buildReport(fixtureProject(), 2026, { periodTyp: 'helår' });
    expect(report.perioder.map((p) => p.id)).toEqual(['2026-helår']);
    expect(report.totalt).toEqual({ '2026-helår': counts(1, 0, 0, 4) });
  });

  it('reports 2025 from the 2025 plans only', () => {
    const report = buildReport(fixtureProject(), 2025, { kolada: fixtureKolada() });
    expect(status(report)).toEqual({ 'verksamhetsplan-2025-alfa#a1': { '2025-delår': 'ej uppnått', '2025-helår': 'ej rapporterat' } });
    expect(report.perioder.map((p) => [p.sista_dag, p.passerad])).toEqual([['2025-09-30', true], ['2026-02-15', true]]);
  });

  it('is empty, not wrong, for a year without plans', () => {
    const report = buildReport(fixtureProject(), 2030);
    expect(report.mål).toEqual([]);
    expect(report.strategier).toEqual([]);
    expect(report.totalt['2030-delår']).toEqual(counts(0, 0, 0, 0));
  });
});
