import type { Config } from '../config/config.js';
import { ENDED_STATUSES } from '../corpus/status.js';
import { compareSv } from './format.js';
import { slugify } from './slug.js';
import { docsPerPage, pagedList, pageTitle } from './paged-list.js';
import type { DocSummary, Facet, FacetPage, FilterPage } from './types.js';
import type { DocumentListFolder } from '../model/site-addresses.js';

/**
 * The most values of one facet the filter menu lists on every list page. A large kommun has hundreds of
 * organ and förvaltningar; listing them all on each of their own pages would make the site grow with the
 * square of their number, so such a facet gets one page that lists its values.
 */
export const MAX_MENU_VALUES = 30;

/** The order of "Alla styrdokument": by the hierarchy's level, then the config's order of types, then title. */
export function listOrder(config: Config): (a: DocSummary, b: DocSummary) => number {
  const typeOrder = Object.keys(config.data.dokumenttyper);
  const level = (type: string) => config.data.dokumenttyper[type]?.nivå ?? 99;
  return (a, b) => level(a.type) - level(b.type) || typeOrder.indexOf(a.type) - typeOrder.indexOf(b.type) || compareSv(a.title, b.title);
}

/** The status facet's values; a document in force and due for revision is in two of them. */
const STATUS_GROUPS = [
  { key: 'gallande', label: 'Gällande', title: 'Gällande styrdokument', test: (d: DocSummary) => d.status.kind === 'gällande', always: true },
  { key: 'under-revision', label: 'Under revision', title: 'Styrdokument under revision', test: (d: DocSummary) => !!d.revision, always: true },
  {
    key: 'upphavda-och-ersatta',
    label: 'Upphävda, ersatta och upphörda',
    title: 'Upphävda, ersatta och upphörda styrdokument',
    test: (d: DocSummary) => ENDED_STATUSES.has(d.status.kind),
    always: true,
  },
  { key: 'utkast', label: 'Utkast', title: 'Utkast till styrdokument', test: (d: DocSummary) => d.status.kind === 'utkast', always: true },
  { key: 'kommande', label: 'Kommande', title: 'Beslutade styrdokument som ännu inte gäller', test: (d: DocSummary) => d.status.kind === 'kommande', always: false },
];

/**
 * The facet values a document is listed under, as the search page filters by them (Pagefind filters on the
 * document's page): the same keys as the list pages' addresses, so both offer the same choices.
 */
export function facetValuesOf(d: DocSummary): { facet: string; value: string }[] {
  return [
    { facet: 'typ', value: slugify(d.type) },
    ...STATUS_GROUPS.filter((s) => s.test(d)).map((s) => ({ facet: 'status', value: s.key })),
    { facet: 'organ', value: slugify(d.organ.id) },
    { facet: 'ansvarig', value: slugify(d.owner.id) },
  ];
}

/**
 * "Alla styrdokument" and one static page per facet value (type, status, organ, owner): filtering is
 * following a link, so it works without JavaScript and every filtered list has its own address.
 */
export function filterPages(docs: DocSummary[], config: Config): { facets: Facet[]; pages: FilterPage[]; facetPages: FacetPage[] } {
  const sorted = [...docs].sort(listOrder(config));
  const plural = (type: string) => config.data.dokumenttyper[type]?.plural ?? type;

  const perPage = docsPerPage(config);
  const pages: FilterPage[] = listPages('/dokument/', 'Alla styrdokument', `Alla ${docs.length} styrdokument, ordnade efter dokumenttyp.`, 'alla', sorted);
  const facets: Facet[] = [];
  const facetPages: FacetPage[] = [];
  const addFacet = (
    key: string,
    label: string,
    path: DocumentListFolder,
    values: { key: string; label: string; title: string; intro: string; docs: DocSummary[] }[],
    many?: (n: number) => { linkText: string; intro: string },
  ) => {
    const facet: Facet = { key, label, values: [] };
    for (const value of values) {
      const url = `/dokument/${path}/${value.key}/`;
      const facetValue = { key: value.key, label: value.label, url, count: value.docs.length };
      facet.values.push(facetValue);
      for (const listPage of listPages(url, value.title, value.intro, key, value.docs)) pages.push({ ...listPage, value: facetValue });
    }
    if (many && facet.values.length > MAX_MENU_VALUES) {
      const { linkText, intro } = many(facet.values.length);
      facet.index = { url: `/dokument/${path}/`, linkText };
      facetPages.push({ url: facet.index.url, title: label, intro, values: facet.values });
    }
    facets.push(facet);
  };

  const types = [...new Set(sorted.map((d) => d.type))];
  addFacet(
    'typ',
    'Dokumenttyp',
    'typ',
    types.map((type) => {
      const list = sorted.filter((d) => d.type === type);
      return { key: slugify(type), label: plural(type), title: plural(type), intro: `${count(list.length)} av typen ${config.data.dokumenttyper[type]?.namn.toLowerCase() ?? type}.`, docs: list };
    }),
  );

  addFacet(
    'status',
    'Status',
    'status',
    STATUS_GROUPS
      .map((s) => ({ ...s, docs: sorted.filter(s.test) }))
      .filter((s) => s.always || s.docs.length)
      .map((s) => ({ key: s.key, label: s.label, title: s.title, intro: `${count(s.docs.length)}.`, docs: s.docs })),
  );

  const byPerson = (field: 'organ' | 'owner') => {
    // Grouped in one pass: hundreds of organs or förvaltningar, each filtering every document, took half a second at 10,000.
    const groups = new Map<string, { name: string; list: DocSummary[] }>();
    for (const d of sorted) {
      const group = groups.get(d[field].id) ?? groups.set(d[field].id, { name: d[field].name, list: [] }).get(d[field].id)!;
      group.list.push(d);
    }
    const ids = [...groups.entries()].sort((a, b) => compareSv(a[1].name, b[1].name));
    return ids.map(([id, { name, list }]) => {
      return field === 'organ'
        ? { key: slugify(id), label: name, title: `Styrdokument beslutade av ${name}`, intro: `${count(list.length)} som ${name} har beslutat.`, docs: list }
        : { key: slugify(id), label: name, title: `Styrdokument som ${name} ansvarar för`, intro: `${count(list.length)} med ${name} som dokumentansvarig.`, docs: list };
    });
  };
  addFacet('organ', 'Beslutande organ', 'organ', byPerson('organ'), (n) => ({
    linkText: `Alla ${n} beslutande organ`,
    intro: `De ${n} organ som har beslutat styrdokument. Välj ett för att se dess styrdokument.`,
  }));
  addFacet('ansvarig', 'Dokumentansvarig', 'ansvarig', byPerson('owner'), (n) => ({
    linkText: `Alla ${n} dokumentansvariga`,
    intro: `De ${n} förvaltningar och andra som är dokumentansvariga. Välj en för att se styrdokumenten den ansvarar för.`,
  }));
  return { facets, pages, facetPages };

  /** A list as one page, or as several of at most perPage documents at <url>, <url>sida-2/ … */
  function listPages(url: string, title: string, intro: string, facet: string, list: DocSummary[]): FilterPage[] {
    return pagedList(url, list, perPage, (d) => d.type, plural).map((page) => ({
      url: page.url,
      title: pageTitle(title, page),
      intro,
      facet,
      count: list.length,
      groups: page.groups,
      listUrl: url,
      ...(page.pager ? { pager: page.pager } : {}),
    }));
  }
}

function count(n: number): string {
  return n === 1 ? '1 styrdokument' : `${n} styrdokument`;
}
