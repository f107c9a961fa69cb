import path from 'node:path';
import { KIND_SCHEMA } from '../schema/schema-files.js';
import type { Dokumenttyp } from '../model/document.js';
import { listAt } from '../model/site-addresses.js';
import { withoutFormatCharacters } from '../load/hidden-characters.js';

/**
 * Where each dokumenttyp lives under strategy/, as in the repository today: anvisningar and rutiner share a
 * folder, and agreements and action plans sit together under overenskommelser. A verksamhetsplan goes in a
 * folder per year. The CMS config (scripts/generate-cms-config.mjs) uses the same table.
 */
export const KIND_FOLDER: Record<Dokumenttyp, string> = {
  policy: 'policyer',
  strategi: 'strategier',
  riktlinje: 'riktlinjer',
  anvisning: 'anvisningar',
  rutin: 'anvisningar',
  åtgärdsplan: 'overenskommelser',
  överenskommelse: 'overenskommelser',
  iop: 'overenskommelser',
  verksamhetsplan: 'verksamhetsplaner',
};

export const KINDS = Object.keys(KIND_FOLDER) as Dokumenttyp[];

/** Folder of a document under the strategy folder, forward slashes: `strategier`, `verksamhetsplaner/2026`. */
export function folderFor(kind: Dokumenttyp, year?: number): string {
  const folder = KIND_FOLDER[kind];
  return kind === 'verksamhetsplan' && year !== undefined ? `${folder}/${year}` : folder;
}

/** strategy/<folder>/<id>.md, relative to the project root. */
export function documentPath(kind: Dokumenttyp, id: string, year?: number, strategyDir = 'strategy'): string {
  return `${strategyDir}/${folderFor(kind, year)}/${id}.md`;
}

/**
 * An id from a title: lower case, å/ä → a, ö → o, é → e, everything else that is not a–z or 0–9 becomes a
 * single hyphen. "Trygghetsstrategi 2024–2026" → "trygghetsstrategi-2024-2026". Invisible characters (a soft
 * hyphen from Word, a zero-width space) go first, so that "kame\u00adror" is "kameror", not "kame-ror".
 */
export function slugify(title: string, maxLength = 120): string {
  const ascii = withoutFormatCharacters(title)
    .toLowerCase()
    .replace(/[åä]/g, 'a')
    .replace(/ö/g, 'o')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
  const slug = ascii.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  if (slug.length <= maxLength) return slug;
  const cut = slug.slice(0, maxLength);
  const lastHyphen = cut.lastIndexOf('-');
  return (lastHyphen > maxLength / 2 ? cut.slice(0, lastHyphen) : cut).replace(/-+$/, '');
}

/**
 * An id for a document of `kind` named `title`: its slug, or with the kind before it when the site uses the
 * slug for a list ("Status" → riktlinje-status; see the rule references). Also the id suggested in place of
 * such an id.
 */
export function idFor(kind: string, title: string): string {
  const id = slugify(title);
  return listAt(id) ? slugify(`${kind} ${title}`) : id;
}

/** The modeline that points editors at the schema, relative to the document's folder. */
export function schemaModeline(kind: Dokumenttyp | undefined, documentFile: string, schemaDir: string): string {
  const schemaFile = (kind && KIND_SCHEMA[kind]) || 'styrdokument.schema.json';
  const relative = path.relative(path.dirname(documentFile), path.join(schemaDir, schemaFile)).split(path.sep).join('/');
  // The value is a URI reference and ends at the first space: a folder such as "OneDrive - Solna stad" on
  // the way to the schemas is written with %20.
  return `# yaml-language-server: $schema=${relative.replace(/ /g, '%20')}`;
}

/** Accepts a dokumenttyp with or without å/ä/ö, any case: "Atgardsplan" → "åtgärdsplan". */
export function parseKind(text: string): Dokumenttyp | undefined {
  const wanted = slugify(text.trim());
  return KINDS.find((kind) => slugify(kind) === wanted);
}
