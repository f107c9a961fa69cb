import { describe, expect, it } from 'vitest';
import { createConfig } from '../../src/config/config.js';
import { mandatperiodOn } from '../../src/corpus/mandatperiod.js';
import type { StyrdokConfigData } from '../../src/model/schema-types.js';

const config = (start: string, offset: number) =>
  createConfig({ organ: [], förvaltningar: [], mandatperiod: { valår: 2022, längd_år: 4, start, start_år_efter_val: offset, revision_frist_dagar: 365 } } as StyrdokConfigData, 'c.yaml');

describe('mandatperiodOn (Kommunallagen 5 kap. 9 § and 6 kap. 18 §)', () => {
  const fullmaktige = config('10-15', 0);
  it('fullmäktige: 2022–2026 runs 2022-10-15 to 2026-10-14', () => {
    expect(mandatperiodOn('2026-10-14', fullmaktige)).toEqual({ start: '2022-10-15', end: '2026-10-14', label: '2022–2026' });
  });
  it('fullmäktige: 2026–2030 begins on 2026-10-15', () => {
    expect(mandatperiodOn('2026-10-15', fullmaktige)).toEqual({ start: '2026-10-15', end: '2030-10-14', label: '2026–2030' });
    expect(mandatperiodOn('2026-11-25', fullmaktige).start).toBe('2026-10-15');
  });
  it('works for dates long before the configured election year', () => {
    expect(mandatperiodOn('2008-03-01', fullmaktige)).toEqual({ start: '2006-10-15', end: '2010-10-14', label: '2006–2010' });
  });
  it('kommunstyrelsen: from 1 January after the election', () => {
    const styrelsen = config('01-01', 1);
    expect(mandatperiodOn('2026-12-31', styrelsen)).toEqual({ start: '2023-01-01', end: '2026-12-31', label: '2022–2026' });
    expect(mandatperiodOn('2027-01-01', styrelsen).label).toBe('2026–2030');
  });
});
