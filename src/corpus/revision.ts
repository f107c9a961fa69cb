import type { Config } from '../config/config.js';
import type { StyrDocument } from '../model/document.js';
import { addDays, type IsoDate } from './dates.js';
import { mandatperiodOn } from './mandatperiod.js';

export type RevisionState =
  | { kind: 'ok' }
  /** A new mandatperiod began after the decision: the revision is due, not yet late. */
  | { kind: 'due'; since: IsoDate; deadline: IsoDate; period: string }
  | { kind: 'overdue'; since: IsoDate; reason: 'mandatperiod' | 'date'; period?: string };

/** Whether a document in force should have been revised by `today`, per its revisionsdatum and the election cycle. */
export function revisionState(doc: StyrDocument, today: IsoDate, config: Config): RevisionState {
  const { beslut } = doc.data;
  // A type revised every mandatperiod (config) needs no revisionsdatum of its own to be checked.
  const byType = config.typeRules(doc.data.dokumenttyp)?.revision === 'ny_mandatperiod' ? 'ny mandatperiod' : undefined;
  const revisionsdatum = doc.data.revisionsdatum ?? byType;
  if (!beslut || !revisionsdatum) return { kind: 'ok' };
  if (revisionsdatum !== 'ny mandatperiod') {
    return revisionsdatum < today ? { kind: 'overdue', since: revisionsdatum, reason: 'date' } : { kind: 'ok' };
  }
  // The first mandatperiod after the decision is the one the revision belongs to; a revision missed then
  // stays overdue through every later period.
  const next = mandatperiodOn(addDays(mandatperiodOn(beslut.datum, config).end, 1), config);
  if (today < next.start) return { kind: 'ok' };
  const deadline = addDays(next.start, config.data.mandatperiod.revision_frist_dagar);
  return today > deadline
    ? { kind: 'overdue', since: deadline, reason: 'mandatperiod', period: next.label }
    : { kind: 'due', since: next.start, deadline, period: next.label };
}
