/**
 * "Which styrdokument were in force on date D?": the corpus cut into periods in which the same documents
 * were in force (src/corpus/timeline.ts), one static page per period, so the answer is a link away and
 * needs no script.
 */
import { swedishDate } from '../corpus/dates.js';
import { inForcePeriods } from '../corpus/timeline.js';
import type { ModelContext } from './context.js';
import type { DocVersions } from './history-view.js';
import { docsPerPage, pagedList, pageTitle } from './paged-list.js';
import type { DocRef, DocSummary, Pager } from './types.js';

export interface PeriodDoc {
  doc: DocSummary;
  /** The version in force in the period, when the document has more than one. */
  version?: { text: string; url: string };
}

export interface TimelinePeriod {
  from: string;
  to?: string;
  url: string;
  /** The page's heading, also its <title>. */
  title: string;
  /** "1 januari 2024 – 31 mars 2024", "Från 1 januari 2027". */
  range: string;
  fromText: string;
  toText?: string;
  when: 'förr' | 'nu' | 'framtid';
  /** "Gäller i dag", "Kommande"; absent for a period that has passed. */
  whenLabel?: string;
  count: number;
  /** The documents in force, by type, each group with the count of the whole period. */
  groups: { title: string; count: number; docs: PeriodDoc[] }[];
  /** The address of the period's first page; a long period goes on at <listUrl>sida-2/ … */
  listUrl: string;
  pager?: Pager;
  /** Compared with the period before: what began and what ended (on the period's first page). */
  started: DocRef[];
  ended: DocRef[];
  earlier?: { url: string; range: string };
  later?: { url: string; range: string };
}

export interface TimelineSite {
  /** Newest first: the first page of each period. */
  periods: TimelinePeriod[];
  /** Every page of every period, for Eleventy to write. */
  periodPages: TimelinePeriod[];
  /** The period that holds today. */
  current?: { url: string; range: string };
  /** The first and last day the periods cover (the last open period has no end). */
  first?: string;
}

export function timeline(ctx: ModelContext, versions: ReadonlyMap<string, DocVersions>): TimelineSite {
  const { config, corpus, today } = ctx.project;
  const periods = inForcePeriods(corpus, config);
  const plural = (type: string) => config.data.dokumenttyper[type]?.plural ?? type;
  const range = (from: string, to?: string) => (to ? `${swedishDate(from)} – ${swedishDate(to)}` : `Från ${swedishDate(from)}`);
  const urlOf = (from: string) => `/gallande/${from}/`;

  const perPage = docsPerPage(config);

  const views = periods.map((period, i): TimelinePeriod[] => {
    const when = period.from > today ? 'framtid' : !period.to || period.to >= today ? 'nu' : 'förr';
    const entries = period.documents.map((doc): PeriodDoc => ({ doc: ctx.summary(doc), ...versionIn(versions.get(doc.data.id), period.from) }));
    const before = new Set(periods[i - 1]?.documents ?? []);
    const now = new Set(period.documents);
    const previous = periods[i - 1];
    const next = periods[i + 1];
    const url = urlOf(period.from);
    const title = `Gällande styrdokument ${period.to ? range(period.from, period.to) : `från ${swedishDate(period.from)}`}`;
    return pagedList(url, entries, perPage, (e) => e.doc.type, plural).map((page) => ({
      from: period.from,
      ...(period.to ? { to: period.to } : {}),
      url: page.url,
      title: pageTitle(title, page),
      range: range(period.from, period.to),
      fromText: swedishDate(period.from),
      ...(period.to ? { toText: swedishDate(period.to) } : {}),
      when,
      ...(when === 'nu' ? { whenLabel: 'Gäller i dag' } : when === 'framtid' ? { whenLabel: 'Kommande' } : {}),
      count: period.documents.length,
      groups: page.groups,
      listUrl: url,
      ...(page.pager ? { pager: page.pager } : {}),
      started: page.number === 1 ? period.documents.filter((d) => !before.has(d)).map((d) => ctx.ref(d.data.id)) : [],
      ended: page.number === 1 ? (previous?.documents ?? []).filter((d) => !now.has(d)).map((d) => ctx.ref(d.data.id)) : [],
      ...(previous ? { earlier: { url: urlOf(previous.from), range: range(previous.from, previous.to) } } : {}),
      ...(next ? { later: { url: urlOf(next.from), range: range(next.from, next.to) } } : {}),
    }));
  });
  const firstPages = views.map((pages) => pages[0]!);
  const current = firstPages.find((p) => p.when === 'nu');
  return {
    periods: firstPages.reverse(),
    periodPages: views.reverse().flat(),
    ...(current ? { current: { url: current.url, range: current.range } } : {}),
    ...(periods[0] ? { first: periods[0].from } : {}),
  };
}

/** The version of a document that was in force on `date`, when it has a versions page. */
function versionIn(versions: DocVersions | undefined, date: string): { version?: PeriodDoc['version'] } {
  if (!versions?.url) return {};
  const row = versions.rows.find((r) => r.from.iso <= date && (!r.to || date <= r.to.iso));
  return row ? { version: { text: row.label, url: `${versions.url}#${row.anchor}` } } : {};
}
