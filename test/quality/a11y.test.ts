/**
 * WCAG 2.1 AA on every page type of the site built from strategy/: axe-core in Debian's Chromium at a
 * desktop width and at 360 px, reflow at 320 px (WCAG 1.4.10, which axe cannot see: the page as a whole
 * never scrolls sideways; a wide table or diagram scrolls in its own focusable, labelled container, as
 * the site already does with .tabell-rulla), and the skip link with the keyboard.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { buildSite } from '../helpers/build-site.js';
import { formatViolations, launchBrowser, openContext, runAxe, serveDir, type SitePage, type StaticServer } from '../helpers/browser.js';
import { PAGE_TYPES, describePages, findPage, indexPages, type PageType, type SitePageInfo } from './site-pages.js';

const VIEWPORTS = [
  { name: 'skrivbord 1280 px', width: 1280, height: 900 },
  { name: 'mobil 360 px', width: 360, height: 780 },
] as const;

let server: StaticServer;
let browser: Browser;
let pages: SitePageInfo[];
const tabs = new Map<string, SitePage>();

beforeAll(async () => {
  const site = await buildSite();
  pages = indexPages(site.dir);
  server = await serveDir(site.dir);
  browser = await launchBrowser();
});

afterAll(async () => {
  for (const tab of tabs.values()) await tab.context.close();
  await browser?.close();
  await server?.close();
});

async function tab(width: number, height: number): Promise<SitePage> {
  const key = `${width}x${height}`;
  let open = tabs.get(key);
  if (!open) {
    open = await openContext(browser, server.origin, { width, height });
    tabs.set(key, open);
  }
  return open;
}

/** The page of this type, or a failure that lists what the build does have. */
function pageOf(type: PageType): SitePageInfo {
  const page = findPage(pages, type);
  if (!page) throw new Error(`Bygget har ingen sida av typen «${type.name}». Sidorna i bygget (URL «h1»):\n${describePages(pages)}`);
  return page;
}

async function visit(site: SitePage, page: SitePageInfo, type: PageType) {
  site.blocked.length = 0;
  site.pageErrors.length = 0;
  const url = page.url + (type.query ?? '');
  const response = await site.page.goto(server.origin + url, { waitUntil: 'load' });
  expect(response?.status(), `${url} svarar inte 200`).toBe(200);
  if (type.ready) {
    await site.page.waitForFunction(type.ready, undefined, { timeout: 20_000 }).catch(() => {
      throw new Error(`${url}: sidan blev aldrig klar (${type.ready})`);
    });
  }
  // A kommun's site loads nothing from other hosts (no fonts, scripts or trackers from outside).
  expect(site.blocked, `${url} hämtar resurser från andra värdar`).toEqual([]);
  expect(site.pageErrors, `${url}: skriptfel på sidan`).toEqual([]);
}

for (const type of PAGE_TYPES) {
  describe(type.name, () => {
    for (const viewport of VIEWPORTS) {
      test(`axe: inga brott mot WCAG 2.1 A/AA, ${viewport.name}`, async () => {
        const page = pageOf(type);
        const site = await tab(viewport.width, viewport.height);
        await visit(site, page, type);
        const violations = await runAxe(site.page);
        expect(violations.map((v) => v.id), formatViolations(`${page.url}${type.query ?? ''} (${viewport.name})`, violations)).toEqual([]);
      });
    }

    test('hela sidan rullar inte i sidled vid 320 px (WCAG 1.4.10; breda tabeller och diagram rullar i en egen behållare)', async () => {
      const page = pageOf(type);
      const site = await tab(320, 720);
      await visit(site, page, type);
      const overflow = await site.page.evaluate(() => {
        const width = document.documentElement.clientWidth;
        // Does a scroll container clip this element? Only one in its chain of containing blocks does: an
        // absolutely positioned element escapes a scroller that is not positioned, and widens the page.
        const clipped = (el: Element) => {
          let position = getComputedStyle(el).position;
          for (let p = el.parentElement; p && p !== document.documentElement; p = p.parentElement) {
            const style = getComputedStyle(p);
            const transformed = style.transform !== 'none' || style.contain.includes('paint');
            const inChain = position === 'fixed' ? transformed : position === 'absolute' ? style.position !== 'static' || transformed : true;
            if (!inChain) continue;
            if (style.overflowX !== 'visible') return true;
            position = style.position;
          }
          return false;
        };
        const name = (el: Element) => {
          const cls = typeof el.className === 'string' && el.className.trim() ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
          return `<${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${cls}> (${getComputedStyle(el).position})`;
        };
        const wide = [...document.querySelectorAll('body *')].filter((el) => el.getBoundingClientRect().right > width + 1 && !clipped(el));
        const outermost = wide.filter((el) => !wide.some((other) => other !== el && other.contains(el)));
        const parents = (el: Element) => {
          const chain: string[] = [];
          for (let p = el.parentElement; p && p !== document.body && chain.length < 3; p = p.parentElement) chain.push(name(p));
          return chain.join(' i ');
        };
        return {
          scrollWidth: document.documentElement.scrollWidth,
          width,
          wide: outermost.slice(0, 5).map((el) => `${name(el)} når ${Math.round(el.getBoundingClientRect().right)} px, i ${parents(el)}`),
          more: Math.max(0, outermost.length - 5),
        };
      });
      expect(
        overflow.scrollWidth,
        `${page.url} går att rulla till ${overflow.scrollWidth} px i ett 320 px brett fönster. Det som sticker ut${overflow.more ? ` (${overflow.more} till)` : ''}:\n  ${overflow.wide.join('\n  ')}`,
      ).toBeLessThanOrEqual(overflow.width);
    });

    test('tangentbord: första tabbstoppet är hopplänken, och den flyttar fokus till main', async () => {
      const page = pageOf(type);
      const site = await tab(1280, 900);
      await visit(site, page, type);
      const p = site.page;
      await p.keyboard.press('Tab');
      const first = await p.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body) return null;
        const href = el.getAttribute('href') ?? '';
        const id = href.startsWith('#') ? decodeURIComponent(href.slice(1)) : '';
        const target = id ? document.getElementById(id) : null;
        const main = document.querySelector('main');
        const box = el.getBoundingClientRect();
        return {
          tag: el.tagName.toLowerCase(),
          href,
          text: (el.textContent ?? '').replace(/\s+/g, ' ').trim(),
          targetExists: target !== null,
          targetIsMain: target !== null && main !== null && (target === main || main.contains(target)),
          visible: box.width >= 1 && box.height >= 1 && box.bottom > 0 && box.right > 0 && box.top < window.innerHeight && box.left < window.innerWidth,
        };
      });
      expect(first, `${page.url}: Tab fokuserar ingenting`).not.toBeNull();
      expect(first!.tag, `${page.url}: första tabbstoppet är <${first!.tag}> «${first!.text}», inte en hopplänk`).toBe('a');
      expect(first!.href, `${page.url}: första tabbstoppet «${first!.text}» är ingen länk inom sidan`).toMatch(/^#./);
      expect(first!.targetExists, `${page.url}: hopplänken pekar på ${first!.href}, som inte finns`).toBe(true);
      expect(first!.targetIsMain, `${page.url}: hopplänken pekar på ${first!.href}, som inte är <main> eller ligger i den`).toBe(true);
      expect(first!.visible, `${page.url}: hopplänken «${first!.text}» syns inte när den har fokus (WCAG 2.4.7)`).toBe(true);

      await p.keyboard.press('Enter');
      const after = await p.evaluate(() => {
        const main = document.querySelector('main');
        const el = document.activeElement;
        return {
          inMain: main !== null && el !== null && (el === main || main.contains(el)),
          active: el ? `<${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}>` : 'ingenting',
        };
      });
      expect(after.inMain, `${page.url}: efter Enter på hopplänken har ${after.active} fokus, inte <main>`).toBe(true);

      await p.keyboard.press('Tab');
      const next = await p.evaluate(() => {
        const main = document.querySelector('main')!;
        const el = document.activeElement;
        if (!el || el === document.body) return { ok: true, active: 'ingenting' };
        const ok = main.contains(el) || (main.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
        return { ok, active: `<${el.tagName.toLowerCase()}> «${(el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 60)}»` };
      });
      expect(next.ok, `${page.url}: nästa Tab efter hopplänken går tillbaka före <main>, till ${next.active}`).toBe(true);
    });
  });
}
