/**
 * The search step keeps the indexes it writes in the cache folder and copies those whose pages did not change
 * (search-cache.ts): the real search step as a process, on sites built by the real Eleventy from the fixture
 * corpus, and the grouping and the pruning on their own.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { openSearchCache, pruneSearchCache, restoreIndex } from '../../src/site/search-cache.js';
import { stableGroups } from '../../src/site/search-index.js';
import { buildOk, buildSearchIndex, buildSite, corpusWith, FIXTURE, tempDir } from './helpers.js';

const STRATEGY_FILE = 'strategier/strategi-ren-och-trygg-stad.md';
const NEW_WORD = 'Blåbärssoppa';
/** Four pages an index: the fixture's 13 searchable pages make several indexes, as a large site does. */
const SMALL_INDEXES = { STYRDOK_SEARCH_PAGES_PER_INDEX: '4' };

let built: string;
beforeAll(async () => {
  built = await buildOk(corpusWith());
}, 120_000);

/** A copy of the built site, to index on its own. */
function siteCopy(): string {
  const site = path.join(tempDir(), '_site');
  cpSync(built, site, { recursive: true });
  return site;
}

/** Every file of the site's index folders → SHA-1 of its bytes. */
function indexFiles(site: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const folder of readdirSync(site).filter((name) => name.startsWith('pagefind'))) {
    for (const entry of readdirSync(path.join(site, folder), { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const file = path.join(entry.parentPath, entry.name);
      files.set(path.relative(site, file), createHash('sha1').update(readFileSync(file)).digest('hex'));
    }
  }
  return files;
}

/** The URLs of the pages whose indexed text holds `word`, over all the site's indexes. */
function pagesWith(site: string, word: string): string[] {
  const urls: string[] = [];
  for (const folder of readdirSync(site).filter((name) => name.startsWith('pagefind'))) {
    for (const fragment of readdirSync(path.join(site, folder, 'fragment'))) {
      const json = gunzipSync(readFileSync(path.join(site, folder, 'fragment', fragment))).toString('utf8');
      const { url, content } = JSON.parse(json.slice(json.indexOf('{'))) as { url: string; content: string };
      if (content.includes(word)) urls.push(url);
    }
  }
  return urls.sort();
}

const indexCount = (stdout: string) => Number(/i (\d+) delindex/.exec(stdout)?.[1]);

describe('the search cache', () => {
  it('copies the indexes whose pages did not change, file for file what a build would write', async () => {
    const cache = path.join(tempDir(), 'cache');
    const site = siteCopy();
    const first = await buildSearchIndex(site, { ...SMALL_INDEXES, STYRDOK_CACHE: cache });
    expect([first.code, first.stderr]).toEqual([0, '']);
    const indexes = indexCount(first.stdout);
    expect(indexes).toBeGreaterThanOrEqual(4);
    expect(first.stdout).not.toContain('cachen');
    expect(readdirSync(path.join(cache, 'sokindex'))).toHaveLength(indexes);

    const again = await buildSearchIndex(site, { ...SMALL_INDEXES, STYRDOK_CACHE: cache });
    expect(again.stdout).toBe(`[styrdok] Sökindexet omfattar 13 sidor, i ${indexes} delindex som söksidan slår ihop. Sidorna var oförändrade sedan ett tidigare bygge, så alla delindex kopierades ur cachen.\n`);
    const fresh = siteCopy();
    expect((await buildSearchIndex(fresh, { ...SMALL_INDEXES, STYRDOK_CACHE: '0' })).code).toBe(0);
    expect(indexFiles(site)).toEqual(indexFiles(fresh));
  });

  it('builds again only the index of the page that changed, and search finds its new text', async () => {
    const cache = path.join(tempDir(), 'cache');
    const site = siteCopy();
    await buildSearchIndex(site, { ...SMALL_INDEXES, STYRDOK_CACHE: cache });
    // The next publication: one document has a new sentence; the site is written anew (the index folders go).
    const original = readFileSync(path.join(FIXTURE, STRATEGY_FILE), 'utf8');
    const rebuilt = await buildSite(corpusWith({ [STRATEGY_FILE]: `${original}\n${NEW_WORD} på torget varje lördag.\n` }), { out: site });
    expect(rebuilt.code).toBe(0);
    expect(readdirSync(site).filter((name) => name.startsWith('pagefind'))).toEqual([]);

    const after = await buildSearchIndex(site, { ...SMALL_INDEXES, STYRDOK_CACHE: cache });
    const indexes = indexCount(after.stdout);
    expect(after.stdout).toContain(` ${indexes - 1} av dem hade oförändrade sidor och kopierades ur cachen.`);
    expect(pagesWith(site, NEW_WORD)).toEqual(['/dokument/strategi-ren-och-trygg-stad/']);
    // The same as an index of the new site built from nothing.
    const fresh = path.join(tempDir(), '_site');
    cpSync(site, fresh, { recursive: true });
    expect((await buildSearchIndex(fresh, { ...SMALL_INDEXES, STYRDOK_CACHE: '0' })).code).toBe(0);
    expect(indexFiles(site)).toEqual(indexFiles(fresh));
  });

  it('writes no cache with STYRDOK_CACHE=0, and says in Swedish when the cache folder is a file', async () => {
    const root = tempDir();
    const site = siteCopy();
    const off = await buildSearchIndex(site, { STYRDOK_CACHE: '0', STYRDOK_CORPUS: path.join(root, 'strategy') });
    expect(off.code).toBe(0);
    expect(readdirSync(root)).toEqual([]);

    const file = path.join(root, 'cachefil');
    writeFileSync(file, 'inte en mapp');
    const wrong = await buildSearchIndex(site, { STYRDOK_CACHE: file });
    expect(wrong.code).not.toBe(0);
    expect(wrong.stderr).toBe(`STYRDOK_CACHE ska vara en mapp, men «${file}» är en fil: ${file}. Välj en mapp som inte finns än, eller 0 för ingen cache.\n`);
    expect(readFileSync(file, 'utf8')).toBe('inte en mapp');
  });
});

describe('restoreIndex and pruneSearchCache', () => {
  /** A cache folder with entries named and last used as given (minutes ago), each a minimal index. */
  function cacheWith(entries: Record<string, number>) {
    const cache = openSearchCache(path.join(tempDir(), 'cache'))!;
    for (const [name, minutesAgo] of Object.entries(entries)) {
      const entry = path.join(cache.folder, name);
      mkdirSync(entry, { recursive: true });
      for (const file of ['pagefind-entry.json', 'pagefind.js']) writeFileSync(path.join(entry, file), name);
      const when = new Date(Date.now() - minutesAgo * 60_000);
      utimesSync(entry, when, when);
    }
    return cache;
  }

  it('keeps what this build used and the most recently used others, as many as it used (at least four)', () => {
    const cache = cacheWith({ a: 500, b: 1, c: 2, d: 3, e: 4, f: 5, g: 6, h: 7 });
    pruneSearchCache(cache, new Set(['a', 'h']));
    expect(readdirSync(cache.folder).sort()).toEqual(['a', 'b', 'c', 'd', 'e', 'h']);
    pruneSearchCache(cache, new Set(['a', 'b', 'c', 'd', 'e', 'h']));
    expect(readdirSync(cache.folder).sort()).toEqual(['a', 'b', 'c', 'd', 'e', 'h']);
  });

  it("removes what a stopped build left half-written after an hour, not another build's that is still writing", () => {
    const cache = cacheWith({ 'x.123.abc.tmp': 61, 'y.456.def.tmp': 1 });
    pruneSearchCache(cache, new Set());
    expect(readdirSync(cache.folder)).toEqual(['y.456.def.tmp']);
  });

  it('copies a whole entry, and does not use one that lost its files but removes it', () => {
    const cache = cacheWith({ whole: 1, damaged: 1 });
    rmSync(path.join(cache.folder, 'damaged', 'pagefind-entry.json'));
    const target = path.join(tempDir(), 'pagefind');
    expect(restoreIndex(cache, 'whole', target)).toBe(true);
    expect(readFileSync(path.join(target, 'pagefind.js'), 'utf8')).toBe('whole');
    expect(restoreIndex(cache, 'damaged', target)).toBe(false);
    expect(existsSync(target)).toBe(false);
    expect(readdirSync(cache.folder)).toEqual(['whole']);
    expect(restoreIndex(cache, 'never-kept', target)).toBe(false);
  });

  it('does not publish an entry with a symbolic link, which Pagefind never writes', () => {
    const cache = cacheWith({ linked: 1 });
    mkdirSync(path.join(cache.folder, 'linked', 'fragment'));
    symlinkSync('/etc/passwd', path.join(cache.folder, 'linked', 'fragment', 'sv_0000000.pf_fragment'));
    const target = path.join(tempDir(), 'pagefind');
    expect(restoreIndex(cache, 'linked', target)).toBe(false);
    expect(existsSync(target)).toBe(false);
  });
});

describe('stableGroups', () => {
  const pages = (n: number, prefix = 'dokument/d') => Array.from({ length: n }, (_, i) => `${prefix}${i}/index.html`);

  it('puts every page in one group of at most the size, sorted, in about the fewest groups', () => {
    for (const [n, size] of [[13, 4], [1000, 100], [10_000, 700]] as const) {
      const groups = stableGroups(pages(n), size);
      expect(groups.flat().sort()).toEqual(pages(n).sort());
      for (const group of groups) {
        expect(group.length).toBeLessThanOrEqual(size);
        expect(group).toEqual([...group].sort());
      }
      expect(groups.length).toBeLessThanOrEqual(Math.ceil(n / size) + 2);
    }
    expect(stableGroups([], 700)).toEqual([[]]);
  });

  it('keeps to a very small size at once, by cutting a group that the hash leaves too large', () => {
    const single = stableGroups(pages(13), 1);
    expect(single.map((group) => group.length)).toEqual(Array<number>(13).fill(1));
    expect(single.flat().sort()).toEqual(pages(13).sort());
    const groups = stableGroups(pages(10_000), 3);
    expect(groups.flat().sort()).toEqual(pages(10_000).sort());
    expect(Math.max(...groups.map((group) => group.length))).toBeLessThanOrEqual(3);
  });

  it('changes only the group of a page added or removed, so the other indexes are reused', () => {
    const before = stableGroups(pages(2000), 100);
    for (const after of [stableGroups([...pages(2000), 'dokument/ny/index.html'], 100), stableGroups(pages(2000).slice(1), 100)]) {
      expect(after).toHaveLength(before.length);
      const changed = after.filter((group, i) => JSON.stringify(group) !== JSON.stringify(before[i]));
      expect(changed).toHaveLength(1);
    }
  });
});
