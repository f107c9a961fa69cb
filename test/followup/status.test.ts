import { describe, expect, it } from 'vitest';
import { countStatuses, goalStatus, indicatorStatus } from '../../src/followup/status.js';

const up = { utgångsvärde: { år: 2024, värde: 50 }, målvärde: 80, riktning: 'öka' as const };
const down = { utgångsvärde: { år: 2024, värde: 9.8 }, målvärde: 7.0, riktning: 'minska' as const };

describe('indicatorStatus', () => {
  it('is ej rapporterat without an outcome', () => {
    expect(indicatorStatus(up, undefined)).toEqual({ status: 'ej rapporterat' });
  });

  it('is uppnått when the outcome meets or passes the target in its direction', () => {
    expect(indicatorStatus(up, 80)).toEqual({ status: 'uppnått', andel: 1 });
    expect(indicatorStatus(up, 95)).toEqual({ status: 'uppnått', andel: 1.5 });
    expect(indicatorStatus(down, 7)).toEqual({ status: 'uppnått', andel: 1 });
    expect(indicatorStatus(down, 6.9).status).toBe('uppnått');
  });

  it('is delvis uppnått from the configured share of the way, counting decimals exactly', () => {
    expect(indicatorStatus(up, 65, 0.5)).toEqual({ status: 'delvis uppnått', andel: 0.5 });
    expect(indicatorStatus(up, 64.9, 0.5)).toEqual({ status: 'ej uppnått', andel: 0.497 });
    // 9.8 − 8.4 is 1.4000000000000004 in floating point: still exactly half of 2.8.
    expect(indicatorStatus(down, 8.4, 0.5)).toEqual({ status: 'delvis uppnått', andel: 0.5 });
    expect(indicatorStatus(up, 65, 0.6).status).toBe('ej uppnått');
    expect(indicatorStatus(up, 50, 0).status).toBe('delvis uppnått');
  });

  it('is ej uppnått when the outcome moved the wrong way', () => {
    expect(indicatorStatus(down, 11)).toEqual({ status: 'ej uppnått', andel: -0.429 });
  });

  it('without utgångsvärde, knows only met or not met', () => {
    expect(indicatorStatus({ målvärde: 90, riktning: 'öka' }, 89.9)).toEqual({ status: 'ej uppnått' });
    expect(indicatorStatus({ målvärde: 90, riktning: 'öka' }, 90)).toEqual({ status: 'uppnått' });
  });

  it('has no way to go when the target does not lie ahead of the baseline', () => {
    const odd = { utgångsvärde: { år: 2024, värde: 10 }, målvärde: 8, riktning: 'öka' as const };
    expect(indicatorStatus(odd, 7)).toEqual({ status: 'ej uppnått' });
    expect(indicatorStatus(odd, 8)).toEqual({ status: 'uppnått' });
  });
});

describe('goalStatus', () => {
  it('is ej rapporterat when any indicator lacks an outcome, else the worst', () => {
    expect(goalStatus(['uppnått', 'ej rapporterat', 'ej uppnått'])).toBe('ej rapporterat');
    expect(goalStatus(['uppnått', 'delvis uppnått'])).toBe('delvis uppnått');
    expect(goalStatus(['delvis uppnått', 'ej uppnått', 'uppnått'])).toBe('ej uppnått');
    expect(goalStatus(['uppnått', 'uppnått'])).toBe('uppnått');
  });

  it('is ej rapporterat for a goal without indicators', () => {
    expect(goalStatus([])).toBe('ej rapporterat');
  });
});

describe('countStatuses', () => {
  it('counts every status, zeros included, in report order', () => {
    const counts = countStatuses(['uppnått', 'ej uppnått', 'uppnått']);
    expect(counts).toEqual({ uppnått: 2, 'delvis uppnått': 0, 'ej uppnått': 1, 'ej rapporterat': 0 });
    expect(Object.keys(counts)).toEqual(['uppnått', 'delvis uppnått', 'ej uppnått', 'ej rapporterat']);
  });
});
