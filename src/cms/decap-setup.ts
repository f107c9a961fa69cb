/**
 * The browser script cms/styrdok-cms.js (bundled with yaml by scripts/build-cms-script.mjs). It registers in
 * Decap CMS the format `styrdok-frontmatter`, which cms/config.yml gives every collection of documents
 * (entry-text.ts: a save changes only what the clerk changed), and the preview of each document type
 * (preview.ts). It must load after Decap and before Decap starts (cms/index.html).
 */
import { readEntry, writeEntry, type Entry } from './entry-text.js';
import { previewTemplate } from './preview.js';

/** The modeline of a new document of each dokumenttyp, from its folder to the schema (set by the bundler). */
declare const STYRDOK_MODELINES: Record<string, string>;
/** The collections of documents in cms/config.yml (set by the bundler). */
declare const STYRDOK_COLLECTIONS: string[];

interface DecapFormatter {
  fromFile(text: string): Entry;
  toFile(entry: Entry, sortedKeys?: string[]): string;
}
interface DecapCms {
  registerCustomFormat(name: string, extension: string, formatter: DecapFormatter): void;
  registerPreviewTemplate(collection: string, component: unknown): void;
  registerPreviewStyle(url: string): void;
}
type PreviewGlobals = Parameters<typeof previewTemplate>;

/**
 * The text each document was read from, by id, so a save can change only what the clerk changed. Decap
 * gives `toFile` the entry but not its file; the id is what a document keeps (a clerk who changes it gets the
 * file written anew, with every value kept).
 */
const originals = new Map<string, string>();

const page = globalThis as unknown as { CMS?: DecapCms; h?: PreviewGlobals[0]; createClass?: PreviewGlobals[1] };
const cms = page.CMS;
if (!cms) throw new Error('styrdok-cms.js ska laddas efter Decap CMS (cms/index.html).');
cms.registerCustomFormat('styrdok-frontmatter', 'md', {
  fromFile(text) {
    const entry = readEntry(text);
    if (typeof entry.id === 'string') originals.set(entry.id, text);
    return entry;
  },
  toFile(entry, sortedKeys = []) {
    const original = typeof entry.id === 'string' ? originals.get(entry.id) : undefined;
    const kind = typeof entry.dokumenttyp === 'string' ? entry.dokumenttyp : '';
    return writeEntry(entry, { keyOrder: sortedKeys, original, modeline: original === undefined ? STYRDOK_MODELINES[kind] : undefined });
  },
});
if (page.h && page.createClass) {
  // Beside this script in cms/, as Decap's own examples load a preview's stylesheet.
  cms.registerPreviewStyle('styrdok-cms.css');
  const template = previewTemplate(page.h, page.createClass);
  for (const collection of STYRDOK_COLLECTIONS) cms.registerPreviewTemplate(collection, template);
}
