import type { Config } from '../config/config.js';
import type { Corpus, GoalEntry } from '../corpus/corpus.js';
import { isIsoDate, type IsoDate } from '../corpus/dates.js';
import { replacementOf, validityOf } from '../corpus/status.js';
import { memoOn } from '../corpus/read-tracking.js';

export type PeriodType = 'delår' | 'helår';

/** `2026-delår` → `{ år: 2026, typ: 'delår' }`; undefined for a text of another form (the schema reports it). */
export function parsePeriod(id: string): { år: number; typ: PeriodType } | undefined {
  const m = /^(\d{4})-(delår|helår)$/.exec(id);
  return m ? { år: Number(m[1]), typ: m[2] as PeriodType } : undefined;
}

/** One reporting period of a year, e.g. 2026-delår, with the day its report is due. */
export interface ReportPeriod {
  /** `ÅÅÅÅ-delår` or `ÅÅÅÅ-helår`, as written under `utfall`. */
  id: string;
  typ: PeriodType;
  namn: string;
  år: number;
  /** Last day to report; undefined when the config gives none (or an impossible date). */
  sista_dag?: IsoDate;
}

const DEFAULT_PERIODS: { typ: PeriodType; namn: string; sista_dag?: string }[] = [
  { typ: 'delår', namn: 'Delårsrapport' },
  { typ: 'helår', namn: 'Årsredovisning' },
];

/** The year's periods in config order; without `uppföljning.perioder`, delår and helår with no deadline. */
export function periodsOf(config: Config, year: number): ReportPeriod[] {
  const configured = config.data.uppföljning?.perioder;
  const list = configured?.length ? configured : DEFAULT_PERIODS;
  return list.map((p) => {
    const deadline = p.sista_dag ? deadlineOf(p.sista_dag, year) : undefined;
    return { id: `${year}-${p.typ}`, typ: p.typ, namn: p.namn, år: year, ...(deadline ? { sista_dag: deadline } : {}) };
  });
}

/** `MM-DD` is in the plan's year, `+MM-DD` in the year after (the annual report is due in spring). */
export function deadlineOf(sistaDag: string, year: number): IsoDate | undefined {
  const next = sistaDag.startsWith('+');
  const date = `${next ? year + 1 : year}-${next ? sistaDag.slice(1) : sistaDag}`;
  return isIsoDate(date) ? date : undefined;
}

/** Strictly after the last day: a report due on 30 September is on time that day. */
export function isOverdue(period: ReportPeriod, today: IsoDate): boolean {
  return period.sista_dag !== undefined && today > period.sista_dag;
}

/** A plan whose goals its year's follow-up covers: decided, and neither replaced nor repealed. */
export function isFollowedUp(plan: GoalEntry['plan'], corpus: Corpus): boolean {
  return Boolean(validityOf(plan)) && !plan.data.upphävd && !replacementOf(plan, corpus);
}

/**
 * The goals a year's follow-up covers: those in decided verksamhetsplaner for that year that no other
 * decision has replaced or repealed. A draft has no outcomes to ask for yet. Grouped once per corpus, and
 * each plan judged once, since the rules and the site ask year by year.
 */
export function goalsOfYear(corpus: Corpus, year: number): GoalEntry[] {
  const byYear = memoOn(corpus, goalsOfYear, 'per år', () => {
    const grouped = new Map<number, GoalEntry[]>();
    const counts = new Map<GoalEntry['plan'], boolean>();
    for (const entry of corpus.goals) {
      const { plan } = entry;
      let counted = counts.get(plan);
      if (counted === undefined) counts.set(plan, (counted = isFollowedUp(plan, corpus)));
      if (!counted) continue;
      const list = grouped.get(plan.data.år) ?? [];
      list.push(entry);
      grouped.set(plan.data.år, list);
    }
    return grouped;
  });
  return byYear.get(year) ?? [];
}
