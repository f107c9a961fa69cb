import { describe, expect, it } from 'vitest';
import { NEW_PERIOD, OLD_PERIOD_LAST_DAY, project, STRATEGY_FILE, SWEDISH_FILE } from './project.js';

describe('styrdok check: exit codes', () => {
  it('exits 0 on a clean corpus', async () => {
    const p = project(['clean']);
    const result = await p.check(['check', '--today', OLD_PERIOD_LAST_DAY]);
    expect(result).toEqual({ code: 0, stdout: '✔ Inga problem i 4 filer.\n', stderr: '' });
  });

  it('exits 1 when a document has an error', async () => {
    const p = project(['clean', 'with-error']);
    const result = await p.check(['check', '--today', OLD_PERIOD_LAST_DAY]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain(SWEDISH_FILE);
    expect(result.stdout).toMatch(/✖ 2 problem \(2 fel, 0 varningar\) i 1 fil av 5 kontrollerade\.\n$/);
  });

  describe('only warnings', () => {
    it('exits 0 without --max-warnings', async () => {
      const result = await project(['clean']).check(['check', '--today', NEW_PERIOD]);
      expect(result.code).toBe(0);
      expect(result.stdout).toContain(STRATEGY_FILE);
      expect(result.stdout).toContain('✖ 1 problem (0 fel, 1 varning) i 1 fil av 4 kontrollerade.');
      expect(result.stderr).toBe('');
    });

    it('exits 1 with --max-warnings 0, and says why on stderr', async () => {
      const result = await project(['clean']).check(['check', '--today', NEW_PERIOD, '--max-warnings', '0']);
      expect(result.code).toBe(1);
      expect(result.stdout).toContain('1 varning');
      expect(result.stderr).toBe('För många varningar: 1, högst 0 tillåts (--max-warnings).\n');
    });

    it('exits 0 when the warnings are within --max-warnings', async () => {
      const p = project(['clean']);
      expect((await p.check(['check', '--today', NEW_PERIOD, '--max-warnings', '1'])).code).toBe(0);
      expect((await p.check(['check', '--today', NEW_PERIOD, '--max-warnings=5'])).code).toBe(0);
    });

    it('exits 1 for errors whatever --max-warnings says', async () => {
      const result = await project(['clean', 'with-error']).check(['check', '--today', NEW_PERIOD, '--max-warnings', '100']);
      expect(result.code).toBe(1);
      expect(result.stderr).toBe('');
    });
  });

  describe('usage errors exit 2 with a Swedish message on stderr and nothing on stdout', () => {
    const cases: [string, string[], RegExp][] = [
      ['an unknown flag', ['check', '--bogus'], /^Okänd flagga: --bogus\. Se --help\.\n$/],
      ['a misspelt flag, with the one meant', ['check', '--fromat', 'json'], /^Okänd flagga: --fromat\. Menade du «--format»\? Se --help\.\n$/],
      ['a value to a flag that takes none', ['check', '--fix=ja'], /^Flaggan --fix tar inget värde\. Se --help\.\n$/],
      ['a value that looks like a flag', ['check', '--max-warnings', '-1'], /^Värdet efter --max-warnings ser ut som en flagga\. Skriv --max-warnings=värde om värdet börjar med ett bindestreck\. Se --help\.\n$/],
      ['an unknown format', ['check', '--format', 'xml'], /^Okänt format «xml»\. Välj ett av: pretty, github, json, sarif, junit\b.*\.\n$/],
      ['a format that is an Object.prototype key', ['check', '--format', 'toString'], /^Okänt format «toString»\./],
      ['a month that does not exist', ['check', '--today', '2026-13-01'], /^--today ska vara ett datum som finns, skrivet ÅÅÅÅ-MM-DD, till exempel 2026-11-25, inte «2026-13-01»\.\n$/],
      ['a day that does not exist', ['check', '--today', '2026-02-29'], /^--today ska vara ett datum .* inte «2026-02-29»\.\n$/],
      ['a date in another form', ['check', '--today', '25/11/2026'], /^--today ska vara ett datum/],
      ['a negative --max-warnings', ['check', '--max-warnings=-1'], /^--max-warnings ska vara ett heltal, 0 eller större, inte «-1»\.\n$/],
      ['a --max-warnings that is no number', ['check', '--max-warnings', 'många'], /^--max-warnings ska vara ett heltal, 0 eller större, inte «många»\.\n$/],
      ['a flag without its value', ['check', '--format'], /^Flaggan --format behöver ett värde\. Se --help\.\n$/],
      ['an unknown command, with the list of commands', ['publicera'], /^Okänt kommando «publicera»\.\n\nstyrdok \d+\.\d+\.\d+: styrdokument som kod\n/],
      ['a misspelt command, with the one meant', ['chek'], /^Okänt kommando «chek»\. Menade du «check»\?\n\nstyrdok /],
      ['a command in Swedish, with its name', ['kontrollera'], /^Okänt kommando «kontrollera»\. Menade du «check»\?\n\nstyrdok /],
      ['a command in Swedish with a capital, with its name', ['Rapport'], /^Okänt kommando «Rapport»\. Menade du «report»\?\n/],
      ['a command in Swedish with a decomposed ö (macOS)', ['uppfo\u0308ljning'], /^Okänt kommando «uppfo\u0308ljning»\. Menade du «report»\?\n/],
      ['an unknown flag to rules', ['rules', '--format', 'json'], /^Okänd flagga: --format\. Se --help\.\n$/],
    ];
    it.each(cases)('%s', async (_name, args, stderr) => {
      const result = await project(['clean']).check(args);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(stderr);
      expect(result.stdout).toBe('');
    });
  });
});
