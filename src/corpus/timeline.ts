import type { Config } from '../config/config.js';
import type { StyrDocument } from '../model/document.js';
import type { Corpus } from './corpus.js';
import { addDays, type IsoDate } from './dates.js';
import { documentsOn } from './in-force-on.js';
import { replacementOf, statusOn, validityOf } from './status.js';

/** Within a coarse period: the part of it a document was in force, when not the whole. */
export interface PartOfPeriod {
  /** First day in force, when after the period's first day. */
  from?: IsoDate;
  /** Last day in force, when before the period's last day. */
  to?: IsoDate;
}

export interface InForcePeriod {
  from: IsoDate;
  /** Last day of the period; undefined for the period that is still open. */
  to?: IsoDate;
  /**
   * The documents in force in the period, in hierarchy order. In an exact period the same on every day; in a
   * coarse one every document in force on some day of it, with `partly` saying which days when not all.
   */
  documents: StyrDocument[];
  /** Set when the period is a month, quarter or year holding several changes (see inForcePeriods). */
  coarse?: { unit: CoarseUnit; partly: Map<StyrDocument, PartOfPeriod> };
}

export type CoarseUnit = 'månad' | 'kvartal' | 'år';

/** The days a document's status can change on: only then is it looked at again. */
function changeDaysOf(doc: StyrDocument, corpus: Corpus): IsoDate[] {
  const validity = validityOf(doc);
  if (!validity) return [];
  const days = [validity.from];
  if (validity.to) days.push(addDays(validity.to, 1));
  if (doc.data.upphävd) days.push(doc.data.upphävd.datum);
  const replacement = replacementOf(doc, corpus);
  if (replacement) days.push(replacement.on);
  return days;
}

/** One change day: the documents that came into force and went out of force on it. */
interface Step {
  day: IsoDate;
  started: StyrDocument[];
  ended: StyrDocument[];
}

/**
 * Each day on which the set of documents in force changed, with what changed. The set only changes on the
 * days a document starts, ends, is replaced or is repealed, and then only for that document, so each
 * document's status is asked on its own change days: linear in the documents, not in documents × days
 * (10,000 documents with 7,000 change days took 57 s asked day by day).
 */
function changeSteps(corpus: Corpus, config: Config): { steps: Step[]; order: StyrDocument[]; periods: number } {
  const byDay = new Map<IsoDate, StyrDocument[]>();
  for (const doc of corpus.documents) {
    for (const day of changeDaysOf(doc, corpus)) (byDay.get(day) ?? byDay.set(day, []).get(day)!).push(doc);
  }
  const days = [...byDay.keys()].sort();
  if (!days.length) return { steps: [], order: [], periods: 0 };
  const first = documentsOn(corpus, config, days[0]!);
  const order = first.map((entry) => entry.document);
  const inForce = new Set(first.filter((entry) => entry.status.kind === 'gällande').map((entry) => entry.document));
  const steps: Step[] = [{ day: days[0]!, started: order.filter((doc) => inForce.has(doc)), ended: [] }];
  // The periods with a document in force, counted without listing them.
  let periods = inForce.size ? 1 : 0;
  for (const day of days.slice(1)) {
    const step: Step = { day, started: [], ended: [] };
    for (const doc of new Set(byDay.get(day))) {
      const now = statusOn(doc, day, corpus).kind === 'gällande';
      if (now && !inForce.has(doc)) (inForce.add(doc), step.started.push(doc));
      else if (!now && inForce.delete(doc)) step.ended.push(doc);
    }
    if (step.started.length || step.ended.length) {
      steps.push(step);
      if (inForce.size) periods++;
    }
  }
  return { steps, order, periods };
}

/** Exact periods: one per change, each with the documents in force on all its days. */
function exactPeriods(steps: Step[], order: StyrDocument[]): InForcePeriod[] {
  const inForce = new Set<StyrDocument>();
  return steps.map((step, i): InForcePeriod => {
    for (const doc of step.ended) inForce.delete(doc);
    for (const doc of step.started) inForce.add(doc);
    const next = steps[i + 1];
    const documents = order.filter((doc) => inForce.has(doc));
    return next ? { from: step.day, to: addDays(next.day, -1), documents } : { from: step.day, documents };
  });
}

const UNITS: { unit: CoarseUnit; key: (day: IsoDate) => string }[] = [
  { unit: 'månad', key: (day) => day.slice(0, 7) },
  { unit: 'kvartal', key: (day) => `${day.slice(0, 4)}-${Math.floor((Number(day.slice(5, 7)) - 1) / 3)}` },
  { unit: 'år', key: (day) => day.slice(0, 4) },
];

/**
 * The changes grouped by month, quarter or year, the finest with at most `maxPeriods` groups (else years):
 * a period per group, from its first change to the day before the next group's, with every document in
 * force on some day of it and, for those not in force all of it, the days they were.
 */
function coarsePeriods(steps: Step[], order: StyrDocument[], maxPeriods: number): InForcePeriod[] {
  const { unit, key } = UNITS.find((u) => new Set(steps.map((s) => u.key(s.day))).size <= maxPeriods) ?? UNITS[UNITS.length - 1]!;
  const groups: Step[][] = [];
  for (const step of steps) {
    const last = groups.at(-1);
    if (last && key(last[0]!.day) === key(step.day)) last.push(step);
    else groups.push([step]);
  }
  const inForce = new Set<StyrDocument>();
  return groups.map((group, g): InForcePeriod => {
    const from = group[0]!.day;
    const nextDay = groups[g + 1]?.[0]?.day;
    // A document starts at most once and ends at most once (draft or coming, in force, ended), so its part of
    // the period is one run of days.
    const seen = new Set<StyrDocument>();
    const partly = new Map<StyrDocument, PartOfPeriod>();
    group.forEach((step, s) => {
      for (const doc of step.ended) {
        inForce.delete(doc);
        if (s > 0) partly.set(doc, { ...partly.get(doc), to: addDays(step.day, -1) });
      }
      for (const doc of step.started) {
        inForce.add(doc);
        if (s > 0) partly.set(doc, { from: step.day });
      }
      for (const doc of s === 0 ? inForce : step.started) seen.add(doc);
    });
    const documents = order.filter((doc) => seen.has(doc));
    const coarse = { unit, partly };
    return nextDay ? { from, to: addDays(nextDay, -1), documents, coarse } : { from, documents, coarse };
  });
}

/**
 * The corpus's history cut into periods in which the same documents were in force, so that a static site
 * can answer "what was in force on date D?" with one page per period instead of one per day. When there
 * are more than `maxPeriods` such periods (a large corpus whose documents start on many different days:
 * 10,000 documents gave 7,000 periods and 25 million rows), the changes are grouped by month, quarter or
 * year instead, each period saying which documents were in force only part of it (InForcePeriod.coarse).
 */
export function inForcePeriods(corpus: Corpus, config: Config, maxPeriods = Infinity): InForcePeriod[] {
  const { steps, order, periods: count } = changeSteps(corpus, config);
  const exact = count <= maxPeriods;
  const periods = exact ? exactPeriods(steps, order) : coarsePeriods(steps, order, maxPeriods);
  return periods.filter((p) => p.documents.length > 0);
}

/** The period that contains `date`, if any document was in force then. */
export function periodOn(periods: InForcePeriod[], date: IsoDate): InForcePeriod | undefined {
  return periods.find((p) => p.from <= date && (!p.to || date <= p.to));
}
