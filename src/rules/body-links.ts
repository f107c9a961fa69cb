import path from 'node:path';
import { linkPath, SAFE_SCHEMES, schemeOf } from '../load/body-links.js';
import { createRule } from './rule.js';
import { clip } from '../load/clip.js';
import { joinLink } from '../load/join-link.js';

export default createRule({
  id: 'body-links',
  description: 'Länkar i dokumentets text leder till något som finns, stannar i förrådet och använder säkra adresser.',
  defaultSeverity: 'error',
  checkDocument(document, { files, root }) {
    const folder = path.posix.dirname(document.file);
    const verdicts = verdictsIn(files, root, folder);
    return document.links.flatMap((link) => {
      let verdict = verdicts.get(link.url);
      if (verdict === undefined) verdicts.set(link.url, (verdict = judge(link.url, folder, root)));
      // Whether the file is there is asked each time, not kept with the verdict: check --cache notes which
      // files each document's findings asked about (corpus/read-tracking.ts).
      const problem = typeof verdict === 'object' && verdict !== null ? (files.has(verdict.mustExist) ? null : missing(link.url, verdict.mustExist)) : verdict;
      return problem ? [{ bodyPosition: { line: link.line, column: link.column }, message: problem }] : [];
    });
  },
});

/**
 * Documents in one folder link to the same few targets: each (folder, link) is judged once per set of files,
 * which each run makes anew, so verdicts last one run. A verdict does not say whether a file is there: that
 * is asked of the set for each link.
 */
const verdictsByFiles = new WeakMap<ReadonlySet<string>, Map<string, Map<string, Verdict>>>();

function verdictsIn(files: ReadonlySet<string>, root: string, folder: string): Map<string, Verdict> {
  let byFolder = verdictsByFiles.get(files);
  if (!byFolder) verdictsByFiles.set(files, (byFolder = new Map()));
  const key = `${root}\0${folder}`;
  let verdicts = byFolder.get(key);
  if (!verdicts) byFolder.set(key, (verdicts = new Map()));
  return verdicts;
}

/** The problem with a link from a document in `folder`, as a message; null for a good link; a file that must exist for it to be good. */
type Verdict = string | null | { mustExist: string };

function judge(link: string, folder: string, root: string): Verdict {
  const url = link.trim();
  const scheme = schemeOf(url);
  if (scheme) {
    return SAFE_SCHEMES.has(scheme) ? null : `Länken använder ${scheme}, som inte är tillåtet. Använd en webbadress (https:) eller en länk till ett annat dokument i förrådet.`;
  }
  if (url === '' || url.startsWith('#') || url.startsWith('//')) return null;
  const target = decodeLink(linkPath(url));
  if (target === undefined) return `Länken «${clip(url)}» har felaktig kodning (%-tecken). Skriv filnamnet som det är, eller koda det rätt.`;
  if (path.isAbsolute(target) || target.startsWith('/')) return `Länken «${clip(url)}» är en absolut sökväg. Skriv en relativ länk, till exempel ../policyer/dokument.md.`;
  const resolved = joinLink(folder, target);
  if (resolved.startsWith('../') || resolved === '..') return `Länken «${clip(url)}» leder utanför förrådet. Länka bara till dokument i förrådet.`;
  // Links to Markdown outside the corpus folder (a README, say) are not the corpus's to judge.
  return resolved.endsWith('.md') && isInside(resolved, root) ? { mustExist: resolved } : null;
}

function missing(link: string, file: string): string {
  return `Länken «${clip(link.trim())}» leder till en fil som inte finns (${clip(file)}). Kontrollera filnamnet.`;
}

function decodeLink(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

function isInside(file: string, folder: string): boolean {
  return folder === '' || folder === '.' || file.startsWith(folder + '/');
}
