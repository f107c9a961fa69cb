import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkProject } from '../../src/engine/load-project.js';
import { buildSite, buildSiteModel } from '../../src/site/site-model.js';
import { FIXTURE, TODAY } from './helpers.js';

const project = () => checkProject({ cwd: path.dirname(FIXTURE), paths: [path.basename(FIXTURE)], today: TODAY });

describe('buildSiteModel', () => {
  it('is plain data and a pure function of the checked project', () => {
    const model = buildSiteModel(project());
    expect(JSON.parse(JSON.stringify(model))).toEqual(model);
    expect(buildSiteModel(project())).toEqual(model);
  });

  it('derives each status from the facts on the given day', () => {
    const model = buildSiteModel(project());
    const status = Object.fromEntries(model.documents.map((d) => [d.id, d.status.kind]));
    expect(status).toMatchObject({
      ordningspolicy: 'ersatt',
      'strategi-ren-och-trygg-stad': 'gällande',
      'riktlinje-snorojning': 'utkast',
      'riktlinje-affischering': 'upphävd',
    });
    expect(model.documents.find((d) => d.id === 'strategi-ren-och-trygg-stad')?.revision?.kind).toBe('due');
  });

  it('finds the one target of the strategy that no nämnd goal covers', () => {
    const { traceability } = buildSiteModel(project());
    expect(traceability.year).toBe(2026);
    expect(traceability.tables).toHaveLength(1);
    const uncovered = traceability.tables[0]!.rows.filter((r) => !r.covered).map((r) => r.target.title);
    expect(uncovered).toEqual(['Trygga parker']);
  });

  it('lists adopted documents newest first in the feed, without drafts', () => {
    const { feed } = buildSiteModel(project());
    const dates = feed.entries.map((e) => e.updated);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(feed.entries.map((e) => e.url)).not.toContain('https://styrdok.test.example/dokument/riktlinje-snorojning/');
    expect(feed.entries[0]!.id).toMatch(/^https:\/\/styrdok\.test\.example\/dokument\/[a-z0-9-]+\/$/);
  });

  it('holds each document, year and nämnd of a year as its list entry, and draws the whole page only when asked, anew each time', () => {
    const { model, documentPage, followupYearPage, followupNamndPage } = buildSite(project());
    const entry = model.documents.find((d) => d.id === 'strategi-ren-och-trygg-stad')!;
    expect(entry).not.toHaveProperty('body');
    const page = documentPage(entry.id);
    expect(page).toMatchObject(entry);
    expect(page.body.html).toContain('<h2');
    expect(documentPage(entry.id)).not.toBe(page);
    expect(documentPage(entry.id)).toEqual(page);
    expect(() => documentPage('finns-inte')).toThrow('Dokumentet «finns-inte» finns inte i samlingen.');
    const year = model.followup.years[0]!;
    expect(year).not.toHaveProperty('namnder');
    expect(followupYearPage(year.year)).toMatchObject(year);
    expect(() => followupYearPage(1900)).toThrow('Det finns ingen uppföljning för 1900.');
    const namnd = model.followup.namndPages.find((n) => n.year === year.year)!;
    expect(namnd).not.toHaveProperty('goals');
    expect(followupNamndPage(namnd.year, namnd.namnd)).toMatchObject(namnd);
    expect(followupNamndPage(namnd.year, namnd.namnd).goals.length).toBe(namnd.goalCount);
    expect(() => followupNamndPage(year.year, 'ingen-namnd')).toThrow(`Det finns ingen uppföljning för nämnden ingen-namnd ${year.year}.`);
  });
});
