import { describe, expect, it } from 'vitest';
import type { Config } from '../../src/config/config.js';
import { filterPages, MAX_MENU_VALUES } from '../../src/site/filter-pages.js';
import type { DocSummary } from '../../src/site/types.js';

const config = { data: { dokumenttyper: { riktlinje: { namn: 'Riktlinje', plural: 'Riktlinjer', nivå: 3 } } } } as unknown as Config;

function doc(i: number, organs: number): DocSummary {
  const organ = `namnd-${i % organs}`;
  return {
    id: `riktlinje-${i}`,
    url: `/dokument/riktlinje-${i}/`,
    title: `Riktlinje ${i}`,
    type: 'riktlinje',
    typeName: 'Riktlinje',
    typeUrl: '/dokument/typ/riktlinje/',
    status: { kind: 'gällande', label: 'Gällande', css: 'gallande' },
    organ: { id: organ, name: `Nämnd ${i % organs}` },
    owner: { id: 'forvaltningen', name: 'Förvaltningen' },
  };
}

describe('filterPages', () => {
  it('lists every value of a small facet in the menu, with no page of its own', () => {
    const { facets, facetPages } = filterPages([doc(1, 3), doc(2, 3), doc(3, 3)], config);
    expect(facets.find((f) => f.key === 'organ')!.index).toBeUndefined();
    expect(facetPages).toEqual([]);
  });

  it('gives a facet with more values than the menu shows one page of values, and every value its list', () => {
    const organs = MAX_MENU_VALUES + 1;
    const docs = Array.from({ length: organs * 2 }, (_, i) => doc(i, organs));
    const { facets, pages, facetPages } = filterPages(docs, config);
    const organ = facets.find((f) => f.key === 'organ')!;
    expect(organ.index).toEqual({ url: '/dokument/organ/', linkText: `Alla ${organs} beslutande organ` });
    expect(facetPages).toHaveLength(1);
    expect(facetPages[0]!.url).toBe('/dokument/organ/');
    expect(facetPages[0]!.values.map((v) => v.url)).toEqual(organ.values.map((v) => v.url));
    expect(facetPages[0]!.values.every((v) => v.count === 2)).toBe(true);
    // Every value page knows its own value, so the menu can name it without listing the others.
    for (const value of organ.values) expect(pages.find((p) => p.url === value.url)?.value).toEqual(value);
    expect(facets.find((f) => f.key === 'ansvarig')!.index).toBeUndefined();
  });
});
