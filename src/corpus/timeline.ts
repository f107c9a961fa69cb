import type { Config } from '../config/config.js';
import type { StyrDocument } from '../model/document.js';
import type { Corpus } from './corpus.js';
import { addDays, type IsoDate } from './dates.js';
import { inForceOn } from './in-force-on.js';
import { replacementOf, validityOf } from './status.js';

export interface InForcePeriod {
  from: IsoDate;
  /** Last day of the period; undefined for the period that is still open. */
  to?: IsoDate;
  documents: StyrDocument[];
}

/**
 * The corpus's history cut into periods in which the same documents were in force. The set only changes on
 * the days a document starts, ends, is replaced or is repealed, so a static site can answer "what was in force
 * on date D?" with one page per period instead of one per day.
 */
export function inForcePeriods(corpus: Corpus, config: Config): InForcePeriod[] {
  const changes = new Set<IsoDate>();
  for (const doc of corpus.documents) {
    const validity = validityOf(doc);
    if (!validity) continue;
    changes.add(validity.from);
    if (validity.to) changes.add(addDays(validity.to, 1));
    if (doc.data.upphävd) changes.add(doc.data.upphävd.datum);
    const replacement = replacementOf(doc, corpus);
    if (replacement) changes.add(replacement.on);
  }
  const days = [...changes].sort();
  const periods: InForcePeriod[] = [];
  days.forEach((from, i) => {
    const next = days[i + 1];
    const documents = inForceOn(corpus, config, from);
    const period: InForcePeriod = next ? { from, to: addDays(next, -1), documents } : { from, documents };
    const previous = periods.at(-1);
    // Merge neighbours with the same documents (a change day can start and end the same set).
    if (previous && sameDocuments(previous.documents, documents)) {
      if (period.to) previous.to = period.to;
      else delete previous.to;
    } else periods.push(period);
  });
  return periods.filter((p) => p.documents.length > 0);
}

function sameDocuments(a: StyrDocument[], b: StyrDocument[]): boolean {
  return a.length === b.length && a.every((doc, i) => doc === b[i]);
}

/** The period that contains `date`, if any document was in force then. */
export function periodOn(periods: InForcePeriod[], date: IsoDate): InForcePeriod | undefined {
  return periods.find((p) => p.from <= date && (!p.to || date <= p.to));
}
