/**
 * The site keeps every document while it writes the pages, so what a document holds is what the build holds.
 * A document parsed for the site (the parse cache's `detach`, in memory when STYRDOK_CACHE=0) keeps nothing of
 * its file's text: V8 would keep a whole text alive for the sake of one substring taken from it (an id, a key).
 * Measured as the heap left after a full garbage collection in a process of its own: not a time, and not a
 * target (those are in `npm run bench`), but whether the texts are let go at all.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkProject } from '../../src/engine/load-project.js';
import { openCache } from '../../src/engine/project-cache.js';
import type { StyrDocument } from '../../src/model/document.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const DIST = path.join(ROOT, 'dist');
const DOCUMENTS = 150;
// A body of ~64 kB with an en dash, so that V8 stores it two bytes a character: ~19 MB of text in all.
const BODY = `\n## Inledning\n\n${'Trygghet – för alla i Solna, i skolan och på torget. '.repeat(1200)}\n`;

const work = mkdtempSync(path.join(tmpdir(), 'styrdok-detached-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function corpus(): string {
  cpSync(path.join(ROOT, 'strategy'), path.join(work, 'strategy'), { recursive: true });
  const policy = readFileSync(path.join(ROOT, 'strategy/policyer/trygghetspolicy.md'), 'utf8');
  const frontmatter = policy.slice(0, policy.indexOf('\n---\n') + 5);
  for (let i = 0; i < DOCUMENTS; i++) {
    const text = frontmatter.replace('id: trygghetspolicy', `id: policy-${i}`).replace('KS/2008:15', `KS/2008:${100 + i}`) + BODY;
    writeFileSync(path.join(work, `strategy/policyer/policy-${i}.md`), text);
  }
  return work;
}

/** Heap grown by checking the corpus, as the site does, with every document kept; and one body read back. */
function measure(cwd: string, detach: boolean): { grown: number; documents: number; body: string } {
  const script = `
    const { checkProject } = await import(${JSON.stringify(path.join(DIST, 'engine/load-project.js'))});
    const { openCache } = await import(${JSON.stringify(path.join(DIST, 'engine/project-cache.js'))});
    globalThis.gc();
    const before = process.memoryUsage().heapUsed;
    const cache = openCache(undefined, { detach: ${detach} });
    const project = checkProject({ cwd: ${JSON.stringify(cwd)}, paths: ['strategy'], today: '2026-11-25', cache });
    cache.save();
    globalThis.gc();
    const grown = process.memoryUsage().heapUsed - before;
    const documents = project.corpus.documents.length;
    const body = project.corpus.documents.find((d) => d.data.id === 'policy-7').body;
    process.stdout.write(JSON.stringify({ grown, documents, body }));`;
  const run = spawnSync(process.execPath, ['--expose-gc', '--input-type=module', '-e', script], { encoding: 'utf8', maxBuffer: 1 << 26 });
  expect(run.stderr).toBe('');
  return JSON.parse(run.stdout) as { grown: number; documents: number; body: string };
}

describe('documents for the site hold nothing of their files’ texts', () => {
  it('keeps far less than the texts, and still reads each body when it is asked for', () => {
    const cwd = corpus();
    const textBytes = DOCUMENTS * BODY.length * 2;
    const detached = measure(cwd, true);
    expect(detached.documents).toBeGreaterThan(DOCUMENTS);
    expect(detached.body).toBe(BODY);
    // The frontmatter data, positions and findings of 169 documents are a few megabytes; the texts are 19 MB.
    expect(detached.grown, `${(detached.grown / 1048576).toFixed(1)} MB kept for ${(textBytes / 1048576).toFixed(1)} MB of text`).toBeLessThan(textBytes / 4);
  }, 60_000);
});

/** All a reader sees of a document: its data, body, links and the positions of its keys. */
function view(document: StyrDocument) {
  const paths = [['id'], ['titel'], ['beslut', 'datum'], ['mål', 0, 'bidrar_till', 0], ['finns-inte']];
  return { file: document.file, data: document.data, body: document.body, bodyStartLine: document.bodyStartLine, links: document.links, spans: paths.map((at) => document.locate(at)) };
}

describe('detached documents are the documents a plain parse gives', () => {
  for (const [name, cwd, folder] of [
    ['the bundled corpus', ROOT, 'strategy'],
    ['the bad input', path.join(ROOT, 'test/fixtures'), 'bad-input'],
  ] as const) {
    it(`on ${name}: the same findings, data, bodies, links and positions`, () => {
      const plain = checkProject({ cwd, paths: [folder], today: '2026-11-25' });
      const cache = openCache(undefined, { detach: true });
      const detached = checkProject({ cwd, paths: [folder], today: '2026-11-25', cache });
      expect(detached.diagnostics).toEqual(plain.diagnostics);
      expect(detached.corpus.documents.map(view)).toEqual(plain.corpus.documents.map(view));
      expect(detached.corpus.documents.length).toBeGreaterThan(5);
    });
  }
});
