import { describe, expect, it } from 'vitest';
import { jsonMessages, jsonRows, NEW_PERIOD, OLD_PERIOD_LAST_DAY, project, STRATEGY_FILE, type Row } from './project.js';

const RIKTLINJE = 'strategy/riktlinjer/riktlinje-kamerabevakning.md';
const ANVISNING = 'strategy/anvisningar/anvisning-klottersanering.md';
const POLICY = 'strategy/policyer/trygghetspolicy.md';

/**
 * The clean corpus's strategi was decided 2023-02-13 with revisionsdatum "ny mandatperiod" and is valid
 * 2023-03-01–2027-06-30. The config's mandatperiod starts on 15 October of the election year (2022, 2026)
 * and gives 365 days to revise.
 */
describe('--today moves the date-based findings', () => {
  const check = async (today: string) => {
    const p = project(['clean']);
    const result = await p.check(['check', '--today', today, '--format', 'json']);
    expect(result.stderr).toBe('');
    return { code: result.code, rows: jsonRows(result.stdout, p), messages: jsonMessages(result.stdout) };
  };

  it('no revision finding on the last day of the 2022–2026 mandatperiod (2026-10-14)', async () => {
    expect(await check(OLD_PERIOD_LAST_DAY)).toEqual({ code: 0, rows: [], messages: [] });
  });

  it('a revision warning from the first day of the new mandatperiod (2026-10-15)', async () => {
    expect(await check(NEW_PERIOD)).toEqual({
      code: 0,
      rows: [[STRATEGY_FILE, 14, 1, 'revision', 'warning']],
      messages: ['Dokumentet ska revideras under den nya mandatperioden 2026–2030, som började 15 oktober 2026. Revidera det senast 15 oktober 2027.'],
    });
  });

  it('warns 90 days before the strategi ends (2027-04-01), not 91 (2027-03-31)', async () => {
    expect((await check('2027-03-31')).rows).toEqual([[STRATEGY_FILE, 14, 1, 'revision', 'warning']]);
    const onTheDay = await check('2027-04-01');
    expect(onTheDay.rows).toEqual<Row[]>([
      [STRATEGY_FILE, 13, 3, 'validity', 'warning'],
      [STRATEGY_FILE, 14, 1, 'revision', 'warning'],
    ]);
    expect(onTheDay.messages[0]).toBe('Dokumentet slutar gälla 30 juni 2027, om 90 dagar. Besluta om en förlängning eller ett nytt dokument i tid.');
  });

  it('once the strategi has ended (2027-07-01), the documents that implement it are warned instead', async () => {
    const after = await check('2027-07-01');
    expect(after.code).toBe(0);
    expect(after.rows).toEqual<Row[]>([
      [ANVISNING, 12, 5, 'validity', 'warning'],
      [RIKTLINJE, 13, 5, 'validity', 'warning'],
    ]);
    expect(after.messages[0]).toBe('Dokumentet gäller men genomför «trygghetsstrategi-2023-2026», som har upphört att gälla. Se över om dokumentet ska revideras eller upphävas.');
  });

  it('decisions after --today are errors (exit 1)', async () => {
    const before = await check('2019-03-17');
    expect(before.code).toBe(1);
    expect(before.rows).toEqual<Row[]>([
      [ANVISNING, 7, 3, 'decision-record', 'error'],
      [POLICY, 7, 3, 'decision-record', 'error'],
      [RIKTLINJE, 7, 3, 'decision-record', 'error'],
      [STRATEGY_FILE, 7, 3, 'decision-record', 'error'],
    ]);
    expect(before.messages[1]).toBe('Beslutsdatumet 18 mars 2019 ligger i framtiden. Ett dokument får beslutsuppgifter först när beslutet är fattat; ta bort beslut så länge det är ett utkast.');
    expect((await check('2019-03-18')).rows.map((r) => r[0])).not.toContain(POLICY);
  });
});
