import { describe, expect, it } from 'vitest';
import { check, lines, md } from './helpers.js';

const rule = 'traceability';

/** Socialnämndens verksamhetsplan for `year`; the goals start on line 11. */
const plan = (year: number, goals: string) => md`
  ---
  id: verksamhetsplan-${year}-socialnamnden
  dokumenttyp: verksamhetsplan
  titel: Socialnämndens verksamhetsplan ${year}
  nämnd: socialnamnden
  år: ${year}
  beslutande_organ: socialnamnden
  beslut: { datum: ${year - 1}-12-10, paragraf: 130, diarienummer: SN/${year - 1}:211 }
  dokumentansvarig: socialforvaltningen
  mål:
  ${goals}
  ---
`;

/** A strategi in force 2019–2022, no longer in force in 2026. */
const oldStrategy = md`
  ---
  id: trygghetsstrategi-2019-2022
  dokumenttyp: strategi
  titel: Trygghetsstrategi 2019–2022
  beslutande_organ: kommunstyrelsen
  beslut: { datum: 2018-12-17, paragraf: 190, diarienummer: KS/2018:250 }
  giltighetstid: { från: 2019-01-01, till: 2022-12-31 }
  revisionsdatum: ny mandatperiod
  dokumentansvarig: stadsledningsforvaltningen
  fokusområden:
    - { id: unga, rubrik: Unga i riskzonen }
  ---
`;

describe('traceability', () => {
  it('accepts a goal that contributes to a target of a strategy in force during the plan’s year', () => {
    const goals = '  - { id: skolnarvaro, titel: Skolnärvaron ska öka., bidrar_till: [trygghetsstrategi#skolnarvaro] }';
    expect(lines(check({ 'strategy/vp.md': plan(2026, goals) }, { rule, base: true }))).toEqual([]);
  });

  it('reports a goal with no bidrar_till, or an empty one, as an error at the goal', () => {
    const goals = '  - { id: tidiga-insatser, titel: Fler unga nås av tidiga insatser. }\n  - { id: fritid, titel: Meningsfull fritid., bidrar_till: [] }';
    // The example reference at the end of the message is not pinned: it should come from the kommun's own corpus.
    expect(lines(check({ 'strategy/vp.md': plan(2026, goals) }, { rule, base: true }))).toEqual([
      expect.stringMatching(/^strategy\/vp\.md:11:7 error traceability Målet «tidiga-insatser» är inte kopplat till någon strategi\. Ange under bidrar_till vilket mål i strategin det bidrar till, till exempel [a-z0-9-]+#[a-z0-9-]+\.$/),
      expect.stringMatching(/^strategy\/vp\.md:12:7 error traceability Målet «fritid» är inte kopplat till någon strategi\. Ange under bidrar_till /),
    ]);
  });

  it('reports a goal that traces only to a strategy not in force during the plan’s year', () => {
    const goals = '  - id: unga\n    titel: Färre unga i riskzonen.\n    bidrar_till:\n      - trygghetsstrategi-2019-2022#unga';
    expect(lines(check({ 'strategy/vp.md': plan(2026, goals), 'strategy/old.md': oldStrategy }, { rule, base: true }))).toEqual([
      'strategy/vp.md:13:5 error traceability Målet «unga» bidrar bara till «trygghetsstrategi-2019-2022», som inte gäller under 2026. Koppla målet till en strategi som gäller 2026.',
    ]);
  });

  it('accepts the same goal in a plan for a year when that strategy was in force', () => {
    const goals = '  - id: unga\n    titel: Färre unga i riskzonen.\n    bidrar_till:\n      - trygghetsstrategi-2019-2022#unga';
    expect(lines(check({ 'strategy/vp.md': plan(2022, goals), 'strategy/old.md': oldStrategy }, { rule, base: true }))).toEqual([]);
  });

  it('accepts a goal that traces to an old strategy and to one in force', () => {
    const goals = '  - id: unga\n    titel: Färre unga i riskzonen.\n    bidrar_till:\n      - trygghetsstrategi-2019-2022#unga\n      - trygghetsstrategi#skolnarvaro';
    expect(lines(check({ 'strategy/vp.md': plan(2026, goals), 'strategy/old.md': oldStrategy }, { rule, base: true }))).toEqual([]);
  });

  it('counts a strategy in force for part of the year', () => {
    // The example strategy ends 2027-12-31 and a plan for 2028 traces to it: not in force; for 2027: in force.
    const goals = '  - { id: skolnarvaro, titel: Skolnärvaron ska öka., bidrar_till: [trygghetsstrategi#skolnarvaro] }';
    expect(lines(check({ 'strategy/vp.md': plan(2027, goals) }, { rule, base: true }))).toEqual([]);
    expect(lines(check({ 'strategy/vp.md': plan(2028, goals) }, { rule, base: true }))).toEqual([
      'strategy/vp.md:11:54 error traceability Målet «skolnarvaro» bidrar bara till «trygghetsstrategi», som inte gäller under 2028. Koppla målet till en strategi som gäller 2028.',
    ]);
  });

  it('reports a goal that traces only to targets of a kind without har_mål, such as an IOP', () => {
    const iop = md`
      ---
      id: iop-tryggare-sverige
      dokumenttyp: iop
      titel: IOP med Stiftelsen Tryggare Sverige
      beslutande_organ: kommunstyrelsen
      beslut: { datum: 2024-01-15, paragraf: 9, diarienummer: KS/2024:9 }
      giltighetstid: { från: 2024-02-01, till: 2026-12-31 }
      dokumentansvarig: stadsledningsforvaltningen
      parter: [{ namn: Solna stad }, { namn: Stiftelsen Tryggare Sverige }]
      fokusområden:
        - { id: lagesbild, rubrik: "Lägesbild för Hagalund, Bagartorp och Huvudsta" }
      ---
    `;
    const goals = '  - { id: lagesbild, titel: En lägesbild tas fram., bidrar_till: [iop-tryggare-sverige#lagesbild] }';
    expect(lines(check({ 'strategy/vp.md': plan(2026, goals), 'strategy/iop.md': iop }, { rule, base: true }))).toEqual([
      'strategy/vp.md:11:53 error traceability Målet «lagesbild» pekar bara på «iop-tryggare-sverige», som inte är en strategi. Koppla målet till ett mål i en gällande strategi.',
    ]);
  });

  it('leaves goals whose every reference is unknown to the references rule', () => {
    const goals = '  - { id: okand, titel: Okänd koppling., bidrar_till: [finns-inte#mal] }';
    expect(lines(check({ 'strategy/vp.md': plan(2026, goals) }, { rule, base: true }))).toEqual([]);
  });
});
