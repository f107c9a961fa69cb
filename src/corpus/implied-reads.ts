import path from 'node:path';
import { linkPath } from '../load/body-links.js';
import { joinLink } from '../load/join-link.js';
import { actionsOf, isVerksamhetsplan, type DocumentData, type StyrDocument } from '../model/document.js';
import { documentPart, fileKey, idKey } from './read-tracking.js';

/**
 * The keys a document's findings are taken to read, whether they did or not: `id:X` and `ersätter:X` for its
 * own id and every id it names (in a relation, or before the # of a goal it traces to), and `fil:F` for each
 * file its links may lead to. Most of what the rules read is among them, so `check --cache` keeps only the
 * reads beyond these, and the cache stays small.
 */
export function impliedReads(document: StyrDocument): Set<string> {
  const keys = new Set<string>();
  someNamedId(document.data, (id) => void keys.add(idKey(id)).add(`ersätter:${id}`));
  someLinkedFile(document, (file) => void keys.add(fileKey(file)));
  return keys;
}

/** The files among `keys` (`fil:F`), with their names: what `linksAny` asks about. */
export interface LinkedFiles {
  paths: ReadonlySet<string>;
  names: readonly string[];
}

export function filesInKeys(keys: ReadonlySet<string>): LinkedFiles {
  const paths = new Set<string>();
  for (const key of keys) if (key.startsWith('fil:')) paths.add(key.slice(4));
  return { paths, names: [...new Set([...paths].map((file) => file.slice(file.lastIndexOf('/') + 1)))] };
}

/** Whether a document's links may lead to one of `files`: whether impliedReads has a `fil:` key of one of them. */
export function linksAny(document: StyrDocument, files: LinkedFiles): boolean {
  if (!files.paths.size) return false;
  // Links read from the cache are first looked through as the text they are kept as, so that a re-check after a
  // file came or went makes link objects only of the few documents whose links may lead to it.
  if (document.linksText !== undefined && !mayLeadInText(document.linksText, files.names)) return false;
  // A link leads to a file only if it ends in the file's name, or in . or / (which joinLink resolves): so
  // most links are passed over without resolving them. A re-check after a file came or went asks this of
  // every document.
  const mayLead = (target: string) => {
    const last = target[target.length - 1];
    return last === '.' || last === '/' || files.names.some((name) => target.endsWith(name) && (target.length === name.length || target[target.length - name.length - 1] === '/'));
  };
  return someLinkedFile(document, (file) => files.paths.has(file), mayLead);
}

/**
 * Whether some link kept as text, one `line:column url` a line, may pass linksAny's `mayLead`: only if a file's
 * name is in the text, or a . or / comes right before a #, a ? or the end of the line (spaces aside, which the
 * link is trimmed of). It may say yes where mayLead says no, never the other way round.
 */
const DOT_OR_SLASH_LAST = /[./](?:\s*$|[#?])/m;
export function mayLeadInText(text: string, names: readonly string[]): boolean {
  return names.some((name) => text.includes(name)) || DOT_OR_SLASH_LAST.test(text);
}

/**
 * Calls `visit` with the file each of the document's links may lead to, until it returns true; given
 * `mayLead`, only for the links whose path it lets through.
 */
function someLinkedFile(document: StyrDocument, visit: (file: string) => boolean | void, mayLead?: (target: string) => boolean): boolean {
  const { links } = document;
  if (!links.length) return false;
  const folder = path.posix.dirname(document.file);
  for (let i = 0; i < links.length; i++) {
    // As body-links resolves it, before decoding: a link it resolves otherwise is only a read that is not
    // implied, and is kept with the document's findings instead.
    const target = linkPath(links[i]!.url.trim());
    if (target && (!mayLead || mayLead(target)) && visit(joinLink(folder, target))) return true;
  }
  return false;
}

/** The ids whose keys a document is taken to read (impliedReads) are among `keys`: what `namesAny` asks about. */
export function idsInKeys(keys: ReadonlySet<string>): Set<string> {
  const ids = new Set<string>();
  for (const key of keys) if (key.startsWith('id:') || key.startsWith('ersätter:')) ids.add(key.slice(key.indexOf(':') + 1));
  return ids;
}

/** Whether a document has or names one of `ids`: whether impliedReads(data) has a key of one of them. */
export function namesAny(data: DocumentData, ids: ReadonlySet<string>): boolean {
  if (!ids.size) return false;
  const has = (id: string) => ids.has(id);
  return someNamedId(data, has, ids.size > FEW_IDS ? (ref) => has(documentPart(ref)) : refToAny(ids));
}

/**
 * Whether a `dokument-id#mål-id` reference is to one of a few ids, without cutting it: a re-check after a
 * change to a shape asks this of every goal's references (60,000 at 10,000 documents), and a cut string each
 * is garbage to collect.
 */
const FEW_IDS = 8;
let fewIds: { of: ReadonlySet<string>; list: readonly string[] } | undefined;
function refToAny(ids: ReadonlySet<string>): (ref: string) => boolean {
  // An id with a # in it (a broken file may claim one) is never the part before a reference's #.
  if (fewIds?.of !== ids) fewIds = { of: ids, list: [...ids].filter((id) => !id.includes('#')) };
  const { list } = fewIds;
  return (ref) => {
    for (let i = 0; i < list.length; i++) {
      const id = list[i]!;
      if (ref.startsWith(id) && (ref.length === id.length || ref.charCodeAt(id.length) === HASH_SIGN)) return true;
    }
    return false;
  };
}
const HASH_SIGN = 0x23;

/**
 * Calls `visit` with the document's id and each id it names, until it returns true; `visitRef` with each
 * reference of a goal or action, which names the id before its #. Plain loops: a re-check after a change to a
 * shape asks this of every document.
 */
function someNamedId(data: DocumentData, visit: (id: string) => boolean | void, visitRef = (ref: string) => visit(documentPart(ref))): boolean {
  if (visit(data.id)) return true;
  if (someIn(data.ersätter, visit) || someIn(data.genomför, visit) || someIn(data.kompletteras_med, visit)) return true;
  if (isVerksamhetsplan(data) && someRef(data.mål, visitRef)) return true;
  return someRef(actionsOf(data), visitRef);
}

function someIn(list: readonly string[] | undefined, visit: (id: string) => boolean | void): boolean {
  if (list) for (let i = 0; i < list.length; i++) if (visit(list[i]!)) return true;
  return false;
}

/** Calls `visit` with each reference the items trace to, until it returns true. */
function someRef(items: readonly { bidrar_till?: string[]; avstämd_mot?: Record<string, unknown> }[], visit: (ref: string) => boolean | void): boolean {
  for (let i = 0; i < items.length; i++) {
    const { bidrar_till: refs, avstämd_mot: checked } = items[i]!;
    if (someIn(refs, visit)) return true;
    if (checked) for (const ref in checked) if (visit(ref)) return true;
  }
  return false;
}
