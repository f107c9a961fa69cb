import { describe, expect, it } from 'vitest';
import { check, lines, md } from './helpers.js';

const rule = 'owner';

const strategi = (owner: string, actions = '') => md`
  ---
  id: trygghetsstrategi
  dokumenttyp: strategi
  titel: Trygghetsstrategi
  beslutande_organ: kommunstyrelsen
  beslut: { datum: 2023-12-18, paragraf: 169, diarienummer: KS/2023:309 }
  giltighetstid: { från: 2024-01-01, till: 2027-12-31 }
  revisionsdatum: 2027-06-30
  dokumentansvarig: ${owner}
  ${actions}
  ---
`;

const plan = (namnd: string, ansvarig: string) => md`
  ---
  id: verksamhetsplan-2026-socialnamnden
  dokumenttyp: verksamhetsplan
  titel: Socialnämndens verksamhetsplan 2026
  nämnd: ${namnd}
  år: 2026
  beslutande_organ: socialnamnden
  beslut: { datum: 2025-12-10, paragraf: 130, diarienummer: SN/2025:211 }
  dokumentansvarig: socialforvaltningen
  mål:
    - id: tidiga-insatser
      titel: Fler unga nås av tidiga insatser.
      aktiviteter:
        - text: Fältassistenter arbetar kvällar och helger.
          ansvarig: ${ansvarig}
  ---
`;

describe('owner', () => {
  it('accepts a förvaltning from the config as dokumentansvarig', () => {
    expect(lines(check({ 'strategy/s.md': strategi('stadsledningsforvaltningen') }, { rule }))).toEqual([]);
  });

  it('reports a misspelt förvaltning with a suggestion', () => {
    expect(lines(check({ 'strategy/s.md': strategi('stadsledningsförvaltningen') }, { rule }))).toEqual([
      'strategy/s.md:9:1 error owner Dokumentansvarig «stadsledningsförvaltningen» är ingen förvaltning i styrdok.config.yaml. Menade du «stadsledningsforvaltningen»? Ange förvaltningen som äger dokumentet.',
    ]);
  });

  it('reports an organ as dokumentansvarig: documents are owned by a förvaltning', () => {
    expect(lines(check({ 'strategy/s.md': strategi('kommunstyrelsen') }, { rule }))).toEqual([
      'strategy/s.md:9:1 error owner Dokumentansvarig «kommunstyrelsen» är ingen förvaltning i styrdok.config.yaml. Ange förvaltningen som äger dokumentet.',
    ]);
  });

  it('accepts a nämnd or a förvaltning as responsible for an action, and reports anything else', () => {
    const actions = md`
      åtgärder:
        - { id: styrgrupp, text: Inrätta en styrgrupp., ansvarig: stadsledningsforvaltningen, klart: 2024, prioritet: hög }
        - { id: sspf, text: Utvidga SSPF., ansvarig: socialnamnden, klart: 2024, prioritet: hög }
        - { id: faltassistenter, text: Fler fältassistenter., ansvarig: socialnämnden, klart: 2024, prioritet: hög }
        - { id: polisen, text: Samverka med polisen., ansvarig: lokalpolisomradet, klart: 2024, prioritet: hög }
        - { id: utan-ansvarig, text: Ansvaret anges inte., klart: 2024, prioritet: hög }
    `;
    expect(lines(check({ 'strategy/s.md': strategi('stadsledningsforvaltningen', actions) }, { rule }))).toEqual([
      'strategy/s.md:13:57 error owner Ansvarig «socialnämnden» för åtgärden «faltassistenter» finns inte bland nämnder och förvaltningar. Menade du «socialnamnden»?',
      'strategy/s.md:14:49 error owner Ansvarig «lokalpolisomradet» för åtgärden «polisen» finns inte bland nämnder och förvaltningar.',
    ]);
  });

  it('checks the nämnd of a verksamhetsplan and the responsible for each activity', () => {
    expect(lines(check({ 'strategy/vp.md': plan('socialnamnden', 'socialforvaltningen') }, { rule }))).toEqual([]);
    const diagnostics = check({ 'strategy/vp.md': plan('socialnamden', 'socialforvaltning') }, { rule });
    expect(lines(diagnostics)).toEqual([
      'strategy/vp.md:5:1 error owner Nämnden «socialnamden» finns inte i styrdok.config.yaml. Menade du «socialnamnden»?',
      'strategy/vp.md:15:9 error owner Ansvarig «socialforvaltning» finns inte bland nämnder och förvaltningar. Menade du «socialforvaltningen»?',
    ]);
  });

  it('does not accept a chef as responsible for an activity', () => {
    expect(lines(check({ 'strategy/vp.md': plan('socialnamnden', 'socialdirektoren') }, { rule }))).toEqual([
      'strategy/vp.md:15:9 error owner Ansvarig «socialdirektoren» finns inte bland nämnder och förvaltningar.',
    ]);
  });
});
