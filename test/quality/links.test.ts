/**
 * No broken internal link anywhere in the built site: every href, src, srcset, action, poster, data and
 * SVG xlink:href of every page, and every url() of every stylesheet, resolved against its page (and its
 * <base>), must name a file in the build; a #fragment must name an element id on the target page.
 * External addresses are listed, never fetched.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { Parser } from 'htmlparser2';
import { beforeAll, describe, expect, test } from 'vitest';
import { buildSite, htmlFiles, urlPathOf } from '../helpers/build-site.js';

const ORIGIN = 'http://styrdok.test';

/** Attributes that hold one URL, per element (`*`: any element). */
const URL_ATTRS: Record<string, string[]> = {
  a: ['href'],
  area: ['href'],
  link: ['href'],
  base: ['href'],
  img: ['src'],
  script: ['src'],
  iframe: ['src'],
  embed: ['src'],
  source: ['src'],
  track: ['src'],
  audio: ['src'],
  video: ['src', 'poster'],
  input: ['src'],
  form: ['action'],
  button: ['formaction'],
  object: ['data'],
  use: ['href', 'xlink:href'],
  image: ['href', 'xlink:href'],
  '*': ['xlink:href'],
};

interface Ref {
  from: string;
  attr: string;
  value: string;
}

interface ParsedPage {
  ids: Set<string>;
  refs: Ref[];
}

function parsePage(html: string, file: string): ParsedPage {
  const ids = new Set<string>();
  const refs: Ref[] = [];
  let base: string | undefined;
  const raw: Array<{ attr: string; value: string }> = [];
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (attrs.id !== undefined) ids.add(attrs.id);
        if (name === 'a' && attrs.name !== undefined) ids.add(attrs.name);
        if (name === 'base' && attrs.href !== undefined && base === undefined) base = attrs.href;
        for (const attr of [...(URL_ATTRS[name] ?? []), ...(name === 'a' || name === 'use' || name === 'image' ? [] : URL_ATTRS['*']!)]) {
          const value = attrs[attr];
          if (value !== undefined) raw.push({ attr: `${name}[${attr}]`, value });
        }
        for (const attr of ['srcset', 'imagesrcset']) {
          const value = attrs[attr];
          if (value === undefined) continue;
          for (const candidate of value.split(',')) {
            const url = candidate.trim().split(/\s+/)[0];
            if (url) raw.push({ attr: `${name}[${attr}]`, value: url });
          }
        }
        if (name === 'meta' && attrs['http-equiv']?.toLowerCase() === 'refresh') {
          const url = /url\s*=\s*['"]?([^'"]+)/i.exec(attrs.content ?? '')?.[1];
          if (url) raw.push({ attr: 'meta[refresh]', value: url });
        }
      },
    },
    { decodeEntities: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  const pageUrl = new URL(urlPathOf(file), ORIGIN);
  const baseUrl = base !== undefined ? new URL(base, pageUrl).href : pageUrl.href;
  for (const { attr, value } of raw) refs.push({ from: attr === 'base[href]' ? pageUrl.href : baseUrl, attr, value });
  return { ids, refs };
}

function cssRefs(css: string): string[] {
  const out: string[] = [];
  for (const m of css.replace(/\/\*[\s\S]*?\*\//g, '').matchAll(/url\(\s*(['"]?)([^'")]+)\1\s*\)|@import\s+(['"])([^'"]+)\3/g)) {
    out.push((m[2] ?? m[4])!.trim());
  }
  return out;
}

interface LinkReport {
  pages: number;
  checked: number;
  broken: string[];
  external: Map<string, string[]>;
}

/** Check every internal reference of the build in `dir`. */
function checkLinks(dir: string): LinkReport {
  const files = htmlFiles(dir);
  const parsed = new Map<string, ParsedPage>();
  const pageOf = (file: string) => {
    let page = parsed.get(file);
    if (!page) {
      page = parsePage(readFileSync(path.join(dir, file), 'utf8'), file);
      parsed.set(file, page);
    }
    return page;
  };
  const isFile = (rel: string) => statSync(path.join(dir, rel), { throwIfNoEntry: false })?.isFile() ?? false;
  const isDir = (rel: string) => statSync(path.join(dir, rel), { throwIfNoEntry: false })?.isDirectory() ?? false;

  const broken: string[] = [];
  const external = new Map<string, string[]>();
  let checked = 0;

  const check = (source: string, attr: string, value: string, against: string) => {
    const ref = value.trim();
    if (ref === '') {
      broken.push(`${source}: ${attr}="" är tom`);
      return;
    }
    let url: URL;
    try {
      url = new URL(ref, against);
    } catch {
      broken.push(`${source}: ${attr}="${ref}" är ingen giltig adress`);
      return;
    }
    if (url.protocol === 'javascript:') {
      broken.push(`${source}: ${attr}="${ref}" är en javascript:-adress`);
      return;
    }
    if (url.protocol === 'data:' || url.protocol === 'blob:') return;
    if (url.origin !== ORIGIN) {
      const key = url.href;
      const from = external.get(key) ?? [];
      from.push(source);
      external.set(key, from);
      return;
    }
    checked++;
    let rel: string;
    try {
      rel = decodeURIComponent(url.pathname).replace(/^\/+/, '');
    } catch {
      broken.push(`${source}: ${attr}="${ref}" har en felaktig procentkodning`);
      return;
    }
    let target: string | undefined;
    if (rel === '' || rel.endsWith('/')) target = isFile(`${rel}index.html`) ? `${rel}index.html` : undefined;
    else if (isFile(rel)) target = rel;
    else if (isDir(rel) && isFile(`${rel}/index.html`)) target = `${rel}/index.html`;
    if (!target) {
      broken.push(`${source}: ${attr}="${ref}" leder till ${url.pathname}, som inte finns i bygget`);
      return;
    }
    if (url.hash.length > 1 && target.endsWith('.html')) {
      const id = decodeURIComponent(url.hash.slice(1));
      // "#top" scrolls to the top of any HTML page (HTML, "scroll to the fragment").
      if (id.toLowerCase() !== 'top' && !pageOf(target).ids.has(id)) {
        broken.push(`${source}: ${attr}="${ref}": ${urlPathOf(target)} har inget element med id «${id}»`);
      }
    }
  };

  for (const file of files) {
    for (const ref of pageOf(file).refs) check(file, ref.attr, ref.value, ref.from);
  }
  const cssFiles: string[] = [];
  const walk = (rel: string) => {
    for (const name of readdirSync(path.join(dir, rel))) {
      const child = rel ? `${rel}/${name}` : name;
      if (isDir(child)) walk(child);
      else if (name.endsWith('.css')) cssFiles.push(child);
    }
  };
  walk('');
  for (const file of cssFiles) {
    for (const ref of cssRefs(readFileSync(path.join(dir, file), 'utf8'))) check(file, 'url()', ref, new URL(`/${file}`, ORIGIN).href);
  }
  return { pages: files.length, checked, broken, external };
}

function describeBuild(label: string, corpus: string | undefined) {
  describe(label, () => {
    let report: LinkReport;
    beforeAll(async () => {
      const site = await buildSite(corpus ? { corpus } : {});
      report = checkLinks(site.dir);
    });

    test('inga trasiga interna länkar eller ankare', () => {
      expect(report.checked, 'bygget har inga interna länkar alls').toBeGreaterThan(0);
      expect(report.broken, `${report.broken.length} trasiga referenser i ${report.pages} sidor:\n${report.broken.slice(0, 200).join('\n')}`).toEqual([]);
    });

    test('externa adresser listas (hämtas inte) och använder http(s), mailto eller tel', () => {
      const lines = [...report.external].sort(([a], [b]) => a.localeCompare(b)).map(([url, from]) => `  ${url}  (${from.length} ${from.length === 1 ? 'ställe' : 'ställen'}, t.ex. ${from[0]})`);
      console.log(`${label}: ${report.external.size} externa adresser${lines.length ? `:\n${lines.join('\n')}` : ''}`);
      const odd = [...report.external.keys()].filter((url) => !/^(https?:\/\/[^/]|mailto:|tel:)/.test(url));
      expect(odd, 'externa adresser med andra scheman').toEqual([]);
    });
  });
}

describeBuild('webbplatsen för strategy/', undefined);
describeBuild('webbplatsen för test/fixtures/hostile', 'test/fixtures/hostile');
