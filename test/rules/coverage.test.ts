import { describe, expect, it } from 'vitest';
import { check, configWith, lines, md } from './helpers.js';

const rule = 'coverage';

/** A strategy in force 2024–2027 with one inriktning point and one fokusområde with two delområden. */
const strategi = (till = '2027-12-31') => md`
  ---
  id: trygghetsstrategi
  dokumenttyp: strategi
  titel: Trygghetsstrategi
  beslutande_organ: kommunstyrelsen
  beslut: { datum: 2023-12-18, paragraf: 169, diarienummer: KS/2023:309 }
  giltighetstid: { från: 2024-01-01, till: ${till} }
  revisionsdatum: 2027-06-30
  dokumentansvarig: stadsledningsforvaltningen
  inriktning:
    - id: samverkan
      text: Stärka samverkan mellan stadens förvaltningar och med externa aktörer.
  fokusområden:
    - id: forebyggande-insatser
      rubrik: Förebyggande insatser
      delområden:
        - { id: skolnarvaro, rubrik: Skolnärvaro }
        - { id: aktiv-fritid, rubrik: Aktiv fritid }
  ---
`;

const plan = (year: number, refs: string[], decided = true) => md`
  ---
  id: verksamhetsplan-${year}-socialnamnden
  dokumenttyp: verksamhetsplan
  titel: Socialnämndens verksamhetsplan ${year}
  nämnd: socialnamnden
  år: ${year}
  beslutande_organ: socialnamnden
  ${decided ? `beslut: { datum: ${year - 1}-12-10, paragraf: 130, diarienummer: SN/${year - 1}:211 }` : ''}
  dokumentansvarig: socialforvaltningen
  mål:
    - id: mal
      titel: Ett mål.
      bidrar_till: [${refs.join(', ')}]
  ---
`;

const uncovered = {
  samverkan:
    'strategy/s.md:11:5 warning coverage Inget nämndmål för 2026 bidrar till inriktningen «Stärka samverkan mellan stadens förvaltningar och med externa aktörer.» (samverkan). Se över om någon nämnd bör sätta ett mål för det.',
  fokus: 'strategy/s.md:14:5 warning coverage Inget nämndmål för 2026 bidrar till fokusområdet «Förebyggande insatser» (forebyggande-insatser). Se över om någon nämnd bör sätta ett mål för det.',
  skolnarvaro: 'strategy/s.md:17:11 warning coverage Inget nämndmål för 2026 bidrar till delområdet «Skolnärvaro» (skolnarvaro). Se över om någon nämnd bör sätta ett mål för det.',
  fritid: 'strategy/s.md:18:11 warning coverage Inget nämndmål för 2026 bidrar till delområdet «Aktiv fritid» (aktiv-fritid). Se över om någon nämnd bör sätta ett mål för det.',
};

describe('coverage', () => {
  it('warns about every target of a strategy in force that no goal of this year contributes to', () => {
    expect(lines(check({ 'strategy/s.md': strategi() }, { rule }))).toEqual([uncovered.samverkan, uncovered.fokus, uncovered.skolnarvaro, uncovered.fritid]);
  });

  it('counts a fokusområde as covered when one of its delområden is', () => {
    const files = { 'strategy/s.md': strategi(), 'strategy/vp.md': plan(2026, ['trygghetsstrategi#skolnarvaro']) };
    expect(lines(check(files, { rule }))).toEqual([uncovered.samverkan, uncovered.fritid]);
  });

  it('does not count the delområden as covered by a goal for the whole fokusområde', () => {
    const files = { 'strategy/s.md': strategi(), 'strategy/vp.md': plan(2026, ['trygghetsstrategi#forebyggande-insatser', 'trygghetsstrategi#samverkan']) };
    expect(lines(check(files, { rule }))).toEqual([uncovered.skolnarvaro, uncovered.fritid]);
  });

  it('is satisfied when every target is covered', () => {
    const refs = ['trygghetsstrategi#samverkan', 'trygghetsstrategi#skolnarvaro', 'trygghetsstrategi#aktiv-fritid'];
    expect(lines(check({ 'strategy/s.md': strategi(), 'strategy/vp.md': plan(2026, refs) }, { rule }))).toEqual([]);
  });

  it('counts only decided plans for the current year', () => {
    const refs = ['trygghetsstrategi#samverkan', 'trygghetsstrategi#skolnarvaro', 'trygghetsstrategi#aktiv-fritid'];
    expect(lines(check({ 'strategy/s.md': strategi(), 'strategy/vp.md': plan(2025, refs) }, { rule }))).toHaveLength(4);
    expect(lines(check({ 'strategy/s.md': strategi(), 'strategy/vp.md': plan(2026, refs, false) }, { rule }))).toHaveLength(4);
  });

  it('says nothing about a strategy that is not in force', () => {
    expect(lines(check({ 'strategy/s.md': strategi('2025-12-31') }, { rule }))).toEqual([]);
  });

  it('can be made an error under regler', () => {
    const config = configWith('regler:\n  coverage: error\n');
    expect(check({ 'strategy/s.md': strategi() }, { rule, config }).map((d) => d.severity)).toEqual(['error', 'error', 'error', 'error']);
  });
});
