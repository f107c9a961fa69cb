/**
 * A clerk's text is data, never code. The corpus in test/fixtures/hostile holds two riktlinjer whose
 * bodies and metadata carry script, event handlers, javascript: links, frames and template syntax
 * (riktlinje-fientlig-lank has the Markdown links that the checker's body-links rule would stop, so its
 * config turns that rule off: what is tested here is the site's own sanitizing). Every page of that build
 * is loaded in Chromium with the page's CSP bypassed, so that the markup alone is judged.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { buildSite } from '../helpers/build-site.js';
import { launchBrowser, openContext, serveDir, type SitePage, type StaticServer } from '../helpers/browser.js';
import { describePages, indexPages, type SitePageInfo } from './site-pages.js';

const HTML_DOC_TITLE = 'Fientlig riktlinje {{ config }} <b>fet</b>';
const LINK_DOC_TITLE = 'Riktlinje med fientliga Markdown-länkar';

/** Sentences of the hostile body that must be shown exactly as the clerk typed them. */
const LITERAL_SENTENCES = [
  'Mallsyntax som den skrevs: {{ 7*7 }} ska synas så.',
  'Rå-block som det skrevs: {% raw %}x{% endraw %} ska synas så.',
  'Kommentar som den skrevs: {# dold #} ska synas så.',
  'Sista stycket: texten slutar här.',
];

/** What the text would read if a template engine had run over the clerk's words. */
const EVALUATED = ['som den skrevs: 49', 'Sammanfattning med 49', 'Uppföljning 49', 'som det skrevs: x ska', 'Kommentar som den skrevs: ska', '[object Object]'];

let server: StaticServer;
let browser: Browser;
let pages: SitePageInfo[];
let tab: SitePage;

// Records every value written to window.__pwned (from any frame that reaches this window) before the
// page's own code runs, so a test can say which payload fired.
const TRAP = `(() => {
  const fired = [];
  Object.defineProperty(window, '__pwnedLog', { value: fired });
  let value;
  Object.defineProperty(window, '__pwned', { configurable: false, get: () => value, set: (v) => { value = v; fired.push(String(v)); } });
})();`;

beforeAll(async () => {
  const site = await buildSite({ corpus: 'test/fixtures/hostile' });
  pages = indexPages(site.dir);
  server = await serveDir(site.dir);
  browser = await launchBrowser();
  tab = await openContext(browser, server.origin, { bypassCSP: true });
  await tab.context.addInitScript(TRAP);
});

afterAll(async () => {
  await tab?.context.close();
  await browser?.close();
  await server?.close();
});

function documentPage(title: string): SitePageInfo {
  const page = pages.find((p) => p.h1 === title);
  if (!page) throw new Error(`Ingen sida i bygget har rubriken «${title}». Sidorna (URL «h1»):\n${describePages(pages)}`);
  return page;
}

async function load(page: Page, url: string) {
  tab.dialogs.length = 0;
  const response = await page.goto(server.origin + url, { waitUntil: 'load' });
  expect(response?.status(), `${url} svarar inte 200`).toBe(200);
  // Images, frames and scripts hold back the load event; give what fires after it (toggles, timers) a moment.
  await page.waitForTimeout(150);
}

/** Everything in the DOM that could run the clerk's code, found from inside the page. */
function scanDom(page: Page) {
  return page.evaluate(() => {
    const describe = (el: Element) => `<${el.tagName.toLowerCase()}${[...el.attributes].map((a) => ` ${a.name}="${a.value.slice(0, 60)}"`).join('')}>`;
    const main = document.querySelector('main');
    const all = [...document.querySelectorAll('*')];
    const URL_ATTRS = ['href', 'src', 'action', 'formaction', 'data', 'xlink:href', 'poster', 'srcdoc', 'background', 'ping'];
    // Browsers ignore ASCII whitespace and control characters in a scheme: "java\tscript:" is javascript:.
    const scheme = (value: string) => /^([a-z][a-z0-9+.-]*):/i.exec(value.replace(/[\u0000-\u0020]/g, ''))?.[1]?.toLowerCase();
    const safeLink = (value: string) => {
      const s = scheme(value);
      return s === undefined || ['http', 'https', 'mailto', 'tel'].includes(s);
    };
    return {
      pwned: (window as unknown as { __pwned?: unknown }).__pwned,
      pwnedLog: [...((window as unknown as { __pwnedLog?: string[] }).__pwnedLog ?? [])],
      handlers: all.flatMap((el) => [...el.attributes].filter((a) => a.name.toLowerCase().startsWith('on')).map((a) => `${describe(el)} har ${a.name}`)),
      jsUrls: all.flatMap((el) =>
        [...el.attributes]
          .filter((a) => URL_ATTRS.includes(a.name.toLowerCase()) && ['javascript', 'vbscript'].includes(scheme(a.value) ?? ''))
          .map((a) => `${describe(el)}: ${a.name}`),
      ),
      unsafeLinks: [...document.querySelectorAll('a[href], area[href]')].filter((a) => !safeLink(a.getAttribute('href') ?? '')).map(describe),
      // The clerk's words may well stand, escaped, in a text attribute (<meta name="description" content>,
      // alt, title); in any attribute that runs or loads something they must not.
      payloadAttrs: all.flatMap((el) =>
        [...el.attributes]
          .filter((a) => a.value.includes('__pwned') && (a.name.toLowerCase().startsWith('on') || [...URL_ATTRS, 'style', 'http-equiv'].includes(a.name.toLowerCase()) || el.hasAttribute('http-equiv')))
          .map((a) => `${describe(el)}: ${a.name}`),
      ),
      payloadScripts: [...document.querySelectorAll('script')].filter((s) => (s.textContent ?? '').includes('__pwned') || (s.getAttribute('src') ?? '').includes('__pwned')).map(describe),
      // On a document page nothing in <main> is a script: the site's own scripts sit outside the text.
      scriptsInMain: main ? [...main.querySelectorAll('script')].filter((s) => s.type !== 'application/ld+json').map(describe) : [],
      embedded: main ? [...main.querySelectorAll('iframe, frame, frameset, object, embed, applet, base, link, meta, style, form, input, button, textarea, select')].map(describe) : [],
      refresh: [...document.querySelectorAll('meta[http-equiv]')].filter((m) => m.getAttribute('http-equiv')!.toLowerCase() === 'refresh').map(describe),
      baseElements: [...document.querySelectorAll('base')].map(describe),
      frames: window.frames.length,
    };
  });
}

describe('varje sida i det fientliga bygget', () => {
  test('bygget har de fientliga dokumentens sidor', () => {
    documentPage(HTML_DOC_TITLE);
    documentPage(LINK_DOC_TITLE);
    expect(pages.length).toBeGreaterThan(2);
  });

  test('ingen nyttolast körs, ingen dialog öppnas och ingen mall har tolkat texten', async () => {
    const problems: string[] = [];
    for (const info of pages) {
      await load(tab.page, info.url);
      const dom = await scanDom(tab.page);
      if (dom.pwned !== undefined || dom.pwnedLog.length) problems.push(`${info.url}: window.__pwned sattes till ${dom.pwnedLog.join(', ')}`);
      if (tab.dialogs.length) problems.push(`${info.url}: dialoger öppnades: ${tab.dialogs.join(' | ')}`);
      for (const a of dom.payloadAttrs) problems.push(`${info.url}: nyttolast i attribut ${a}`);
      for (const s of dom.payloadScripts) problems.push(`${info.url}: skript från texten ${s}`);
      for (const j of dom.jsUrls) problems.push(`${info.url}: javascript:-adress ${j}`);
      for (const r of dom.refresh) problems.push(`${info.url}: meta refresh ${r}`);
      const text = await tab.page.evaluate(() => document.body.innerText);
      const title = await tab.page.title();
      for (const evaluated of EVALUATED) {
        if (text.includes(evaluated) || title.includes(evaluated)) problems.push(`${info.url}: texten «${evaluated}» visar att en mallmotor har tolkat dokumentet`);
      }
      const leaked = await tab.page.evaluate(() =>
        [...document.querySelectorAll('b, i, strong, em')].filter((el) => ['fet', 'kursiv', 'nyckel'].includes((el.textContent ?? '').trim())).map((el) => el.outerHTML),
      );
      for (const l of leaked) problems.push(`${info.url}: HTML ur metadata tolkades som markup: ${l}`);
    }
    expect(problems, problems.join('\n')).toEqual([]);
  });
});

describe.each([
  { name: 'riktlinje-fientlig-html (rå HTML i texten)', title: HTML_DOC_TITLE },
  { name: 'riktlinje-fientlig-lank (Markdown-länkar)', title: LINK_DOC_TITLE },
])('dokumentsidan för $name', ({ title }) => {
  test('inga on*-attribut, inga javascript:-adresser, inga ramar eller skript från texten', async () => {
    const info = documentPage(title);
    await load(tab.page, info.url);
    const dom = await scanDom(tab.page);
    expect(dom.pwnedLog, 'värden som skrevs till window.__pwned').toEqual([]);
    expect(dom.pwned).toBeUndefined();
    expect(tab.dialogs, 'dialoger').toEqual([]);
    expect(dom.handlers, 'on*-attribut i DOM').toEqual([]);
    expect(dom.jsUrls, 'javascript:-adresser i DOM').toEqual([]);
    expect(dom.unsafeLinks, 'länkar med andra scheman än http(s), mailto och tel').toEqual([]);
    expect(dom.payloadScripts, '<script> från dokumentets text').toEqual([]);
    expect(dom.scriptsInMain, '<script> i <main> på en dokumentsida').toEqual([]);
    expect(dom.embedded, 'inbäddade eller aktiva element i <main>').toEqual([]);
    expect(dom.baseElements, '<base> ändrar alla relativa länkar').toEqual([]);
    expect(dom.frames, 'ramar på sidan').toBe(0);
  });
});

describe('dokumentsidan för riktlinje-fientlig-html visar texten som den skrevs', () => {
  test('rubriken visar klamrarna och <b> som text, i <h1> och i <title>', async () => {
    const info = documentPage(HTML_DOC_TITLE);
    await load(tab.page, info.url);
    const h1 = tab.page.locator('h1').first();
    expect(await h1.innerText()).toBe(HTML_DOC_TITLE);
    expect(await h1.isVisible()).toBe(true);
    expect(await h1.locator('b').count(), '<b> i rubriken blev ett element').toBe(0);
    expect(await tab.page.title()).toContain(HTML_DOC_TITLE);
  });

  test.each(LITERAL_SENTENCES)('«%s» syns ordagrant', async (sentence) => {
    const info = documentPage(HTML_DOC_TITLE);
    await load(tab.page, info.url);
    const main = await tab.page.locator('main').innerText();
    expect(main, `texten i <main> på ${info.url}`).toContain(sentence);
    const node = tab.page.getByText(sentence, { exact: true });
    expect(await node.count(), `exakt ett element har texten «${sentence}»`).toBe(1);
    expect(await node.isVisible(), `«${sentence}» syns inte`).toBe(true);
  });
});

describe('dokumentsidan för riktlinje-fientlig-lank behåller länktexterna', () => {
  test('texten runt de borttagna adresserna finns kvar, och den relativa länken leder till strategin', async () => {
    const info = documentPage(LINK_DOC_TITLE);
    await load(tab.page, info.url);
    const main = await tab.page.locator('main').innerText();
    for (const sentence of ['En länk i texten.', 'En länk med entitet i texten.', 'En referenslänk i texten.', 'En vanlig länk i texten.']) {
      expect(main).toContain(sentence);
    }
    const relative = tab.page.locator('main a', { hasText: 'relativ länk till strategin' });
    expect(await relative.count()).toBe(1);
    const href = await relative.getAttribute('href');
    const target = new URL(href ?? '', server.origin + info.url).pathname;
    const strategy = pages.find((p) => p.h1 === 'Minimal strategi för testerna');
    expect(strategy, 'strategins sida').toBeDefined();
    expect(target, 'den relativa .md-länken pekar på strategins sida').toBe(strategy!.url);
  });
});

describe('sökningen i det fientliga bygget', () => {
  test.each(['fientlig', 'pwned', 'config', 'script'])('träffarna för «%s» visas som text och kör ingenting', async (query) => {
    const search = pages.find((p) => /^sök\b/i.test(p.h1));
    expect(search, 'söksidan').toBeDefined();
    await load(tab.page, `${search!.url}?q=${encodeURIComponent(query)}`);
    await tab.page.waitForFunction(() => {
      const status = document.querySelector('main [role=status]')?.textContent ?? '';
      return status !== '' && !status.includes('Söker');
    }, undefined, { timeout: 20_000 });
    const dom = await scanDom(tab.page);
    expect(dom.pwnedLog, 'värden som skrevs till window.__pwned').toEqual([]);
    expect(tab.dialogs, 'dialoger').toEqual([]);
    expect(dom.handlers, 'on*-attribut i DOM').toEqual([]);
    expect(dom.jsUrls, 'javascript:-adresser i DOM').toEqual([]);
    expect(dom.unsafeLinks, 'länkar med andra scheman än http(s), mailto och tel').toEqual([]);
    expect(dom.payloadScripts, '<script> från dokumentens text').toEqual([]);
    expect(tab.pageErrors, 'skriptfel').toEqual([]);
    if (query === 'fientlig') {
      const hits = await tab.page.locator('main ol li a').allInnerTexts();
      expect(hits, 'träffen visar rubriken som den skrevs').toContain(HTML_DOC_TITLE);
    }
    if (query === 'script') {
      // The excerpt is rebuilt from text and <mark> only (sok.js): the clerk's tag is shown as the text it was.
      const excerpts = (await tab.page.locator('main ol li p').allInnerTexts()).join('\n');
      expect(excerpts, 'utdraget visar taggen som text').toContain('<script');
      expect(await tab.page.locator('main ol li p *:not(mark)').count(), 'andra element än <mark> i utdragen').toBe(0);
    }
  });
});
