/**
 * The search page in Chromium, with the site's Content-Security-Policy in force, on the bundled corpus built
 * with three pages per search index, as a large site is split (search-index.ts): a query finds the same
 * pages as on the same site with one index, so the page really merges them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { buildSite } from '../helpers/build-site.js';
import { formatViolations, launchBrowser, openContext, runAxe, serveDir, type SitePage, type StaticServer } from '../helpers/browser.js';

let server: StaticServer;
let oneIndex: StaticServer;
let browser: Browser;
let tab: SitePage;
let oneIndexTab: SitePage;
/** Page URL → the index folder (pagefind, pagefind-2 …) that holds it, the status it shows and its filters. */
const indexOf = new Map<string, string>();
const statusOf = new Map<string, string | undefined>();
const filtersOf = new Map<string, Record<string, string[]>>();
const decidedOf = new Map<string, string>();

/** The page's console warnings (sok.js warns when it cannot count the options). */
const warnings: string[] = [];

beforeAll(async () => {
  const site = await buildSite({ env: { STYRDOK_SEARCH_PAGES_PER_INDEX: '3' } });
  for (const folder of readdirSync(site.dir).filter((name) => name.startsWith('pagefind'))) {
    for (const file of readdirSync(path.join(site.dir, folder, 'fragment'))) {
      const json = gunzipSync(readFileSync(path.join(site.dir, folder, 'fragment', file))).toString('utf8');
      const fragment = JSON.parse(json.slice(json.indexOf('{'))) as { url: string; filters: Record<string, string[]>; meta: Record<string, string> };
      indexOf.set(fragment.url, folder);
      statusOf.set(fragment.url, fragment.meta.status);
      filtersOf.set(fragment.url, fragment.filters);
      if (fragment.meta.beslutad) decidedOf.set(fragment.url, fragment.meta.beslutad);
    }
  }
  server = await serveDir(site.dir);
  oneIndex = await serveDir((await buildSite()).dir);
  browser = await launchBrowser();
  tab = await openContext(browser, server.origin);
  tab.page.on('console', (message) => {
    if (message.type() === 'warning') warnings.push(message.text());
  });
  // A context reaches one origin only (openContext), so the other site gets its own.
  oneIndexTab = await openContext(browser, oneIndex.origin);
});

afterAll(async () => {
  await tab?.context.close();
  await oneIndexTab?.context.close();
  await browser?.close();
  await server?.close();
  await oneIndex?.close();
});

/** Runs a search as a visitor would, from the address, and returns the hits' link targets and the status. */
async function search(query: string, on = tab): Promise<{ hits: string[]; status: string }> {
  const origin = on === tab ? server.origin : oneIndex.origin;
  await on.page.goto(`${origin}/sok/?q=${encodeURIComponent(query)}`);
  await on.page.waitForFunction(() => {
    const status = document.getElementById('sokstatus')?.textContent ?? '';
    return status !== '' && !status.includes('Söker');
  }, undefined, { timeout: 20_000 });
  const hits = await on.page.locator('#sokresultat li a').evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  return { hits, status: (await on.page.locator('#sokstatus').textContent()) ?? '' };
}

describe('sökningen över flera delindex', () => {
  test('bygget delade sidorna på flera index', () => {
    expect(new Set(indexOf.values()).size).toBeGreaterThanOrEqual(4);
  });

  test('en sökning hittar samma sidor som med ett enda index, varje sida en gång', async () => {
    const { hits, status } = await search('Solna');
    expect(tab.pageErrors).toEqual([]);
    expect(tab.blocked).toEqual([]);
    const unsplit = await search('Solna', oneIndexTab);
    expect(status).toBe(unsplit.status);
    expect(status).toMatch(/^\d+ träffar för «Solna»\.$/);
    // Every hit fits on the page, so the lists hold the same pages; the ranking may differ between them.
    expect([...hits].sort()).toEqual([...unsplit.hits].sort());
    expect(new Set(hits).size).toBe(hits.length);
    expect(new Set(hits.map((url) => indexOf.get(url))).size).toBeGreaterThanOrEqual(4);
  });

  test('utdragen markerar sökordet, och bara det: inga andra element ur indexet når sidan', async () => {
    const { hits } = await search('kamerabevakning');
    expect(hits.length).toBeGreaterThan(1);
    const excerpts = tab.page.locator('#sokresultat li p:not(.meta)');
    expect(await excerpts.count()).toBe(hits.length);
    const marked = await tab.page.locator('#sokresultat li p:not(.meta) mark').allTextContents();
    expect(marked.length).toBeGreaterThanOrEqual(hits.length);
    for (const word of marked) expect(word).toMatch(/^kamerabevakning/i);
    expect(await tab.page.locator('#sokresultat li p *:not(mark)').count()).toBe(0);
    expect(tab.pageErrors).toEqual([]);
  });

  test('varje träff säger vad den är: dokumenttyp och status, eller nämnd', async () => {
    const { hits } = await search('Socialnämnden');
    expect(hits.some((url) => url.startsWith('/namnd/')) && hits.some((url) => url.startsWith('/dokument/'))).toBe(true);
    const about = await tab.page.locator('#sokresultat li p.meta').allTextContents();
    expect(about).toHaveLength(hits.length);
    hits.forEach((url, i) => {
      if (url.startsWith('/namnd/')) expect(about[i]).toBe('Nämnd');
      else expect(about[i]).toMatch(new RegExp(`^[^·]+ · ${statusOf.get(url)} · Beslutat \\d{1,2} [a-z]+ \\d{4}$`));
    });
    expect(about[hits.indexOf('/dokument/verksamhetsplan-2026-socialnamnden/')]).toBe('Verksamhetsplan · Gällande · Beslutat 17 december 2025');
  });

  test('en nämnd i det sista indexet hittas på sitt namn', async () => {
    const last = [...indexOf.entries()].filter(([url]) => url.startsWith('/namnd/')).at(-1);
    expect(last, 'en nämndsida i indexet').toBeDefined();
    const page = await tab.page.goto(`${server.origin}${last![0]}`);
    expect(page?.status()).toBe(200);
    const name = (await tab.page.locator('h1').textContent())!.trim();
    const { hits } = await search(name);
    expect(hits).toContain(last![0]);
  });

  test('fler än 25 träffar visas 25 åt gången, och «Visa fler» flyttar fokus till den första nya', async () => {
    const { hits, status } = await search('och');
    const total = Number(/^(\d+) träffar/.exec(status)?.[1]);
    expect(total, `«och» ska ge fler än 25 träffar: ${status}`).toBeGreaterThan(25);
    expect(status).toBe(`${total} träffar för «och», de 25 bästa visas.`);
    expect(hits).toHaveLength(25);
    const more = tab.page.locator('#flertraffar');
    expect(await more.isVisible()).toBe(true);
    expect(await more.textContent()).toBe(`Visa ${Math.min(25, total - 25)} till (${total - 25} kvar)`);
    await more.focus();
    await tab.page.keyboard.press('Enter');
    await tab.page.waitForFunction((n) => document.querySelectorAll('#sokresultat li').length === n, Math.min(total, 50));
    const all = await tab.page.locator('#sokresultat li a').evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    expect(new Set(all).size).toBe(all.length);
    expect(all.slice(0, 25)).toEqual(hits);
    const focused = await tab.page.evaluate(() => (document.activeElement as HTMLAnchorElement | null)?.href ?? '');
    expect(new URL(focused).pathname).toBe(all[25]);
    // With hits, the button and the choice shown: still no WCAG 2.1 A/AA violations.
    await tab.page.goto(`${server.origin}/sok/?q=och`);
    await tab.page.waitForFunction(() => document.querySelectorAll('#sokresultat li').length === 25);
    expect(await more.isVisible()).toBe(true);
    const violations = await runAxe(tab.page);
    expect(violations, formatViolations('/sok/?q=och', violations)).toEqual([]);
    await more.click();
    await tab.page.waitForFunction((n) => document.querySelectorAll('#sokresultat li').length === n, Math.min(total, 50));
    if (total <= 50) {
      expect(await more.isVisible()).toBe(false);
      expect(await tab.page.locator('#sokstatus').textContent()).toBe(`${total} träffar för «och», alla visas.`);
    }
    expect(tab.pageErrors).toEqual([]);
  });

  test('ett val av status håller sig till gällande dokument, och adressen minns valet', async () => {
    const all = await search('Solna');
    const inForce = all.hits.filter((url) => filtersOf.get(url)?.status?.includes('gallande'));
    expect(inForce.length, 'några träffar gäller').toBeGreaterThan(0);
    expect(inForce.length, 'några träffar gäller inte, eller är nämnder').toBeLessThan(all.hits.length);
    await tab.page.getByLabel('Status').selectOption('gallande');
    await waitForStatus('(Status: Gällande)');
    expect([...(await hitsShown())].sort()).toEqual([...inForce].sort());
    expect(await tab.page.locator('#sokstatus').textContent()).toBe(`${inForce.length} träffar för «Solna» (Status: Gällande).`);
    expect(new URL(tab.page.url()).searchParams.get('status')).toBe('gallande');
    // Reloaded from the address, the choice and the hits are the same.
    await tab.page.reload();
    await waitForStatus('(Status: Gällande)');
    expect(await tab.page.getByLabel('Status').inputValue()).toBe('gallande');
    expect([...(await hitsShown())].sort()).toEqual([...inForce].sort());
    // The checkbox this replaced wrote gallande=ja: such a link still gives the same choice.
    await tab.page.goto(`${server.origin}/sok/?q=Solna&gallande=ja`);
    await waitForStatus('(Status: Gällande)');
    expect([...(await hitsShown())].sort()).toEqual([...inForce].sort());
    expect(tab.pageErrors).toEqual([]);
  });

  test('val kombineras, också utan sökord: då visas alla dokument som passar, senast beslutade först', async () => {
    await tab.page.goto(`${server.origin}/sok/?typ=verksamhetsplan&organ=socialnamnden`);
    await waitForStatus('styrdokument');
    const expected = [...filtersOf].filter(([, f]) => f.typ?.includes('verksamhetsplan') && f.organ?.includes('socialnamnden')).map(([url]) => url);
    expect(expected.length, 'Socialnämnden har flera verksamhetsplaner').toBeGreaterThan(1);
    expect(new Set(expected.map((url) => indexOf.get(url))).size, 'i olika delindex').toBeGreaterThan(1);
    expect(await hitsShown()).toEqual(newestFirst(expected));
    expect(await tab.page.locator('#sokstatus').textContent()).toBe(
      `${expected.length} styrdokument (Dokumenttyp: Verksamhetsplaner; Beslutande organ: Socialnämnden), senast beslutade först.`,
    );
    // Each option says how many it would give with the other choice: Socialnämnden decided nothing but its plans,
    // and switching to another nämnd gives that nämnd's plans.
    await tab.page
      .waitForFunction(() => document.querySelector('#filter-typ option[value="verksamhetsplan"]')?.textContent?.endsWith(')'), undefined, { timeout: 20_000 })
      .catch(async (error: Error) => {
        const state = await tab.page.evaluate(() => ({ status: document.getElementById('sokstatus')?.textContent, typ: document.querySelector('#filter-typ')?.textContent }));
        throw new Error(`Valen fick inga antal: ${JSON.stringify(state)}; sidans fel: ${JSON.stringify(tab.pageErrors)}, varningar: ${JSON.stringify(warnings)}. ${error.message}`);
      });
    const optionTexts = (facet: string) =>
      tab.page.locator(`#filter-${facet} option`).evaluateAll((options) => Object.fromEntries(options.map((o) => [(o as HTMLOptionElement).value, o.textContent])));
    const count = (facet: string, value: string, others: Record<string, string>) =>
      [...filtersOf.values()].filter((f) => f[facet]?.includes(value) && Object.entries(others).every(([k, v]) => f[k]?.includes(v))).length;
    const types = await optionTexts('typ');
    expect(types.verksamhetsplan).toBe(`Verksamhetsplaner (${expected.length})`);
    expect(types.policy).toBe('Policyer (0)');
    const organs = await optionTexts('organ');
    expect(organs.socialnamnden).toBe(`Socialnämnden (${expected.length})`);
    expect(organs.forskolenamnden).toBe(`Förskolenämnden (${count('organ', 'forskolenamnden', { typ: 'verksamhetsplan' })})`);
    expect(organs.kommunstyrelsen).toBe('Kommunstyrelsen (0)');
    const statuses = await optionTexts('status');
    expect(statuses.gallande).toBe(`Gällande (${count('status', 'gallande', { typ: 'verksamhetsplan', organ: 'socialnamnden' })})`);
    // «Alla» in a facet: what dropping that choice gives. No status is chosen: the plans the search lists.
    expect(statuses['']).toBe(`Alla (${expected.length})`);
    expect(types['']).toBe(`Alla (${count('organ', 'socialnamnden', {})})`);
    expect(organs['']).toBe(`Alla (${count('typ', 'verksamhetsplan', {})})`);
    // The documents in force lie in many of the indexes; merged, they still come newest first.
    await tab.page.goto(`${server.origin}/sok/?status=gallande`);
    await waitForStatus('styrdokument');
    const inForce = [...filtersOf].filter(([, f]) => f.status?.includes('gallande')).map(([url]) => url);
    expect(new Set(inForce.map((url) => indexOf.get(url))).size).toBeGreaterThan(3);
    const listed = await hitsShown();
    expect([...listed].sort()).toEqual([...inForce].sort());
    expect(listed.map((url) => decidedOf.get(url))).toEqual(newestFirst(inForce).map((url) => decidedOf.get(url)));
    // A choice with search words keeps to the chosen documents.
    await tab.page.goto(`${server.origin}/sok/?typ=verksamhetsplan&organ=socialnamnden`);
    await waitForStatus('styrdokument');
    await tab.page.getByLabel('Sökord').fill('trygghet');
    await tab.page.getByRole('button', { name: 'Sök', exact: true }).click();
    await waitForStatus('träff');
    expect((await hitsShown()).every((url) => expected.includes(url))).toBe(true);
    expect(await tab.page.locator('#sokstatus').textContent()).toMatch(/^\d+ träffar? för «trygghet» \(Dokumenttyp: Verksamhetsplaner; Beslutande organ: Socialnämnden\)\.$/);
    // Back to Alla in every choice, with no words: nothing is listed.
    await tab.page.getByLabel('Sökord').fill('');
    for (const label of ['Dokumenttyp', 'Beslutande organ']) await tab.page.getByLabel(label).selectOption('');
    await tab.page.waitForFunction(() => document.getElementById('sokstatus')?.textContent === '');
    expect(await hitsShown()).toEqual([]);
    expect((await optionTexts('typ')).verksamhetsplan).toBe('Verksamhetsplaner');
    expect((await optionTexts('typ'))['']).toBe('Alla');
    expect(tab.pageErrors).toEqual([]);
  });

  test('två val i rad: det senare bestämmer, också när det förras sökning blir klar sist', async () => {
    // A fresh page: the first search loads Pagefind and its indexes, so it finishes well after the second choice,
    // which chooses nothing and empties the page at once.
    await tab.page.goto(`${server.origin}/sok/`);
    await tab.page.evaluate(() => {
      const typ = document.getElementById('filter-typ') as HTMLSelectElement;
      typ.value = 'verksamhetsplan';
      typ.dispatchEvent(new Event('change'));
      typ.value = '';
      typ.dispatchEvent(new Event('change'));
    });
    await tab.page.waitForLoadState('networkidle');
    await tab.page.waitForTimeout(500);
    expect(await tab.page.locator('#sokstatus').textContent()).toBe('');
    expect(await hitsShown()).toEqual([]);
    expect(new URL(tab.page.url()).searchParams.has('typ')).toBe(false);
    expect(tab.pageErrors).toEqual([]);
  });

  test('sökningens val är desamma som de värden dokumenten bär, och som Alla styrdokument visar', async () => {
    await tab.page.goto(`${server.origin}/sok/`);
    const options = await tab.page.locator('.sokfilter select').evaluateAll((selects) =>
      Object.fromEntries(selects.map((s) => [(s as HTMLSelectElement).name, [...(s as HTMLSelectElement).options].map((o) => o.value).filter(Boolean)])),
    );
    expect(Object.keys(options)).toEqual(['typ', 'status', 'organ', 'ansvarig']);
    const carried = (facet: string) => new Set([...filtersOf.values()].flatMap((f) => f[facet] ?? []));
    for (const facet of ['typ', 'organ', 'ansvarig']) expect(new Set(options[facet]), facet).toEqual(carried(facet));
    for (const value of carried('status')) expect(options.status).toContain(value);
    // Each value is the key of its list page's address, so a list and a choice name the same documents.
    await tab.page.goto(`${server.origin}/dokument/`);
    const menu = await tab.page.locator('nav.filter a').evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    for (const [facet, values] of Object.entries(options)) for (const value of values) expect(menu).toContain(`/dokument/${facet}/${value}/`);
    // A list page leads to the search with its own choice made, to add more to it.
    await tab.page.goto(`${server.origin}/dokument/typ/verksamhetsplan/`);
    await tab.page.getByRole('link', { name: 'Kombinera flera val i sökningen' }).click();
    await waitForStatus('styrdokument');
    expect(await tab.page.getByLabel('Dokumenttyp').inputValue()).toBe('verksamhetsplan');
    const plans = [...filtersOf].filter(([, f]) => f.typ?.includes('verksamhetsplan')).map(([url]) => url);
    expect([...(await hitsShown())].sort()).toEqual([...plans].sort());
    expect(tab.pageErrors).toEqual([]);
  });
});

/** Waits until the status line says the search is done and contains `text`. */
async function waitForStatus(text: string): Promise<void> {
  await tab.page.waitForFunction((t) => {
    const status = document.getElementById('sokstatus')?.textContent ?? '';
    return status.includes(t) && !status.includes('Söker');
  }, text, { timeout: 20_000 });
}

/** The pages, newest decision first; a draft, undecided, last. Pages decided the same day keep their order. */
function newestFirst(urls: string[]): string[] {
  return [...urls].sort((a, b) => (decidedOf.get(b) ?? '').localeCompare(decidedOf.get(a) ?? ''));
}

async function hitsShown(): Promise<string[]> {
  return tab.page.locator('#sokresultat li a').evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
}
