/**
 * The browser script cms/styrdok-format.js (bundled with yaml by scripts/build-cms-format.mjs): registers
 * the format `styrdok-frontmatter` in Decap CMS, which cms/config.yml gives every collection of documents.
 * It must load after Decap and before Decap starts (cms/index.html).
 */
import { readEntry, writeEntry, type Entry } from './entry-text.js';

/** The modeline of a new document of each dokumenttyp, from its folder to the schema (set by the bundler). */
declare const STYRDOK_MODELINES: Record<string, string>;

interface DecapFormatter {
  fromFile(text: string): Entry;
  toFile(entry: Entry, sortedKeys?: string[]): string;
}
interface DecapCms {
  registerCustomFormat(name: string, extension: string, formatter: DecapFormatter): void;
}

/**
 * The text each document was read from, by id, so a save can change only what the clerk changed. Decap
 * gives `toFile` the entry but not its file; the id is what a document keeps (a clerk who changes it gets the
 * file written anew, with every value kept).
 */
const originals = new Map<string, string>();

const cms = (globalThis as unknown as { CMS?: DecapCms }).CMS;
if (!cms) throw new Error('styrdok-format.js ska laddas efter Decap CMS (cms/index.html).');
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
