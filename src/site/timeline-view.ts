/**
 * "Which styrdokument were in force on date D?": the corpus cut into periods in which the same documents
 * were in force (src/corpus/timeline.ts), one static page per period, so the answer is a link away and
 * needs no script.
 */
import { swedishDate } from '../corpus/dates.js';
import { inForcePeriods, type InForcePeriod, type PartOfPeriod } from '../corpus/timeline.js';
import type { StyrDocument } from '../model/document.js';
import type { ModelContext } from './context.js';
import type { DocVersions } from './history-view.js';
import { docsPerPage, pagedList, pageTitle } from './paged-list.js';
import type { DocRef, DocSummary, Pager } from './types.js';

export interface PeriodDoc {
  doc: DocSummary;
  /** The version in force in the period, when the document has more than one. */
  version?: { text: string; url: string };
  /** In a coarse period, the days the document was in force when not all of it: "Gällde från 12 mars 2024". */
  part?: string;
  /** The same days as dates, for the open data. */
  partDays?: PartOfPeriod;
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
  /**
   * Set when the period is a month, quarter or year ("kvartal") holding several changes, because the corpus
   * changes on too many days for a page per change (inForcePeriods).
   */
  coarse?: string;
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
  /** "kvartal" when the periods are quarters (or months, or years) rather than one per change. */
  coarse?: string;
}

export function timeline(ctx: ModelContext, versions: ReadonlyMap<string, DocVersions>): TimelineSite {
  const { config, corpus, today } = ctx.project;
  const periods = inForcePeriods(corpus, config, MAX_TIMELINE_PERIODS);
  const plural = (type: string) => config.data.dokumenttyper[type]?.plural ?? type;
  const range = (from: string, to?: string) => (to ? `${swedishDate(from)} – ${swedishDate(to)}` : `Från ${swedishDate(from)}`);
  const urlOf = (from: string) => `/gallande/${from}/`;

  const perPage = docsPerPage(config);

  const views = periods.map((period, i): TimelinePeriod[] => {
    const when = period.from > today ? 'framtid' : !period.to || period.to >= today ? 'nu' : 'förr';
    const entries = period.documents.map((doc): PeriodDoc => {
      const partDays = period.coarse?.partly.get(doc);
      const part = partText(partDays);
      return { doc: ctx.summary(doc), ...versionIn(versions.get(doc.data.id), period.from), ...(part ? { part, partDays: partDays! } : {}) };
    });
    // What was in force at the end of the period before, and is at the end of this one.
    const before = new Set(inForceAtEnd(periods[i - 1]));
    const now = new Set(inForceAtEnd(period));
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
      ...(period.coarse ? { coarse: period.coarse.unit } : {}),
      started: page.number === 1 ? period.documents.filter((d) => !before.has(d)).map((d) => ctx.ref(d.data.id)) : [],
      ended: page.number === 1 ? [...new Set([...before, ...period.documents])].filter((d) => !now.has(d)).map((d) => ctx.ref(d.data.id)) : [],
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
    ...(periods[0]?.coarse ? { coarse: periods[0].coarse.unit } : {}),
  };
}

/**
 * The most periods the timeline has a page for. Beyond that the changes are grouped by month, quarter or
 * year: with every document starting on a day of its own, 1,000 documents gave 1,400 periods and 3,900
 * pages, and 10,000 gave 7,000 periods and 130,000 pages (25 million rows). A kommun's own corpus has a
 * few dozen periods.
 */
export const MAX_TIMELINE_PERIODS = 120;

/** The documents in force on a period's last day: in a coarse period, those that did not end within it. */
function inForceAtEnd(period: InForcePeriod | undefined): StyrDocument[] {
  return (period?.documents ?? []).filter((doc) => !period?.coarse?.partly.get(doc)?.to);
}

/** "Gällde från 12 mars 2024", "Gällde till 30 juni 2024", "Gällde 12 mars 2024 – 30 juni 2024". */
function partText(part: PartOfPeriod | undefined): string | undefined {
  if (!part || (!part.from && !part.to)) return undefined;
  if (part.from && part.to) return `Gällde ${swedishDate(part.from)} – ${swedishDate(part.to)}`;
  return part.from ? `Gällde från ${swedishDate(part.from)}` : `Gällde till ${swedishDate(part.to!)}`;
}

/** The version of a document that was in force on `date`, when it has a versions page. */
function versionIn(versions: DocVersions | undefined, date: string): { version?: PeriodDoc['version'] } {
  if (!versions?.url) return {};
  const row = versions.rows.find((r) => r.from.iso <= date && (!r.to || date <= r.to.iso));
  return row ? { version: { text: row.label, url: `${versions.url}#${row.anchor}` } } : {};
}
