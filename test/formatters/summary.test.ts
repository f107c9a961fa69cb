import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/model/diagnostic.js';
import { pretty } from '../../src/report/formatters/pretty.js';
import { MAX_SUMMARY_ROWS, summary } from '../../src/report/formatters/summary.js';
import { context, diagnostics } from './fixture.js';

const finding = (i: number, overrides: Partial<Diagnostic> = {}): Diagnostic => ({
  file: `strategy/policyer/dokument-${i % 300}.md`,
  span: { start: { line: 10 + i, column: 3 } },
  ruleId: 'body-links',
  severity: 'error',
  message: `Länken «saknas-${i}.md» leder till en fil som inte finns.`,
  ...overrides,
});

describe('summary (the pull request\'s job summary)', () => {
  const rule = (id: string) => ({ id, description: id, docs: `docs/rules/${id}.md` });
  const withRules = { ...context, rules: [...context.rules, rule('traceability'), rule('revision')] };

  it('says whether the build goes through, per document, then the goals, the revisions and the rest', () => {
    const text = summary([...diagnostics, finding(1, { ruleId: 'traceability', message: 'Målet «a|b» är inte kopplat.' })], withRules);
    expect(text.split('\n').slice(0, 3)).toEqual(['## Kontroll av styrdokument', '', 'Bygget stoppas: 4 problem (3 fel, 1 varning) i 3 filer av 6 kontrollerade.']);
    expect(text).toContain('| `strategy/policyer/långsiktig hållbarhet.md` | 1 | 1 |');
    expect(text).toContain('### Mål utan koppling till en gällande strategi\n\n| Var | Allvarlighet | Fynd | Regel |');
    // A pipe in a message would end the cell.
    expect(text).toContain('| `strategy/policyer/dokument-1.md:11:3` | fel | Målet «a\\|b» är inte kopplat. | `traceability` |');
    expect(text).toContain('### Revisioner som ska göras\n\nInga revisioner är aktuella.');
    expect(text).toContain('Fältet "ägare" saknas. Lägg till: ägare, t.ex. kommunstyrelsen.');
  });

  it('says nothing of the goals or the revisions when their rules did not run (a broken configuration)', () => {
    const text = summary(diagnostics, { ...context, rules: [rule('file'), rule('yaml'), rule('schema'), rule('config')] });
    expect(text).not.toContain('Mål utan koppling');
    expect(text).not.toContain('Alla nämndmål är kopplade');
    expect(text).not.toContain('Revisioner');
    expect(text).toContain('### Övriga fynd');
    expect(summary(diagnostics, withRules)).toContain('Alla nämndmål är kopplade till en gällande strategi.');
  });

  it('lists at most MAX_SUMMARY_ROWS rows a table, so GitHub (1 MiB a summary) still shows it, and says how many more', () => {
    const many = Array.from({ length: 130_000 }, (_, i) => finding(i));
    const text = summary(many, { ...context, files: [] });
    expect(Buffer.byteLength(text)).toBeLessThan(200_000);
    expect(text).toContain(`… och ${300 - MAX_SUMMARY_ROWS} dokument till. Alla står i kontrollens logg, eller kör styrdok check.`);
    expect(text).toContain(`… och ${130_000 - MAX_SUMMARY_ROWS} fynd till. Alla står i kontrollens logg, eller kör styrdok check.`);
    expect(text.match(/^\| `strategy\/policyer\/dokument-\d+\.md:\d+:3` \|/gm)).toHaveLength(MAX_SUMMARY_ROWS);
  });
});

describe('pretty with very many findings in one file', () => {
  it('prints 130,000 findings of one document, every one, without overflowing the stack', () => {
    const many = Array.from({ length: 130_000 }, (_, i) => finding(i, { file: 'strategy/policyer/manga-lankar.md' }));
    const text = pretty(many, { ...context, files: ['strategy/policyer/manga-lankar.md'] });
    const lines = text.split('\n');
    expect(lines.filter((line) => line.endsWith('body-links'))).toHaveLength(130_000);
    expect(lines.at(-4)).toBe('  130009:3  fel      Länken «saknas-129999.md» leder till en fil som inte finns.  body-links');
  });
});
