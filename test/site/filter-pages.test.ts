import { describe, expect, it } from 'vitest';
import type { Config } from '../../src/config/config.js';
import { facetValuesOf, filterPages, MAX_MENU_VALUES } from '../../src/site/filter-pages.js';
import { DOCS_PER_PAGE, pager } from '../../src/site/paged-list.js';
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
  it('gives each document the facet values of exactly the lists it is on, for the search page to filter by', () => {
    const mixed: DocSummary[] = [
      doc(1, 2),
      { ...doc(2, 2), status: { kind: 'gällande', label: 'Gällande', css: 'gallande' }, revision: { kind: 'due', label: 'Ska revideras' } },
      { ...doc(3, 2), status: { kind: 'ersatt', label: 'Ersatt', css: 'upphord' }, owner: { id: 'Stadsledningsförvaltningen', name: 'Stadsledningsförvaltningen' } },
      { ...doc(4, 2), status: { kind: 'utkast', label: 'Utkast', css: 'utkast' } },
      { ...doc(5, 2), status: { kind: 'kommande', label: 'Kommande', css: 'kommande' } },
    ];
    const { pages } = filterPages(mixed, config);
    const valuePages = pages.filter((p) => p.value);
    expect(new Set(valuePages.map((p) => p.facet))).toEqual(new Set(['typ', 'status', 'organ', 'ansvarig']));
    for (const page of valuePages) {
      const listed = page.groups.flatMap((g) => g.docs.map((d) => d.id)).sort();
      const tagged = mixed.filter((d) => facetValuesOf(d).some((f) => f.facet === page.facet && f.value === page.value!.key)).map((d) => d.id).sort();
      expect(tagged, page.url).toEqual(listed);
    }
    // A document in force and due for revision is under both statuses; the owner's value is its address's key.
    expect(facetValuesOf(mixed[1]!).filter((f) => f.facet === 'status').map((f) => f.value)).toEqual(['gallande', 'under-revision']);
    expect(facetValuesOf(mixed[2]!).find((f) => f.facet === 'ansvarig')?.value).toBe('stadsledningsforvaltningen');
  });

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

  it(`shows at most ${DOCS_PER_PAGE} documents a page unless the config says otherwise`, () => {
    const docs = Array.from({ length: DOCS_PER_PAGE + 1 }, (_, i) => doc(i, 1));
    const all = filterPages(docs, config).pages.filter((p) => p.listUrl === '/dokument/');
    expect(all.map((p) => [p.url, p.groups[0]!.docs.length])).toEqual([['/dokument/', DOCS_PER_PAGE], ['/dokument/sida-2/', 1]]);
  });

  it('splits a long list over pages with their own addresses, titles and links between them', () => {
    const paged = { data: { ...config.data, webbplats: { dokument_per_sida: 2 } } } as unknown as Config;
    const docs = Array.from({ length: 5 }, (_, i) => doc(i, 1));
    const all = filterPages(docs, paged).pages.filter((p) => p.listUrl === '/dokument/');
    expect(all.map((p) => [p.url, p.title, p.count])).toEqual([
      ['/dokument/', 'Alla styrdokument', 5],
      ['/dokument/sida-2/', 'Alla styrdokument, sida 2 av 3', 5],
      ['/dokument/sida-3/', 'Alla styrdokument, sida 3 av 3', 5],
    ]);
    // Each page shows its part of the list, the group still counted whole.
    expect(all.map((p) => p.groups.map((g) => [g.title, g.count, g.docs.map((d) => d.id)]))).toEqual([
      [['Riktlinjer', 5, ['riktlinje-0', 'riktlinje-1']]],
      [['Riktlinjer', 5, ['riktlinje-2', 'riktlinje-3']]],
      [['Riktlinjer', 5, ['riktlinje-4']]],
    ]);
    expect(all[1]!.pager).toMatchObject({ current: 2, total: 3, first: 3, last: 4, prev: '/dokument/', next: '/dokument/sida-3/' });
    expect(all[0]!.pager?.prev).toBeUndefined();
    expect(all[2]!.pager?.next).toBeUndefined();
    // A facet value's pages are paged the same way, and each knows its value for the menu.
    const gallande = filterPages(docs, paged).pages.filter((p) => p.listUrl === '/dokument/status/gallande/');
    expect(gallande.map((p) => p.url)).toEqual(['/dokument/status/gallande/', '/dokument/status/gallande/sida-2/', '/dokument/status/gallande/sida-3/']);
    expect(gallande.every((p) => p.value?.count === 5)).toBe(true);
    // A list that fits is one page with no pager.
    expect(filterPages(docs.slice(0, 2), paged).pages.find((p) => p.url === '/dokument/')!.pager).toBeUndefined();
  });

  it('links the first and last page and two on each side of the current, with a gap for the rest', () => {
    const numbers = (n: number, total: number) => pager(n, total, 1, 1, (k) => `/s${k}/`).pages.map((p) => ('gap' in p ? '…' : p.current ? `[${p.n}]` : String(p.n)));
    expect(numbers(1, 3)).toEqual(['[1]', '2', '3']);
    expect(numbers(1, 50)).toEqual(['[1]', '2', '3', '…', '50']);
    expect(numbers(25, 50)).toEqual(['1', '…', '23', '24', '[25]', '26', '27', '…', '50']);
    expect(numbers(50, 50)).toEqual(['1', '…', '48', '49', '[50]']);
    expect(numbers(4, 7)).toEqual(['1', '2', '3', '[4]', '5', '6', '7']);
  });
});
