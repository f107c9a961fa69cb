import path from 'node:path';
import { linkPath } from '../load/body-links.js';
import { joinLink } from '../load/join-link.js';
import { someNamedId } from '../load/named-ids.js';
import type { DocumentData, StyrDocument } from '../model/document.js';
import { fileKey, idKey } from './read-tracking.js';

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
  return ids.size > 0 && someNamedId(data, (id) => ids.has(id));
}
