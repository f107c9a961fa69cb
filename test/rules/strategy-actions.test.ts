import { describe, expect, it } from 'vitest';
import { check, CONFIG_TEXT, lines, md } from './helpers.js';

const rule = 'strategy-actions';

/** A strategi (or another kind) whose actions start on line 11. */
const withActions = (actions: string, typ = 'strategi') => md`
  ---
  id: trygghetsstrategi
  dokumenttyp: ${typ}
  titel: Trygghetsstrategi
  beslutande_organ: kommunstyrelsen
  beslut: { datum: 2023-12-18, paragraf: 169, diarienummer: KS/2023:309 }
  giltighetstid: { från: 2024-01-01, till: 2027-12-31 }
  revisionsdatum: 2027-06-30
  dokumentansvarig: stadsledningsforvaltningen
  åtgärder:
  ${actions}
  ---
`;

describe('strategy-actions', () => {
  it('accepts actions that say who, when and which priority', () => {
    const actions = md`
      - id: styrgrupp
        text: Inrätta en styrgrupp ledd av stadsdirektören.
        ansvarig: stadsledningsforvaltningen
        klart: 2024-04-30
        prioritet: hög
      - { id: lagesbild, text: Samlad lägesbild två gånger per år., ansvarig: stadsledningsforvaltningen, klart: löpande, prioritet: medel }
      - { id: faltassistenter, text: Fler fältassistenter., ansvarig: socialnamnden, klart: 2025, prioritet: låg }
    `;
    expect(lines(check({ 'strategy/s.md': withActions(actions) }, { rule }))).toEqual([]);
  });

  it('names every missing part of each action, at the action', () => {
    const actions = md`
      - id: styrgrupp
        text: Inrätta en styrgrupp.
      - id: lagesbild
        text: Samlad lägesbild.
        ansvarig: stadsledningsforvaltningen
      - id: skolnarvaro
        text: Frånvarorutin.
        ansvarig: barn-och-utbildningsnamnden
        klart: 2024-08-15
    `;
    expect(lines(check({ 'strategy/s.md': withActions(actions) }, { rule }))).toEqual([
      'strategy/s.md:11:3 error strategy-actions Åtgärden «styrgrupp» anger inte vem som ansvarar (ansvarig), när den ska vara genomförd (klart), vilken prioritet den har (prioritet). Solna stads regler kräver det av varje åtgärd.',
      'strategy/s.md:13:3 error strategy-actions Åtgärden «lagesbild» anger inte när den ska vara genomförd (klart), vilken prioritet den har (prioritet). Solna stads regler kräver det av varje åtgärd.',
      'strategy/s.md:16:3 error strategy-actions Åtgärden «skolnarvaro» anger inte vilken prioritet den har (prioritet). Solna stads regler kräver det av varje åtgärd.',
    ]);
  });

  it('checks an åtgärdsplan the same way', () => {
    const plan = withActions('  - { id: klotter, text: Sanera klotter inom 24 timmar., klart: 2024 }', 'åtgärdsplan').replace('revisionsdatum: 2027-06-30\n', '');
    expect(lines(check({ 'strategy/s.md': plan }, { rule }))).toEqual([
      'strategy/s.md:10:5 error strategy-actions Åtgärden «klotter» anger inte vem som ansvarar (ansvarig), vilken prioritet den har (prioritet). Solna stads regler kräver det av varje åtgärd.',
    ]);
  });

  it('requires only what åtgärder_kräver lists for the kind in the config', () => {
    const config = CONFIG_TEXT.replace(/(strategi:\n(?: {4}.*\n)*? {4}åtgärder_kräver: )\[ansvarig, klart, prioritet\]/, '$1[ansvarig]');
    expect(config).not.toBe(CONFIG_TEXT);
    const actions = '  - { id: styrgrupp, text: Inrätta en styrgrupp., ansvarig: stadsledningsforvaltningen }\n  - { id: lagesbild, text: Samlad lägesbild. }';
    expect(lines(check({ 'strategy/s.md': withActions(actions) }, { rule, config }))).toEqual([
      'strategy/s.md:12:5 error strategy-actions Åtgärden «lagesbild» anger inte vem som ansvarar (ansvarig). Solna stads regler kräver det av varje åtgärd.',
    ]);
  });
});
