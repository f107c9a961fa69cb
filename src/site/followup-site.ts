/**
 * Uppföljning for the site: every year with a verksamhetsplan, with its report for the open data, its page
 * (followup-view.ts) and a page per nämnd (followup-namnd-view.ts), the pages drawn only as Eleventy writes them.
 */
import type { GoalEntry } from '../corpus/corpus.js';
import type { KoladaIndex } from '../followup/kolada.js';
import { buildReport, type FollowupReport } from '../followup/report-model.js';
import { STATUSES } from '../followup/status.js';
import type { ModelContext } from './context.js';
import { followupNamndPage, type FollowupNamndPage } from './followup-namnd-view.js';
import { capital, followupYear, yearEntry, yearIndex, type FollowupSite, type FollowupYear, type YearIndex } from './followup-view.js';

export interface Followup {
  site: FollowupSite;
  /** Newest year first, as site.years. */
  reports: FollowupReport[];
  /**
   * The whole page of a year in site.years, drawn anew on each call while Eleventy writes it: a large
   * kommun's years of reports, with a chart per indicator, are too much to hold at once.
   */
  yearPage(year: number): FollowupYear;
  /** The page of a nämnd in a year, one of site.namndPages, drawn the same way. */
  namndPage(year: number, namnd: string): FollowupNamndPage;
}

/** Every year with a verksamhetsplan, newest first, each with its report. */
export function followup(ctx: ModelContext, kolada?: KoladaIndex): Followup {
  const { corpus } = ctx.project;
  const years = [...new Set(corpus.documents.filter((d) => d.data.dokumenttyp === 'verksamhetsplan').map((d) => (d.data as { år: number }).år))]
    .filter((y) => Number.isInteger(y))
    .sort((a, b) => b - a);
  const reportOf = (year: number) => buildReport(ctx.project, year, kolada ? { kolada } : {});
  const reports = years.map(reportOf);
  // The report is made again for the pages rather than kept from above: a year's report is quick to make
  // (under 20 ms at 10,000 documents) and all of them held would stay in memory for the whole build. The
  // last one is kept, as Eleventy writes a year's nämnd pages one after the other.
  let last: YearIndex | undefined;
  const yearOf = (year: number) => {
    if (!years.includes(year)) throw new Error(`Det finns ingen uppföljning för ${year}.`);
    if (last?.report.år !== year) last = yearIndex(reportOf(year), ctx);
    return last;
  };
  let entries: Map<string, GoalEntry> | undefined;
  const goalEntries = () => {
    if (!entries) {
      entries = new Map<string, GoalEntry>();
      for (const entry of corpus.goals) if (!entries.has(entry.ref)) entries.set(entry.ref, entry);
    }
    return entries;
  };
  return {
    site: { years: reports.map(yearEntry), namndPages: reports.flatMap((r) => yearIndex(r, ctx).namnder), statusLabels: STATUSES.map(capital) },
    reports,
    yearPage: (year) => followupYear(yearOf(year), ctx),
    namndPage: (year, namnd) => followupNamndPage(yearOf(year), ctx, goalEntries(), namnd),
  };
}
