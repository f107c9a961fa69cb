/**
 * The site of the repository's own corpus (strategy/), followed the way a Solna resident would: find the
 * Trygghetsstrategi, read its facts, see which nämnder carry out each focus area, follow a goal to the
 * nämnd, and see that the old Trygghetspolicy was replaced by it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildOk, facts, hrefs, tag, text, type Page } from './helpers.js';
import { checkLinks, checkStructure, checkValid, readAll } from './page-checks.js';

const STRATEGY = '/dokument/trygghetsstrategi-2024-2026/';
let pages: Map<string, Page>;
let out: string;
let seconds: number;

beforeAll(async () => {
  const started = Date.now();
  out = await buildOk();
  seconds = (Date.now() - started) / 1000;
  pages = readAll(out);
}, 180_000);

const page = (url: string) => {
  const found = pages.get(url);
  if (!found) throw new Error(`Ingen sida ${url}`);
  return found;
};

describe('the site of strategy/', () => {
  it('builds in a few seconds into valid, linked pages', () => {
    expect(seconds).toBeLessThan(60);
    for (const [url, p] of pages) checkStructure(p, url);
    checkLinks(out, pages);
  });

  it('is valid HTML', async () => {
    await checkValid(pages);
  });

  it('leads from the start page to the Trygghetsstrategi, with its decision facts', () => {
    expect(hrefs(page('/'))).toContain(STRATEGY);
    const p = page(STRATEGY);
    expect(text(p.one(tag('h1')))).toBe('Trygghetsstrategi – inriktning för det förebyggande trygghetsskapande arbetet 2024–2026');
    expect(facts(p, p.byId('beslutsfakta'))).toMatchObject({
      Beslutsdatum: '2023-12-18 § 169, KS/2023:309',
      'Beslutande organ': 'Kommunstyrelsen',
      Dokumentansvarig: 'Stadsledningsförvaltningen',
    });
  });

  it('shows for each focus area the nämnd goals that carry it out, and each goal leads back to it', () => {
    const p = page(STRATEGY);
    const areas = p.all((el) => el.attribs.class === 'mal' && ['mal--forebyggande-insatser', 'mal--riktade-sociala-insatser', 'mal--fysisk-stadsmiljo'].includes(el.attribs.id ?? ''));
    expect(areas).toHaveLength(3);
    for (const area of areas) {
      const goals = hrefs(p, area).filter((h) => h.startsWith('/namnd/'));
      expect(goals.length, area.attribs.id).toBeGreaterThan(0);
      const [url, anchor] = goals[0]!.split('#');
      const nämnd = page(url!);
      const goal = nämnd.byId(anchor!);
      expect(hrefs(nämnd, goal).some((h) => h.startsWith(`${STRATEGY}#mal--`)), goals[0]).toBe(true);
    }
  });

  it('shows that the Trygghetspolicy was replaced by the strategy', () => {
    const p = page('/dokument/trygghetspolicy/');
    expect(text(p.byId('status'))).toMatch(/^Status: Ersatt Ersatt av Trygghetsstrategi – inriktning för det förebyggande trygghetsskapande arbetet 2024–2026 från 1 januari 2024\./);
    expect(hrefs(p, p.byId('status'))).toEqual([STRATEGY]);
    expect(hrefs(page(STRATEGY), page(STRATEGY).byId('hierarki'))).toContain('/dokument/trygghetspolicy/');
  });

  it('has the pages the quality checks look for', () => {
    const h1s = [...pages.values()].map((p) => text(p.one(tag('h1'))));
    for (const h1 of ['Alla styrdokument', 'Strategier', 'Policyer', 'Barn- och utbildningsnämnden', 'Spårbarhet från strategi till nämndernas mål', 'Sök bland styrdokumenten', 'Tillgänglighetsredogörelse']) {
      expect(h1s).toContain(h1);
    }
  });
});
