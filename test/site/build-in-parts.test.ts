/**
 * A large site is written in several Eleventy runs (src/site/build-in-parts.ts). What a resident gets must
 * not depend on that: the same files, byte for byte, as one run of `npx @11ty/eleventy`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { planParts } from '../../src/site/build-in-parts.js';
import { DOCUMENT_TEMPLATE } from '../../src/site/eleventy-setup.js';
import type { DocEntry } from '../../src/site/types.js';
import { buildSite, corpusWith } from './helpers.js';

const TEMPLATES = ['dokument.njk', 'index.njk', 'namnd.njk', 'uppfoljning-ar.njk'];
const docs = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `d${i}` }) as DocEntry);

describe('planParts', () => {
  it('writes a site of at most one part of documents in a single run, with everything', () => {
    expect(planParts(TEMPLATES, docs(3), 3)).toEqual([{ assets: true }]);
    expect(planParts(TEMPLATES, [], 3)).toEqual([{ assets: true }]);
  });

  it('writes the other templates first, then every document once in even parts, and copies the assets once', () => {
    const parts = planParts(TEMPLATES, docs(10), 4);
    expect(parts[0]).toEqual({ templates: ['index.njk', 'namnd.njk', 'uppfoljning-ar.njk'], assets: true });
    const rest = parts.slice(1);
    expect(rest.map((p) => p.documents!.length)).toEqual([3, 3, 4]);
    expect(rest.every((p) => p.templates?.join() === DOCUMENT_TEMPLATE && !p.assets)).toBe(true);
    expect(rest.flatMap((p) => p.documents!.map((d) => d.id))).toEqual(docs(10).map((d) => d.id));
  });
});

describe('the site written in parts', () => {
  it('is byte for byte the site of one Eleventy run', async () => {
    const corpus = corpusWith();
    const [parts, whole] = await Promise.all([buildSite(corpus, { env: { STYRDOK_DOCS_PER_PART: '2' } }), buildSite(corpus, { eleventy: true })]);
    expect(parts.code, parts.stderr).toBe(0);
    expect(whole.code, whole.stderr).toBe(0);
    // Nine documents two at a time: one run for the other pages and five for the documents.
    expect(parts.stdout).toMatch(/Skrev \d+ sidor och filer till .+ i 6 omgångar/);
    const files = filesIn(whole.out);
    expect(files.length).toBeGreaterThan(50);
    expect(filesIn(parts.out)).toEqual(files);
    for (const file of files) expect(readFileSync(path.join(parts.out, file)).equals(readFileSync(path.join(whole.out, file))), file).toBe(true);
  }, 120_000);

  it('says in Swedish when the documents per run are not a whole number, and writes nothing', async () => {
    const build = await buildSite(undefined, { env: { STYRDOK_DOCS_PER_PART: 'många' } });
    expect([build.code, build.stderr]).toEqual([1, 'STYRDOK_DOCS_PER_PART ska vara ett heltal, inte «många».\n']);
    expect(filesIn(build.out)).toEqual([]);
  });
});

/** Every file under `dir`, relative, sorted; none when it does not exist. */
function filesIn(dir: string): string[] {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
      .sort();
  } catch {
    return [];
  }
}
