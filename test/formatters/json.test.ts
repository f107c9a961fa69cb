import path from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { absoluteIn, json } from '../../src/report/formatters/json.js';
import { context, diagnostics } from './fixture.js';

const abs = (file: string) => path.resolve(process.cwd(), file);

describe('json (ESLint convention)', () => {
  const results = JSON.parse(json(diagnostics, context));

  it('lists every checked file, sorted, with absolute paths', () => {
    expect(results.map((r: { filePath: string }) => r.filePath)).toEqual(
      [
        'strategy/a.md',
        'strategy/policyer/långsiktig hållbarhet.md',
        'strategy/policyer/miljöpolicy 2024.md',
        'strategy/riktlinjer/avfall.md',
        'strategy/riktlinjer/städning.md',
      ].map(abs),
    );
  });

  it('writes results exactly as ESLint does', () => {
    expect(Object.keys(results[1])).toEqual([
      'filePath', 'messages', 'suppressedMessages', 'errorCount', 'fatalErrorCount',
      'warningCount', 'fixableErrorCount', 'fixableWarningCount', 'usedDeprecatedRules',
    ]);
    expect(results[1]).toEqual({
      filePath: abs('strategy/policyer/långsiktig hållbarhet.md'),
      messages: [
        { ruleId: 'ersatt-dokument', severity: 1, message: 'Dokumentet är ersatt av "Miljöpolicy 2024".', line: 3, column: 1, endLine: 5, endColumn: 4 },
        {
          ruleId: 'agare-saknas',
          severity: 2,
          message: 'Fältet "ägare" saknas.\nLägg till: ägare, t.ex. kommunstyrelsen.',
          line: 12,
          column: 3,
          endLine: 12,
          endColumn: 20,
        },
      ],
      suppressedMessages: [],
      errorCount: 1,
      fatalErrorCount: 0,
      warningCount: 1,
      fixableErrorCount: 0,
      fixableWarningCount: 0,
      usedDeprecatedRules: [],
    });
  });

  it('leaves out endLine/endColumn when there is no end, and counts per file', () => {
    const avfall = results[3];
    expect(avfall.messages[0]).toEqual({ ruleId: 'rimligt-värde', severity: 2, message: 'Andelen 105 % är orimlig; högst 100 % går.', line: 104, column: 15 });
    expect([avfall.errorCount, avfall.warningCount]).toEqual([1, 0]);
    const clean = results.filter((r: { messages: unknown[] }) => r.messages.length === 0);
    expect(clean).toHaveLength(3);
    expect(clean.every((r: { errorCount: number; warningCount: number }) => r.errorCount + r.warningCount === 0)).toBe(true);
  });

  it('is an empty array when nothing was checked', () => {
    expect(json([], { ...context, files: [] })).toBe('[]\n');
  });

  it('makes each path absolute as path.resolve does (fast-check)', () => {
    const part = fc.constantFrom('a', 'strategy', 'å ä.md', '.', '..', '', '.dold', 'x.', 'b\\c');
    const file = fc.array(part, { maxLength: 5 }).map((parts) => parts.join('/'));
    const cwd = fc.constantFrom('/work/kommun', '/', '/work/kommun/', '/a/./b');
    fc.assert(
      fc.property(cwd, fc.oneof(file, file.map((f) => `/${f}`)), (dir, f) => {
        expect(absoluteIn(dir)(f)).toBe(path.resolve(dir, f));
      }),
      { numRuns: 2000, seed: 7 },
    );
  });
});
