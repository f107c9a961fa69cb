/** Checks every built page must pass, whatever the corpus: structure, landmarks and links that resolve. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { HtmlValidate, type ConfigData } from 'html-validate';
import { readPage, REPO, tag, text, type Page } from './helpers.js';

export function htmlUrls(out: string): string[] {
  const urls: string[] = [];
  const walk = (rel: string) => {
    for (const entry of readdirSync(path.join(out, rel), { withFileTypes: true })) {
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory() && entry.name !== 'pagefind') walk(child);
      else if (entry.name.endsWith('.html')) urls.push('/' + child.replace(/(^|\/)index\.html$/, '$1'));
    }
  };
  walk('');
  return urls.sort();
}

export function checkStructure(page: Page, url: string): void {
  const html = page.one(tag('html'));
  expect(html.attribs.lang, url).toBe('sv');
  expect(page.all(tag('h1')), `${url}: exakt en h1`).toHaveLength(1);
  expect(text(page.one(tag('title'))), url).not.toBe('');
  const skip = page.one(tag('a'));
  expect(skip.attribs.href, `${url}: första länken hoppar till innehållet`).toBe('#huvudinnehall');
  expect(page.byId('huvudinnehall').name).toBe('main');
  expect(page.all(tag('main'))).toHaveLength(1);
  for (const nav of page.all(tag('nav'))) expect(nav.attribs['aria-label'] ?? nav.attribs['aria-labelledby'], `${url}: nav utan namn`).toBeTruthy();
  const ids = page.all((el) => el.attribs.id !== undefined).map((el) => el.attribs.id);
  expect(ids.filter((id, i) => ids.indexOf(id) !== i), `${url}: dubbla id`).toEqual([]);
  for (const img of page.all(tag('img'))) expect(img.attribs.alt, `${url}: bild utan alt`).toBeDefined();
  for (const th of page.all(tag('th'))) expect(th.attribs.scope, `${url}: th utan scope`).toMatch(/^(col|row)$/);
  for (const table of page.all(tag('table'))) expect(page.all(tag('th'), table).length, `${url}: tabell utan rubriker`).toBeGreaterThan(0);
}

/** Every link within the site leads to a page that exists, and to an element with the id after #. */
export function checkLinks(out: string, pages: Map<string, Page>): void {
  const broken: string[] = [];
  for (const [url, page] of pages) {
    for (const a of page.all(tag('a'))) {
      const href = a.attribs.href ?? '';
      if (/^(https?:|mailto:|tel:)/.test(href)) continue;
      const resolved = new URL(href, `https://site.test${url}`);
      const target = resolved.pathname;
      const file = path.join(out, decodeURIComponent(target), target.endsWith('/') ? 'index.html' : '');
      if (!existsSync(file)) {
        broken.push(`${url} → ${href} (finns inte)`);
        continue;
      }
      const id = decodeURIComponent(resolved.hash.slice(1));
      if (!id) continue;
      const targetPage = pages.get(target);
      if (!targetPage?.all((el) => el.attribs.id === id).length) broken.push(`${url} → ${href} (inget id ${id})`);
    }
  }
  expect(broken).toEqual([]);
}

export function readAll(out: string): Map<string, Page> {
  return new Map(htmlUrls(out).map((url) => [url, readPage(out, url)]));
}

/** Every page is valid HTML by the repository's html-validate rules (recommended, if it has none). */
export async function checkValid(pages: Map<string, Page>): Promise<void> {
  const file = path.join(REPO, '.htmlvalidate.json');
  const config: ConfigData = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as ConfigData) : { extends: ['html-validate:recommended'] };
  delete (config as { $schema?: string }).$schema;
  const validator = new HtmlValidate({ ...config, root: true });
  const problems: string[] = [];
  for (const [url, page] of pages) {
    const report = await validator.validateString(page.html, url);
    for (const result of report.results) for (const m of result.messages) problems.push(`${url}:${m.line}:${m.column} ${m.message} (${m.ruleId})`);
  }
  expect(problems).toEqual([]);
}
