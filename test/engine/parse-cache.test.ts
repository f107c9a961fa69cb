import { appendFileSync, cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkProject, ConfigError } from '../../src/engine/load-project.js';
import { latin1Json, SHARD_COUNT, shardOf } from '../../src/load/cache-folder.js';
import { rules } from '../../src/rules/index.js';
import { cacheKey, openParseCache } from '../../src/load/parse-cache.js';
import { SCHEMA_DIR } from '../../src/schema/schema-files.js';
import { REPO_ROOT, tempProject, type TempProject } from '../helpers/run-cli.js';

const TODAY = '2026-11-25';
const BAD_INPUT = path.join(REPO_ROOT, 'test/fixtures/bad-input');

let project: TempProject | undefined;
afterEach(() => {
  project?.dispose();
  project = undefined;
});

/** The bundled corpus (or the bad-input fixtures) in a temporary folder, saved an hour ago. */
function copyOf(source: 'strategy' | 'bad-input'): TempProject {
  project = tempProject('styrdok-cache-');
  cpSync(source === 'strategy' ? path.join(REPO_ROOT, 'strategy') : BAD_INPUT, project.path('strategy'), { recursive: true });
  // Files saved within a second of the cache are always read again; these are older, as a clerk's would be.
  const anHourAgo = new Date(Date.now() - 3_600_000);
  for (const file of project.snapshot().keys()) utimesSync(project.path(file), anHourAgo, anHourAgo);
  return project;
}

const freshCache = () => openParseCache(cacheKey('test', SCHEMA_DIR, 2 * 1024 * 1024));
const findings = (dir: string, cache?: ReturnType<typeof freshCache>) =>
  checkProject({ cwd: dir, paths: ['strategy'], today: TODAY, ...(cache ? { cache } : {}) }).diagnostics;

/** A check as a new process runs it with --cache: the cache opened from its folder, and saved afterwards. */
function checkFromFolder(p: TempProject, options: { rules?: [] } = {}) {
  const cache = openParseCache(cacheKey('test', SCHEMA_DIR, 2 * 1024 * 1024), p.path('.styrdokcache'));
  const { corpus, diagnostics } = checkProject({ cwd: p.dir, paths: ['strategy'], today: TODAY, cache, ...options });
  cache.save();
  return { corpus, diagnostics, reused: cache.stats.reused };
}

/** A cache part written as styrdok writes one: one byte per character, anything past U+00FF escaped. */
function writePart(file: string, value: unknown): void {
  writeFileSync(file, latin1Json(value), 'latin1');
}

describe('the parse cache', () => {
  it.each(['strategy', 'bad-input'] as const)('gives exactly the findings of an uncached check (%s), first and second time', (source) => {
    const p = copyOf(source);
    const uncached = findings(p.dir);
    expect(uncached.length).toBeGreaterThan(0);
    const cache = freshCache();
    expect(findings(p.dir, cache)).toEqual(uncached);
    cache.save();
    expect(findings(p.dir, cache)).toEqual(uncached);
    cache.save();
    // The second round reused files by size and time, not by parsing them again.
    expect(cache.stats.reused).toBeGreaterThan(0);
  });

  it('gives back every character of a document from its folder: å, ä and ö (one byte each), – and 😀 (escaped)', () => {
    const p = copyOf('strategy');
    const policy = 'strategy/policyer/trygghetspolicy.md';
    const title = 'Åtgärder för ökad trygghet – ”säker” stad ÿ\u0080 😀 \\ "';
    writeFileSync(p.path(policy), readFileSync(p.path(policy), 'utf8').replace(/\ntitel: .*/, `\ntitel: ${JSON.stringify(title)}`));
    const location = p.path('.styrdokcache');
    const check = () => {
      const { corpus, diagnostics, reused } = checkFromFolder(p);
      return { title: corpus.documents.find((d) => d.file === policy)?.data.titel, diagnostics, reused };
    };
    const first = check();
    expect(first.title).toBe(title);
    const second = check();
    expect(second.reused).toBeGreaterThan(0);
    expect(second).toEqual({ ...first, reused: second.reused });
    // One byte per character: ä is the byte E4, not two bytes of UTF-8 nor an escape.
    const part = readFileSync(path.join(location, `del-${shardOf(policy).toString(16).padStart(2, '0')}.json`));
    expect(part.includes(Buffer.from('Åtgärder', 'latin1'))).toBe(true);
    expect(part.includes(Buffer.from('\\u2013'))).toBe(true);
  });

  it('gives back a document’s links from its folder as they were found, and only when asked for', () => {
    const p = copyOf('strategy');
    const policy = 'strategy/policyer/trygghetspolicy.md';
    appendFileSync(p.path(policy), '\nSe [a b](<../riktlinjer/med mellanslag.md>), [c](anvisning.md#del?x=1:2) och [d](../x.md "titel").\n');
    const links = () => {
      const { corpus, reused } = checkFromFolder(p, { rules: [] });
      return { links: corpus.documents.find((d) => d.file === policy)?.links, reused };
    };
    const first = links();
    expect(first.links?.map((l) => l.url)).toEqual(expect.arrayContaining(['../riktlinjer/med mellanslag.md', 'anvisning.md#del?x=1:2', '../x.md']));
    const second = links();
    expect(second.reused).toBeGreaterThan(0);
    expect(second.links).toEqual(first.links);
  });

  it('parses a file again when its entry in the cache folder is damaged but still JSON, and loses no finding', () => {
    const p = copyOf('strategy');
    const riktlinje = 'strategy/riktlinjer/riktlinje-kamerabevakning.md';
    appendFileSync(p.path(riktlinje), '\nSe [saknas](saknas.md).\n');
    const location = p.path('.styrdokcache');
    const check = () => checkFromFolder(p).diagnostics;
    const expected = findings(p.dir);
    expect(expected.some((d) => d.ruleId === 'body-links' && d.file === riktlinje)).toBe(true);
    expect(check()).toEqual(expected);
    const part = path.join(location, `del-${shardOf(riktlinje).toString(16).padStart(2, '0')}.json`);
    const stored = JSON.parse(readFileSync(part, 'latin1')) as { entries: Record<string, { document: { links: unknown }; shape: unknown }> };
    stored.entries[riktlinje]!.document.links = 17;
    for (const entry of Object.values(stored.entries)) if (entry !== stored.entries[riktlinje]) entry.shape = null;
    writePart(part, stored);
    // Without the rules' kept findings, so that the rules read every document again.
    for (const slot of ['regler.json', 'regler-dokument.json']) rmSync(path.join(location, slot));
    expect(check()).toEqual(expected);
  });

  it('parses a changed file again: its new finding appears, and the others come from the cache', async () => {
    const p = copyOf('strategy');
    const cache = freshCache();
    const before = findings(p.dir, cache);
    cache.save();
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const file = p.path('strategy/policyer/trygghetspolicy.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('dokumenttyp: policy', 'dokumenttyp: polisy'));
    const parsedBefore = cache.stats.parsed;
    const after = findings(p.dir, cache);
    expect(cache.stats.parsed).toBe(parsedBefore + 1);
    expect(after).not.toEqual(before);
    expect(after.some((d) => d.file === 'strategy/policyer/trygghetspolicy.md' && d.ruleId === 'schema')).toBe(true);
    expect(after).toEqual(findings(p.dir));
  });

  it('reads a file whose size and time did not change but whose time is too close to the cache (racy git)', () => {
    const p = copyOf('strategy');
    const file = p.path('strategy/policyer/trygghetspolicy.md');
    // A modification time later than the cache's own writing: never trusted without reading.
    const future = new Date(Date.now() + 60_000);
    utimesSync(file, future, future);
    const cache = freshCache();
    findings(p.dir, cache);
    cache.save();
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace('dokumenttyp: policy', 'dokumenttyp: polisy'));
    utimesSync(file, future, future);
    expect(statSync(file).size).toBe(Buffer.byteLength(text));
    expect(findings(p.dir, cache)).toEqual(findings(p.dir));
  });

  it('leaves the cache folder alone when nothing changed, and rewrites only the part of a file that did', async () => {
    const p = copyOf('strategy');
    const location = p.path('.styrdokcache');
    const key = cacheKey('test', SCHEMA_DIR, 2 * 1024 * 1024);
    const run = () => {
      const cache = openParseCache(key, location);
      const result = findings(p.dir, cache);
      cache.save();
      const written = new Map(readdirSync(location).map((f) => [f, statSync(path.join(location, f)).mtimeMs]));
      return { result, written, stats: cache.stats };
    };
    const first = run();
    // Each part's two files, the config, and the rules' findings: all of them, and those about each document.
    expect(first.written.size).toBe(2 * SHARD_COUNT + 3);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const second = run();
    expect(second.stats).toEqual({ reused: first.stats.parsed, hashed: 0, parsed: 0 });
    expect(second.written).toEqual(first.written);
    expect(second.result).toEqual(first.result);
    appendFileSync(p.path('strategy/policyer/trygghetspolicy.md'), '\nEn mening till.\n');
    const third = run();
    expect(third.stats.parsed).toBe(1);
    const rewritten = [...third.written].filter(([f, time]) => time !== first.written.get(f)).map(([f]) => f);
    const part = shardOf('strategy/policyer/trygghetspolicy.md').toString(16).padStart(2, '0');
    expect(rewritten.sort()).toEqual([`del-${part}.json`, `lagen-${part}.json`]);
  });

  it('gives the findings of an uncached check, positions included, when a new process opens the folder', () => {
    const p = copyOf('bad-input');
    const key = cacheKey('test', SCHEMA_DIR, 2 * 1024 * 1024);
    const uncached = findings(p.dir);
    const first = openParseCache(key, p.path('.styrdokcache'));
    expect(findings(p.dir, first)).toEqual(uncached);
    first.save();
    // A second cache opened from the folder reads positions from its lagen-*.json files, once asked for.
    const second = openParseCache(key, p.path('.styrdokcache'));
    expect(findings(p.dir, second)).toEqual(uncached);
    expect(second.stats.parsed).toBe(0);
    // Without them, the files are parsed again for their positions: the same findings, at the same places.
    for (const f of readdirSync(p.path('.styrdokcache')).filter((f) => f.startsWith('lagen-'))) rmSync(p.path('.styrdokcache', f));
    expect(findings(p.dir, openParseCache(key, p.path('.styrdokcache')))).toEqual(uncached);
  });

  it('remembers a config without findings, and checks a changed one again', () => {
    const p = copyOf('strategy');
    const key = cacheKey('test', SCHEMA_DIR, 2 * 1024 * 1024);
    const location = p.path('.styrdokcache');
    const first = openParseCache(key, location);
    findings(p.dir, first);
    first.save();
    const config = readFileSync(p.path('strategy/styrdok.config.yaml'), 'utf8');
    expect(openParseCache(key, location).configData(`${config}\n# regler: ${rules.map((r) => r.id).join(' ')}`)).toBeDefined();
    writeFileSync(p.path('strategy/styrdok.config.yaml'), config.replace(/^kommun: .*$/m, 'kommun: [trasig'));
    expect(() => findings(p.dir, openParseCache(key, location))).toThrow(ConfigError);
  });

  it('reads a body only when asked, and then as it is on disk', () => {
    const p = copyOf('strategy');
    const cache = freshCache();
    findings(p.dir, cache);
    cache.save();
    const { corpus } = checkProject({ cwd: p.dir, paths: ['strategy'], today: TODAY, cache });
    const uncached = checkProject({ cwd: p.dir, paths: ['strategy'], today: TODAY }).corpus;
    expect(corpus.documents.map((d) => d.body)).toEqual(uncached.documents.map((d) => d.body));
    expect(corpus.documents.map((d) => d.links)).toEqual(uncached.documents.map((d) => d.links));
  });

  it('gives a body again, the same, after the job that read it has ended (it is not kept for good)', async () => {
    const p = copyOf('strategy');
    const cache = freshCache();
    findings(p.dir, cache);
    const { corpus } = checkProject({ cwd: p.dir, paths: ['strategy'], today: TODAY, cache });
    const first = corpus.documents.map((d) => d.body);
    expect(first.some((body) => body.length > 1000)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(corpus.documents.map((d) => d.body)).toEqual(first);
  });
});

describe('styrdok check --cache', () => {
  it('writes .styrdokcache, prints the same report from it, and never touches the documents', async () => {
    const p = copyOf('bad-input');
    appendFileSync(p.path('strategy/ok-policy.md'), '\n');
    const plain = await p.run(['check', '--today', TODAY, '--format', 'json']);
    const sources = p.snapshot();
    const first = await p.run(['check', '--today', TODAY, '--format', 'json', '--cache']);
    const second = await p.run(['check', '--today', TODAY, '--format', 'json', '--cache']);
    expect(first).toEqual(plain);
    expect(second).toEqual(plain);
    const after = p.snapshot();
    const added = [...after.keys()].filter((f) => !sources.has(f));
    expect(added.length).toBeGreaterThan(0);
    expect(added.every((f) => f.startsWith('.styrdokcache/'))).toBe(true);
    for (const [file, bytes] of sources) expect(after.get(file)?.equals(bytes), file).toBe(true);
  });

  it('starts over from a damaged cache, and writes it where --cache-location says', async () => {
    const p = copyOf('strategy');
    const part = `del-${shardOf('strategy/policyer/trygghetspolicy.md').toString(16).padStart(2, '0')}.json`;
    mkdirSync(p.path('cache'));
    writeFileSync(p.path('cache', part), '{"key": "trasig", "entries": ');
    const plain = await p.run(['check', '--today', TODAY, '--format', 'json']);
    const cached = await p.run(['check', '--today', TODAY, '--format', 'json', '--cache', '--cache-location', 'cache']);
    expect(cached).toEqual(plain);
    expect(JSON.parse(readFileSync(p.path('cache', part), 'latin1')).entries).toHaveProperty(['strategy/policyer/trygghetspolicy.md']);
  });

  it('replaces the single-file cache of earlier versions, and refuses to put the cache over any other file', async () => {
    const p = copyOf('strategy');
    writeFileSync(p.path('.styrdokcache'), '{"key":"gammal","writtenAt":0,"entries":{}}');
    writeFileSync(p.path('anteckningar.txt'), 'Mina anteckningar');
    const plain = await p.run(['check', '--today', TODAY, '--format', 'json']);
    expect(await p.run(['check', '--today', TODAY, '--format', 'json', '--cache'])).toEqual(plain);
    expect(statSync(p.path('.styrdokcache')).isDirectory()).toBe(true);
    const refused = await p.run(['check', '--cache', '--cache-location', 'anteckningar.txt']);
    expect(refused).toEqual({ code: 2, stdout: '', stderr: '--cache-location ska vara en mapp, men «anteckningar.txt» är en fil. Välj en mapp som inte finns än.\n' });
    expect(readFileSync(p.path('anteckningar.txt'), 'utf8')).toBe('Mina anteckningar');
    const below = await p.run(['check', '--cache', '--cache-location', 'anteckningar.txt/cache']);
    expect(below).toEqual({ code: 2, stdout: '', stderr: '--cache-location ska vara en mapp, men «anteckningar.txt/cache» ligger under en fil, inte en mapp. Välj en mapp som inte finns än.\n' });
  });

  it('refuses --cache-location without --cache', async () => {
    const p = copyOf('strategy');
    const result = await p.run(['check', '--cache-location', 'x.json']);
    expect(result).toEqual({ code: 2, stdout: '', stderr: '--cache-location anger var cachen sparas och används tillsammans med --cache.\n' });
  });
});
