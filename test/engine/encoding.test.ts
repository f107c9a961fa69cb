import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodingProblem } from '../../src/load/encoding.js';

const utf8 = (text: string) => Buffer.from(text, 'utf8');

describe('encodingProblem (a file that is not UTF-8)', () => {
  it('has nothing to say of UTF-8, with or without a byte order mark', () => {
    expect(encodingProblem(utf8('---\nid: å\n---\nText med 😀 och ä.\n'))).toBeUndefined();
    expect(encodingProblem(utf8('\ufeff---\nid: a\n---\n'))).toBeUndefined();
    expect(encodingProblem(new Uint8Array())).toBeUndefined();
  });

  it('names UTF-16 by its byte order mark, and a NUL byte as binary', () => {
    expect(encodingProblem(Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('---', 'utf16le')]))?.message).toMatch(/^Filen är sparad som UTF-16/);
    expect(encodingProblem(Buffer.from([0x2d, 0x00, 0x2d]))?.message).toMatch(/^Filen är binär/);
    // Without a byte order mark: told by the zero byte beside every letter, either side of it.
    const text = '---\nid: trygghetspolicy\ntitel: Trygghetspolicy för Solna stad\n---\n\nText.\n';
    expect(encodingProblem(Buffer.from(text, 'utf16le'))?.message).toMatch(/^Filen verkar vara sparad som UTF-16 \(kallat «Unicode»\), utan märke i början/);
    expect(encodingProblem(Buffer.from(text, 'utf16le').swap16())?.message).toMatch(/^Filen verkar vara sparad som UTF-16/);
    // A PNG's first bytes, and a zip file's, are binary.
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x00, 0x08, 0x06]);
    expect(encodingProblem(png)?.message).toMatch(/^Filen är binär/);
    expect(encodingProblem(Buffer.from('UEsDBBQAAAAIAAAAIQDfpNJsWgEAACAFAAATAAgCW0NvbnRlbnRfVHlwZXNdLnhtbCCiBAIooAAC', 'base64'))?.message).toMatch(/^Filen är binär/);
  });

  it('finds the first character that is not UTF-8 wherever it is, and names its byte (fast-check)', () => {
    // Valid text before and after one byte of 0x80–0xFF: valid UTF-8 never starts with a continuation byte, so
    // the byte can never join what follows it, whatever it is.
    const text = fc.string({ unit: fc.constantFrom('a', 'ä', '\n', ' ', '😀', '€', '\r', 'ß', '\u200b'), maxLength: 60 });
    fc.assert(
      fc.property(text, fc.integer({ min: 0x80, max: 0xff }), text, (before, byte, after) => {
        const problem = encodingProblem(Buffer.concat([utf8(before), Buffer.from([byte]), utf8(after)]));
        const line = before.split('\n').length;
        const column = before.length - (before.lastIndexOf('\n') + 1) + 1;
        expect(problem?.span.start).toEqual({ line, column });
        expect(problem?.message).toContain(`på rad ${line}, kolumn ${column} står byten 0x${byte.toString(16).toUpperCase()}`);
      }),
      { numRuns: 3_000 },
    );
  });

  it("says which letter the byte is in Windows-1252, Notepad's «ANSI», and nothing when it is no letter or sign there", () => {
    expect(encodingProblem(Buffer.from('---\ntitel: Sm\xe5land\n', 'latin1'))?.message).toBe(
      'Filen är inte sparad som UTF-8: på rad 2, kolumn 10 står byten 0xE5, som i Windows-1252 (ANSI) är «å». Spara filen som UTF-8 i din editor (ofta under Spara som → Kodning) och kontrollera sedan å, ä och ö.',
    );
    expect(encodingProblem(Buffer.from([0x61, 0x81]))?.message).toMatch(/står byten 0x81\. Spara/);
  });
});
