import type { GoalEntry, Target } from '../corpus/corpus.js';
import type { IsoDate } from '../corpus/dates.js';
import { inForceDuring } from '../corpus/status.js';
import type { CheckedProject } from '../engine/load-project.js';
import type { Indicator, StyrDocument } from '../model/document.js';
import { koladaKey, type KoladaIndex } from './kolada.js';
import { goalsOfYear, isOverdue, periodsOf, type PeriodType, type ReportPeriod } from './periods.js';
import { countStatuses, DEFAULT_PARTIAL_SHARE, forecastOf, goalStatus, indicatorStatus, type AssessedStatus, type FollowupStatus, type StatusCounts } from './status.js';

/** Status counts per period id, e.g. `{"2026-delår": {"uppnått": 2, …}}`. */
export type PeriodCounts = Record<string, StatusCounts>;

export interface FollowupReport {
  kommun: string;
  år: number;
  /** The day the report was compiled for: decides which deadlines have passed. */
  idag: IsoDate;
  delvis_uppnått_andel: number;
  perioder: (ReportPeriod & { passerad: boolean })[];
  /** Findings of the check the report was compiled from. */
  kontroll: { fel: number; varningar: number };
  /** Every goal of the year counted once. */
  totalt: PeriodCounts;
  strategier: StrategyReport[];
  nämnder: NamndReport[];
  /** Every goal of the year's verksamhetsplaner, nämnd by nämnd in config order; the lists above refer here by `ref`. */
  mål: GoalReport[];
  /** Refs of goals that contribute to none of the strategies' targets. */
  okopplade: string[];
  /** Indicators with no outcome for a period, and goals without indicators with no bedömning for it. */
  saknade: MissingReport[];
  /** The nämnd a nämnd's own report is for; absent in the stadsgemensam rapport. */
  nämnd?: { id: string; namn: string };
}

export interface StrategyReport {
  id: string;
  titel: string;
  fil: string;
  /** The övergripande inriktning first (if any), then the fokusområden, in the strategy's order. */
  grupper: TargetGroup[];
}

export interface TargetGroup {
  id: string;
  typ: 'inriktning' | 'fokusområde';
  rubrik: string;
  avsnitt?: string;
  /** The fokusområde itself first, then its delområden; or the inriktning's points. */
  mål_i_strategin: TargetReport[];
  /** Distinct goals contributing to any target in the group. */
  mål: string[];
  antal: PeriodCounts;
}

export interface TargetReport {
  ref: string;
  id: string;
  typ: Target['kind'];
  rubrik: string;
  /** Refs of the goals that name this target under bidrar_till. */
  mål: string[];
}

export interface NamndReport {
  id: string;
  namn: string;
  mål: string[];
  antal: PeriodCounts;
}

export interface GoalReport {
  ref: string;
  id: string;
  titel: string;
  nämnd: string;
  nämnd_namn: string;
  plan: string;
  fil: string;
  rad: number;
  bidrar_till: string[];
  /** Derived from the indicators' outcomes; for a goal without indicators, the nämnd's bedömning. */
  status: Record<string, FollowupStatus>;
  indikatorer: IndicatorReport[];
  /** The nämnd's own assessment per period id, where it gave one (the first for a period). */
  bedömning: Record<string, AssessmentReport>;
}

/** A nämnd's assessment of a goal in one period, as in its delårsrapport or årsredovisning. */
export interface AssessmentReport {
  status: AssessedStatus;
  motivering: string;
  åtgärder?: string;
  /** For a goal with indicators: the status they give, when it is not the nämnd's. */
  indikatorernas_status?: FollowupStatus;
}

export interface IndicatorReport {
  id: string;
  namn: string;
  enhet: string;
  riktning: Indicator['riktning'];
  utgångsvärde?: { år: number; värde: number };
  målvärde: number;
  kolada?: string;
  rad: number;
  utfall: Record<string, OutcomeReport>;
  /** Outcomes for earlier years written in the same plan, oldest first: for trend charts. */
  tidigare: { period: string; värde: number; prognos?: number }[];
}

export interface OutcomeReport {
  status: FollowupStatus;
  värde?: number;
  källa?: 'verksamhetsplan' | 'kolada';
  /** The Kolada file the value came from. */
  kolada_fil?: string;
  kommentar?: string;
  /** Share of the way from utgångsvärde to målvärde (1 = at the target); of the prognos, when there is one. */
  andel?: number;
  /** A delår's forecast for the whole year: when given, the delår's status is judged on it, not on värde. */
  prognos?: number;
}

export interface MissingReport {
  period: string;
  sista_dag?: IsoDate;
  /** The deadline has passed. */
  försenad: boolean;
  nämnd: string;
  nämnd_namn: string;
  mål: string;
  mål_titel: string;
  /** Absent when the goal has no indicator at all (and no bedömning for the period). */
  indikator?: string;
  indikator_namn?: string;
  fil: string;
  rad: number;
}

export interface ReportOptions {
  /** Narrow the year to one period type (`--period 2026-delår`). */
  periodTyp?: PeriodType;
  kolada?: KoladaIndex;
  /** One nämnd's report (`--namnd`): its goals only, and the strategies' targets they contribute to. */
  namnd?: string;
}

/** The stadsgemensam rapport as data: a pure function of the checked project, the year and the Kolada figures. */
export function buildReport(project: CheckedProject, year: number, options: ReportOptions = {}): FollowupReport {
  const { config, corpus, today } = project;
  const share = config.data.uppföljning?.delvis_uppnått_andel ?? DEFAULT_PARTIAL_SHARE;
  const periods = periodsOf(config, year).filter((p) => !options.periodTyp || p.typ === options.periodTyp);
  const organOrder = new Map(config.data.organ.map((o, i) => [o.id, i]));
  const entries = goalsOfYear(corpus, year)
    .filter((entry) => options.namnd === undefined || entry.plan.data.nämnd === options.namnd)
    .map((entry, i) => ({ entry, i }))
    .sort((a, b) => (organOrder.get(a.entry.plan.data.nämnd) ?? Infinity) - (organOrder.get(b.entry.plan.data.nämnd) ?? Infinity) || a.i - b.i)
    .map(({ entry }) => entry);

  const goals = entries.map((entry) => goalReport(entry, periods, share, options.kolada, config.nameOf(entry.plan.data.nämnd)));
  const byRef = new Map(goals.map((g) => [g.ref, g]));
  const count = (refs: string[]): PeriodCounts =>
    Object.fromEntries(periods.map((p) => [p.id, countStatuses(refs.map((ref) => byRef.get(ref)!.status[p.id]!))]));

  const strategies = corpus.documents
    .filter((doc) => config.typeRules(doc.data.dokumenttyp)?.har_mål && inForceDuring(doc, `${year}-01-01`, `${year}-12-31`, corpus))
    .map((doc) => strategyReport(doc, corpus.targetsOf.get(doc) ?? [], goals, count))
    // A nämnd's report shows what its goals contribute to: the targets no goal of it names are other nämnders' matter.
    .map((strategy) => (options.namnd === undefined ? strategy : onlyContributed(strategy)))
    .filter((strategy) => options.namnd === undefined || strategy.grupper.length);
  const linked = new Set(strategies.flatMap((s) => s.grupper.flatMap((g) => g.mål)));

  const namnder = new Map<string, NamndReport>();
  for (const goal of goals) {
    const n = namnder.get(goal.nämnd) ?? { id: goal.nämnd, namn: goal.nämnd_namn, mål: [], antal: {} };
    n.mål.push(goal.ref);
    namnder.set(goal.nämnd, n);
  }
  for (const n of namnder.values()) n.antal = count(n.mål);

  const errors = project.diagnostics.filter((d) => d.severity === 'error').length;
  return {
    kommun: config.data.kommun,
    år: year,
    idag: today,
    delvis_uppnått_andel: share,
    perioder: periods.map((p) => ({ ...p, passerad: isOverdue(p, today) })),
    kontroll: { fel: errors, varningar: project.diagnostics.length - errors },
    totalt: count(goals.map((g) => g.ref)),
    strategier: strategies,
    nämnder: [...namnder.values()],
    mål: goals,
    okopplade: goals.filter((g) => !linked.has(g.ref)).map((g) => g.ref),
    saknade: missing(goals, periods, today),
    ...(options.namnd === undefined ? {} : { nämnd: { id: options.namnd, namn: config.nameOf(options.namnd) } }),
  };
}

/** The strategy with only the targets some goal contributes to, and the groups that have any. */
function onlyContributed(strategy: StrategyReport): StrategyReport {
  const grupper = strategy.grupper
    .filter((group) => group.mål.length)
    .map((group) => ({ ...group, mål_i_strategin: group.mål_i_strategin.filter((target) => target.mål.length) }));
  return { ...strategy, grupper };
}

function goalReport(entry: GoalEntry, periods: ReportPeriod[], share: number, kolada: KoladaIndex | undefined, nämndNamn: string): GoalReport {
  const { plan, goal, path } = entry;
  const indicators = (goal.indikatorer ?? []).map((ind, j): IndicatorReport => {
    const utfall: Record<string, OutcomeReport> = {};
    for (const p of periods) utfall[p.id] = outcome(ind, p, share, kolada);
    const tidigare = (ind.utfall ?? [])
      .filter((u) => Number(u.period.slice(0, 4)) < plan.data.år)
      .map((u) => {
        const prognos = forecastOf(u);
        return { period: u.period, värde: u.värde, ...(prognos !== undefined ? { prognos } : {}) };
      })
      .sort((a, b) => a.period.localeCompare(b.period));
    return {
      id: ind.id,
      namn: ind.namn,
      enhet: ind.enhet,
      riktning: ind.riktning,
      ...(ind.utgångsvärde ? { utgångsvärde: ind.utgångsvärde } : {}),
      målvärde: ind.målvärde,
      ...(ind.kolada ? { kolada: ind.kolada } : {}),
      rad: plan.locate([...path, 'indikatorer', j, 'id']).start.line,
      utfall,
      tidigare,
    };
  });
  const bedömning: Record<string, AssessmentReport> = {};
  for (const p of periods) {
    const given = goal.bedömning?.find((b) => b.period === p.id);
    if (given) bedömning[p.id] = { status: given.status, motivering: given.motivering, ...(given.åtgärder ? { åtgärder: given.åtgärder } : {}) };
  }
  // Figures decide where there are any; a goal measured by no indicator has only the nämnd's word.
  const status: Record<string, FollowupStatus> = {};
  for (const p of periods) {
    const assessed = bedömning[p.id];
    if (!indicators.length) {
      status[p.id] = assessed?.status ?? 'ej rapporterat';
      continue;
    }
    status[p.id] = goalStatus(indicators.map((ind) => ind.utfall[p.id]!.status));
    if (assessed && assessed.status !== status[p.id]) assessed.indikatorernas_status = status[p.id];
  }
  return {
    ref: entry.ref,
    id: goal.id,
    titel: goal.titel,
    nämnd: plan.data.nämnd,
    nämnd_namn: nämndNamn,
    plan: plan.data.id,
    fil: plan.file,
    rad: plan.locate([...path, 'id']).start.line,
    bidrar_till: goal.bidrar_till ?? [],
    status,
    indikatorer: indicators,
    bedömning,
  };
}

/**
 * The hand-entered outcome wins (the first one for the period); Kolada only fills an empty helår. A delår
 * with a prognos is judged on the prognos, as a delårsrapport judges whether the year's målvärde will be met:
 * an indicator counted over the year (antal) is far from its målvärde in August even when on course.
 */
function outcome(ind: Indicator, period: ReportPeriod, share: number, kolada: KoladaIndex | undefined): OutcomeReport {
  const hand = ind.utfall?.find((u) => u.period === period.id);
  const imported = !hand && period.typ === 'helår' && ind.kolada ? kolada?.get(koladaKey(ind.kolada, period.år)) : undefined;
  const value = hand?.värde ?? imported?.value;
  const prognos = hand ? forecastOf(hand) : undefined;
  const { status, andel } = indicatorStatus(ind, prognos ?? value, share);
  if (value === undefined) return { status };
  return {
    status,
    värde: value,
    ...(prognos !== undefined ? { prognos } : {}),
    källa: hand ? 'verksamhetsplan' : 'kolada',
    ...(imported ? { kolada_fil: imported.file } : {}),
    ...(hand?.kommentar ? { kommentar: hand.kommentar } : {}),
    ...(andel !== undefined ? { andel } : {}),
  };
}

function strategyReport(doc: StyrDocument, targets: Target[], goals: GoalReport[], count: (refs: string[]) => PeriodCounts): StrategyReport {
  const contributors = (ref: string) => goals.filter((g) => g.bidrar_till.includes(ref)).map((g) => g.ref);
  const toTarget = (t: Target): TargetReport => ({ ref: t.ref, id: t.id, typ: t.kind, rubrik: t.title, mål: contributors(t.ref) });
  const group = (id: string, typ: TargetGroup['typ'], rubrik: string, members: Target[], avsnitt?: string): TargetGroup => {
    const list = members.map(toTarget);
    const mål = [...new Set(list.flatMap((t) => t.mål))];
    return { id, typ, rubrik, ...(avsnitt ? { avsnitt } : {}), mål_i_strategin: list, mål, antal: count(mål) };
  };
  const grupper: TargetGroup[] = [];
  const points = targets.filter((t) => t.kind === 'inriktning');
  if (points.length) grupper.push(group('inriktning', 'inriktning', 'Övergripande inriktning', points));
  const areas = (doc.data as { fokusområden?: { id: string; avsnitt?: string }[] }).fokusområden ?? [];
  for (const area of targets.filter((t) => t.kind === 'fokusområde')) {
    const avsnitt = areas.find((a) => a.id === area.id)?.avsnitt;
    grupper.push(group(area.id, 'fokusområde', area.title, [area, ...targets.filter((t) => t.parent === area)], avsnitt));
  }
  return { id: doc.data.id, titel: doc.data.titel, fil: doc.file, grupper };
}

function missing(goals: GoalReport[], periods: ReportPeriod[], today: IsoDate): MissingReport[] {
  const out: MissingReport[] = [];
  for (const p of periods) {
    const due = { period: p.id, ...(p.sista_dag ? { sista_dag: p.sista_dag } : {}), försenad: isOverdue(p, today) };
    for (const g of goals) {
      const where = { nämnd: g.nämnd, nämnd_namn: g.nämnd_namn, mål: g.id, mål_titel: g.titel, fil: g.fil };
      if (!g.indikatorer.length && !g.bedömning[p.id]) out.push({ ...due, ...where, rad: g.rad });
      for (const ind of g.indikatorer) {
        if (ind.utfall[p.id]?.status === 'ej rapporterat') out.push({ ...due, ...where, indikator: ind.id, indikator_namn: ind.namn, rad: ind.rad });
      }
    }
  }
  return out;
}
