/**
 * The site built by the real Eleventy from the fixture corpus: what a resident relies on, page by page.
 */
import { cpSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DomUtils, parseDocument } from 'htmlparser2';
import type { Element } from 'domhandler';
import { buildOk, buildSearchIndex, corpusWith, facts, FIXTURE, hrefs, readPage, REPO, tag, tempDir, text, type Page } from './helpers.js';
import { checkLinks, checkStructure, checkValid, readAll } from './page-checks.js';

const STRATEGY = '/dokument/strategi-ren-och-trygg-stad/';
const BUN = '/namnd/barn-och-utbildningsnamnden/';
const GOAL = 'mal--verksamhetsplan-2026-bun--okad-narvaro';

let out: string;
let pages: Map<string, Page>;
const page = (url: string): Page => {
  const found = pages.get(url);
  if (!found) throw new Error(`Ingen sida ${url}; sidorna är ${[...pages.keys()].join(', ')}`);
  return found;
};

beforeAll(async () => {
  out = await buildOk(corpusWith());
  // `npm run site` runs the search index as a step of its own after Eleventy.
  const search = await buildSearchIndex(out);
  if (search.code !== 0) throw new Error(`Sökindexet byggdes inte:\n${search.stderr}`);
  pages = readAll(out);
}, 120_000);

describe('every page', () => {
  it('has one h1, lang="sv", a skip link to main, named navigation, unique ids and table headers', () => {
    expect(pages.size).toBeGreaterThan(20);
    for (const [url, p] of pages) checkStructure(p, url);
  });

  it('is valid HTML', async () => {
    await checkValid(pages);
  });

  it('links only to pages and anchors that exist', () => {
    checkLinks(out, pages);
  });

  it('loads no script, except the search page and the date field of the timeline', () => {
    const allowed: Record<string, string[]> = { '/sok/': ['/assets/sok.js'], '/gallande/': ['/assets/gallande.js'] };
    for (const [url, p] of pages) {
      const scripts = p.all(tag('script')).map((s) => s.attribs.src);
      expect(scripts, url).toEqual(allowed[url] ?? []);
    }
  });
});

describe('the strategy page', () => {
  it('shows the decision facts as the printed header block', () => {
    const p = page(STRATEGY);
    expect(text(p.one(tag('h1')))).toBe('Strategi för en ren och trygg stad 2025–2027');
    expect(facts(p, p.byId('beslutsfakta'))).toEqual({
      Dokumenttyp: 'Strategi',
      Giltighetstid: '1 januari 2025 – 31 december 2027',
      'Beslutande organ': 'Kommunstyrelsen',
      Beslutsdatum: '2024-12-16 § 201, KS/2024:400',
      'Antagen till följd av lag': 'Ja, SFS 2023:196',
      Revisionsdatum: 'Varje ny mandatperiod',
      Dokumentansvarig: 'Stadsledningsförvaltningen',
      Uppföljning: 'Följs upp i delårsrapport och årsredovisning.',
    });
  });

  it('says in its banner that it applies, until when, and that revision is due', () => {
    const banner = text(page(STRATEGY).byId('status'));
    expect(banner).toContain('Gällande');
    expect(banner).toContain('Upphör att gälla efter 31 december 2027');
    expect(banner).toContain('Ska revideras under mandatperioden 2026–2030, senast 15 oktober 2027');
  });

  it('lists under each target the nämnd goals that trace to it, linked to the goal on the nämnd page', () => {
    const p = page(STRATEGY);
    const goalLinks = (anchor: string) =>
      p.all(tag('a'), p.byId(anchor)).filter((a) => a.attribs.href?.startsWith('/namnd/')).map((a) => [a.attribs.href, text(a)]);
    expect(goalLinks('mal--skolnarvaro')).toEqual([[`${BUN}#${GOAL}`, 'Skolnärvaron ska öka.']]);
    expect(goalLinks('mal--trygga-skolvagar')).toEqual([[`${BUN}#${GOAL}`, 'Skolnärvaron ska öka.']]);
    expect(goalLinks('mal--klotter')).toEqual([['/namnd/tekniska-namnden/#mal--verksamhetsplan-2026-tn--snabb-sanering', 'Klotter ska saneras inom fastställd tid.']]);
    expect(text(p.byId('mal--parker'))).toContain('Inget nämndmål bidrar till det här målet än.');
    expect(hrefs(p, p.byId('mal--belysning'))).toContain('/dokument/atgardsplan-ren-stad/#atgard--inventera-belysning');
  });

  it('shows its place in the hierarchy and its relations both ways', () => {
    const p = page(STRATEGY);
    const relations = facts(p, p.one((el) => el.attribs.class === 'relationer'));
    expect(relations['Ersätter']).toContain('Ordningspolicy för Solna stad');
    expect(relations['Kompletteras med']).toContain('Åtgärdsplan för en ren och trygg stad 2025–2027');
    expect(relations['Genomförs av']).toContain('Riktlinje för belysning i offentlig miljö');
    expect(hrefs(p, p.byId('hierarki'))).toEqual(expect.arrayContaining(['/dokument/ordningspolicy/', '/dokument/riktlinje-belysning/', '/dokument/atgardsplan-ren-stad/']));
  });

  it('renders the body with links between documents leading to their pages', () => {
    const p = page(STRATEGY);
    expect(hrefs(p, p.byId('dokumentet'))).toEqual(['/dokument/ordningspolicy/', '/dokument/riktlinje-belysning/#syfte']);
    expect(page('/dokument/riktlinje-belysning/').byId('syfte').name).toBe('h2');
  });
});

describe('a replaced document', () => {
  it('shows its successor in the banner and among its relations', () => {
    const p = page('/dokument/ordningspolicy/');
    const banner = p.byId('status');
    expect(text(banner)).toContain('Ersatt av Strategi för en ren och trygg stad 2025–2027 från 1 januari 2025. Dokumentet gäller inte längre.');
    expect(hrefs(p, banner)).toEqual([STRATEGY]);
    expect(facts(p, p.one((el) => el.attribs.class === 'relationer'))['Ersatt av']).toContain('Strategi för en ren och trygg stad 2025–2027');
  });

  it('and a repealed one says who repealed it and when', () => {
    expect(text(page('/dokument/riktlinje-affischering/').byId('status'))).toContain('Upphävt av Kommunstyrelsen 16 juni 2025 § 95, KS/2025:140.');
    expect(text(page('/dokument/riktlinje-snorojning/').byId('status'))).toContain('Utkast. Dokumentet är inte beslutat och gäller inte.');
  });
});

describe('the nämnd page', () => {
  it('shows each goal with the strategy targets it traces to', () => {
    const p = page(BUN);
    expect(text(p.one(tag('h1')))).toBe('Barn- och utbildningsnämnden');
    const goal = p.byId(GOAL);
    expect(text(p.one(tag('h3'), goal))).toBe('Skolnärvaron ska öka.');
    expect(hrefs(p, goal)).toEqual([`${STRATEGY}#mal--skolnarvaro`, `${STRATEGY}#mal--trygga-skolvagar`]);
    expect(text(goal)).toContain('Kontakta vårdnadshavare samma dag vid frånvaro. Ansvarig: Barn- och utbildningsförvaltningen · Klart: Löpande');
  });

  it('shows the indicators as a table: baseline, target and results per period', () => {
    const table = page(BUN).one(tag('table'), page(BUN).byId(GOAL));
    const rows = page(BUN)
      .all(tag('tr'), table)
      .map((tr) => page(BUN).all((el) => el.name === 'th' || el.name === 'td', tr).map(text));
    expect(rows).toEqual([
      ['Indikator', 'Utgångsvärde', 'Målvärde', 'Utfall delår 2026'],
      ['Andel elever med hög frånvaro (lägre är bättre)', '9,8 % (2024)', '7 %', '8,6 %'],
    ]);
    expect(text(page(BUN).byId(GOAL))).toContain('Delår 2026, Andel elever med hög frånvaro: Avser vårterminen.');
  });

  it('links to its verksamhetsplan, whose page links back', () => {
    expect(hrefs(page(BUN))).toContain('/dokument/verksamhetsplan-2026-bun/');
    const plan = page('/dokument/verksamhetsplan-2026-bun/');
    expect(facts(plan, plan.byId('beslutsfakta'))['Nämnd']).toBe('Barn- och utbildningsnämnden');
    expect(hrefs(plan, plan.byId('namndmal'))).toContain(BUN);
  });
});

describe('Alla styrdokument and its filters, without JavaScript', () => {
  const listed = (url: string) => page(url).all((el) => el.attribs.class === 'dokumentlista__titel').map(text);

  it('lists every document, grouped by type, with a link per type, status, organ and owner', () => {
    const p = page('/dokument/');
    expect(text(p.one(tag('h1')))).toBe('Alla styrdokument');
    expect(listed('/dokument/')).toHaveLength(9);
    expect(p.all(tag('h2'), p.one((el) => el.attribs.class === 'resultat')).map(text)).toEqual([
      'Policyer (1)',
      'Strategier (1)',
      'Riktlinjer (3)',
      'Åtgärdsplaner (1)',
      'Anvisningar (1)',
      'Verksamhetsplaner (2)',
    ]);
    const filters = hrefs(p, p.one((el) => el.name === 'nav' && el.attribs.class === 'filter'));
    expect(filters).toEqual(
      expect.arrayContaining(['/dokument/typ/strategi/', '/dokument/typ/atgardsplan/', '/dokument/status/gallande/', '/dokument/status/upphavda-och-ersatta/', '/dokument/status/under-revision/', '/dokument/status/utkast/', '/dokument/organ/tekniska-direktoren/', '/dokument/ansvarig/tekniska-forvaltningen/']),
    );
  });

  it('has a page per facet value with the matching documents, the current filter marked', () => {
    expect(listed('/dokument/typ/riktlinje/').sort()).toEqual(['Riktlinje för affischering på allmän plats', 'Riktlinje för belysning i offentlig miljö', 'Riktlinje för snöröjning vid skolor']);
    expect(text(page('/dokument/typ/riktlinje/').one(tag('h1')))).toBe('Riktlinjer');
    expect(listed('/dokument/status/upphavda-och-ersatta/').sort()).toEqual(['Ordningspolicy för Solna stad', 'Riktlinje för affischering på allmän plats']);
    expect(listed('/dokument/status/utkast/')).toEqual(['Riktlinje för snöröjning vid skolor']);
    expect(listed('/dokument/status/under-revision/')).toEqual(['Strategi för en ren och trygg stad 2025–2027']);
    expect(listed('/dokument/organ/tekniska-direktoren/')).toEqual(['Anvisning för felanmälan av belysning']);
    expect(listed('/dokument/status/gallande/')).not.toContain('Ordningspolicy för Solna stad');
    const current = page('/dokument/status/utkast/').all((el) => el.attribs['aria-current'] === 'page' && el.name === 'a');
    expect(current.map((a) => a.attribs.href)).toEqual(['/dokument/status/utkast/']);
  });
});

describe('the traceability page', () => {
  it('has a real table of targets × nämnder with headers, counts and the gap in words', () => {
    const p = page('/sparbarhet/');
    const table = p.one((el) => el.name === 'table' && el.attribs.class === 'matris');
    const head = p.all(tag('th'), p.one(tag('thead'), table)).map(text);
    expect(head).toEqual(['Mål i strategin', 'KS Kommunstyrelsen', 'BUN Barn- och utbildningsnämnden', 'TN Tekniska nämnden', 'SN Socialnämnden', 'Täckning']);
    const rows = new Map(p.all(tag('tr'), p.one(tag('tbody'), table)).map((tr) => [text(p.one(tag('th'), tr)), p.all(tag('td'), tr).map(text)]));
    expect(rows.get('Skolnärvaro Delområde')).toEqual(['– Inget mål', '1 mål', '– Inget mål', '– Inget mål', 'Täckt']);
    expect(rows.get('Trygga parker Delområde')).toEqual(['– Inget mål', '– Inget mål', '– Inget mål', '– Inget mål', 'Lucka']);
    expect(rows.get('Stadsmiljön Fokusområde')?.at(-1)).toBe('Täckt');
  });

  it('draws the hierarchy and the goal chain as inline SVG with a title, a description and a list beside', () => {
    const p = page('/sparbarhet/');
    const svgs = p.all(tag('svg'));
    expect(svgs).toHaveLength(2);
    for (const svg of svgs) {
      expect(svg.attribs.role).toBe('img');
      const [titleId, descId] = (svg.attribs['aria-labelledby'] ?? '').split(' ');
      expect(p.byId(titleId!).name).toBe('title');
      expect(p.byId(descId!).name).toBe('desc');
      const pair = svg.parent!.parent as Element;
      expect(p.all(tag('ul'), pair).length).toBeGreaterThan(0);
    }
    expect(text(svgs[0]!)).toContain('Ordningspolicy för Solna');
    const lists = p.all((el) => el.attribs.class === 'textalternativ');
    expect(hrefs(p, lists[1])).toContain(`${BUN}#${GOAL}`);
  });
});

describe('search, open data and the feed', () => {
  it('writes a Swedish Pagefind index of the documents and nämnder', () => {
    const entry = JSON.parse(readFileSync(path.join(out, 'pagefind/pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
    expect(Object.keys(entry.languages)).toEqual(['sv']);
    const searchable = [...pages.values()].filter((p) => p.all((el) => el.name === 'main' && 'data-pagefind-body' in el.attribs).length).length;
    expect(entry.languages.sv!.page_count).toBe(searchable);
    expect(searchable).toBe(9 + 4);
    expect(existsSync(path.join(out, 'pagefind/pagefind.js'))).toBe(true);
    // A site this small fits one index: the search page has nothing to merge.
    expect(JSON.parse(readFileSync(path.join(out, 'pagefind/styrdok-fler-index.json'), 'utf8'))).toEqual([]);
  });

  it('splits a large site over several indexes, two built at a time, that together hold every page once, and clears old ones', async () => {
    const site = path.join(tempDir(), '_site');
    cpSync(out, site, { recursive: true });
    const split = await buildSearchIndex(site, { STYRDOK_SEARCH_PAGES_PER_INDEX: '4' });
    expect(split.stderr).toBe('');
    // The pages go by the hash of their address (so that a change touches one index): the fewest indexes in which none has more than 4.
    const count = Number(/i (\d+) delindex/.exec(split.stdout)?.[1]);
    expect(count).toBeGreaterThanOrEqual(4);
    expect(split.stdout).toBe(`[styrdok] Sökindexet omfattar 13 sidor, i ${count} delindex som söksidan slår ihop.\n`);
    const folders = ['pagefind', ...Array.from({ length: count - 1 }, (_, i) => `pagefind-${i + 2}`)];
    expect(JSON.parse(readFileSync(path.join(site, 'pagefind/styrdok-fler-index.json'), 'utf8'))).toEqual(folders.slice(1).map((folder) => `/${folder}/`));
    const urls = folders.flatMap((folder) => fragmentTexts(path.join(site, folder)).map(([url]) => url));
    expect(urls.sort()).toEqual([...pages.entries()].filter(([, p]) => p.all((el) => el.name === 'main' && 'data-pagefind-body' in el.attribs).length).map(([url]) => url).sort());
    for (const folder of folders) {
      const entry = JSON.parse(readFileSync(path.join(site, folder, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
      expect(entry.languages.sv!.page_count).toBeLessThanOrEqual(4);
    }
    // The pages are gathered for Pagefind in a folder beside the site, which is gone afterwards.
    expect(readdirSync(path.dirname(site))).toEqual(['_site']);
    // Built again as one index: the extra folders and the first index's old fragments are gone.
    const again = await buildSearchIndex(site);
    expect(again.code).toBe(0);
    expect(readdirSync(site).filter((name) => name.startsWith('pagefind'))).toEqual(['pagefind']);
    expect(fragmentTexts(path.join(site, 'pagefind'))).toHaveLength(13);
    expect(JSON.parse(readFileSync(path.join(site, 'pagefind/styrdok-fler-index.json'), 'utf8'))).toEqual([]);
  });

  it('says in Swedish when the pages per index are not a whole number above 0', async () => {
    const site = path.join(tempDir(), '_site');
    cpSync(out, site, { recursive: true });
    const words = await buildSearchIndex(site, { STYRDOK_SEARCH_PAGES_PER_INDEX: 'tusen' });
    expect([words.code, words.stderr]).toEqual([1, 'STYRDOK_SEARCH_PAGES_PER_INDEX ska vara ett heltal, inte «tusen».\n']);
    const zero = await buildSearchIndex(site, { STYRDOK_SEARCH_PAGES_PER_INDEX: '0' });
    expect([zero.code, zero.stderr]).toEqual([1, 'Antalet sidor per sökindex (STYRDOK_SEARCH_PAGES_PER_INDEX) ska vara ett heltal större än 0, inte «0».\n']);
  });

  it("indexes a page's own text, not the navigation or the other documents and goals it lists", () => {
    // Pagefind keeps each page's indexed text in a gzipped JSON fragment.
    const fragments = new Map(fragmentTexts(path.join(out, 'pagefind')));
    const strategy = fragments.get(STRATEGY)!;
    expect(text(page(STRATEGY).byId('dokumentet'))).toContain('Strategin ersätter Ordningspolicyn');
    expect(strategy).toContain('Strategin ersätter Ordningspolicyn');
    // Its relations and the nämnders' goals under its targets are on their own pages, and found there.
    expect(text(page(STRATEGY).byId('hierarki'))).toContain('Riktlinje för belysning i offentlig miljö');
    expect(strategy).not.toContain('Riktlinje för belysning i offentlig miljö');
    expect(strategy).not.toContain('Alla styrdokument');
    const bun = fragments.get(BUN)!;
    expect(bun).toContain('Barn- och utbildningsnämnden');
    const goalTitle = text(page(BUN).one((el) => el.name === 'h3')).trim();
    expect(fragments.get('/dokument/verksamhetsplan-2026-bun/')).toContain(goalTitle);
    expect(bun).not.toContain(goalTitle);
    // A document no longer in force is found by its title and summary; its text is on its page, not searched.
    const replaced = page('/dokument/ordningspolicy/');
    const firstParagraph = text(replaced.one((el) => el.name === 'p', replaced.byId('dokumentet'))).trim();
    expect(firstParagraph.length).toBeGreaterThan(20);
    expect(fragments.get('/dokument/ordningspolicy/')).toContain(text(replaced.one(tag('h1'))).trim());
    expect(fragments.get('/dokument/ordningspolicy/')).not.toContain(firstParagraph.slice(0, 40));
  });

  it('says in Swedish when there is no built site to index, and fails', async () => {
    const result = await buildSearchIndex(tempDir());
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^Hittar ingen byggd webbplats i .+\. Bygg den med npm run site, som skriver sidorna och sedan sökindexet\.\n$/);
  });

  it('has a search page that works as a form and says what to do without JavaScript', () => {
    const p = page('/sok/');
    const form = p.one(tag('form'));
    expect([form.attribs.action, form.attribs.method]).toEqual(['/sok/', 'get']);
    expect(p.one(tag('input'), form).attribs.name).toBe('q');
    expect(p.one((el) => el.name === 'label' && el.attribs.for === 'sokfalt')).toBeTruthy();
    expect(hrefs(p, p.one((el) => el.attribs.class === 'utan-js'))).toContain('/dokument/');
  });

  it('publishes the checked corpus as JSON, with status, relations, targets, goals and findings', () => {
    const data = JSON.parse(readFileSync(path.join(out, 'data/styrdok.json'), 'utf8'));
    expect(data.documents).toHaveLength(9);
    const policy = data.documents.find((d: { id: string }) => d.id === 'ordningspolicy');
    expect(policy.status).toEqual({ kind: 'ersatt', on: '2025-01-01', by: 'strategi-ren-och-trygg-stad' });
    expect(policy.relations.replacedBy).toEqual(['strategi-ren-och-trygg-stad']);
    expect(policy.frontmatter.beslut).toEqual({ datum: '2010-03-15', paragraf: 31, diarienummer: 'KF/2010:12' });
    expect(data.targets.map((t: { ref: string }) => t.ref)).toContain('strategi-ren-och-trygg-stad#parker');
    expect(data.goals.map((g: { ref: string }) => g.ref)).toContain('verksamhetsplan-2026-bun#okad-narvaro');
    expect(data.diagnostics.map((d: { ruleId: string }) => d.ruleId).sort()).toEqual(['coverage', 'replacement-authority', 'report-deadline', 'revision']);
  });

  it('publishes a förteckning of every document as CSV for a spreadsheet, in the order of Alla styrdokument', () => {
    const bytes = readFileSync(path.join(out, 'data/styrdokument.csv'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).split('\r\n');
    expect(lines.pop()).toBe('');
    const [header, ...rows] = lines.map((line) => line.split(';'));
    expect(header).toEqual([
      'Id', 'Dokumenttyp', 'Titel', 'Status', 'Revision', 'Gäller från', 'Gäller till', 'Beslutande organ', 'Beslutsdatum',
      'Paragraf', 'Diarienummer', 'Dokumentansvarig', 'Genomför', 'Ersätter', 'Ersatt av', 'Adress',
    ]);
    expect(rows.every((row) => row.length === header!.length)).toBe(true);
    const data = JSON.parse(readFileSync(path.join(out, 'data/styrdok.json'), 'utf8'));
    expect(rows.map((row) => row[0]).sort()).toEqual(data.documents.map((d: { id: string }) => d.id).sort());
    const list = page('/dokument/');
    const listed = list.all(tag('a'), list.one((el) => el.attribs.class === 'resultat')).map((a) => a.attribs.href);
    expect(rows.map((row) => `/dokument/${row[0]}/`)).toEqual(listed);
    const row = (id: string) => Object.fromEntries(header!.map((name, i) => [name, rows.find((r) => r[0] === id)![i]]));
    expect(row('ordningspolicy')).toMatchObject({
      Dokumenttyp: 'Policy',
      Titel: 'Ordningspolicy för Solna stad',
      Status: 'Ersatt',
      'Beslutande organ': 'Kommunfullmäktige',
      Beslutsdatum: '2010-03-15',
      Paragraf: '31',
      Diarienummer: 'KF/2010:12',
      'Ersatt av': 'strategi-ren-och-trygg-stad',
      Adress: 'https://styrdok.test.example/dokument/ordningspolicy/',
    });
    expect(row('strategi-ren-och-trygg-stad').Ersätter).toBe('ordningspolicy');
    // A draft is undecided: no validity and no decision.
    expect(row('riktlinje-snorojning')).toMatchObject({ Status: 'Utkast', 'Gäller från': '', 'Gäller till': '', Beslutsdatum: '', Paragraf: '' });
    expect(page('/oppna-data/').all((el) => el.name === 'a').map((a) => a.attribs.href)).toContain('/data/styrdokument.csv');
  });

  it('copies the schemas', () => {
    const copied = readFileSync(path.join(out, 'schemas/strategi.schema.json'), 'utf8');
    expect(copied).toBe(readFileSync(path.join(REPO, 'schemas/strategi.schema.json'), 'utf8'));
  });

  it('has an Atom feed of adopted documents, newest first', () => {
    const xml = readFileSync(path.join(out, 'flode.xml'), 'utf8');
    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
    const feed = parseDocument(xml, { xmlMode: true });
    const entries = DomUtils.findAll((el) => el.name === 'entry', feed.children);
    expect(entries).toHaveLength(8);
    const field = (entry: Element, name: string) => DomUtils.textContent(DomUtils.findOne((el) => el.name === name, entry.children)!);
    const updated = entries.map((e) => field(e, 'updated'));
    expect(updated).toEqual([...updated].sort().reverse());
    expect(field(entries[0]!, 'title')).toBe('Barn- och utbildningsnämndens verksamhetsplan 2026');
    expect(field(entries[0]!, 'id')).toBe('https://styrdok.test.example/dokument/verksamhetsplan-2026-bun/');
  });
});

describe('a list longer than a page', () => {
  it('is split over pages that link to each other, keep the menu, and pass the page checks', async () => {
    const config = readFileSync(path.join(FIXTURE, 'styrdok.config.yaml'), 'utf8').replace('webbplats:\n', 'webbplats:\n  dokument_per_sida: 4\n');
    const paged = await buildOk(corpusWith({ 'styrdok.config.yaml': config }));
    const built = readAll(paged);
    const first = built.get('/dokument/')!;
    const nav = first.one((el) => el.name === 'nav' && el.attribs['aria-label'] === 'Sidor i listan');
    expect(text(first.one(tag('p'), nav)).trim()).toBe('Styrdokument 1–4 av 9, sida 1 av 3.');
    expect(hrefs(first, nav)).toEqual(['/dokument/', '/dokument/sida-2/', '/dokument/sida-3/', '/dokument/sida-2/']);
    const last = built.get('/dokument/sida-3/')!;
    expect(text(last.one(tag('h1')))).toBe('Alla styrdokument, sida 3 av 3');
    // The menu still marks the whole list as the one shown.
    expect(last.one((el) => el.name === 'a' && el.attribs['aria-current'] === 'page' && el.attribs.href === '/dokument/')).toBeTruthy();
    // Nine documents in all, each on exactly one of the pages.
    const listed = ['/dokument/', '/dokument/sida-2/', '/dokument/sida-3/'].flatMap((url) => hrefs(built.get(url)!, built.get(url)!.one((el) => el.attribs.class === 'resultat')).filter((h) => /^\/dokument\/[a-z0-9-]+\/$/.test(h) && !h.startsWith('/dokument/sida-')));
    expect(listed).toHaveLength(9);
    expect(new Set(listed).size).toBe(9);
    // A period of /gallande/ with more documents than a page goes on the same way; what changed is on its first page.
    const periodPages = [...built.keys()].filter((url) => /^\/gallande\/\d{4}-\d{2}-\d{2}\/sida-2\/$/.test(url));
    expect(periodPages.length, 'en period med fler än 4 dokument').toBeGreaterThan(0);
    const second = built.get(periodPages[0]!)!;
    expect(text(second.one(tag('h1')))).toMatch(/^Gällande styrdokument .+, sida 2 av \d+$/);
    expect(text(second.doc)).not.toContain('Det här ändrades');
    expect(hrefs(second, second.one((el) => el.name === 'nav' && el.attribs['aria-label'] === 'Sidor i listan'))[0]).toBe(periodPages[0]!.replace(/sida-2\/$/, ''));
    for (const [url, p] of built) checkStructure(p, url);
    checkLinks(paged, built);
    await checkValid(new Map([...built].filter(([url]) => url === '/dokument/' || url.includes('/sida-'))));
  }, 120_000);
});

describe('the other pages', () => {
  it('start page: what the site is, the overall goal, strategies in force, latest decisions', () => {
    const p = page('/');
    expect(text(p.one(tag('h1')))).toBe('Solna stads styrdokument (test)');
    expect(text(p.doc)).toContain('Solna ska vara en ren, trygg och upplyst stad för alla.');
    expect(hrefs(p, p.one((el) => el.name === 'section' && el.attribs['aria-labelledby'] === 'gallande-strategier'))).toEqual([STRATEGY]);
    const latest = hrefs(p, p.one((el) => el.name === 'section' && el.attribs['aria-labelledby'] === 'senaste-besluten'));
    expect(latest[0]).toBe('/dokument/verksamhetsplan-2026-bun/');
  });

  it('tillgänglighetsredogörelse: status, shortcomings, how to report, and Digg', () => {
    const p = page('/tillganglighet/');
    const all = text(p.doc);
    expect(all).toContain('2018:1937');
    expect(all).toContain('Kontaktcenter Test, telefon 08-000 00 00');
    expect(all).toContain('Kända brister');
    expect(all).toContain('Myndigheten för digital förvaltning (Digg)');
    expect(hrefs(p).some((h) => h.startsWith('https://www.digg.se/'))).toBe(true);
  });

  it('has a print stylesheet and a responsive viewport', () => {
    const p = page(STRATEGY);
    expect(p.all((el) => el.name === 'link' && el.attribs.media === 'print').map((l) => l.attribs.href)).toEqual(['/assets/print.css']);
    expect(p.one((el) => el.name === 'meta' && el.attribs.name === 'viewport').attribs.content).toBe('width=device-width, initial-scale=1');
    expect(existsSync(path.join(out, 'assets/print.css'))).toBe(true);
  });

  it('writes no page from a Markdown file, and reads nothing from the corpus itself', () => {
    expect(existsSync(path.join(out, 'strategy'))).toBe(false);
    expect(readPage(out, '/404.html').html).toContain('Sidan finns inte');
  });
});

/** [url, indexed text] of every page in a Pagefind index: each page's is a gzipped JSON fragment. */
function fragmentTexts(indexFolder: string): [string, string][] {
  return readdirSync(path.join(indexFolder, 'fragment')).map((f) => {
    const json = gunzipSync(readFileSync(path.join(indexFolder, 'fragment', f))).toString('utf8');
    const { url, content } = JSON.parse(json.slice(json.indexOf('{'))) as { url: string; content: string };
    return [url, content];
  });
}
