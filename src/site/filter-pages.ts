import type { Config } from '../config/config.js';
import { ENDED_STATUSES } from '../corpus/status.js';
import { compareSv } from './format.js';
import { slugify } from './slug.js';
import type { DocSummary, Facet, FacetPage, FilterPage, Pager } from './types.js';

/**
 * The most values of one facet the filter menu lists on every list page. A large kommun has hundreds of
 * organ and förvaltningar; listing them all on each of their own pages would make the site grow with the
 * square of their number, so such a facet gets one page that lists its values.
 */
export const MAX_MENU_VALUES = 30;

/**
 * Documents on one list page unless the config says otherwise (webbplats.dokument_per_sida): "Alla
 * styrdokument" for 10,000 documents was one page of 5.8 MB, too much for a phone.
 */
export const DOCS_PER_PAGE = 200;

/**
 * "Alla styrdokument" and one static page per facet value (type, status, organ, owner): filtering is
 * following a link, so it works without JavaScript and every filtered list has its own address.
 */
export function filterPages(docs: DocSummary[], config: Config): { facets: Facet[]; pages: FilterPage[]; facetPages: FacetPage[] } {
  const typeOrder = Object.keys(config.data.dokumenttyper);
  const level = (type: string) => config.data.dokumenttyper[type]?.nivå ?? 99;
  const sorted = [...docs].sort(
    (a, b) => level(a.type) - level(b.type) || typeOrder.indexOf(a.type) - typeOrder.indexOf(b.type) || compareSv(a.title, b.title),
  );
  const plural = (type: string) => config.data.dokumenttyper[type]?.plural ?? type;

  const perPage = config.data.webbplats?.dokument_per_sida ?? DOCS_PER_PAGE;
  const pages: FilterPage[] = listPages('/dokument/', 'Alla styrdokument', `Alla ${docs.length} styrdokument, ordnade efter dokumenttyp.`, 'alla', sorted);
  const facets: Facet[] = [];
  const facetPages: FacetPage[] = [];
  const addFacet = (
    key: string,
    label: string,
    path: string,
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

  const statuses = [
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
  addFacet(
    'status',
    'Status',
    'status',
    statuses
      .map((s) => ({ ...s, docs: sorted.filter(s.test) }))
      .filter((s) => s.always || s.docs.length)
      .map((s) => ({ key: s.key, label: s.label, title: s.title, intro: `${count(s.docs.length)}.`, docs: s.docs })),
  );

  const byPerson = (field: 'organ' | 'owner') => {
    const ids = [...new Map(sorted.map((d) => [d[field].id, d[field].name])).entries()].sort((a, b) => compareSv(a[1], b[1]));
    return ids.map(([id, name]) => {
      const list = sorted.filter((d) => d[field].id === id);
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
    const perType = new Map<string, number>();
    for (const doc of list) perType.set(doc.type, (perType.get(doc.type) ?? 0) + 1);
    const total = Math.max(1, Math.ceil(list.length / perPage));
    const urlOf = (n: number) => (n === 1 ? url : `${url}sida-${n}/`);
    return Array.from({ length: total }, (_, i): FilterPage => {
      const n = i + 1;
      const slice = list.slice(i * perPage, n * perPage);
      const groups: { type: string; title: string; count: number; docs: DocSummary[] }[] = [];
      for (const doc of slice) {
        const last = groups[groups.length - 1];
        if (last?.type === doc.type) last.docs.push(doc);
        else groups.push({ type: doc.type, title: plural(doc.type), count: perType.get(doc.type)!, docs: [doc] });
      }
      const page: FilterPage = {
        url: urlOf(n),
        title: total > 1 && n > 1 ? `${title}, sida ${n} av ${total}` : title,
        intro,
        facet,
        count: list.length,
        groups: groups.map(({ title: t, count: c, docs: d }) => ({ title: t, count: c, docs: d })),
        listUrl: url,
      };
      if (total > 1) page.pager = pager(n, total, i * perPage + 1, i * perPage + slice.length, urlOf);
      return page;
    });
  }
}

/** Where page n is among `total`: its neighbours, and the page numbers to link (the ends and n ± 2). */
export function pager(n: number, total: number, first: number, last: number, urlOf: (n: number) => string): Pager {
  const pages: Pager['pages'] = [];
  for (let k = 1; k <= total; k++) {
    if (k === 1 || k === total || Math.abs(k - n) <= 2) pages.push({ n: k, url: urlOf(k), current: k === n });
    else if (!('gap' in (pages.at(-1) ?? {}))) pages.push({ gap: true });
  }
  return { current: n, total, first, last, ...(n > 1 ? { prev: urlOf(n - 1) } : {}), ...(n < total ? { next: urlOf(n + 1) } : {}), pages };
}

function count(n: number): string {
  return n === 1 ? '1 styrdokument' : `${n} styrdokument`;
}
