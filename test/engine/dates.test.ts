import { describe, expect, it } from 'vitest';
import { addMonths, isIsoDate, todayIso } from '../../src/corpus/dates.js';

describe('today, as the kommun counts it', () => {
  it('is the date in Sweden, where a new day begins an hour (winter) or two (summer) before it does in UTC', () => {
    expect(todayIso(new Date('2026-12-31T22:59:59Z'))).toBe('2026-12-31');
    expect(todayIso(new Date('2026-12-31T23:00:00Z'))).toBe('2027-01-01');
    expect(todayIso(new Date('2026-06-30T21:59:59Z'))).toBe('2026-06-30');
    expect(todayIso(new Date('2026-06-30T22:00:00Z'))).toBe('2026-07-01');
  });

  it('follows the change to and from summer time', () => {
    // Summer time begins 29 March 2026 at 01:00 UTC and ends 25 October 2026 at 01:00 UTC.
    expect(todayIso(new Date('2026-03-28T23:30:00Z'))).toBe('2026-03-29');
    expect(todayIso(new Date('2026-03-29T22:30:00Z'))).toBe('2026-03-30');
    expect(todayIso(new Date('2026-10-24T22:30:00Z'))).toBe('2026-10-25');
    expect(todayIso(new Date('2026-10-25T22:30:00Z'))).toBe('2026-10-25');
  });

  it('is an ISO date at any moment of a year', () => {
    for (let hour = 0; hour < 366 * 24; hour += 7) {
      const day = todayIso(new Date(Date.UTC(2028, 0, 1, hour)));
      expect(isIsoDate(day), day).toBe(true);
    }
  });
});

describe('addMonths', () => {
  it('gives the same day months on, or the last day of a shorter month', () => {
    expect(addMonths('2026-12-05', 12)).toBe('2027-12-05');
    expect(addMonths('2026-12-05', 1)).toBe('2027-01-05');
    expect(addMonths('2027-01-31', 1)).toBe('2027-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-08-31', 3)).toBe('2026-11-30');
    expect(addMonths('2026-05-15', 120)).toBe('2036-05-15');
  });
});
