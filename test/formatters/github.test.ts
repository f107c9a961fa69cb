import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/model/diagnostic.js';
import { escapeData, escapeProperty, github } from '../../src/report/formatters/github.js';
import { context, diagnostics } from './fixture.js';

const at = (span: Diagnostic['span']): Diagnostic => ({ file: 'a.md', span, ruleId: 'r', severity: 'warning', message: 'm' });

describe('github', () => {
  it('writes one workflow command per finding, then the summary', () => {
    expect(github(diagnostics, context)).toBe(
      [
        '::warning file=strategy/policyer/långsiktig hållbarhet.md,line=3,endLine=5,title=ersatt-dokument::' +
          'Dokumentet är ersatt av "Miljöpolicy 2024".%0Ase även strategy/policyer/miljöpolicy 2024.md:1:1: Det ersättande dokumentet',
        '::error file=strategy/policyer/långsiktig hållbarhet.md,line=12,col=3,endLine=12,endColumn=20,title=agare-saknas::' +
          'Fältet "ägare" saknas.%0ALägg till: ägare, t.ex. kommunstyrelsen.',
        '::error file=strategy/riktlinjer/avfall.md,line=104,col=15,title=rimligt-värde::Andelen 105 %25 är orimlig; högst 100 %25 går.',
        '✖ 3 problem (2 fel, 1 varning) i 2 filer av 5 kontrollerade.',
        '',
      ].join('\n'),
    );
  });

  it('escapes like @actions/core: data keeps : and , while properties escape them', () => {
    expect(escapeData('50 %: a,b\r\nc')).toBe('50 %25: a,b%0D%0Ac');
    expect(escapeProperty('50 %: a,b\r\nc')).toBe('50 %25%3A a%2Cb%0D%0Ac');
    const d: Diagnostic = { ...at({ start: { line: 2, column: 1 } }), file: 'protokoll, KS: 2024.md', ruleId: 'regel:a,b' };
    expect(github([d], context).split('\n')[0]).toBe('::warning file=protokoll%2C KS%3A 2024.md,line=2,col=1,title=regel%3Aa%2Cb::m');
  });

  it('gives only positions the runner accepts', () => {
    const first = (d: Diagnostic) => github([d], context).split('\n')[0];
    // Columns on a span over several lines make the runner drop the annotation.
    expect(first(at({ start: { line: 2, column: 5 }, end: { line: 4, column: 1 } }))).toBe('::warning file=a.md,line=2,endLine=4,title=r::m');
    // So does endColumn < col.
    expect(first(at({ start: { line: 2, column: 5 }, end: { line: 2, column: 3 } }))).toBe('::warning file=a.md,line=2,col=5,title=r::m');
    expect(first(at({ start: { line: 2, column: 5 }, end: { line: 1, column: 9 } }))).toBe('::warning file=a.md,line=2,col=5,title=r::m');
  });

  it('prints only the summary when clean', () => {
    expect(github([], context)).toBe('✔ Inga problem i 5 filer.\n');
  });
});
