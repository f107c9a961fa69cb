import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/model/diagnostic.js';
import { createPrettyFormatter, pretty } from '../../src/report/formatters/pretty.js';
import { context, diagnostics } from './fixture.js';

const one = (overrides: Partial<Diagnostic> = {}): Diagnostic => ({
  file: 'a.md',
  span: { start: { line: 1, column: 1 } },
  ruleId: 'regel',
  severity: 'error',
  message: 'Fel här.',
  ...overrides,
});

describe('pretty', () => {
  it('groups by file, aligns columns and sums up in Swedish', () => {
    expect(pretty(diagnostics, context)).toBe(
      [
        'strategy/policyer/långsiktig hållbarhet.md',
        '   3:1  varning  Dokumentet är ersatt av "Miljöpolicy 2024".  ersatt-dokument',
        '      se även strategy/policyer/miljöpolicy 2024.md:1:1: Det ersättande dokumentet',
        '  12:3  fel      Fältet "ägare" saknas.                       agare-saknas',
        '                 Lägg till: ägare, t.ex. kommunstyrelsen.',
        '',
        'strategy/riktlinjer/avfall.md',
        '  104:15  fel      Andelen 105 % är orimlig; högst 100 % går.  rimligt-värde',
        '',
        '✖ 3 problem (2 fel, 1 varning) i 2 filer av 5 kontrollerade.',
        '',
      ].join('\n'),
    );
  });

  it('writes out hidden characters in file names, so a direction override cannot turn the line around', () => {
    const out = pretty([one({ file: 'strategy/r\u202etl\u00a0x.md', related: [{ file: 'b\u200b.md', span: { start: { line: 2, column: 1 } }, message: 'Här.' }] })], context);
    expect(out).toContain('strategy/r<U+202E>tl<U+00A0>x.md\n');
    expect(out).toContain('se även b<U+200B>.md:2:1: Här.');
  });

  it('uses singular forms', () => {
    const ctx = { ...context, files: ['a.md'] };
    expect(pretty([one()], ctx).split('\n').at(-2)).toBe('✖ 1 problem (1 fel, 0 varningar) i 1 fil av 1 kontrollerad.');
    expect(pretty([one({ severity: 'warning' }), one({ severity: 'warning', ruleId: 'x' })], ctx).split('\n').at(-2)).toBe(
      '✖ 2 problem (0 fel, 2 varningar) i 1 fil av 1 kontrollerad.',
    );
  });

  it('says so when there is nothing to report', () => {
    expect(pretty([], context)).toBe('✔ Inga problem i 5 filer.\n');
    expect(pretty([], { ...context, files: ['a.md'] })).toBe('✔ Inga problem i 1 fil.\n');
  });

  it('aligns by what the terminal shows, with å written as a + combining ring', () => {
    const out = pretty([one({ message: 'Na\u030Ar' }), one({ message: 'När', span: { start: { line: 2, column: 1 } } })], context);
    expect(out.split('\n').slice(1, 3)).toEqual(['  1:1  fel      Na\u030Ar  regel', '  2:1  fel      När  regel']);
  });

  it('drops control characters that could steer the terminal', () => {
    const out = pretty([one({ message: 'Rubrik\u001b[2J\tslut\r\n\r\nmer \n' })], context);
    expect(out.split('\n').slice(1, 3)).toEqual(['  1:1  fel      Rubrik[2J slut  regel', '                mer']);
    expect(out).not.toContain('\u001b');
  });

  it('colors only when asked, with the same text underneath', () => {
    expect(pretty(diagnostics, context)).not.toContain('\u001b');
    const colored = createPrettyFormatter({ color: true })(diagnostics, context);
    expect(colored).toContain('\u001b[31mfel');
    expect(colored).toContain('\u001b[33mvarning');
    expect(colored.replace(/\u001b\[[\d;]*m/g, '')).toBe(pretty(diagnostics, context));
  });
});
