import { validityOf } from '../corpus/status.js';
import type { StyrDocument } from '../model/document.js';
import type { ModelContext } from './context.js';
import { listOrder } from './filter-pages.js';

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
 */
export function documentRegister(docs: readonly StyrDocument[], ctx: ModelContext, baseUrl: string): string[][] {
  const { config, corpus } = ctx.project;
  const order = listOrder(config);
  const rows = docs.map((doc) => ({ doc, summary: ctx.summary(doc) })).sort((a, b) => order(a.summary, b.summary));
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
