import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSlugger, slugify } from '../../src/site/slug.js';

/** The plain definition: the first of base, base-2, base-3 … not taken yet. */
function countingFromTwo(reserved: string[]): (text: string) => string {
  const used = new Set(reserved);
  return (text) => {
    const base = slugify(text) || 'avsnitt';
    let slug = base;
    for (let n = 2; used.has(slug); n++) slug = `${base}-${n}`;
    used.add(slug);
    return slug;
  };
}

describe('createSlugger', () => {
  it('numbers repeats as GitHub does, and steps over a number a heading already took', () => {
    const slug = createSlugger(['innehall']);
    expect(['Syfte', 'Syfte', 'Syfte 3', 'Syfte', 'Innehåll', '', '!!'].map((t) => slug(t))).toEqual([
      'syfte', 'syfte-2', 'syfte-3', 'syfte-4', 'innehall-2', 'avsnitt', 'avsnitt-2',
    ]);
  });

  it('gives exactly the slugs of counting from 2 each time, for any headings', () => {
    const words = fc.constantFrom('Syfte', 'syfte 2', 'Syfte-3', 'Mål', 'mal', 'Mål 2', '', '2', 'Ansvar');
    fc.assert(
      fc.property(fc.array(words, { maxLength: 60 }), fc.array(words, { maxLength: 3 }), (texts, reserved) => {
        const reservedSlugs = reserved.map((r) => slugify(r)).filter(Boolean);
        const fast = createSlugger(reservedSlugs);
        const plain = countingFromTwo(reservedSlugs);
        expect(texts.map((t) => fast(t))).toEqual(texts.map((t) => plain(t)));
      }),
      { seed: 4, numRuns: 300 },
    );
  });

  it('keeps every slug unique among thousands of repeats of the same few headings', () => {
    const slug = createSlugger();
    const slugs = Array.from({ length: 20_000 }, (_, i) => slug(`Rubrik ${i % 10}`));
    expect(new Set(slugs).size).toBe(20_000);
    expect(slugs.slice(0, 12)).toEqual(['rubrik-0', 'rubrik-1', 'rubrik-2', 'rubrik-3', 'rubrik-4', 'rubrik-5', 'rubrik-6', 'rubrik-7', 'rubrik-8', 'rubrik-9', 'rubrik-0-2', 'rubrik-1-2']);
    expect(slugs.at(-1)).toBe('rubrik-9-2000');
  });
});
