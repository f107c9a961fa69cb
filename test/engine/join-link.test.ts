import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { joinLink } from '../../src/load/join-link.js';

const normalized = (folder: string, target: string) => path.posix.normalize(path.posix.join(folder, target));

/** Paths from the characters that matter to normalizing, and a few that do not. */
const pathLike = fc.array(fc.constantFrom('a', 'å', 'b.md', '.', '..', '/', ' ', '\\', '.x'), { maxLength: 10 }).map((parts) => parts.join(''));

describe('joinLink', () => {
  it('joins the common links without normalizing, as normalizing would', () => {
    expect(joinLink('strategy/anvisningar', 'anvisning-96.md')).toBe('strategy/anvisningar/anvisning-96.md');
    expect(joinLink('strategy/anvisningar', '../riktlinjer/riktlinje-124.md')).toBe('strategy/riktlinjer/riktlinje-124.md');
    expect(joinLink('strategy/a', '../../../x.md')).toBe('../x.md');
    expect(joinLink('.', 'policy.md')).toBe('policy.md');
    expect(joinLink('strategy', 'mapp/')).toBe('strategy/mapp/');
    expect(joinLink('strategy/a', './b/../c.md')).toBe('strategy/a/c.md');
  });

  it('gives what path.posix.normalize(path.posix.join()) gives, for any folder and link', () => {
    fc.assert(
      fc.property(pathLike, pathLike, (folder, target) => {
        expect(joinLink(folder, target)).toBe(normalized(folder, target));
      }),
      { numRuns: 20000 * Number(process.env.STYRDOK_FC_RUNS ?? 1), seed: Number(process.env.STYRDOK_FC_SEED ?? 20261204) },
    );
  });
});
