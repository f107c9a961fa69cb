/**
 * Builds the Eleventy site into a temporary folder, the way a user's `npm run site` would, but with a fixed
 * date and, optionally, another corpus. One build per corpus per test file: call `buildSite()` from a
 * vitest `beforeAll`; the promise is cached for the module, and vitest gives each test file its own.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The day every site build in the tests is made on, so the status of each document is fixed. */
export const SITE_TODAY = '2026-11-25';

export interface BuildOptions {
  /** Folder with styrdok.config.yaml and the documents; default: the repo's own corpus (strategy/). */
  corpus?: string;
  /** More environment for both steps, such as STYRDOK_SEARCH_PAGES_PER_INDEX. */
  env?: Record<string, string>;
}

export interface BuiltSite {
  /** Absolute path of the output folder. */
  dir: string;
  /** Eleventy's own output, for messages when a test fails. */
  log: string;
}

const cache = new Map<string, Promise<BuiltSite>>();

/** The program `npx @11ty/eleventy` runs (with .eleventy.js), started directly so that nothing is ever looked up. */
export function eleventyBin(): string {
  // The package's exports hide its package.json: find it from the entry point upwards.
  const require = createRequire(import.meta.url);
  let dir = path.dirname(require.resolve('@11ty/eleventy'));
  while (!existsSync(path.join(dir, 'package.json'))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error('package.json för @11ty/eleventy saknas');
    dir = up;
  }
  const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { bin: string | Record<string, string> };
  const bin = typeof pkg.bin === 'string' ? pkg.bin : pkg.bin.eleventy;
  if (!bin) throw new Error('@11ty/eleventy har inget eleventy-program');
  return path.join(dir, bin);
}

/** Build the site once per corpus (per test file) and return where it went. */
export function buildSite(options: BuildOptions = {}): Promise<BuiltSite> {
  const corpus = options.corpus ? path.resolve(REPO_ROOT, options.corpus) : '';
  const key = JSON.stringify([corpus, options.env ?? {}]);
  let pending = cache.get(key);
  if (!pending) {
    pending = runBuild(corpus, options.env ?? {});
    cache.set(key, pending);
  }
  return pending;
}

async function runBuild(corpus: string, extraEnv: Record<string, string>): Promise<BuiltSite> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'styrdok-site-'));
  const env: NodeJS.ProcessEnv = { ...process.env, ...extraEnv, STYRDOK_SITE_OUT: dir, STYRDOK_TODAY: SITE_TODAY };
  if (corpus) env.STYRDOK_CORPUS = corpus;
  else delete env.STYRDOK_CORPUS;
  const where = corpus ? `korpusen ${path.relative(REPO_ROOT, corpus)}` : 'strategy/';
  // The same programs as `npm run site`: the pages, then the search index.
  const pages = await runNode([path.join(REPO_ROOT, 'dist/site/build-main.js')], env);
  const pagesLog = pages.stdout + pages.stderr;
  if (pages.code !== 0) throw new Error(`Eleventy-bygget av ${where} misslyckades (slutkod ${pages.code}):\n${pagesLog.slice(-8000)}`);
  if (htmlFiles(dir).length === 0) throw new Error(`Eleventy-bygget av ${where} gav inga HTML-sidor i ${dir}:\n${pagesLog.slice(-8000)}`);
  const search = await runNode([path.join(REPO_ROOT, 'dist/site/search-main.js')], env);
  const searchLog = search.stdout + search.stderr;
  if (search.code !== 0) throw new Error(`Sökindexet för ${where} byggdes inte (slutkod ${search.code}):\n${searchLog.slice(-8000)}`);
  return { dir, log: pagesLog + searchLog };
}

/** Runs `node <args>` from the repository root and collects what it printed. */
export function runNode(args: string[], env: NodeJS.ProcessEnv, cwd = REPO_ROOT): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Every .html file under `dir`, as paths relative to it with forward slashes, sorted. */
export function htmlFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const entry of readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(child);
      else if (entry.isFile() && entry.name.endsWith('.html')) out.push(child);
    }
  };
  if (statSync(dir, { throwIfNoEntry: false })?.isDirectory()) walk('');
  return out.sort();
}

/** The URL path a built file is served at: `a/b/index.html` → `/a/b/`, `404.html` → `/404.html`. */
export function urlPathOf(file: string): string {
  if (file === 'index.html') return '/';
  if (file.endsWith('/index.html')) return `/${file.slice(0, -'index.html'.length)}`;
  return `/${file}`;
}
