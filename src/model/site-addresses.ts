/**
 * The addresses the site gives its lists of documents, beside the documents' own pages at /dokument/<id>/.
 * Kept here, not in the site, because the check refuses a document id that would take one of them (rule
 * references): /dokument/organ/ would be both a document and the list of organs, and one would be lost.
 */

/** The folders under /dokument/ of the filtered lists, and what each lists, in Swedish. */
export const DOCUMENT_LIST_FOLDERS = {
  typ: 'listorna per dokumenttyp',
  status: 'listorna per status',
  organ: 'listorna per beslutande organ',
  ansvarig: 'listorna per dokumentansvarig',
} as const;

export type DocumentListFolder = keyof typeof DOCUMENT_LIST_FOLDERS;

/** The address of page `n` of the list at `url` (which ends in /): the list itself, then <url>sida-2/ … */
export function listPageUrl(url: string, n: number): string {
  return n === 1 ? url : `${url}sida-${n}/`;
}

/** What of the site's lists already lives at /dokument/<id>/, or undefined when the id is free. */
export function listAt(id: string): string | undefined {
  if (Object.hasOwn(DOCUMENT_LIST_FOLDERS, id)) return DOCUMENT_LIST_FOLDERS[id as DocumentListFolder];
  const page = /^sida-(\d+)$/.exec(id);
  return page ? `sidan ${page[1]} av listan över alla styrdokument` : undefined;
}
