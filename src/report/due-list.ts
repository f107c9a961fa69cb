import type { Config } from '../config/config.js';
import type { Corpus } from '../corpus/corpus.js';
import { addDays, swedishDate, type IsoDate } from '../corpus/dates.js';
import { revisionState } from '../corpus/revision.js';
import { statusOn } from '../corpus/status.js';
import type { StyrDocument } from '../model/document.js';

/**
 * What the kommun has to decide about a document in force, and by when: the förvaltning's work plan, from the
 * same facts the rules `validity` and `revision` judge one day at a time.
 */
export interface DueItem {
  /** The last day for the decision: the document's last day in force, or the revision's deadline. */
  by: IsoDate;
  kind: 'slutar-gälla' | 'revision';
  /**
   * The day has passed and no decision is recorded. Only a revision can be late: a document past its last day
   * is no longer in force.
   */
  late: boolean;
  /** What is to be decided, in Swedish: said as a fact, for the förvaltning and for residents alike. */
  what: string;
  document: StyrDocument;
}

/** Every decision due by `until` (the late ones too), the earliest first. */
export function dueItems(corpus: Corpus, config: Config, today: IsoDate, until: IsoDate): DueItem[] {
  const items = corpus.documents.flatMap((document) => {
    const status = statusOn(document, today, corpus);
    if (status.kind !== 'gällande') return [];
    return [endOf(document, status.until, corpus, until), revisionOf(document, corpus, config, today, until)].filter((item): item is DueItem => item !== undefined);
  });
  return items.sort((a, b) => a.by.localeCompare(b.by) || a.document.data.id.localeCompare(b.document.data.id) || a.kind.localeCompare(b.kind));
}

/**
 * A document in force whose giltighetstid (last day `lastDay`) runs out by `until`, with nothing decided to
 * take its place: it needs an extension, a successor or a decision to let it lapse. A year's verksamhetsplan
 * is left out: it simply ends, and the next year's is a document of its own.
 */
function endOf(document: StyrDocument, lastDay: IsoDate | undefined, corpus: Corpus, until: IsoDate): DueItem | undefined {
  if (!lastDay || lastDay > until || document.data.dokumenttyp === 'verksamhetsplan') return undefined;
  // Replaced or repealed by then through a decision already taken: nothing left to decide.
  if (statusOn(document, addDays(lastDay, 1), corpus).kind !== 'upphört') return undefined;
  return {
    by: lastDay,
    kind: 'slutar-gälla',
    late: false,
    what: `Slutar gälla ${swedishDate(lastDay)}. Ett beslut behövs om förlängning, ett nytt dokument eller att det får upphöra.`,
    document,
  };
}

/**
 * A revision that falls due by `until`: a new mandatperiod that has begun or begins by then, or a revisionsdatum
 * by then; unless the document ends before it.
 */
function revisionOf(document: StyrDocument, corpus: Corpus, config: Config, today: IsoDate, until: IsoDate): DueItem | undefined {
  const now = revisionState(document, today, config);
  // As the rule sees it today, or else as it will on the day after the period asked about.
  const state = now.kind !== 'ok' ? now : revisionState(document, addDays(until, 1), config);
  if (state.kind === 'ok') return undefined;
  const by = state.kind === 'due' ? state.deadline : state.since;
  const begins = state.kind === 'due' ? state.since : by;
  if (begins > until || statusOn(document, begins < today ? today : begins, corpus).kind !== 'gällande') return undefined;
  const late = by < today;
  const period = state.period ?? '';
  const what =
    state.kind === 'overdue' && state.reason === 'date'
      ? `Revisionsdatumet ${swedishDate(by)}${late ? ' har passerat' : ''}: dokumentet ska revideras eller få ett nytt revisionsdatum.`
      : late
        ? `Skulle ha reviderats under mandatperioden ${period}; fristen gick ut ${swedishDate(by)}.`
        : `Ska revideras under mandatperioden ${period}${state.kind === 'due' ? `, som ${state.since <= today ? 'började' : 'börjar'} ${swedishDate(state.since)}` : ''}.`;
  return { by, kind: 'revision', late, what, document };
}
