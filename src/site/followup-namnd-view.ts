/**
 * A nämnd's page of a year's uppföljning (/uppfoljning/2026/<nämnd>/): its goals with their status, the
 * nämnd's own bedömningar, and each indicator as a chart with the same figures in a table beside it. One
 * page per nämnd rather than all of them on the year's page: at 10,000 documents the year's page held 590
 * charts and weighed 4.7 MB, too much for a phone.
 */
import type { GoalEntry } from '../corpus/corpus.js';
import { swedishDate } from '../corpus/dates.js';
import { indicatorStatus } from '../followup/status.js';
import type { FollowupReport, GoalReport, IndicatorReport } from '../followup/report-model.js';
import { lineChart, type ChartPoint } from './chart.js';
import type { ModelContext } from './context.js';
import { outcomeText, swedishNumber } from './format.js';
import {
  anchorMaker,
  assessmentView,
  capital,
  countRow,
  isPercent,
  missingRows,
  partialShare,
  periodLabel,
  periodParts,
  periodViews,
  safe,
  statusCells,
  statusView,
  withUnit,
  type AssessmentView,
  type CountRow,
  type FollowupNamndEntry,
  type MissingRow,
  type PeriodView,
  type StatusCell,
  type StatusView,
  type YearIndex,
} from './followup-view.js';
import type { TargetLink } from './types.js';

export interface AssessmentCell extends AssessmentView {
  /** The status the indicators give, where the nämnd's assessment differs from it. */
  derived?: StatusView;
}

export interface IndicatorRow {
  /** "Utgångsvärde 2024", "Helår 2025", "Delår 2026". */
  label: string;
  value?: string;
  status?: StatusView;
  source?: string;
}

export interface FollowupIndicator {
  anchor: string;
  name: string;
  direction: string;
  target: string;
  baseline?: string;
  kolada?: string;
  rows: IndicatorRow[];
  comments: { period: string; text: string }[];
  /** Generated and escaped by chart.ts. */
  svg: string;
  /** The chart's description, also written under it. */
  trend: string;
}

export interface FollowupGoal {
  anchor: string;
  title: string;
  /** The goal on its nämnd's page. */
  url: string;
  plan: { title: string; url: string };
  targets: TargetLink[];
  statuses: StatusCell[];
  assessments: AssessmentCell[];
  indicators: FollowupIndicator[];
}

export interface FollowupNamndPage extends FollowupNamndEntry {
  /** The year's page: the city-wide summary this page is part of. */
  yearTitle: string;
  yearUrl: string;
  /** The nämnd's own page. */
  namndUrl: string;
  dateText: string;
  errors: number;
  periods: PeriodView[];
  /** The nämnd's goals per status, a row per period. */
  counts: CountRow[];
  goals: FollowupGoal[];
  missing: MissingRow[];
}

/** The page of nämnd `namnd` in the year; `entries` are the corpus's goals by ref. */
export function followupNamndPage(year: YearIndex, ctx: ModelContext, entries: Map<string, GoalEntry>, namnd: string): FollowupNamndPage {
  const { corpus } = ctx.project;
  const { report, goals, anchors } = year;
  const index = year.namnder.findIndex((x) => x.namnd === namnd);
  const n = report.nämnder[index];
  const entry = year.namnder[index];
  if (!n || !entry) throw new Error(`Det finns ingen uppföljning för nämnden ${namnd} ${report.år}.`);
  const share = partialShare(report);
  // Anchors on this page: the goals' are the year's (the year's page links to them); the indicators' only
  // need to differ from each other and from the goals' on the page.
  const unique = anchorMaker(n.mål.map((ref) => anchors.get(ref)!));
  return {
    ...entry,
    yearTitle: `Uppföljning ${report.år}`,
    yearUrl: `/uppfoljning/${report.år}/`,
    namndUrl: ctx.namndUrl(n.id),
    dateText: swedishDate(report.idag),
    errors: report.kontroll.fel,
    periods: periodViews(report),
    counts: report.perioder.map((p) => countRow(periodLabel(p.id), n.antal, p.id)),
    goals: n.mål.map((ref) => {
      const g = goals.get(ref)!;
      const goalEntry = entries.get(ref);
      const anchor = anchors.get(ref)!;
      const plan = corpus.byId.get(g.plan)?.[0];
      return {
        anchor,
        title: g.titel,
        url: goalEntry ? ctx.goalLink(goalEntry).url : ctx.namndUrl(g.nämnd),
        plan: { title: plan?.data.titel ?? g.plan, url: ctx.docUrl(g.plan) },
        targets: g.bidrar_till.map((target) => ctx.targetLink(target)),
        statuses: statusCells(g, report),
        assessments: assessmentCells(g, report),
        indicators: g.indikatorer.map((ind) => indicatorView(ind, report, share, unique(`${anchor}--${safe(ind.id)}`))),
      };
    }),
    missing: missingRows(year, (_, anchor) => `#${anchor}`, namnd),
  };
}

/** The nämnd's assessments of a goal in the report's periods, with the indicators' status where it differs. */
function assessmentCells(g: GoalReport, report: FollowupReport): AssessmentCell[] {
  return report.perioder.flatMap((p) => {
    const a = g.bedömning[p.id];
    if (!a) return [];
    return [{ ...assessmentView(p.id, a), ...(a.indikatorernas_status ? { derived: statusView(a.indikatorernas_status) } : {}) }];
  });
}

function indicatorView(ind: IndicatorReport, report: FollowupReport, share: number, anchor: string): FollowupIndicator {
  const fmt = (v: number) => withUnit(v, ind.enhet);
  const rows: IndicatorRow[] = [];
  const points: ChartPoint[] = [];
  if (ind.utgångsvärde) {
    rows.push({ label: `Utgångsvärde ${ind.utgångsvärde.år}`, value: fmt(ind.utgångsvärde.värde) });
    points.push({ label: ['Utgångs-', 'värde', String(ind.utgångsvärde.år)], value: ind.utgångsvärde.värde, hollow: true });
  }
  for (const t of ind.tidigare) {
    const status = indicatorStatus(ind, t.prognos ?? t.värde, share).status;
    rows.push({ label: periodLabel(t.period), value: outcomeText(t.värde, t.prognos, fmt), status: statusView(status), source: 'Verksamhetsplanen' });
    points.push({ label: periodParts(t.period), value: t.värde });
  }
  const comments: { period: string; text: string }[] = [];
  for (const p of report.perioder) {
    const o = ind.utfall[p.id];
    const status = statusView(o?.status ?? 'ej rapporterat');
    const source = o?.källa === 'kolada' ? `Kolada${ind.kolada ? ` ${ind.kolada}` : ''}` : o?.källa === 'verksamhetsplan' ? 'Verksamhetsplanen' : undefined;
    rows.push({ label: periodLabel(p.id), ...(o?.värde !== undefined ? { value: outcomeText(o.värde, o.prognos, fmt) } : {}), status, ...(source ? { source } : {}) });
    points.push({ label: periodParts(p.id), ...(o?.värde !== undefined ? { value: o.värde } : {}) });
    if (o?.kommentar) comments.push({ period: periodLabel(p.id), text: o.kommentar });
  }
  const direction = ind.riktning === 'öka' ? 'högre är bättre' : 'lägre är bättre';
  const forecast = forecastText(ind, report, fmt);
  const trend = trendText(ind, points, rows, fmt, direction) + (forecast ? ` ${forecast}` : '');
  const svg = lineChart({
    id: `${anchor}--graf`,
    title: `${ind.namn}: utfall per period mot målvärdet ${fmt(ind.målvärde)}`,
    desc: trend,
    points,
    reference: { value: ind.målvärde, label: 'Målvärde', valueText: fmt(ind.målvärde) },
    // Beside each point only the number, but for %: the axis names the unit, and "212 antal" next to
    // "241 antal" one period on ran into each other.
    format: isPercent(ind.enhet) ? fmt : (v) => swedishNumber(v),
    tickFormat: (v) => swedishNumber(v),
    axisLabel: isPercent(ind.enhet) ? 'Procent' : capital(ind.enhet),
  });
  return {
    anchor,
    name: ind.namn,
    direction,
    target: fmt(ind.målvärde),
    ...(ind.utgångsvärde ? { baseline: `${fmt(ind.utgångsvärde.värde)} (${ind.utgångsvärde.år})` } : {}),
    ...(ind.kolada ? { kolada: ind.kolada } : {}),
    rows,
    comments,
    svg,
    trend,
  };
}

/** The latest delår's forecast for the year, when the nämnd gave one: what the delår's status is judged on. */
function forecastText(ind: IndicatorReport, report: FollowupReport, fmt: (v: number) => string): string | undefined {
  const latest = [...report.perioder].reverse().find((p) => ind.utfall[p.id]?.värde !== undefined);
  const outcome = latest ? ind.utfall[latest.id] : undefined;
  if (latest === undefined || outcome?.prognos === undefined) return undefined;
  // The outcome's status is judged on the forecast (report-model.ts): uppnått is the målvärde met.
  const meets = outcome.status === 'uppnått';
  return `Prognosen för helåret vid ${periodLabel(latest.id).toLowerCase()} är ${fmt(outcome.prognos)}, som ${meets ? 'når' : 'inte når'} målvärdet.`;
}

/** The trend in Swedish: where the indicator started, where it is now, which way that is, and the target. */
export function trendText(
  ind: Pick<IndicatorReport, 'enhet' | 'riktning' | 'målvärde'>,
  points: ChartPoint[],
  rows: IndicatorRow[],
  fmt: (v: number) => string,
  direction: string,
): string {
  const valued = points.map((p, i) => ({ p, row: rows[i]! })).filter(({ p }) => p.value !== undefined);
  const target = `Målvärdet är ${fmt(ind.målvärde)} (${direction}).`;
  const missing = points.map((p, i) => ({ p, row: rows[i]! })).filter(({ p }) => p.value === undefined).map(({ row }) => row.label.toLowerCase());
  const missingText = missing.length ? ` Utfall saknas för ${list(missing)}.` : '';
  if (!valued.length) return `Inga värden är rapporterade än. ${target}${missingText}`;
  const last = valued[valued.length - 1]!;
  const lastValue = last.p.value!;
  const reached = (ind.riktning === 'öka' ? lastValue >= ind.målvärde - 1e-9 : lastValue <= ind.målvärde + 1e-9) ? 'Målvärdet är nått.' : 'Målvärdet är inte nått.';
  if (valued.length === 1) return `Ett värde: ${last.row.label.toLowerCase()} ${fmt(lastValue)}. ${target} ${reached}${missingText}`;
  const first = valued[0]!;
  const diff = lastValue - first.p.value!;
  const amount = isPercent(ind.enhet) ? `${swedishNumber(Math.abs(diff))} procentenheter` : fmt(Math.abs(diff));
  const better = ind.riktning === 'öka' ? diff > 0 : diff < 0;
  const change =
    Math.abs(diff) < 1e-9
      ? `samma som ${first.row.label.toLowerCase()}`
      : `${amount} ${diff > 0 ? 'högre' : 'lägre'} än ${first.row.label.toLowerCase()} (${fmt(first.p.value!)}), alltså åt ${better ? 'rätt' : 'fel'} håll`;
  return `${capital(first.row.label.toLowerCase())}: ${fmt(first.p.value!)}. Senaste utfall, ${last.row.label.toLowerCase()}: ${fmt(lastValue)}, ${change}. ${target} ${reached}${missingText}`;
}

function list(items: string[]): string {
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} och ${items[items.length - 1]}`;
}
