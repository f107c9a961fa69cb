import type { StyrDocument } from '../model/document.js';
import type { Corpus } from './corpus.js';
import { addDays, type IsoDate } from './dates.js';

export type DocumentStatus =
  | { kind: 'utkast' }
  | { kind: 'kommande'; from: IsoDate }
  | { kind: 'gällande'; until?: IsoDate }
  | { kind: 'upphört'; on: IsoDate }
  | { kind: 'ersatt'; on: IsoDate; by: StyrDocument }
  | { kind: 'upphävd'; on: IsoDate };

export interface Validity {
  from: IsoDate;
  /** Last day in force; undefined for "tills vidare". */
  to?: IsoDate;
}

/** When a decided document is valid by its own facts; undefined for a draft. */
/** The statuses of a document that no longer applies: it ran out, was replaced or was repealed. */
export const ENDED_STATUSES: ReadonlySet<DocumentStatus['kind']> = new Set(['upphört', 'ersatt', 'upphävd']);

export function validityOf(doc: StyrDocument): Validity | undefined {
  const { data } = doc;
  if (!data.beslut) return undefined;
  const range = data.giltighetstid;
  if (data.dokumenttyp === 'verksamhetsplan' && !range) return { from: `${data.år}-01-01`, to: `${data.år}-12-31` };
  const from = range?.från ?? data.beslut.datum;
  const to = range && range.till !== 'tills vidare' ? range.till : undefined;
  return to ? { from, to } : { from };
}

/**
 * Whether a document is in force on `date`, derived from its facts and never typed by hand: a draft has no
 * decision; it ends when its validity ends, when a decided document replaces it, or when a decision repeals it.
 * The single answer every rule, report and page uses.
 */
export function statusOn(doc: StyrDocument, date: IsoDate, corpus: Corpus): DocumentStatus {
  const validity = validityOf(doc);
  if (!validity) return { kind: 'utkast' };
  const repeal = doc.data.upphävd?.datum;
  if (repeal && repeal <= date) return { kind: 'upphävd', on: repeal };
  const replacement = replacementOf(doc, corpus);
  if (replacement && replacement.on <= date) return { kind: 'ersatt', ...replacement };
  if (validity.to && validity.to < date) return { kind: 'upphört', on: validity.to };
  if (validity.from > date) return { kind: 'kommande', from: validity.from };
  return validity.to ? { kind: 'gällande', until: validity.to } : { kind: 'gällande' };
}

export function inForce(doc: StyrDocument, date: IsoDate, corpus: Corpus): boolean {
  return statusOn(doc, date, corpus).kind === 'gällande';
}

/** The earliest decided document that replaces this one, and the day it took over. */
export function replacementOf(doc: StyrDocument, corpus: Corpus): { on: IsoDate; by: StyrDocument } | undefined {
  let best: { on: IsoDate; by: StyrDocument } | undefined;
  for (const by of corpus.replacedBy.get(doc.data.id) ?? []) {
    if (by === doc) continue;
    const validity = validityOf(by);
    if (validity && (!best || validity.from < best.on)) best = { on: validity.from, by };
  }
  return best;
}

/** Whether the document is in force at any time within [from, to]. */
export function inForceDuring(doc: StyrDocument, from: IsoDate, to: IsoDate, corpus: Corpus): boolean {
  const validity = validityOf(doc);
  if (!validity) return false;
  // Last day in force: the end of validity, or the day before a repeal or replacement took effect.
  const stops = [doc.data.upphävd?.datum, replacementOf(doc, corpus)?.on].filter((d): d is string => !!d).map((d) => addDays(d, -1));
  const end = [validity.to, ...stops].filter((d): d is string => !!d).sort()[0];
  return validity.from <= to && (!end || end >= from);
}
