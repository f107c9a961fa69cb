/**
 * Property-based test of `check --cache`: whatever happens to a corpus between two checks (a document's text
 * or frontmatter mutated, its id, a date, a relation or a diarienummer changed, a link added, a document removed or put back,
 * another day), a check that takes parses and rule findings from the cache folder gives exactly the findings
 * of a check without it.
 *
 * The seed is fixed so that CI is repeatable; STYRDOK_FC_SEED explores other inputs, STYRDOK_FC_RUNS runs more.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkProject } from '../../src/engine/load-project.js';
import { cacheKey, openParseCache } from '../../src/load/parse-cache.js';
import { SCHEMA_DIR } from '../../src/schema/schema-files.js';
import { mutation, SAMPLES, SNIPPETS, type Mutation } from './arbitraries.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SEED = Number(process.env.STYRDOK_FC_SEED ?? 20261204);
const RUNS = Number(process.env.STYRDOK_FC_RUNS ?? 1);
const DAYS = ['2026-11-25', '2027-01-15', '2025-03-01'];

/** One thing that happens to the corpus between two checks. */
type Edit =
  | { kind: 'mutate'; sample: number; change: Mutation }
  | { kind: 'shape'; sample: number; change: Mutation }
  | { kind: 'link'; sample: number; snippet: string }
  | { kind: 'link-to'; sample: number; target: number }
  | { kind: 'remove'; sample: number }
  | { kind: 'restore'; sample: number }
  | { kind: 'day'; day: string };

/**
 * The documents the edits touch: five of them, so that edits meet (a link to a document, then its removal),
 * among them a strategy and a verksamhetsplan whose goal traces to it.
 */
const TOUCHED = ['trygghetspolicy.md', 'trygghetsstrategi-2024-2026.md', 'verksamhetsplan-2026-socialnamnden.md', 'riktlinje-kamerabevakning.md', 'anvisning-klottersanering.md'].map((name) => {
  const i = SAMPLES.findIndex((s) => s.name === name);
  if (i < 0) throw new Error(`${name} finns inte i strategy/`);
  return i;
});
const sampleIndex = fc.constantFrom(...TOUCHED);

/** The ids of the touched documents, and one that no document has. */
const IDS = ['trygghetspolicy', 'trygghetsstrategi-2024-2026', 'verksamhetsplan-2026-socialnamnden', 'riktlinje-kamerabevakning', 'anvisning-klottersanering', 'finns-inte'];
const someId = fc.constantFrom(...IDS);
/** Before the frontmatter's closing fence: a key there may repeat one above it, and then the file does not parse. */
const atEnd = (key: string) => (t: string) => t.replace(/\n---/, `\n${key}\n---`);

/**
 * A change to what other documents read of a document (its shape, load/shape.ts): its id, a date, a relation,
 * the target a goal traces to. The cache keeps each document's corpus findings until something it read changes.
 */
const shapeChange: fc.Arbitrary<Mutation> = fc.oneof(
  someId.map((id) => (t: string) => t.replace(/\nid: .*/, `\nid: ${id}`)),
  fc.constantFrom('2008-01-01', '2019-06-01', '2024-01-01', '2026-12-01', '2030-01-01').map((date) => (t: string) => t.replace(/datum: \d{4}-\d\d-\d\d/, `datum: ${date}`)),
  fc.constantFrom('tills vidare', '2025-12-31', '2026-11-24', '2031-12-31').map((till) => (t: string) => t.replace(/\n  till: .*/, `\n  till: ${till}`)),
  fc.tuple(fc.constantFrom('genomför', 'ersätter'), someId).map(([relation, id]) => (t: string) =>
    new RegExp(`\n${relation}:\n`).test(t) ? t.replace(`\n${relation}:\n`, `\n${relation}:\n  - ${id}\n`) : atEnd(`${relation}:\n  - ${id}`)(t),
  ),
  fc.constantFrom('genomför', 'ersätter').map((relation) => (t: string) => t.replace(new RegExp(`\n${relation}:\n(  - .*\n)+`), '\n')),
  fc.tuple(someId, fc.constantFrom('samverkan', 'unga-i-riskzonen', 'saknas')).map(([id, target]) => (t: string) => t.replace(/\n      - [a-z0-9-]+#[a-z0-9-]+/, `\n      - ${id}#${target}`)),
  fc.constantFrom('2025-01-01', '2027-01-01').map((date) => atEnd(`upphävd:\n  datum: ${date}`)),
  fc.constantFrom('policy', 'strategi', 'riktlinje', 'anvisning', 'verksamhetsplan').map((kind) => (t: string) => t.replace(/\ndokumenttyp: .*/, `\ndokumenttyp: ${kind}`)),
  // Another document's diarienummer, or a number of its own: a finding across documents comes and goes.
  fc.constantFrom('KS/2008:15', 'KS/2023:309', 'KS/2025:211', 'KS/2026:1').map((number) => (t: string) => t.replace(/\n  diarienummer: .*/, `\n  diarienummer: ${number}`)),
);
const edit: fc.Arbitrary<Edit> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('mutate' as const), sample: sampleIndex, change: mutation }) },
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('shape' as const), sample: sampleIndex, change: shapeChange }) },
  // A link or other Markdown at the end of the text: the body's links are among what the rules read.
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('link' as const), sample: sampleIndex, snippet: fc.constantFrom(...SNIPPETS) }) },
  // A link to another document: right while that document is there, a finding when it is removed.
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('link-to' as const), sample: sampleIndex, target: sampleIndex }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('remove' as const), sample: sampleIndex }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('restore' as const), sample: sampleIndex }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('day' as const), day: fc.constantFrom(...DAYS) }) },
);

describe('check --cache across random edits', () => {
  let dir: string;
  const texts = new Map<string, string>();
  const fileOf = (i: number) => path.join(dir, 'strategy', SAMPLES[i]!.file);
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'styrdok-cache-prop-'));
    cpSync(path.join(ROOT, 'strategy'), path.join(dir, 'strategy'), { recursive: true });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('gives exactly the findings of a check without the cache, after every edit', () => {
    const key = cacheKey('test', SCHEMA_DIR, 2 * 1024 * 1024);
    const location = path.join(dir, '.styrdokcache');
    let today = DAYS[0]!;
    const check = (withCache: boolean) => {
      // A new process each time: the cache is opened from its folder and saved after the check.
      const cache = withCache ? openParseCache(key, location) : undefined;
      const { diagnostics } = checkProject({ cwd: dir, paths: ['strategy'], today, ...(cache ? { cache } : {}) });
      cache?.save();
      return diagnostics;
    };
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 5 }), (edits) => {
        // Each run starts from the real documents, with the cache of the run before.
        SAMPLES.forEach((sample, i) => {
          texts.set(sample.file, sample.text);
          writeFileSync(fileOf(i), sample.text);
        });
        today = DAYS[0]!;
        expect(check(true)).toEqual(check(false));
        for (const e of edits) {
          if (e.kind === 'day') today = e.day;
          else if (e.kind === 'remove') rmSync(fileOf(e.sample), { force: true });
          else {
            const sample = SAMPLES[e.sample]!;
            const before = texts.get(sample.file) ?? sample.text;
            const text =
              e.kind === 'mutate' || e.kind === 'shape' ? e.change(before)
              : e.kind === 'link' ? `${before}\n${e.snippet}\n`
              : e.kind === 'link-to' ? `${before}\n[Se även](${path.posix.relative(path.posix.dirname(sample.file), SAMPLES[e.target]!.file)})\n`
              : sample.text;
            texts.set(sample.file, text);
            writeFileSync(fileOf(e.sample), text);
          }
          expect(check(true)).toEqual(check(false));
        }
      }),
      {
        numRuns: 30 * RUNS,
        seed: SEED,
        examples: [
          // A document links to another, which is then removed; its own text did not change.
          [[{ kind: 'link-to', sample: TOUCHED[3]!, target: TOUCHED[0]! }, { kind: 'remove', sample: TOUCHED[0]! }]],
          // The anvisning replaces the strategy, so the riktlinje implements a replaced document; its own text
          // did not change. Then the strategy takes another id, and the plan's goals trace to nothing.
          [[{ kind: 'shape', sample: TOUCHED[4]!, change: atEnd('ersätter:\n  - trygghetsstrategi-2024-2026') }, { kind: 'shape', sample: TOUCHED[1]!, change: (t) => t.replace(/\nid: .*/, '\nid: trygghetsstrategin') }]],
          // The riktlinje takes the policy's diarienummer, a finding that points into the policy; then a line at
          // the top of the policy moves what it points to, and a date in the strategy changes nothing it reads.
          [[
            { kind: 'shape', sample: TOUCHED[3]!, change: (t) => t.replace(/\n  diarienummer: .*/, '\n  diarienummer: KS/2008:15') },
            { kind: 'mutate', sample: TOUCHED[0]!, change: (t) => t.replace('---\n', '---\n# en rad till\n') },
            { kind: 'shape', sample: TOUCHED[1]!, change: (t) => t.replace(/datum: \d{4}-\d\d-\d\d/, 'datum: 2024-01-01') },
          ]],
        ],
      },
    );
  });
});
