import { describe, expect, it } from 'vitest';
import { checkProject } from '../../src/engine/load-project.js';
import rule from '../../src/rules/report-deadline.js';
import { FIXTURE_DIR } from '../followup/fixture.js';

/** The fixture corpus of test/fixtures/followup, checked with this rule only. */
function findings(today: string) {
  const { diagnostics } = checkProject({ cwd: FIXTURE_DIR, paths: ['corpus'], today, rules: [rule] });
  return diagnostics.map((d) => `${d.file}:${d.span.start.line}:${d.span.start.column} ${d.severity} ${d.message}`);
}

const ALFA_2025 = 'corpus/verksamhetsplaner/alfa-2025.md';
const ALFA_2026 = 'corpus/verksamhetsplaner/alfa-2026.md';
const BETA_2026 = 'corpus/verksamhetsplaner/beta-2026.md';

describe('report-deadline', () => {
  it('is a warning with a Swedish description', () => {
    expect(rule.id).toBe('report-deadline');
    expect(rule.defaultSeverity).toBe('warning');
    expect(rule.description).toMatch(/^Varje indikator .* utfall/);
  });

  it('says nothing about a period on its last day', () => {
    // 2025-helår was due 15 February 2026; 2026-delår is due 30 September 2026.
    expect(findings('2026-02-15')).toEqual([]);
    expect(findings('2026-09-30')).toEqual([
      `${ALFA_2025}:15:9 warning Utfall för 2025-helår saknas; årsredovisning skulle vara inne senast 15 februari 2026. Lägg till utfall för 2025-helår under indikatorn «deltagare» i målet «a1», med period, värde och gärna en kommentar.`,
    ]);
  });

  it('warns at each indicator without an outcome once the deadline has passed, and never for drafts', () => {
    // 2026-delår is overdue but every indicator has it (goal a3 has no indicators: the report lists it instead).
    expect(findings('2026-11-25')).toHaveLength(1);
    const late = findings('2027-02-16');
    expect(late).toEqual([
      expect.stringContaining(`${ALFA_2025}:15:9`),
      `${ALFA_2026}:25:9 warning Utfall för 2026-helår saknas; årsredovisning skulle vara inne senast 15 februari 2027. Lägg till utfall för 2026-helår under indikatorn «vantetid» i målet «a1», med period, värde och gärna en kommentar.`,
      `${ALFA_2026}:37:9 warning Utfall för 2026-helår saknas; årsredovisning skulle vara inne senast 15 februari 2027. Lägg till utfall för 2026-helår under indikatorn «behoriga» i målet «a2», med period, värde och gärna en kommentar. Värdet finns i Kolada som N15419.`,
      expect.stringContaining(`${BETA_2026}:37:9 warning Utfall för 2026-helår saknas;`),
    ]);
    expect(late.join('\n')).not.toContain('beta-2026-utkast');
  });
});
