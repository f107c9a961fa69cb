import { actionsOf, isVerksamhetsplan, type DocumentData } from '../model/document.js';

/** The document id of a `dokument-id#mål-id` reference. */
export const documentPart = (ref: string) => {
  const hash = ref.indexOf('#');
  return hash < 0 ? ref : ref.slice(0, hash);
};

/**
 * Calls `visit` with the document's id and each id it names (in a relation, or before the # of what a goal or
 * an action traces to), until it returns true.
 */
export function someNamedId(data: DocumentData, visit: (id: string) => boolean | void): boolean {
  if (visit(data.id)) return true;
  for (const list of [data.ersätter, data.genomför, data.kompletteras_med]) {
    if (list) for (let i = 0; i < list.length; i++) if (visit(list[i]!)) return true;
  }
  if (isVerksamhetsplan(data) && someRef(data.mål, visit)) return true;
  return someRef(actionsOf(data), visit);
}

/** Calls `visit` with the document id of each reference the items trace to, until it returns true. */
function someRef(items: readonly { bidrar_till?: string[]; avstämd_mot?: Record<string, unknown> }[], visit: (id: string) => boolean | void): boolean {
  for (let i = 0; i < items.length; i++) {
    const { bidrar_till: refs, avstämd_mot: checked } = items[i]!;
    if (refs) for (let j = 0; j < refs.length; j++) if (visit(documentPart(refs[j]!))) return true;
    if (checked) for (const ref in checked) if (visit(documentPart(ref))) return true;
  }
  return false;
}

/**
 * The ids a document has or names (someNamedId), each between two line breaks. The parse cache keeps it
 * beside the document's shape: a re-check after a change to a shape then looks for each changed id as
 * `\n<id>\n` in 10,000 short texts (idNamedIn) instead of walking every goal's references, 60,000 at
 * 10,000 documents.
 */
export function namedIdsText(data: DocumentData): string {
  const ids = new Set<string>();
  someNamedId(data, (id) => void ids.add(id));
  return `\n${[...ids].join('\n')}\n`;
}

/**
 * Whether a namedIdsText has one of the ids, given as `\n<id>\n`. An id with a line break in it (a broken
 * file may claim one) can only be met where the document names no such id, which checks it again for nothing,
 * never the other way round.
 */
export function idNamedIn(text: string, needles: readonly string[]): boolean {
  for (let i = 0; i < needles.length; i++) if (text.includes(needles[i]!)) return true;
  return false;
}
