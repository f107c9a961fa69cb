/**
 * The benchmark's synthetic corpus (scripts/generate-corpus.mjs) stays what the figures in the README claim:
 * the same files for the same seed, and a corpus the check accepts (warnings only), with goals that trace to
 * strategies, links between documents and one verksamhetsplan per nämnd and year; with --kommuner, a region
 * of kommuner that each pass the check with their own config. No timing here: speed is
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
  kommuner: { name: string; folder: string; config: string; docs: { file: string; text: string }[] }[];
  /** Every document, its path relative to the output folder. */
  docs: { file: string; text: string }[];
}
const generate = (options: { n: number; seed: number; out?: string; kommuner?: number }) => generateCorpus(options) as Generated;

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
    const folders = new Set(docs.map((d) => d.file.split('/')[1]));
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

  it('shares N documents between K kommuner, each a project with its own config, that each pass the check', () => {
    const out = path.join(temp, 'region');
    const region = generate({ n: 360, seed: 5, kommuner: 3, out });
    expect(region.kommuner.map((k) => k.folder)).toEqual(['storstad/strategy', 'norrvik/strategy', 'aby/strategy']);
    expect(region.kommuner.map((k) => k.docs.length).reduce((a, b) => a + b)).toBe(region.docs.length);
    expect(Math.abs(region.docs.length - 360)).toBeLessThanOrEqual(10);
    // What differs between kommuner is config data: the name, the central förvaltning, the diarienummer's form.
    const names = new Set<string>();
    const patterns = new Set<string>();
    for (const kommun of region.kommuner) {
      const project = checkProject({ cwd: out, paths: [kommun.folder], today: '2026-06-01' });
      expect(project.diagnostics.filter((d) => d.severity === 'error'), kommun.name).toEqual([]);
      expect(project.config.data.kommun).toBe(kommun.name);
      expect(project.corpus.documents).toHaveLength(kommun.docs.length);
      names.add(project.config.data.förvaltningar[0]!.namn);
      patterns.add(project.config.data.diarienummer.mönster);
      const diarie = new RegExp(project.config.data.diarienummer.mönster, 'u');
      expect(project.corpus.documents.every((d) => diarie.test(d.data.beslut.diarienummer))).toBe(true);
    }
    expect(names.size).toBe(3);
    expect(patterns.size).toBe(3);
    // The same ids recur from kommun to kommun: each kommun's ids are its own.
    expect(region.kommuner[1]!.docs.some((d) => d.file === region.kommuner[0]!.docs[0]!.file)).toBe(true);
  });

  it('is one kommun at strategy/ by default, the same as --kommuner 1', () => {
    const one = generate({ n: 200, seed: 2 });
    expect(one.kommuner).toHaveLength(1);
    expect(one.docs.every((d) => d.file.startsWith('strategy/'))).toBe(true);
    expect(generate({ n: 200, seed: 2, kommuner: 1 })).toEqual(one);
  });
});
