import { createHash } from 'node:crypto';
import { splitFrontmatter } from './frontmatter.js';
import type { ParsedFile } from './parse-file.js';

/**
 * What the rules can read of a parsed file, as one hash. A document gives them its frontmatter (its data,
 * and the positions of its keys), the links of its body, where the body starts and the lines with direction
 * controls (rule text-direction); a file that did not parse, only the id it claims. The rest of the body is not among it: an edit to a document's text, the
 * most common change, leaves this the same, and the rules' findings can then be taken from the cache
 * (engine/rule-results.ts). A test runs every rule on documents whose body cannot be read, to keep it so.
 */
export function ruleInputsOf(parsed: ParsedFile, text: string): string {
  const { document } = parsed;
  if (!document) return `trasig:${parsed.claimedId ?? ''}`;
  const split = splitFrontmatter(text);
  // A byte-order mark shifts nothing the rules see, but is hashed so that a position could never be stale.
  const bom = text.charCodeAt(0) === 0xfeff ? 'bom' : '';
  return createHash('sha1')
    .update(`${bom}\0${split.yamlLineOffset}\0${document.bodyStartLine}\0`)
    .update(split.yaml ?? '')
    .update('\0')
    .update(JSON.stringify(document.links))
    .update(document.directionControls.length ? JSON.stringify(document.directionControls) : '')
    .digest('hex');
}
