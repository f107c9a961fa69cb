/**
 * /kommande-beslut/: the decisions the documents in force need in the coming year, on the real site built
 * with Eleventy, the same list as `styrdok due` gives.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { addMonths } from '../../src/corpus/dates.js';
import { checkProject } from '../../src/engine/load-project.js';
import { dueItems } from '../../src/report/due-list.js';
import { buildOk, corpusWith, hrefs, readPage, REPO, tag, text, TODAY } from './helpers.js';

const BUNDLED = path.join(REPO, 'strategy');

let out: string;
beforeAll(async () => {
  out = await buildOk();
});

describe('/kommande-beslut/', () => {
  it('lists what styrdok due lists for the coming twelve months, in its order, each document linked', () => {
    const project = checkProject({ cwd: REPO, paths: ['strategy'], today: TODAY });
    const expected = dueItems(project.corpus, project.config, TODAY, addMonths(TODAY, 12));
    expect(expected.length).toBeGreaterThan(3);
    const page = readPage(out, '/kommande-beslut/');
    const main = page.one(tag('main'));
    const lists = page.all((el) => el.name === 'ul' && el.attribs.class === 'dokumentlista', main);
    const items = lists.flatMap((ul) => page.all(tag('li'), ul));
    expect(items.map((li) => hrefs(page, li)[0])).toEqual(expected.map((item) => `/dokument/${item.document.data.id}/`));
    expect(items.map((li) => page.one(tag('time'), li).attribs.datetime)).toEqual(expected.map((item) => item.by));
    expect(items.map((li) => text(page.all(tag('p'), li).at(-1)!))).toEqual(expected.map((item) => item.what));
    expect(text(main)).toContain('Beslutas av Kommunstyrelsen');
    expect(page.all(tag('h2'), main).map(text)).toEqual([`Det kommande året (${expected.length})`]);
  });

  it('cuts a long list into pages as the other lists are, the late ones first', async () => {
    const rutin = 'anvisningar/rutin-trygghetsvandringar.md';
    const late = readFileSync(path.join(BUNDLED, rutin), 'utf8').replace('revisionsdatum: 2027-04-30', 'revisionsdatum: 2026-06-30');
    const corpus = corpusWith({ [rutin]: late }, BUNDLED);
    const config = path.join(corpus, 'styrdok.config.yaml');
    writeFileSync(config, readFileSync(config, 'utf8').replace(/^webbplats:\n/m, 'webbplats:\n  dokument_per_sida: 3\n'));
    const built = await buildOk(corpus);
    const pages = ['/kommande-beslut/', '/kommande-beslut/sida-2/', '/kommande-beslut/sida-3/'].map((url) => readPage(built, url));
    expect(pages.map((p) => text(p.one(tag('h1'))))).toEqual(['Kommande beslut om styrdokument', 'Kommande beslut om styrdokument, sida 2 av 3', 'Kommande beslut om styrdokument, sida 3 av 3']);
    const titles = pages.flatMap((p) => p.all(tag('h3')).map(text));
    expect(titles).toHaveLength(7);
    expect(titles[0]).toBe('Rutin för trygghetsvandringar');
    expect(pages.map((p) => p.all(tag('h2')).map(text))).toEqual([['Försenade (1)', 'Kommande (6)'], ['Kommande (6)'], ['Kommande (6)']]);
    expect(hrefs(pages[0]!)).toContain('/kommande-beslut/sida-2/');
    // The pager counts decisions, not documents: one document can need two.
    expect(text(pages[1]!.one((el) => el.name === 'nav' && el.attribs.class === 'sidnavigering'))).toMatch(/^Beslut 4–6 av 7, sida 2 av 3\./);
  });

  it('is linked from the start page with the number of decisions', () => {
    const home = readPage(out, '/');
    const link = home.all(tag('a')).find((a) => a.attribs.href === '/kommande-beslut/')!;
    expect(text(link)).toBe('Kommande beslut om styrdokument');
    expect(text(link.parent as never)).toMatch(/^Kommande beslut om styrdokument \(\d+ det kommande året\)$/);
  });

  it('puts a decision whose day has passed first, under «Försenade», with the document’s status saying so', async () => {
    const rutin = 'anvisningar/rutin-trygghetsvandringar.md';
    const late = readFileSync(path.join(BUNDLED, rutin), 'utf8').replace('revisionsdatum: 2027-04-30', 'revisionsdatum: 2026-06-30');
    const built = await buildOk(corpusWith({ [rutin]: late }, BUNDLED));
    const page = readPage(built, '/kommande-beslut/');
    const headings = page.all(tag('h2')).map(text);
    expect(headings.slice(0, 2)).toEqual(['Försenade (1)', 'Kommande (6)']);
    const first = page.one((el) => el.name === 'ul' && el.attribs.class === 'dokumentlista');
    expect(page.all(tag('li'), first).map((li) => text(li))).toEqual([
      'Rutin för trygghetsvandringar Rutin · Gällande Revision försenad · Senast 30 juni 2026 · Beslutas av Stadsdirektör Revisionsdatumet 30 juni 2026 har passerat: dokumentet ska revideras eller få ett nytt revisionsdatum.',
    ]);
  });
});
