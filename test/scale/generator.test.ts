/**
 * The benchmark's synthetic corpus (scripts/generate-corpus.mjs) stays what the figures in the README claim:
 * the same files for the same seed, and a corpus the check accepts (warnings only), with goals that trace to
 * strategies, links between documents and one verksamhetsplan per nämnd and year. No timing here: speed is
 * measured by `npm run bench`, never in a test.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain JavaScript script, without type declarations.
import { generateCorpus } from '../../scripts/generate-corpus.mjs';
import { checkProject } from '../../src/engine/load-project.js';

interface Generated {
  config: string;
  docs: { file: string; text: string }[];
}
const generate = (options: { n: number; seed: number; out?: string }) => generateCorpus(options) as Generated;

const temp = mkdtempSync(path.join(os.tmpdir(), 'styrdok-generator-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe('the synthetic corpus', () => {
  it('is the same, byte for byte, for the same seed, and another for another seed', () => {
    const a = generate({ n: 300, seed: 7 });
    expect(generate({ n: 300, seed: 7 })).toEqual(a);
    expect(generate({ n: 300, seed: 8 }).docs.map((d) => d.text)).not.toEqual(a.docs.map((d) => d.text));
  });

  it('has about N documents of about 10 kB, of every kind the benchmark needs', () => {
    const { docs } = generate({ n: 400, seed: 1 });
    expect(Math.abs(docs.length - 400)).toBeLessThanOrEqual(10);
    const kilobytes = docs.reduce((sum, d) => sum + Buffer.byteLength(d.text), 0) / docs.length / 1024;
    expect(kilobytes).toBeGreaterThan(8);
    expect(kilobytes).toBeLessThan(14);
    const folders = new Set(docs.map((d) => d.file.split('/')[0]));
    expect([...folders].sort()).toEqual(['anvisningar', 'atgardsplaner', 'policyer', 'riktlinjer', 'rutiner', 'strategier', 'verksamhetsplaner']);
  });

  it('passes the check without errors: goals trace to strategies in force, links lead to documents that exist', () => {
    const out = path.join(temp, 'corpus');
    const { docs } = generate({ n: 300, seed: 3, out });
    const project = checkProject({ cwd: out, paths: ['strategy'], today: '2026-06-01' });
    expect(project.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(project.corpus.documents).toHaveLength(docs.length);
    expect(project.corpus.goals.length).toBeGreaterThan(docs.length / 2);
    expect(project.corpus.documents.reduce((sum, d) => sum + d.links.filter((l) => l.url.endsWith('.md')).length, 0)).toBeGreaterThan(docs.length / 2);
  });
});
