import { addMonths, swedishDate } from '../corpus/dates.js';
import type { CheckedProject } from '../engine/load-project.js';
import { dueItems } from '../report/due-list.js';
import type { DocSummary, DueSite } from './types.js';

/** How far ahead /kommande-beslut/ looks: a year of meetings, as `styrdok due` does by default. */
export const DUE_MONTHS = 12;

/**
 * The decisions the documents in force need in the coming year, for residents: the same list `styrdok due`
 * gives the förvaltning (report/due-list.ts), each with the document's list entry.
 */
export function dueSite(project: CheckedProject, summaryOf: (id: string) => DocSummary | undefined): DueSite {
  const { corpus, config, today } = project;
  const until = addMonths(today, DUE_MONTHS);
  const entries = dueItems(corpus, config, today, until).flatMap((item) => {
    const doc = summaryOf(item.document.data.id);
    return doc ? [{ doc, by: { iso: item.by, text: swedishDate(item.by) }, late: item.late, what: item.what }] : [];
  });
  return {
    months: DUE_MONTHS,
    until: { iso: until, text: swedishDate(until) },
    late: entries.filter((e) => e.late),
    coming: entries.filter((e) => !e.late),
  };
}
