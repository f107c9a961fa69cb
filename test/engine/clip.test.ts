import { describe, expect, it } from 'vitest';
import { clip } from '../../src/load/clip.js';
import { parseFile } from '../../src/load/parse-file.js';

describe('clip (values quoted in messages)', () => {
  it('keeps a short value whole, and cuts a long one with its length', () => {
    expect(clip('trygghetspolicy')).toBe('trygghetspolicy');
    expect(clip('x'.repeat(80))).toBe('x'.repeat(80));
    expect(clip('x'.repeat(200_000))).toBe(`${'x'.repeat(79)}… (200 000 tecken)`);
  });

  it('never cuts a character written as two UTF-16 units in half', () => {
    const text = `${'a'.repeat(78)}😀${'b'.repeat(10)}`;
    expect(clip(text)).toBe(`${'a'.repeat(78)}… (${text.length} tecken)`);
  });

  it('keeps a finding on a 200 kB value readable', () => {
    const text = `---\nid: lang\ndokumenttyp: ${'x'.repeat(200_000)}\ntitel: Lång\n---\n`;
    const { diagnostics } = parseFile({ file: 'strategy/lang.md', absPath: '/dev/null', text, size: text.length, mtimeMs: 0 });
    expect(diagnostics.length).toBeGreaterThan(0);
    for (const d of diagnostics) expect(d.message.length, d.message.slice(0, 200)).toBeLessThan(1_000);
    expect(diagnostics.map((d) => d.message).join('\n')).toContain('… (200 000 tecken)» är inte tillåtet för «dokumenttyp»');
  });
});
