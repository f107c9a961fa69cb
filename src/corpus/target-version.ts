import { createHash } from 'node:crypto';
import type { Target } from './corpus.js';

/**
 * A short code for the wording of a strategy target. A goal records the code it was aligned with; when a
 * revision changes the wording, the code changes and the goal needs review. Whitespace changes do not count.
 */
export function targetVersion(target: Target): string {
  const wording = [target.title, target.text ?? ''].map((part) => part.replace(/\s+/g, ' ').trim()).join('\n');
  return createHash('sha256').update(wording).digest('hex').slice(0, 8);
}
