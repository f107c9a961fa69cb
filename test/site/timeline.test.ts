/**
 * "Which styrdokument were in force on date D?" on the site of the bundled corpus: a timeline of periods in
 * which the same documents were in force, one page per period, complete without JavaScript; a date field
 * that jumps to the right period where the script runs.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Element } from 'domhandler';
import { chromiumOn, itIsAccessible, openContext } from '../helpers/browser.js';
import { buildOk, corpusWith, FIXTURE, hrefs, tag, text, type Page } from './helpers.js';
import { MAX_TIMELINE_PERIODS } from '../../src/site/timeline-view.js';
import { MAX_FEED_ENTRIES } from '../../src/site/site-model.js';
import { checkLinks, checkStructure, checkValid, readAll } from './page-checks.js';

const POLICY = 'Trygghetspolicy för Solna stad';
const INRIKTNING_2021 = 'Inriktning för utvecklingen av Solna stads trygghetsarbete';
const STRATEGY = 'Trygghetsstrategi – inriktning för det förebyggande trygghetsskapande arbetet 2024–2026';

let out: string;
let pages: Map<string, Page>;
const page = (url: string) => {
  const found = pages.get(url);
  if (!found) throw new Error(`Ingen sida ${url}; sidorna är ${[...pages.keys()].join(', ')}`);
  return found;
};
const byClass = (name: string) => (el: Element) => (el.attribs.class ?? '').split(' ').includes(name);
const listed = (url: string) => page(url).all(byClass('dokumentlista__titel')).map(text);

/** The period page for a date, found the way a reader without JavaScript does: in the timeline's list. */
function periodOf(date: string): string {
  const p = page('/gallande/');
  const item = p.all(byClass('tidslinje__period')).find((li) => li.attribs['data-fran']! <= date && (!li.attribs['data-till'] || date <= li.attribs['data-till']));
  if (!item) throw new Error(`Ingen period innehåller ${date}`);
  return hrefs(p, item)[0]!;
}

beforeAll(async () => {
  out = await buildOk();
  pages = readAll(out);
}, 180_000);

describe('the timeline', () => {
  it('its pages are well-formed, valid and linked, and it is in the menu and on the start page', async () => {
    const mine = new Map([...pages].filter(([url]) => url.startsWith('/gallande/')));
    expect(mine.size).toBe(11);
    for (const [url, p] of mine) checkStructure(p, url);
    await checkValid(mine);
    checkLinks(out, pages);
    expect(hrefs(page('/'), page('/').byId('huvudmeny'))).toContain('/gallande/');
    expect(hrefs(page('/'))).toContain('/gallande/');
  });

  it('/gallande/ lists the periods newest first, each a link to its page, the current one marked in words', () => {
    const p = page('/gallande/');
    expect(text(p.one(tag('h1')))).toBe('Vilka styrdokument gällde när?');
    const items = p.all(byClass('tidslinje__period'));
    const froms = items.map((li) => li.attribs['data-fran']!);
    expect(froms).toEqual([...froms].sort().reverse());
    expect(froms.at(-1)).toBe('2008-05-01');
    const heads = items.map((li) => text(p.one(tag('h3'), li)));
    expect(heads[0]).toBe('Från 1 januari 2027 Kommande');
    expect(heads).toContain('1 januari 2026 – 31 december 2026 Gäller i dag');
    expect(heads).toContain('1 juli 2021 – 31 december 2023');
    for (const li of items) expect(hrefs(p, li)[0]).toBe(`/gallande/${li.attribs['data-fran']}/`);
    const change = items.find((li) => li.attribs['data-fran'] === '2024-01-01')!;
    expect(text(change)).toContain(`Slutade gälla: ${POLICY}; ${INRIKTNING_2021}.`);
  });

  it('the period holding 2022-05-01 lists exactly the Trygghetspolicy and the 2021 inriktning', () => {
    const url = periodOf('2022-05-01');
    expect(url).toBe('/gallande/2021-07-01/');
    expect(text(page(url).one(tag('h1')))).toBe('Gällande styrdokument 1 juli 2021 – 31 december 2023');
    expect(listed(url).sort()).toEqual([INRIKTNING_2021, POLICY].sort());
    expect(page(url).all(tag('h2')).map(text)).toEqual(['Det här ändrades 1 juli 2021', 'Policyer (1)', 'Strategier (1)']);
  });

  it('the period from 2024-01-01 lists the Trygghetsstrategi, not the policy, and links each document', () => {
    const p = page('/gallande/2024-01-01/');
    expect(listed('/gallande/2024-01-01/')).toContain(STRATEGY);
    expect(listed('/gallande/2024-01-01/')).not.toContain(POLICY);
    expect(hrefs(p, p.one(tag('main')))).toContain('/dokument/trygghetsstrategi-2024-2026/');
    // Grouped by type, in the hierarchy's order.
    expect(p.all(tag('h2')).map(text).slice(1)).toEqual(['Strategier (1)', 'Överenskommelser (1)', 'Idéburna offentliga partnerskap (1)']);
    const nav = p.one((el) => el.name === 'nav' && el.attribs['aria-label'] === 'Andra perioder');
    expect(hrefs(p, nav)).toEqual(['/gallande/2021-07-01/', '/gallande/2024-04-01/', '/gallande/']);
    // Today's status is said to be today's, in words.
    expect(text(p.one(tag('main')))).toContain('Status i dag: Gällande');
  });

  it('a document with two lydelser links the one in force in the period', () => {
    const p = page('/gallande/2025-11-01/');
    expect(listed('/gallande/2025-11-01/')).toContain('Riktlinje för kamerabevakning i Solna stad');
    expect(hrefs(p)).toContain('/dokument/riktlinje-kamerabevakning/versioner/#lydelse-2025-11-01');
  });

  it('works without JavaScript: the date field is hidden until the script shows it, and only this page loads a script', () => {
    const p = page('/gallande/');
    expect(p.byId('datumval').attribs.hidden).toBeDefined();
    expect(p.all(tag('script')).map((s) => s.attribs.src)).toEqual(['/assets/gallande.js']);
    for (const [url, other] of pages) if (url.startsWith('/gallande/2')) expect(other.all(tag('script')), url).toEqual([]);
  });

  it('the open data lists the periods', () => {
    const data = JSON.parse(readFileSync(path.join(out, 'data/styrdok.json'), 'utf8'));
    const period = data.gällande_perioder.find((p: { från: string }) => p.från === '2021-07-01');
    expect(period).toEqual({ från: '2021-07-01', till: '2023-12-31', url: '/gallande/2021-07-01/', dokument: ['trygghetspolicy', 'inriktning-trygghetsarbetet-2021'] });
  });

  describe('in Chromium', () => {
    const chrome = chromiumOn(() => out);

    it('the date field opens the period holding the date, and says so when no document was in force', async () => {
      const tab = await openContext(chrome.browser, chrome.server.origin);
      try {
        const { page: p } = tab;
        await p.goto(`${chrome.server.origin}/gallande/`);
        const field = p.getByLabel('Datum');
        expect(await field.isVisible()).toBe(true);
        await field.fill('2022-05-01');
        await Promise.all([p.waitForURL(`${chrome.server.origin}/gallande/2021-07-01/`), p.getByRole('button', { name: 'Visa period' }).click()]);
        await p.goto(`${chrome.server.origin}/gallande/`);
        await field.fill('20240101');
        await Promise.all([p.waitForURL(`${chrome.server.origin}/gallande/2024-01-01/`), field.press('Enter')]);
        await p.goto(`${chrome.server.origin}/gallande/`);
        await field.fill('1999-01-01');
        await field.press('Enter');
        await expect.poll(() => p.locator('#datumval-status').innerText()).toContain('Inget av styrdokumenten gällde 1 januari 1999');
        await field.fill('2022-02-30');
        await field.press('Enter');
        await expect.poll(() => p.locator('#datumval-status').innerText()).toContain('ÅÅÅÅ-MM-DD');
        expect(p.url()).toBe(`${chrome.server.origin}/gallande/`);
        expect(tab.pageErrors).toEqual([]);
      } finally {
        await tab.context.close();
      }
    });

    itIsAccessible(chrome, ['/gallande/', '/gallande/2024-01-01/']);
  });
});

describe('a corpus of many decisions, changing on more days than the timeline has pages for', () => {
  // 150 riktlinjer, each in force from a month of its own (2010–2022) for two years: 300 change days,
  // more than MAX_TIMELINE_PERIODS, so the timeline goes by quarter.
  const belysning = readFileSync(path.join(FIXTURE, 'riktlinjer/riktlinje-belysning.md'), 'utf8');
  const month = (i: number) => `${2010 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
  const riktlinje = (i: number) =>
    belysning
      .replace('id: riktlinje-belysning', `id: riktlinje-${i}`)
      .replace('titel: Riktlinje för belysning i offentlig miljö', `titel: Riktlinje nummer ${i}`)
      .replace('datum: 2025-03-17', `datum: ${month(i)}-01`)
      .replace('diarienummer: KS/2025:55', `diarienummer: KS/2025:${1000 + i}`)
      .replace('från: 2025-04-01', `från: ${month(i)}-15`)
      .replace('till: tills vidare', `till: ${Number(month(i).slice(0, 4)) + 2}${month(i).slice(4)}-14`)
      .replace('revisionsdatum: 2028-03-31', `revisionsdatum: ${Number(month(i).slice(0, 4)) + 2}${month(i).slice(4)}-01`);
  let coarse: Map<string, Page>;
  let built: string;
  let data: { gällande_perioder: { från: string; till?: string; indelning?: string; dokument: string[]; delvis?: Record<string, { från?: string; till?: string }> }[] };

  beforeAll(async () => {
    const corpus = corpusWith(Object.fromEntries(Array.from({ length: 150 }, (_, i) => [`riktlinjer/riktlinje-${i}.md`, riktlinje(i)])));
    built = await buildOk(corpus);
    coarse = readAll(built);
    data = JSON.parse(readFileSync(path.join(built, 'data/styrdok.json'), 'utf8'));
  }, 180_000);

  it('has a page per quarter, at most MAX_TIMELINE_PERIODS, saying why and marking who was in force only part of it', () => {
    const periods = data.gällande_perioder.filter((p) => p.från >= '2010' && p.från < '2025');
    expect(periods.length).toBeGreaterThan(40);
    expect(data.gällande_perioder.length).toBeLessThanOrEqual(MAX_TIMELINE_PERIODS);
    expect(new Set(periods.map((p) => p.indelning))).toEqual(new Set(['kvartal']));
    // Riktlinje 2 is in force from 15 March 2010: in the first quarter of 2010 only part of it.
    const q1 = periods.find((p) => p.från <= '2010-03-15' && (!p.till || '2010-03-15' <= p.till))!;
    expect(q1.dokument).toContain('riktlinje-2');
    expect(q1.delvis?.['riktlinje-2']).toEqual({ från: '2010-03-15' });
    const html = coarse.get(`/gallande/${q1.från}/`)!;
    expect(text(html.all(byClass('ingress'))[0]!)).toMatch(/^Styrdokumenten ändrades på så många dagar att tidslinjen har en sida per kvartal i stället för en per ändring\./);
    expect(html.html).toContain('Gällde från 15 mars 2010.');
    expect(text(coarse.get('/gallande/')!.all(byClass('ingress'))[0]!)).toContain('De ändras på så många dagar att tidslinjen delar upp tiden i ett kvartal per sida;');
  });

  it('its Atom feed holds the newest MAX_FEED_ENTRIES decisions of its 150 and more, newest first', () => {
    const xml = readFileSync(path.join(built, 'flode.xml'), 'utf8');
    const updated = [...xml.matchAll(/<updated>(\d{4}-\d\d-\d\d)T/g)].map((m) => m[1]!).slice(1);
    expect(updated).toHaveLength(MAX_FEED_ENTRIES);
    expect(updated).toEqual([...updated].sort().reverse());
    expect(updated.at(-1)! >= data.gällande_perioder.map((p) => p.från).sort()[0]!).toBe(true);
    expect(xml).toContain('<title>Riktlinje nummer 149</title>');
    expect(xml).not.toContain('<title>Riktlinje nummer 0</title>');
  });

  it('its timeline pages are well-formed, valid and linked', async () => {
    const mine = new Map([...coarse].filter(([url]) => url.startsWith('/gallande/')));
    for (const [url, p] of mine) checkStructure(p, url);
    await checkValid(mine);
    checkLinks(built, coarse);
  }, 120_000);
});
