import { describe, expect, it } from 'vitest';
import { BUN_PLAN_2026, check, lines, md } from './helpers.js';

const rule = 'followup-period';

/** A 2026 plan with a bedömning on line 15 and outcomes on lines 24–25; the extra lines go on 16 and 26. */
const plan = ({ bedömning = '', utfall = '' } = {}) => md`
  ${BUN_PLAN_2026}
    - id: okad-skolnarvaro
      titel: Skolnärvaron ska öka.
      bidrar_till: [trygghetsstrategi#skolnarvaro]
      bedömning:
        - { period: 2026-delår, status: delvis uppnått, motivering: Frånvaron minskar. }
  ${bedömning}
      indikatorer:
        - id: franvaro
          namn: Andel elever med mer än 15 procents frånvaro
          enhet: procent
          målvärde: 7
          riktning: minska
          utfall:
            - { period: 2025-helår, värde: 9.1 }
            - { period: 2026-delår, värde: 8.6 }
  ${utfall}
  ---
`;

const file = 'strategy/vp.md';

describe('followup-period', () => {
  it('accepts a bedömning for the plan\'s year and outcomes for it and the years before', () => {
    expect(lines(check({ [file]: plan() }, { rule, base: true }))).toEqual([]);
  });

  it('refuses a bedömning for another year, which the report would leave out', () => {
    const bedömning = '      - { period: 2025-helår, status: uppnått, motivering: Skrivfel i året. }';
    expect(lines(check({ [file]: plan({ bedömning }) }, { rule, base: true }))).toEqual([
      `${file}:16:11 error followup-period Bedömningen gäller 2025-helår, men verksamhetsplanen gäller 2026, så den kommer inte med i uppföljningen. Ändra perioden till 2026-delår eller 2026-helår, eller flytta bedömningen till verksamhetsplanen för 2025.`,
    ]);
  });

  it('refuses an outcome for a later year than the plan\'s', () => {
    const utfall = '          - { period: 2027-delår, värde: 8 }';
    expect(lines(check({ [file]: plan({ utfall }) }, { rule, base: true }))).toEqual([
      `${file}:26:15 error followup-period Utfallet gäller 2027-delår, ett senare år än verksamhetsplanen (2026). Utfall för 2027 skrivs i verksamhetsplanen för 2027; ändra perioden om det är ett skrivfel.`,
    ]);
  });

  it('reports a second bedömning or outcome for one period at the second, with the first as related', () => {
    const bedömning = '      - { period: 2026-delår, status: uppnått, motivering: En andra bedömning. }';
    const utfall = '          - { period: 2026-delår, värde: 8.1 }';
    const diagnostics = check({ [file]: plan({ bedömning, utfall }) }, { rule, base: true });
    expect(lines(diagnostics)).toEqual([
      `${file}:16:11 error followup-period Målet «okad-skolnarvaro» har redan en bedömning för 2026-delår; bara den första räknas i uppföljningen. Ta bort den som inte gäller, eller rätta perioden.`,
      `${file}:26:15 error followup-period Indikatorn «franvaro» har redan ett utfall för 2026-delår; bara det första räknas i uppföljningen. Ta bort det som inte gäller, eller rätta perioden.`,
    ]);
    expect(diagnostics.map((d) => d.related?.map((r) => `${r.file}:${r.span.start.line} ${r.message}`))).toEqual([
      [`${file}:15 Den första för perioden`],
      [`${file}:25 Det första för perioden`],
    ]);
  });

  it('leaves a period of the wrong form to the schema', () => {
    const bedömning = '      - { period: 2026-hösten, status: uppnått, motivering: Fel form. }';
    const diagnostics = check({ [file]: plan({ bedömning }) }, { base: true });
    expect(diagnostics.filter((d) => d.ruleId === rule)).toEqual([]);
    expect(diagnostics.some((d) => d.ruleId === 'schema' && d.span.start.line === 16)).toBe(true);
  });
});
