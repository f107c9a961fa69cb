import type { Config } from '../config/config.js';
import type { StyrDocument } from '../model/document.js';
import type { Corpus } from './corpus.js';
import type { IsoDate } from './dates.js';
import { memoOn } from './read-tracking.js';
import { statusOn, type DocumentStatus } from './status.js';

export interface DocumentOnDate {
  document: StyrDocument;
  status: DocumentStatus;
}

/** The corpus in hierarchy order (policy first), then by title: the same for every date, so sorted once. */
function hierarchyOrder(corpus: Corpus, config: Config): StyrDocument[] {
  return memoOn(corpus, config, 'hierarkins ordning', () => {
    const kinds = Object.keys(config.data.dokumenttyper);
    const level = (doc: StyrDocument) => config.typeRules(doc.data.dokumenttyp)?.nivå ?? 99;
    const kindOrder = (doc: StyrDocument) => kinds.indexOf(doc.data.dokumenttyp);
    return [...corpus.documents].sort((a, b) => level(a) - level(b) || kindOrder(a) - kindOrder(b) || a.data.titel.localeCompare(b.data.titel, 'sv'));
  });
}

/** Every document with its status on `date`, in hierarchy order (policy first), then by title. */
export function documentsOn(corpus: Corpus, config: Config, date: IsoDate): DocumentOnDate[] {
  return hierarchyOrder(corpus, config).map((document) => ({ document, status: statusOn(document, date, corpus) }));
}

/** The answer to "which styrdokument were in force on that date?". */
export function inForceOn(corpus: Corpus, config: Config, date: IsoDate): StyrDocument[] {
  return documentsOn(corpus, config, date)
    .filter((entry) => entry.status.kind === 'gällande')
    .map((entry) => entry.document);
}
