import { validityOf } from '../corpus/status.js';
import type { CheckedProject } from '../engine/load-project.js';
import type { StyrDocument } from '../model/document.js';
import { listOrder } from './filter-pages.js';
import type { DocSummary } from './types.js';

/** Where the register is published, beside the open data's JSON. */
export const DOCUMENT_REGISTER_URL = '/data/styrdokument.csv';

const HEADER = [
  'Id', 'Dokumenttyp', 'Titel', 'Status', 'Revision', 'Gäller från', 'Gäller till', 'Beslutande organ', 'Beslutsdatum',
  'Paragraf', 'Diarienummer', 'Dokumentansvarig', 'Genomför', 'Ersätter', 'Ersatt av', 'Adress',
];

/**
 * The förteckning över styrdokument as rows for a spreadsheet: one row per document, in the order of "Alla
 * styrdokument", with what a printed document's header says and its status on the site's day. Names, not
 * ids, for organ and förvaltningar; ids for the documents it relates to, as they are in the open data's JSON.
 * From the site model's summaries, one per published document (the first of an id), not made again.
 */
export function documentRegister(summaries: readonly DocSummary[], project: CheckedProject, baseUrl: string): string[][] {
  const { config, corpus } = project;
  const rows = [...summaries].sort(listOrder(config)).map((summary) => ({ summary, doc: corpus.byId.get(summary.id)![0]! }));
  return [
    HEADER,
    ...rows.map(({ doc, summary }) => {
      const { data } = doc;
      const validity = validityOf(doc);
      const ids = (list: readonly (string | StyrDocument)[] | undefined) =>
        [...new Set((list ?? []).map((item) => (typeof item === 'string' ? item : item.data.id)))].join(', ');
      return [
        data.id,
        summary.typeName,
        summary.title,
        summary.status.label,
        summary.revision?.label ?? '',
        validity?.from ?? '',
        validity ? (validity.to ?? 'tills vidare') : '',
        summary.organ.name,
        data.beslut?.datum ?? '',
        data.beslut?.paragraf !== undefined ? String(data.beslut.paragraf) : '',
        data.beslut?.diarienummer ?? '',
        summary.owner.name,
        ids(data.genomför),
        ids(data.ersätter),
        ids(corpus.replacedBy.get(data.id)),
        `${baseUrl}${summary.url}`,
      ];
    }),
  ];
}
