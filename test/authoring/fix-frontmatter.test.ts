import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { isMap, parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { fixFrontmatter } from '../../src/authoring/fix-frontmatter.js';
import { kindNode, propertyOrder } from '../../src/authoring/schema-info.js';
import { FIXTURES } from './helpers.js';

const PATTERN = /^(KF|KS|BUN|FN|SN|ON|TN|BMN|KFN|SLF|BUF|SOF|OMF|TF|MBF|KFF)\/\d{4}:\d+$/u;

const SOURCE = [
  '# yaml-language-server: $schema=../../schemas/strategi.schema.json',
  'id: trygghetsstrategi',
  'dokumenttyp: strategi',
  'titel: Trygghetsstrategi # kort titel',
  'beslutande_organ: kommunstyrelsen',
  '# beslutet',
  'beslut:',
  '  datum: 2023-12-18',
  '  paragraf: 169',
  '  diarienummer: KS/2023:309',
  'giltighetstid:',
  '  från: 2024-01-01',
  '  till: 2026-12-31',
  'revisionsdatum: ny mandatperiod',
  'dokumentansvarig: stadsledningsforvaltningen',
  'nyckelord:',
  '  - trygghet',
  '  - skola',
  'övergripande_mål: |',
  '  Solna stad ska kännetecknas av trygghet.',
  '  # inte en kommentar: en rad i texten',
  'fokusområden:',
  '  - id: forebyggande',
  '    rubrik: Förebyggande insatser',
  '    avsnitt: "4.1"',
  '',
].join('\n');

function comments(text: string): string[] {
  return text
    .split('\n')
    .filter((l) => /(^|\s)#\s/.test(l) && !l.includes('inte en kommentar'))
    .map((l) => l.slice(l.indexOf('#')))
    .sort();
}

describe('fixFrontmatter (unit)', () => {
  it('puts the keys of any shuffled frontmatter back in schema order, losing no data and no comment', () => {
    const doc = parseDocument(SOURCE);
    const map = doc.contents;
    if (!isMap(map)) throw new Error('map');
    const order = propertyOrder(kindNode('strategi')!);
    fc.assert(
      fc.property(fc.shuffledSubarray([...map.items.keys()], { minLength: map.items.length, maxLength: map.items.length }), (permutation) => {
        const shuffled = parseDocument(SOURCE);
        const items = (shuffled.contents as typeof map).items;
        (shuffled.contents as typeof map).items = permutation.map((i) => items[i]!);
        const input = shuffled.toString({ lineWidth: 0 });
        const result = fixFrontmatter(input, 1, { pattern: PATTERN });
        const fixed = parseDocument(result.text);
        expect(fixed.errors).toEqual([]);
        expect(fixed.toJS()).toEqual(parseDocument(SOURCE).toJS());
        const keys = Object.keys(fixed.toJS() as object);
        expect(keys).toEqual([...keys].sort((a, b) => order.indexOf(a) - order.indexOf(b)));
        expect(comments(result.text)).toEqual(comments(input));
        // Every line of the input is still there, only moved.
        expect(result.text.split('\n').filter(Boolean).sort()).toEqual(input.split('\n').filter(Boolean).sort());
      }),
      { numRuns: 60 },
    );
  });

  it('removes hidden characters put anywhere in keys and single-line values, and gives back exactly the source (fast-check)', () => {
    // Lines of the form `key: value` or `- value`, with where a character may go: in the key or the value, not
    // in a comment, a block scalar or the quotes. The spot just after `- ` would start a key, so it is left out.
    const spots: { line: number; offsets: number[] }[] = [];
    SOURCE.split('\n').forEach((line, index) => {
      const m = /^(\s*(?:- )?)([\p{L}_]+)(: )?([^#"|\n]*?)(\s*#.*)?$/u.exec(line);
      if (!m || line.trim().startsWith('#') || line.includes('inte en kommentar') || line.startsWith('  Solna')) return;
      const start = m[1]!.length;
      const keyEnd = start + m[2]!.length;
      const valueStart = keyEnd + (m[3]?.length ?? 0);
      const valueEnd = valueStart + m[4]!.length;
      const offsets = [...Array(line.length + 1).keys()].filter((o) => (o > start && o < keyEnd) || (m[3] && o > valueStart && o <= valueEnd));
      if (offsets.length) spots.push({ line: index, offsets });
    });
    expect(spots.length).toBeGreaterThan(15);
    const FORMAT = ['\u200b', '\u00ad', '\u2060', '\ufeff', '\u200e', '\u202e', '\u2066'];
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(), fc.nat(), fc.constantFrom(...FORMAT)), { minLength: 1, maxLength: 6 }), (inserts) => {
        const lines = SOURCE.split('\n');
        // Offsets are those of the line as it was: inserted from the last to the first, each lands where it was meant.
        const placed = inserts.map(([which, where, char]) => {
          const spot = spots[which % spots.length]!;
          return { line: spot.line, offset: spot.offsets[where % spot.offsets.length]!, char };
        });
        for (const { line, offset, char } of placed.sort((a, b) => b.offset - a.offset)) {
          lines[line] = lines[line]!.slice(0, offset) + char + lines[line]!.slice(offset);
        }
        const input = lines.join('\n');
        const result = fixFrontmatter(input, 1, { pattern: PATTERN });
        expect(result.text).toBe(SOURCE);
        expect(result.changes.length).toBeGreaterThan(0);
        for (const change of result.changes) expect(change.what).toMatch(/\(dolda tecken\)$/);
      }),
      { numRuns: 1_000, seed: Number(process.env.STYRDOK_FC_SEED ?? 20261125) },
    );
  });

  it('leaves frontmatter that is already in order exactly as it is', () => {
    expect(fixFrontmatter(SOURCE, 1, { pattern: PATTERN })).toEqual({ text: SOURCE, changes: [], skipped: [] });
    for (const file of ['project/strategy/policyer/trygghetspolicy.md', 'project/strategy/riktlinjer/riktlinje-kamerabevakning.md']) {
      const yaml = readFileSync(FIXTURES + file, 'utf8').split('---\n')[1]!;
      expect(fixFrontmatter(yaml, 1, { pattern: PATTERN }).changes).toEqual([]);
    }
  });

  it('does not reorder a list item whose first key would have to move (it shares the line with "- ")', () => {
    const yaml = SOURCE.replace('  - id: forebyggande\n    rubrik: Förebyggande insatser', '  - rubrik: Förebyggande insatser\n    id: forebyggande');
    const result = fixFrontmatter(yaml, 1, { pattern: PATTERN });
    expect(result.text).toBe(yaml);
    expect(result.skipped).toEqual([{ line: 24, what: 'ordning i fokusområden.0', before: 'rubrik, id, avsnitt', after: 'id, rubrik, avsnitt' }]);
  });
});
