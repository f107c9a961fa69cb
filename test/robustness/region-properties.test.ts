/**
 * Property-based test of a check over a region: whatever is broken in which kommun (a document mutated at
 * random, a config broken), `styrdok check <region>` says exactly what checking each kommun by itself says,
 * in one report, with the worst of their exit codes. No kommun's findings hide another's, and none leaks
 * into another kommun's check.
 *
 * The seed is fixed so that CI is repeatable; STYRDOK_FC_SEED explores other inputs, STYRDOK_FC_RUNS runs more.
 */
import { existsSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain JavaScript script, without type declarations.
import { generateCorpus } from '../../scripts/generate-corpus.mjs';
import { runCheck } from '../../src/cli/check-command.js';
import { mutation, type Mutation } from './arbitraries.js';

const SEED = Number(process.env.STYRDOK_FC_SEED ?? 20261204);
const RUNS = Number(process.env.STYRDOK_FC_RUNS ?? 1);
const TODAY = '2026-06-01';

const dir = realpathSync(mkdtempSync(path.join(tmpdir(), 'styrdok-region-prop-')));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const region = generateCorpus({ n: 90, seed: 9, kommuner: 3, out: dir }) as { kommuner: { folder: string; docs: { file: string; text: string }[] }[] };
const KOMMUNER = region.kommuner.map((k) => k.folder);
const configOf = (kommun: string) => path.join(dir, kommun, 'styrdok.config.yaml');
const CONFIGS = KOMMUNER.map((k) => readFileSync(configOf(k), 'utf8'));

/** A change to one kommun (documents' paths are relative to the kommun's folder): a document mutated, or its config broken in one of the ways a config breaks. */
type Change = { kommun: number; doc: number; change: Mutation } | { kommun: number; config: 'yaml' | 'schema' | 'gone' };
const change: fc.Arbitrary<Change> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kommun: fc.nat({ max: 2 }), doc: fc.nat(), change: mutation }) },
  { weight: 1, arbitrary: fc.record({ kommun: fc.nat({ max: 2 }), config: fc.constantFrom('yaml' as const, 'schema' as const, 'gone' as const) }) },
);

/** Puts every file back as generated, then makes the changes. */
function apply(changes: Change[]): void {
  KOMMUNER.forEach((kommun, k) => writeFileSync(configOf(kommun), CONFIGS[k]!));
  for (const kommun of region.kommuner) for (const doc of kommun.docs) writeFileSync(path.join(dir, kommun.folder, doc.file), doc.text);
  for (const c of changes) {
    const kommun = region.kommuner[c.kommun]!;
    if ('config' in c) {
      const text = CONFIGS[c.kommun]!;
      if (c.config === 'gone') rmSync(configOf(kommun.folder), { force: true });
      else writeFileSync(configOf(kommun.folder), c.config === 'yaml' ? text.replace('organ:', 'organ: [') : text.replace('valår: 2022', 'valår: tjugo'));
    } else {
      const doc = kommun.docs[c.doc % kommun.docs.length]!;
      const file = path.join(dir, kommun.folder, doc.file);
      writeFileSync(file, c.change(readFileSync(file, 'utf8')));
    }
  }
}

/** The CLI's check, in this process: exit code and stdout. */
async function check(args: string[]): Promise<{ code: number; results: { filePath: string }[] }> {
  let stdout = '';
  const io = { stdout: (t: string) => (stdout += t), stderr: () => {}, cwd: dir, color: false };
  const code = await runCheck([...args, '--today', TODAY, '--format', 'json'], io);
  return { code, results: JSON.parse(stdout) as { filePath: string }[] };
}

describe('a check over a region', () => {
  it("is each kommun's own check, all in one report, whatever breaks where", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(change, { minLength: 1, maxLength: 4 }), async (changes) => {
        apply(changes);
        // A kommun whose config is gone is no longer a kommun below the region: its documents are not checked.
        const present = KOMMUNER.filter((k) => existsSync(configOf(k)));
        const together = await check(['.']);
        // With every config gone the folder is no region but a project without a config: said as for one kommun.
        if (!present.length) return expect(together.code).toBe(2);
        const apart = await Promise.all(present.map((kommun) => check([kommun])));
        const merged = apart.flatMap((a) => a.results).sort((a, b) => (a.filePath < b.filePath ? -1 : a.filePath > b.filePath ? 1 : 0));
        expect(together.results).toEqual(merged);
        expect(together.code).toBe(Math.max(0, ...apart.map((a) => a.code)));
      }),
      { seed: SEED, numRuns: 8 * RUNS },
    );
    apply([]);
  }, 120_000);
});
