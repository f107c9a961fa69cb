import type { Config } from '../config/config.js';
import type { StyrDocument } from '../model/document.js';
import type { Corpus } from './corpus.js';
import type { IsoDate } from './dates.js';
import { statusOn, type DocumentStatus } from './status.js';

export interface DocumentOnDate {
  document: StyrDocument;
  status: DocumentStatus;
}

/** Every document with its status on `date`, in hierarchy order (policy first), then by title. */
export function documentsOn(corpus: Corpus, config: Config, date: IsoDate): DocumentOnDate[] {
  const kinds = Object.keys(config.data.dokumenttyper);
  const level = (doc: StyrDocument) => config.typeRules(doc.data.dokumenttyp)?.nivå ?? 99;
  const kindOrder = (doc: StyrDocument) => kinds.indexOf(doc.data.dokumenttyp);
  return corpus.documents
    .map((document) => ({ document, status: statusOn(document, date, corpus) }))
    .sort(
      (a, b) =>
        level(a.document) - level(b.document) ||
        kindOrder(a.document) - kindOrder(b.document) ||
        a.document.data.titel.localeCompare(b.document.data.titel, 'sv'),
    );
}

/** The answer to "which styrdokument were in force on that date?". */
export function inForceOn(corpus: Corpus, config: Config, date: IsoDate): StyrDocument[] {
  return documentsOn(corpus, config, date)
    .filter((entry) => entry.status.kind === 'gällande')
    .map((entry) => entry.document);
}
