/**
 * Long lists of documents on several pages: "Alla styrdokument" for 10,000 documents was one page of 5.8 MB,
 * a period of /gallande/ 1.7 MB, too much for a phone. A list is cut into pages of at most `perPage`
 * entries, each grouped by document type with the count of the whole list, at <url>, <url>sida-2/ …
 */
import type { Config } from '../config/config.js';
import type { Pager } from './types.js';
import { listPageUrl } from '../model/site-addresses.js';

/** Entries on one page unless the config says otherwise (webbplats.dokument_per_sida). */
export const DOCS_PER_PAGE = 200;

/** The kommun's number of documents per list page, or DOCS_PER_PAGE. */
export function docsPerPage(config: Config): number {
  return config.data.webbplats?.dokument_per_sida ?? DOCS_PER_PAGE;
}

export interface ListPage<T> {
  url: string;
  /** 1-based. */
  number: number;
  groups: { title: string; count: number; docs: T[] }[];
  /** Only for a list longer than one page. */
  pager?: Pager;
}

/** `list` in order, cut into pages; a group continues on the next page under the same heading. */
export function pagedList<T>(url: string, list: readonly T[], perPage: number, typeOf: (entry: T) => string, titleOf: (type: string) => string): ListPage<T>[] {
  const perType = new Map<string, number>();
  for (const entry of list) perType.set(typeOf(entry), (perType.get(typeOf(entry)) ?? 0) + 1);
  const total = Math.max(1, Math.ceil(list.length / perPage));
  const urlOf = (n: number) => listPageUrl(url, n);
  return Array.from({ length: total }, (_, i): ListPage<T> => {
    const n = i + 1;
    const slice = list.slice(i * perPage, n * perPage);
    const groups: { type: string; title: string; count: number; docs: T[] }[] = [];
    for (const entry of slice) {
      const type = typeOf(entry);
      const last = groups[groups.length - 1];
      if (last?.type === type) last.docs.push(entry);
      else groups.push({ type, title: titleOf(type), count: perType.get(type)!, docs: [entry] });
    }
    return {
      url: urlOf(n),
      number: n,
      groups: groups.map(({ title, count, docs }) => ({ title, count, docs })),
      ...(total > 1 ? { pager: pager(n, total, i * perPage + 1, i * perPage + slice.length, urlOf) } : {}),
    };
  });
}

/** "Alla styrdokument" → "Alla styrdokument, sida 2 av 3" on every page but the first. */
export function pageTitle(title: string, page: ListPage<unknown>): string {
  return page.pager && page.number > 1 ? `${title}, sida ${page.number} av ${page.pager.total}` : title;
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
