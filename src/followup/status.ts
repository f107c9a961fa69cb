import type { Indicator } from '../model/document.js';

/** Derived from outcomes (or, for a goal without indicators, the nämnd's bedömning); in the order reports show them. */
export const STATUSES = ['uppnått', 'delvis uppnått', 'ej uppnått', 'ej rapporterat'] as const;
export type FollowupStatus = (typeof STATUSES)[number];
/** What a nämnd can say of a goal it has assessed: everything but "not reported". */
export type AssessedStatus = Exclude<FollowupStatus, 'ej rapporterat'>;

/** Worst first: a goal takes the first status any of its indicators has. */
const WORST_FIRST: readonly FollowupStatus[] = ['ej rapporterat', 'ej uppnått', 'delvis uppnått', 'uppnått'];

/** Used when the config has no `uppföljning.delvis_uppnått_andel`. */
export const DEFAULT_PARTIAL_SHARE = 0.5;

// Outcomes are decimals typed by people: 9.8 − 8.4 must count as exactly 1.4.
const EPSILON = 1e-9;

export interface IndicatorResult {
  status: FollowupStatus;
  /** How far the outcome has moved from utgångsvärde towards målvärde: 0 at the start, 1 at the target. */
  andel?: number;
}

/**
 * One indicator in one period: uppnått when the outcome meets målvärde in the indicator's direction;
 * delvis uppnått when it has moved at least `partialShare` of the way from utgångsvärde to målvärde;
 * ej uppnått otherwise (also when there is no utgångsvärde to measure the way from); ej rapporterat
 * without an outcome.
 */
export function indicatorStatus(
  indicator: Pick<Indicator, 'målvärde' | 'riktning' | 'utgångsvärde'>,
  value: number | undefined,
  partialShare: number = DEFAULT_PARTIAL_SHARE,
): IndicatorResult {
  if (value === undefined) return { status: 'ej rapporterat' };
  const sign = indicator.riktning === 'öka' ? 1 : -1;
  const base = indicator.utgångsvärde?.värde;
  const distance = base === undefined ? undefined : sign * (indicator.målvärde - base);
  // Only a target that lies ahead of the baseline has a way to go; otherwise only "met or not" makes sense.
  const andel = base !== undefined && distance !== undefined && distance > EPSILON ? (sign * (value - base)) / distance : undefined;
  const extra = andel === undefined ? {} : { andel: round(andel) };
  if (sign * (value - indicator.målvärde) >= -EPSILON) return { status: 'uppnått', ...extra };
  if (andel !== undefined && andel >= partialShare - EPSILON) return { status: 'delvis uppnått', ...extra };
  return { status: 'ej uppnått', ...extra };
}

/**
 * The forecast for the year an outcome carries: only a delår has one. The schema refuses it on a helår, but a
 * report is written even when the check found errors, so the period decides here too.
 */
export function forecastOf(outcome: { period: string; prognos?: number }): number | undefined {
  return outcome.period.endsWith('-delår') ? outcome.prognos : undefined;
}

/**
 * A goal combines its indicators: ej rapporterat as soon as one is missing (the goal cannot be judged
 * on half the figures), otherwise the worst of them. A goal without indicators has nothing to report.
 */
export function goalStatus(statuses: readonly FollowupStatus[]): FollowupStatus {
  if (!statuses.length) return 'ej rapporterat';
  return WORST_FIRST.find((s) => statuses.includes(s)) ?? 'ej rapporterat';
}

export type StatusCounts = Record<FollowupStatus, number>;

export function countStatuses(statuses: readonly FollowupStatus[]): StatusCounts {
  const counts = Object.fromEntries(STATUSES.map((s) => [s, 0])) as StatusCounts;
  for (const s of statuses) counts[s] += 1;
  return counts;
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}
