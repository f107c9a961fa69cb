/**
 * Uppföljning on the site: the stadsgemensam rapport (src/followup/report-model.ts) for each year that has
 * verksamhetsplaner, laid out for a resident. The year's page sums up per focus area and per nämnd, lists
 * the nämnder's goals per strategy target and the missing reports, and links to a page per nämnd
 * (followup-namnd-view.ts) with the goals' indicators, outcomes against the målvärde, comments and charts.
 */
import { swedishDate } from '../corpus/dates.js';
import { parsePeriod } from '../followup/periods.js';
import type { FollowupReport, GoalReport, MissingReport, PeriodCounts } from '../followup/report-model.js';
import { STATUSES, DEFAULT_PARTIAL_SHARE, type AssessedStatus, type FollowupStatus } from '../followup/status.js';
import type { ModelContext } from './context.js';
import { periodText, swedishNumber } from './format.js';

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

export function assessmentView(period: string, a: { status: AssessedStatus; motivering: string; åtgärder?: string }): AssessmentView {
  return { period: periodText(period), status: statusView(a.status), text: a.motivering, ...(a.åtgärder ? { actions: a.åtgärder } : {}) };
}

export interface GroupGoalRow {
  title: string;
  /** The goal's details on its nämnd's page of the year. */
  href: string;
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

export interface MissingRow {
  period: string;
  deadline?: string;
  late: boolean;
  namnd: string;
  goal: string;
  /** The goal's details, on its nämnd's page of the year. */
  goalHref?: string;
  indicator?: string;
}

/** A year as the model holds it, for the overview (/uppfoljning/); its page is drawn by yearPage. */
export interface FollowupYearEntry {
  year: number;
  url: string;
  /** The year's report as a CSV file for spreadsheets, in the open data. */
  csvUrl: string;
  /** The page's heading, also its <title>. */
  title: string;
  summary: string;
  goalCount: number;
  lateCount: number;
  total: CountRow[];
}

/** A nämnd's page of a year, as the model holds it; the page itself is drawn by namndPage. */
export interface FollowupNamndEntry {
  year: number;
  /** The nämnd's id. */
  namnd: string;
  /** The nämnd's name. */
  name: string;
  url: string;
  /** The page's heading, also its <title>. */
  title: string;
  summary: string;
  goalCount: number;
  indicatorCount: number;
  lateCount: number;
}

export interface FollowupYear extends FollowupYearEntry {
  dateText: string;
  partialShare: string;
  periods: PeriodView[];
  errors: number;
  byArea: CountTable[];
  byNamnd: CountTable[];
  strategies: FollowupStrategy[];
  /** The nämnder's pages of the year, where their goals are followed up indicator by indicator. */
  namnder: FollowupNamndEntry[];
  unlinked: { title: string; href: string; namnd: string }[];
  missing: MissingRow[];
}

export interface FollowupSite {
  /** Newest year first. */
  years: FollowupYearEntry[];
  /** Every nämnd's page of every year, year by year as `years`, the nämnder in config order. */
  namndPages: FollowupNamndEntry[];
  statusLabels: string[];
}

const STATUS_CSS: Record<FollowupStatus, StatusView['css']> = {
  uppnått: 'uppnatt',
  'delvis uppnått': 'delvis',
  'ej uppnått': 'ej-uppnatt',
  'ej rapporterat': 'ej-rapporterat',
};

export const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
export const statusView = (s: FollowupStatus): StatusView => ({ label: capital(s), css: STATUS_CSS[s] });

/** "2026-delår" → "Delår 2026"; ["Delår", "2026"] for a chart's axis. */
export function periodParts(id: string): [string, string] {
  const parsed = parsePeriod(id);
  return parsed ? [capital(parsed.typ), String(parsed.år)] : [id, ''];
}
export const periodLabel = periodText;

export const isPercent = (unit: string) => unit === 'procent' || unit === '%';
export function withUnit(value: number, unit: string): string {
  return isPercent(unit) ? `${swedishNumber(value)} %` : `${swedishNumber(value)} ${unit}`;
}

export const partialShare = (report: FollowupReport) => report.delvis_uppnått_andel ?? DEFAULT_PARTIAL_SHARE;

/** Where the open data holds a year's report as CSV (load-site.ts writes it). */
export const followupCsvUrl = (year: number) => `/data/uppfoljning-${year}.csv`;

/** What the overview shows of a year, straight from its report. */
export function yearEntry(report: FollowupReport): FollowupYearEntry {
  return {
    year: report.år,
    url: `/uppfoljning/${report.år}/`,
    csvUrl: followupCsvUrl(report.år),
    title: `Uppföljning ${report.år}`,
    summary: `Stadsgemensam uppföljning av nämndernas mål i verksamhetsplanerna för ${report.år}: utfall mot målvärden, status per fokusområde och per nämnd, och de rapporter som saknas.`,
    goalCount: report.mål.length,
    lateCount: report.saknade.filter((m) => m.försenad).length,
    total: report.perioder.map((p) => countRow(periodLabel(p.id), report.totalt, p.id)),
  };
}

/** What the pages of one year look up, made once for the year's page and all its nämnder's. */
export interface YearIndex {
  report: FollowupReport;
  goals: Map<string, GoalReport>;
  /** Each goal's anchor, by ref (goalAnchors). */
  anchors: Map<string, string>;
  namnder: FollowupNamndEntry[];
  /** The year's missing reports, by nämnd id. */
  missing: Map<string, MissingReport[]>;
  /** A goal's ref by its id, nämnd and file: how a missing report names its goal. */
  refOf: Map<string, string>;
}

const missingKey = (id: string, namnd: string, file: string) => `${id}\n${namnd}\n${file}`;

export function yearIndex(report: FollowupReport, ctx: ModelContext): YearIndex {
  const goals = new Map(report.mål.map((g) => [g.ref, g]));
  const missing = new Map<string, MissingReport[]>();
  for (const m of report.saknade) (missing.get(m.nämnd) ?? missing.set(m.nämnd, []).get(m.nämnd)!).push(m);
  const refOf = new Map<string, string>();
  for (const g of report.mål) {
    const key = missingKey(g.id, g.nämnd, g.fil);
    if (!refOf.has(key)) refOf.set(key, g.ref);
  }
  return { report, goals, anchors: goalAnchors(report), namnder: namndEntries(report, ctx, goals, missing), missing, refOf };
}

/** The pages of the year's nämnder, from its report and the year's missing reports by nämnd. */
function namndEntries(report: FollowupReport, ctx: ModelContext, goals: Map<string, GoalReport>, missing: Map<string, MissingReport[]>): FollowupNamndEntry[] {
  return report.nämnder.map((n) => ({
    year: report.år,
    namnd: n.id,
    name: n.namn,
    url: `/uppfoljning/${report.år}/${ctx.namndSlug(n.id)}/`,
    title: `Uppföljning ${report.år}: ${n.namn}`,
    summary: `Uppföljning ${report.år} av målen i verksamhetsplanen för ${n.namn}: indikatorer med utfall mot målvärden, status och nämndens bedömningar.`,
    goalCount: n.mål.length,
    indicatorCount: n.mål.reduce((sum, ref) => sum + (goals.get(ref)?.indikatorer.length ?? 0), 0),
    lateCount: (missing.get(n.id) ?? []).filter((m) => m.försenad).length,
  }));
}

/** One row of a count table: the goals per status in a period. */
export function countRow(label: string, counts: PeriodCounts, period: string, url?: string): CountRow {
  const c = counts[period];
  const values = STATUSES.map((s) => c?.[s] ?? 0);
  return { label, ...(url ? { url } : {}), counts: values, total: values.reduce((a, b) => a + b, 0) };
}

export function periodViews(report: FollowupReport): PeriodView[] {
  return report.perioder.map((p) => ({
    id: p.id,
    label: periodLabel(p.id),
    name: p.namn,
    ...(p.sista_dag ? { deadline: { iso: p.sista_dag, text: swedishDate(p.sista_dag) } } : {}),
    passed: p.passerad,
  }));
}

export function statusCells(g: GoalReport, report: FollowupReport): StatusCell[] {
  return report.perioder.map((p) => ({ period: periodLabel(p.id), status: statusView(g.status[p.id] ?? 'ej rapporterat') }));
}

/**
 * The anchor of each goal of the year (by ref), unique over the year: the year's page links to a goal on its
 * nämnd's page by it, and a goal's anchor stays the same whichever page it is drawn on.
 */
function goalAnchors(report: FollowupReport): Map<string, string> {
  const unique = anchorMaker();
  return new Map(report.mål.map((g) => [g.ref, unique(`uppf-${safe(g.plan)}--${safe(g.id)}`)]));
}

/** Gives each base an anchor no earlier call (nor `taken`) has given: the base, else base-2, base-3 … */
export function anchorMaker(taken: Iterable<string> = []): (base: string) => string {
  const given = new Set(taken);
  return (base) => {
    let anchor = base;
    for (let i = 2; given.has(anchor); i++) anchor = `${base}-${i}`;
    given.add(anchor);
    return anchor;
  };
}

/**
 * The indicators without an outcome and the goals without a bedömning, of the whole year or of one nämnd;
 * `goalHref` is where a row's goal is read about.
 */
export function missingRows(year: YearIndex, goalHref: (namnd: string, anchor: string) => string, namnd?: string): MissingRow[] {
  const rows = namnd === undefined ? year.report.saknade : (year.missing.get(namnd) ?? []);
  return rows.map((m) => {
    const anchor = year.anchors.get(year.refOf.get(missingKey(m.mål, m.nämnd, m.fil)) ?? '');
    return {
      period: periodLabel(m.period),
      ...(m.sista_dag ? { deadline: swedishDate(m.sista_dag) } : {}),
      late: m.försenad,
      namnd: m.nämnd_namn,
      goal: m.mål_titel,
      ...(anchor ? { goalHref: goalHref(m.nämnd, anchor) } : {}),
      ...(m.indikator_namn ? { indicator: m.indikator_namn } : {}),
    };
  });
}

/** The year's page: the city-wide summary, the goals per strategy target, and links to the nämnder's pages. */
export function followupYear(year: YearIndex, ctx: ModelContext): FollowupYear {
  const { corpus } = ctx.project;
  const { report, goals, anchors, namnder } = year;
  const pageOf = new Map(namnder.map((n) => [n.namnd, n.url]));
  const goalHref = (namnd: string, anchor: string) => `${pageOf.get(namnd) ?? ''}#${anchor}`;
  const hrefOf = (ref: string) => goalHref(goals.get(ref)!.nämnd, anchors.get(ref)!);
  const unique = anchorMaker(anchors.values());

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
            href: hrefOf(ref),
            namnd: g.nämnd_namn,
            targets: group.mål_i_strategin.filter((t) => t.mål.includes(ref) && inGroup.has(t.ref)).map((t) => t.rubrik),
            statuses: statusCells(g, report),
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

  const groups = strategies.flatMap((s, i) => s.groups.map((g, j) => ({ view: g, counts: report.strategier[i]!.grupper[j]!.antal })));

  return {
    ...yearEntry(report),
    dateText: swedishDate(report.idag),
    partialShare: `${swedishNumber(partialShare(report) * 100)} procent`,
    periods: periodViews(report),
    errors: report.kontroll.fel,
    byArea: report.perioder.map((p) => ({ period: periodLabel(p.id), rows: groups.map((g) => countRow(g.view.title, g.counts, p.id, `#${g.view.anchor}`)) })),
    byNamnd: report.perioder.map((p) => ({
      period: periodLabel(p.id),
      rows: report.nämnder.map((n, i) => countRow(n.namn, n.antal, p.id, namnder[i]!.url)),
    })),
    strategies,
    namnder,
    unlinked: report.okopplade.map((ref) => {
      const g = goals.get(ref)!;
      return { title: g.titel, href: hrefOf(ref), namnd: g.nämnd_namn };
    }),
    missing: missingRows(year, goalHref),
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

/** An id part made of [a-z0-9-] only, whatever a clerk typed. */
export function safe(id: string): string {
  return id.toLowerCase().replace(/[^a-z0-9-]+/g, '-') || 'x';
}
