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
  const { revisionsdatum, beslut } = doc.data;
  if (!beslut || !revisionsdatum) return { kind: 'ok' };
  if (revisionsdatum !== 'ny mandatperiod') {
    return revisionsdatum < today ? { kind: 'overdue', since: revisionsdatum, reason: 'date' } : { kind: 'ok' };
  }
  const current = mandatperiodOn(today, config);
  if (beslut.datum >= current.start) return { kind: 'ok' };
  const deadline = addDays(current.start, config.data.mandatperiod.revision_frist_dagar);
  return today > deadline
    ? { kind: 'overdue', since: deadline, reason: 'mandatperiod', period: current.label }
    : { kind: 'due', since: current.start, deadline, period: current.label };
}
