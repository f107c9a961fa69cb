import { createHash } from 'node:crypto';
import type { ParsedFile } from './parse-file.js';

/**
 * The frontmatter keys that only a document's own findings read. What is left of its frontmatter is its
 * shape: what other documents' findings may read of it (ids, types, relations, dates, decisions, targets).
 * A ShapedRule's `checkEach` (rules/rule.ts) reads nothing of another document but its shape; a test
 * scrambles these keys in every other document to keep it so.
 */
export const OWN_KEYS: ReadonlySet<string> = new Set(['titel', 'sammanfattning', 'nyckelord', 'dokumentansvarig', 'mål', 'åtgärder']);

/** A hash of a parsed file's shape; a file that did not parse has only the id it claims. */
export function shapeOf(parsed: ParsedFile): string {
  const { document } = parsed;
  if (!document) return `trasig:${parsed.claimedId ?? ''}`;
  const shape = Object.entries(document.data).filter(([key]) => !OWN_KEYS.has(key));
  return createHash('sha1').update(JSON.stringify(shape)).digest('hex');
}
