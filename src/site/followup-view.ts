/**
 * Uppföljning on the site: the stadsgemensam rapport (src/followup/report-model.ts) for each year that has
 * verksamhetsplaner, laid out for a resident: a summary per focus area and per nämnd, the nämnder's goals
 * with their indicators, outcomes against the målvärde, status in words, comments and a chart per indicator.
 */
import type { GoalEntry } from '../corpus/corpus.js';
import { swedishDate } from '../corpus/dates.js';
import type { KoladaIndex } from '../followup/kolada.js';
import { parsePeriod } from '../followup/periods.js';
import { buildReport, type FollowupReport, type GoalReport, type IndicatorReport, type PeriodCounts } from '../followup/report-model.js';
import { indicatorStatus, STATUSES, DEFAULT_PARTIAL_SHARE, type AssessedStatus, type FollowupStatus } from '../followup/status.js';
import { lineChart, type ChartPoint } from './chart.js';
import type { ModelContext } from './context.js';
import { outcomeText, periodText, swedishNumber } from './format.js';
import type { TargetLink } from './types.js';

export interface StatusView {
  /** "Delvis uppnått": the status in words, always shown. */
  label: string;
  /** CSS modifier; the colour only repeats the words. */
  css: 'uppnatt' | 'delvis' | 'ej-uppnatt' | 'ej-rapporterat';
}

export interface PeriodView {
  id: string;
  /** "Delår 2026" */
  label: string;
  /** The report's name in the config, e.g. "Årsredovisning". */
  name: string;
  deadline?: { iso: string; text: string };
  passed: boolean;
}

export interface CountRow {
  label: string;
  url?: string;
  /** One per status, in STATUS_LABELS order. */
  counts: number[];
  total: number;
}

export interface CountTable {
  /** The period the table counts, e.g. "Delår 2026". */
  period: string;
  rows: CountRow[];
}

export interface StatusCell {
  period: string;
  status: StatusView;
}

/** The nämnd's own assessment of a goal in one period, as the pages show it. */
export interface AssessmentView {
  period: string;
  status: StatusView;
  text: string;
  actions?: string;
}

export interface AssessmentCell extends AssessmentView {
  /** The status the indicators give, where the nämnd's assessment differs from it. */
  derived?: StatusView;
}

export function assessmentView(period: string, a: { status: AssessedStatus; motivering: string; åtgärder?: string }): AssessmentView {
  return { period: periodText(period), status: statusView(a.status), text: a.motivering, ...(a.åtgärder ? { actions: a.åtgärder } : {}) };
}

export interface GroupGoalRow {
  title: string;
  /** Anchor of the goal's details on the year's page. */
  anchor: string;
  namnd: string;
  /** The targets of this group that the goal names. */
  targets: string[];
  statuses: StatusCell[];
}

export interface FollowupGroup {
  anchor: string;
  title: string;
  kindLabel: string;
  /** The group on the strategy's page. */
  url?: string;
  /** "13 nämndmål bidrar. Delår 2026: 1 uppnått, …" */
  summary: string;
  goals: GroupGoalRow[];
  /** Targets of the group that no nämnd goal names. */
  gaps: { title: string; url?: string }[];
}

export interface FollowupStrategy {
  anchor: string;
  title: string;
  url: string;
  groups: FollowupGroup[];
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
  namnd: string;
  plan: { title: string; url: string };
  targets: TargetLink[];
  statuses: StatusCell[];
  assessments: AssessmentCell[];
  indicators: FollowupIndicator[];
}

export interface FollowupNamnd {
  anchor: string;
  title: string;
  url: string;
  goals: FollowupGoal[];
}

export interface MissingRow {
  period: string;
  deadline?: string;
  late: boolean;
  namnd: string;
  goal: string;
  goalAnchor?: string;
  indicator?: string;
}

/** A year as the model holds it, for the overview (/uppfoljning/); its page is drawn by yearPage. */
export interface FollowupYearEntry {
  year: number;
  url: string;
  /** The page's heading, also its <title>. */
  title: string;
  summary: string;
  goalCount: number;
  lateCount: number;
  total: CountRow[];
}

export interface FollowupYear extends FollowupYearEntry {
  dateText: string;
  partialShare: string;
  periods: PeriodView[];
  errors: number;
  byArea: CountTable[];
  byNamnd: CountTable[];
  strategies: FollowupStrategy[];
  namnder: FollowupNamnd[];
  unlinked: { title: string; anchor: string; namnd: string }[];
  missing: MissingRow[];
}

export interface FollowupSite {
  /** Newest year first. */
  years: FollowupYearEntry[];
  statusLabels: string[];
}

/** Uppföljning for the site: the years, each year's report (for the open data) and its page. */
export interface Followup {
  site: FollowupSite;
  /** Newest year first, as site.years. */
  reports: FollowupReport[];
  /**
   * The whole page of a year in site.years, drawn anew on each call while Eleventy writes it: a large
   * kommun's years of reports, with a chart per indicator, are too much to hold at once.
   */
  yearPage(year: number): FollowupYear;
}

const STATUS_CSS: Record<FollowupStatus, StatusView['css']> = {
  uppnått: 'uppnatt',
  'delvis uppnått': 'delvis',
  'ej uppnått': 'ej-uppnatt',
  'ej rapporterat': 'ej-rapporterat',
};

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
export const statusView = (s: FollowupStatus): StatusView => ({ label: capital(s), css: STATUS_CSS[s] });

/** "2026-delår" → "Delår 2026"; ["Delår", "2026"] for a chart's axis. */
function periodParts(id: string): [string, string] {
  const parsed = parsePeriod(id);
  return parsed ? [capital(parsed.typ), String(parsed.år)] : [id, ''];
}
const periodLabel = periodText;

const isPercent = (unit: string) => unit === 'procent' || unit === '%';
export function withUnit(value: number, unit: string): string {
  return isPercent(unit) ? `${swedishNumber(value)} %` : `${swedishNumber(value)} ${unit}`;
}

/** Every year with a verksamhetsplan, newest first, each with its report. */
export function followup(ctx: ModelContext, kolada?: KoladaIndex): Followup {
  const { corpus } = ctx.project;
  const years = [...new Set(corpus.documents.filter((d) => d.data.dokumenttyp === 'verksamhetsplan').map((d) => (d.data as { år: number }).år))]
    .filter((y) => Number.isInteger(y))
    .sort((a, b) => b - a);
  const reportOf = (year: number) => buildReport(ctx.project, year, kolada ? { kolada } : {});
  const reports = years.map(reportOf);
  let entries: Map<string, GoalEntry> | undefined;
  return {
    site: { years: reports.map(yearEntry), statusLabels: STATUSES.map(capital) },
    reports,
    yearPage(year) {
      if (!years.includes(year)) throw new Error(`Det finns ingen uppföljning för ${year}.`);
      if (!entries) {
        entries = new Map<string, GoalEntry>();
        for (const entry of corpus.goals) if (!entries.has(entry.ref)) entries.set(entry.ref, entry);
      }
      // The report is made again rather than kept from above: a year's report is quick to make (under 20 ms
      // at 10,000 documents) and all of them held would stay in memory for the whole build.
      return followupYear(reportOf(year), ctx, entries);
    },
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

/** What the overview shows of a year, straight from its report. */
function yearEntry(report: FollowupReport): FollowupYearEntry {
  return {
    year: report.år,
    url: `/uppfoljning/${report.år}/`,
    title: `Uppföljning ${report.år}`,
    summary: `Stadsgemensam uppföljning av nämndernas mål i verksamhetsplanerna för ${report.år}: utfall mot målvärden, status per fokusområde och per nämnd, och de rapporter som saknas.`,
    goalCount: report.mål.length,
    lateCount: report.saknade.filter((m) => m.försenad).length,
    total: report.perioder.map((p) => countRow(periodLabel(p.id), report.totalt, p.id)),
  };
}

/** One row of a count table: the goals per status in a period. */
function countRow(label: string, counts: PeriodCounts, period: string, url?: string): CountRow {
  const c = counts[period];
  const values = STATUSES.map((s) => c?.[s] ?? 0);
  return { label, ...(url ? { url } : {}), counts: values, total: values.reduce((a, b) => a + b, 0) };
}

function followupYear(report: FollowupReport, ctx: ModelContext, entries: Map<string, GoalEntry>): FollowupYear {
  const { corpus } = ctx.project;
  const share = report.delvis_uppnått_andel ?? DEFAULT_PARTIAL_SHARE;
  const goals = new Map(report.mål.map((g) => [g.ref, g]));
  const anchors = new Set<string>();
  const unique = (base: string) => {
    let anchor = base;
    for (let i = 2; anchors.has(anchor); i++) anchor = `${base}-${i}`;
    anchors.add(anchor);
    return anchor;
  };
  const goalAnchor = new Map<string, string>();
  for (const g of report.mål) goalAnchor.set(g.ref, unique(`uppf-${safe(g.plan)}--${safe(g.id)}`));
  const statuses = (g: GoalReport): StatusCell[] => report.perioder.map((p) => ({ period: periodLabel(p.id), status: statusView(g.status[p.id] ?? 'ej rapporterat') }));

  const strategies: FollowupStrategy[] = report.strategier.map((s) => ({
    anchor: unique(`strategi-${safe(s.id)}`),
    title: s.titel,
    url: ctx.docUrl(s.id),
    groups: s.grupper.map((group) => {
      const first = group.mål_i_strategin[0];
      const target = group.typ === 'fokusområde' && first ? corpus.targets.get(first.ref) : undefined;
      const link = target ? ctx.targetLink(target.ref) : undefined;
      const inGroup = new Set(group.mål_i_strategin.map((t) => t.ref));
      return {
        anchor: unique(`grupp-${safe(s.id)}--${safe(group.id)}`),
        title: group.avsnitt ? `${group.avsnitt} ${group.rubrik}` : group.rubrik,
        kindLabel: group.typ === 'fokusområde' ? 'Fokusområde' : 'Inriktning',
        ...(link?.url ? { url: link.url } : group.typ === 'inriktning' ? { url: `${ctx.docUrl(s.id)}#mal-och-bidrag` } : {}),
        summary: groupSummary(group.mål.length, group.antal, report),
        goals: group.mål.map((ref) => {
          const g = goals.get(ref)!;
          return {
            title: g.titel,
            anchor: goalAnchor.get(ref)!,
            namnd: g.nämnd_namn,
            targets: group.mål_i_strategin.filter((t) => t.mål.includes(ref) && inGroup.has(t.ref)).map((t) => t.rubrik),
            statuses: statuses(g),
          };
        }),
        gaps: group.mål_i_strategin
          .filter((t) => !t.mål.length && !(t.typ === 'fokusområde' && group.mål_i_strategin.length > 1))
          .map((t) => {
            const l = ctx.targetLink(t.ref);
            return { title: t.rubrik, ...(l.url ? { url: l.url } : {}) };
          }),
      };
    }),
  }));

  const namnder: FollowupNamnd[] = report.nämnder.map((n) => ({
    anchor: unique(`namnd-${safe(n.id)}`),
    title: n.namn,
    url: ctx.namndUrl(n.id),
    goals: n.mål.map((ref) => {
      const g = goals.get(ref)!;
      const entry = entries.get(ref);
      const anchor = goalAnchor.get(ref)!;
      const plan = corpus.byId.get(g.plan)?.[0];
      return {
        anchor,
        title: g.titel,
        url: entry ? ctx.goalLink(entry).url : ctx.namndUrl(g.nämnd),
        namnd: g.nämnd_namn,
        plan: { title: plan?.data.titel ?? g.plan, url: ctx.docUrl(g.plan) },
        targets: g.bidrar_till.map((ref) => ctx.targetLink(ref)),
        statuses: statuses(g),
        assessments: assessmentCells(g, report),
        indicators: g.indikatorer.map((ind) => indicatorView(ind, report, share, unique(`${anchor}--${safe(ind.id)}`))),
      };
    }),
  }));

  const refOf = new Map<string, string>();
  for (const g of report.mål) {
    const key = `${g.id}\n${g.nämnd}\n${g.fil}`;
    if (!refOf.has(key)) refOf.set(key, g.ref);
  }
  const missing: MissingRow[] = report.saknade.map((m) => {
    const ref = refOf.get(`${m.mål}\n${m.nämnd}\n${m.fil}`) ?? '';
    const anchor = goalAnchor.get(ref);
    return {
      period: periodLabel(m.period),
      ...(m.sista_dag ? { deadline: swedishDate(m.sista_dag) } : {}),
      late: m.försenad,
      namnd: m.nämnd_namn,
      goal: m.mål_titel,
      ...(anchor ? { goalAnchor: anchor } : {}),
      ...(m.indikator_namn ? { indicator: m.indikator_namn } : {}),
    };
  });

  const groups = strategies.flatMap((s, i) => s.groups.map((g, j) => ({ view: g, counts: report.strategier[i]!.grupper[j]!.antal })));

  return {
    ...yearEntry(report),
    dateText: swedishDate(report.idag),
    partialShare: `${swedishNumber(share * 100)} procent`,
    periods: report.perioder.map((p) => ({
      id: p.id,
      label: periodLabel(p.id),
      name: p.namn,
      ...(p.sista_dag ? { deadline: { iso: p.sista_dag, text: swedishDate(p.sista_dag) } } : {}),
      passed: p.passerad,
    })),
    errors: report.kontroll.fel,
    byArea: report.perioder.map((p) => ({ period: periodLabel(p.id), rows: groups.map((g) => countRow(g.view.title, g.counts, p.id, `#${g.view.anchor}`)) })),
    byNamnd: report.perioder.map((p) => ({
      period: periodLabel(p.id),
      rows: report.nämnder.map((n, i) => countRow(n.namn, n.antal, p.id, `#${namnder[i]!.anchor}`)),
    })),
    strategies,
    namnder,
    unlinked: report.okopplade.map((ref) => {
      const g = goals.get(ref)!;
      return { title: g.titel, anchor: goalAnchor.get(ref)!, namnd: g.nämnd_namn };
    }),
    missing,
  };
}

function groupSummary(goalCount: number, counts: PeriodCounts, report: FollowupReport): string {
  if (!goalCount) return 'Inget nämndmål bidrar till fokusområdet.';
  const head = goalCount === 1 ? '1 nämndmål bidrar.' : `${goalCount} nämndmål bidrar.`;
  const periods = report.perioder.map((p) => {
    const c = counts[p.id];
    const parts = STATUSES.filter((s) => c?.[s]).map((s) => `${c![s]} ${s}`);
    return `${periodLabel(p.id)}: ${parts.join(', ') || 'inga mål'}.`;
  });
  return [head, ...periods].join(' ');
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

/** An id part made of [a-z0-9-] only, whatever a clerk typed. */
function safe(id: string): string {
  return id.toLowerCase().replace(/[^a-z0-9-]+/g, '-') || 'x';
}
