import { addMonths, swedishDate } from '../corpus/dates.js';
import type { CheckedProject } from '../engine/load-project.js';
import { dueItems } from '../report/due-list.js';
import { docsPerPage, pagedList, pageTitle } from './paged-list.js';
import type { DocSummary, DueEntry, DueSite } from './types.js';

/** How far ahead /kommande-beslut/ looks: a year of meetings, as `styrdok due` does by default. */
const DUE_MONTHS = 12;

const DUE_URL = '/kommande-beslut/';
const DUE_TITLE = 'Kommande beslut om styrdokument';

/**
 * The decisions the documents in force need in the coming year, for residents: the same list `styrdok due`
 * gives the förvaltning (report/due-list.ts), each with the document's list entry. A large kommun's year
 * (1,401 decisions in the bench's 10,000 documents) is cut into pages as the other lists are.
 */
export function dueSite(project: CheckedProject, summaryOf: (id: string) => DocSummary | undefined): DueSite {
  const { corpus, config, today } = project;
  const until = addMonths(today, DUE_MONTHS);
  const entries: DueEntry[] = dueItems(corpus, config, today, until).flatMap((item) => {
    const doc = summaryOf(item.document.data.id);
    return doc ? [{ doc, by: { iso: item.by, text: swedishDate(item.by) }, late: item.late, what: item.what }] : [];
  });
  // The late ones first: dueItems gives the earliest first, and every late day is before every coming one.
  const anyLate = entries.some((e) => e.late);
  const groupTitle = (key: string) => (key === 'sen' ? 'Försenade' : anyLate ? 'Kommande' : 'Det kommande året');
  const pages = pagedList(DUE_URL, entries, docsPerPage(config), (e) => (e.late ? 'sen' : 'kommande'), groupTitle);
  return {
    until: { iso: until, text: swedishDate(until) },
    count: entries.length,
    pages: pages.map((page) => ({ ...page, title: pageTitle(DUE_TITLE, page), count: entries.length })),
  };
}
