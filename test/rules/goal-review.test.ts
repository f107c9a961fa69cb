import { describe, expect, it } from 'vitest';
import { BUN_PLAN_2026, check, lines, md } from './helpers.js';

const rule = 'goal-review';

/**
 * A goal of barn- och utbildningsnämnden aligned with the example strategy's delområde Skolnärvaro. The version
 * code of its current wording («Skolnärvaro», no text) is 52a2f94b, as `styrdok confirm` writes it.
 */
const plan = (avstamd: string) => md`
  ${BUN_PLAN_2026}
    - id: okad-skolnarvaro
      titel: Skolnärvaron ska öka.
      bidrar_till:
        - trygghetsstrategi#skolnarvaro
  ${avstamd}
  ---
`;

describe('goal-review', () => {
  it('says nothing when the goal was aligned with the current wording', () => {
    const aligned = '    avstämd_mot:\n      trygghetsstrategi#skolnarvaro: 52a2f94b';
    expect(lines(check({ 'strategy/vp.md': plan(aligned) }, { rule, base: true }))).toEqual([]);
  });

  it('says nothing about a goal that has never been aligned', () => {
    expect(lines(check({ 'strategy/vp.md': plan('') }, { rule, base: true }))).toEqual([]);
  });

  it('warns, at the entry under avstämd_mot, when the wording has changed since the goal was aligned', () => {
    const stale = '    avstämd_mot:\n      trygghetsstrategi#skolnarvaro: 0badc0de';
    expect(lines(check({ 'strategy/vp.md': plan(stale) }, { rule, base: true }))).toEqual([
      'strategy/vp.md:16:7 warning goal-review Målet «okad-skolnarvaro» behöver ses över: lydelsen av «Skolnärvaro» i trygghetsstrategi har ändrats sedan målet stämdes av. Läs den nya lydelsen, justera målet vid behov och bekräfta med: styrdok confirm verksamhetsplan-2026-bun#okad-skolnarvaro',
    ]);
  });

  it('ignores whitespace changes in the wording', () => {
    const files = {
      'strategy/vp.md': plan('    avstämd_mot:\n      trygghetsstrategi#skolnarvaro: 52a2f94b'),
      'strategy/s.md': md`
        ---
        id: trygghetsstrategi
        dokumenttyp: strategi
        titel: Trygghetsstrategi
        beslutande_organ: kommunstyrelsen
        beslut: { datum: 2023-12-18, paragraf: 169, diarienummer: KS/2023:309 }
        giltighetstid: { från: 2024-01-01, till: 2027-12-31 }
        revisionsdatum: 2027-06-30
        dokumentansvarig: stadsledningsforvaltningen
        fokusområden:
          - id: forebyggande-insatser
            rubrik: Förebyggande insatser
            delområden:
              - { id: skolnarvaro, rubrik: "  Skolnärvaro  " }
        ---
      `,
    };
    expect(lines(check(files, { rule }))).toEqual([]);
  });

  it('leaves an entry for a target that does not exist to the references rule, which reports it', () => {
    const unknown = '    avstämd_mot:\n      trygghetsstrategi#finns-inte: 52a2f94b';
    expect(lines(check({ 'strategy/vp.md': plan(unknown) }, { rule, base: true }))).toEqual([]);
    // Before the delår's last day, so the plan's goal without indicators is not yet asked for a bedömning.
    expect(lines(check({ 'strategy/vp.md': plan(unknown) }, { base: true, today: '2026-09-30' }))).toEqual([
      'strategy/vp.md:16:7 error references «trygghetsstrategi» har inget mål med id «finns-inte». Målen i dokumentet är: samverkan, forebyggande-insatser, skolnarvaro, aktiv-fritid.',
    ]);
  });
});
