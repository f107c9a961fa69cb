/**
 * Builds the real site with the real Eleventy, as `npx @11ty/eleventy` does, from a corpus copied into a
 * temporary folder, and reads the result with a real HTML parser.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DomUtils, parseDocument } from 'htmlparser2';
import type { Document, Element } from 'domhandler';
import { eleventyBin, runNode as runNodeIn } from '../helpers/build-site.js';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const FIXTURE = path.join(REPO, 'test/fixtures/site/corpus');
export const TODAY = '2026-11-25';

/** A fresh folder in the test run's temporary folder, which is removed after the run (test/setup/temp-folder.ts). */
export function tempDir(prefix = 'styrdok-site-test-'): string {
  return mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** A copy of the fixture corpus as `<tmp>/strategy`, with extra or replaced files (path → text). */
export function corpusWith(files: Record<string, string> = {}, source = FIXTURE): string {
  const corpus = path.join(tempDir(), 'strategy');
  cpSync(source, corpus, { recursive: true });
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(corpus, file)), { recursive: true });
    writeFileSync(path.join(corpus, file), text);
  }
  return corpus;
}

export interface Build {
  code: number | null;
  out: string;
  stdout: string;
  stderr: string;
}

/**
 * Writes the pages of `corpus` (default: the bundled strategy/) from the repository root, as the first step
 * of `npm run site` does (dist/site/build-main.js), into a new folder or `out`; `eleventy: true` runs
 * `npx @11ty/eleventy` with .eleventy.js instead, the whole site in one run.
 */
export function buildSite(corpus?: string, options: { env?: NodeJS.ProcessEnv; eleventy?: boolean; out?: string } = {}): Promise<Build> {
  const out = options.out ?? path.join(tempDir(), '_site');
  const env: NodeJS.ProcessEnv = { ...process.env, ...options.env, STYRDOK_SITE_OUT: out, STYRDOK_TODAY: TODAY };
  if (corpus) env.STYRDOK_CORPUS = corpus;
  else delete env.STYRDOK_CORPUS;
  return runNode(options.eleventy ? [eleventyBin(), '--quiet'] : [path.join(REPO, 'dist/site/build-main.js')], env, out);
}

/**
 * Runs the second step of `npm run site`, the search index (dist/site/search-main.js), on a built site; with a
 * cache folder of its own unless `env` names one (STYRDOK_CACHE), so each run builds every index.
 */
export function buildSearchIndex(out: string, env: NodeJS.ProcessEnv = {}): Promise<Build> {
  return runNode([path.join(REPO, 'dist/site/search-main.js'), out], { ...process.env, STYRDOK_CACHE: path.join(tempDir(), 'cache'), ...env }, out);
}

async function runNode(args: string[], env: NodeJS.ProcessEnv, out: string): Promise<Build> {
  return { ...(await runNodeIn(args, env)), out };
}

export async function buildOk(corpus?: string): Promise<string> {
  const build = await buildSite(corpus);
  if (build.code !== 0) throw new Error(`Bygget misslyckades (${build.code}):\n${build.stdout}\n${build.stderr}`);
  return build.out;
}

export interface Page {
  html: string;
  doc: Document;
  all(test: (el: Element) => boolean, root?: Element | Document): Element[];
  one(test: (el: Element) => boolean, root?: Element | Document): Element;
  byId(id: string): Element;
}

export function readPage(out: string, url: string): Page {
  const file = path.join(out, url.replace(/^\//, ''), url.endsWith('/') ? 'index.html' : '');
  if (!existsSync(file)) throw new Error(`Sidan ${url} finns inte (${file}).`);
  const html = readFileSync(file, 'utf8');
  const doc = parseDocument(html);
  const all = (test: (el: Element) => boolean, root: Element | Document = doc) => DomUtils.findAll(test, root.children);
  const one = (test: (el: Element) => boolean, root: Element | Document = doc) => {
    const found = DomUtils.findOne(test, root.children, true);
    if (!found) throw new Error(`Hittar inget sådant element på ${url}.`);
    return found;
  };
  return { html, doc, all, one, byId: (id) => one((el) => el.attribs.id === id) };
}

export const tag = (name: string) => (el: Element) => el.name === name;
export const text = (node: Element | Document): string => DomUtils.textContent(node).replace(/\s+/g, ' ').trim();
export const hrefs = (page: Page, root?: Element): string[] => page.all(tag('a'), root).map((a) => a.attribs.href ?? '');

/** A description list by term: the text of the dd elements after each dt, joined with " | ". */
export function facts(page: Page, dl: Element): Record<string, string> {
  return Object.fromEntries(
    page.all(tag('dt'), dl).map((dt) => {
      const values: string[] = [];
      for (let dd = DomUtils.nextElementSibling(dt); dd?.name === 'dd'; dd = DomUtils.nextElementSibling(dd)) values.push(text(dd));
      return [text(dt), values.join(' | ')];
    }),
  );
}
