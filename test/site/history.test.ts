/**
 * Lydelser from git history: a corpus committed in a temporary git repository, then revised by a new
 * decision, built by the real Eleventy. The versions page lists both versions "i lydelse från … till …"
 * with their decisions, and shows what the revision added and removed; outside git there are no versions.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readableDiff } from '../../src/site/history-view.js';
import { chromiumOn, itIsAccessible } from '../helpers/browser.js';
import { buildOk, buildSite, corpusWith, hrefs, readPage, tag, tempDir, text, type Page } from './helpers.js';
import { checkLinks, checkStructure, checkValid, htmlUrls, readAll } from './page-checks.js';

const DOC = 'riktlinjer/riktlinje-belysning.md';
const VERSIONS = '/dokument/riktlinje-belysning/versioner/';
const HOSTILE = 'Tänd <b>fet</b> & "citat" {{ 7*7 }}';

const GIT_ENV = {
  ...process.env,
  GIT_AUTHOR_NAME: 'Registrator',
  GIT_AUTHOR_EMAIL: 'registrator@example.invalid',
  GIT_COMMITTER_NAME: 'Registrator',
  GIT_COMMITTER_EMAIL: 'registrator@example.invalid',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
};

/** The fixture corpus committed in a new git repository, then the riktlinje revised by a new decision. */
function gitCorpus(): string {
  const corpus = corpusWith();
  const root = path.dirname(corpus);
  const git = (...args: string[]) => execFileSync('git', ['-c', 'commit.gpgsign=false', ...args], { cwd: root, env: GIT_ENV, stdio: 'pipe' });
  git('init', '-q');
  git('add', '.');
  git('commit', '-qm', 'Styrdokumenten');
  const file = path.join(corpus, DOC);
  const revised = readFileSync(file, 'utf8')
    .replace('datum: 2025-03-17\n  paragraf: 40\n  diarienummer: KS/2025:55', 'datum: 2026-06-15\n  paragraf: 90\n  diarienummer: KS/2026:120')
    .replace('från: 2025-04-01', 'från: 2026-07-01')
    .replace('| Släckt gata | 5 arbetsdagar |', '| Släckt gata | 3 arbetsdagar |\n| Mörk park | 2 arbetsdagar |')
    .concat(`\nBelysningen i parker ska vara tänd hela natten. ${HOSTILE}\n`);
  writeFileSync(file, revised);
  git('commit', '-qam', 'Riktlinje för belysning: reviderad av kommunstyrelsen 2026-06-15 § 90, KS/2026:120');
  return corpus;
}

describe('lydelser of a document revised by a new decision, from git', () => {
  let out: string;
  let pages: Map<string, Page>;
  const page = (url: string) => {
    const found = pages.get(url);
    if (!found) throw new Error(`Ingen sida ${url}; sidorna är ${[...pages.keys()].join(', ')}`);
    return found;
  };

  beforeAll(async () => {
    out = await buildOk(gitCorpus());
    pages = readAll(out);
  }, 180_000);

  it('every page is still well-formed, valid and linked', async () => {
    for (const [url, p] of pages) checkStructure(p, url);
    checkLinks(out, pages);
    await checkValid(pages);
  });

  it('lists both versions, newest first, "i lydelse från … till …" with decision, § and diarienummer', () => {
    const p = page(VERSIONS);
    expect(text(p.one(tag('h1')))).toBe('Lydelser av Riktlinje för belysning i offentlig miljö');
    const table = p.one((el) => el.name === 'table' && el.attribs.class === 'lydelser');
    const rows = p.all(tag('tr'), p.one(tag('tbody'), table)).map((tr) => p.all((el) => el.name === 'th' || el.name === 'td', tr).map(text));
    expect(rows).toEqual([
      ['Lydelse från 1 juli 2026 Gällande lydelse', '1 juli 2026 – tills vidare', '15 juni 2026 § 90', 'KS/2026:120', 'Se ändringarna'],
      ['Lydelse från 1 april 2025', '1 april 2025 – 30 juni 2026', '17 mars 2025 § 40', 'KS/2025:55', 'Första lydelsen'],
    ]);
    expect(p.byId('lydelse-2025-04-01').name).toBe('tr');
    expect(hrefs(p, table)).toEqual(['#andringar-2026-07-01']);
  });

  it('shows what the revision added and removed, marked in words and signs, with the text escaped', () => {
    const p = page(VERSIONS);
    const section = p.byId('andringar-2026-07-01');
    expect(text(p.one(tag('h2'), section))).toBe('Ändringar i lydelsen från 1 juli 2026');
    expect(text(section)).toContain('Jämfört med lydelsen från 1 april 2025 (beslut 17 mars 2025 § 40, KS/2025:55)');
    const diff = p.one((el) => el.attribs.class === 'diff', section);
    const added = p.all(tag('ins'), diff).map(text).join(' ');
    const removed = p.all(tag('del'), diff).map(text).join(' ');
    expect(added).toContain('Mörk park');
    expect(added).toContain('Belysningen i parker ska vara tänd hela natten.');
    expect(added).toMatch(/^Tillagt: \[\+/);
    expect(removed).toContain('Borttaget: [−5−] Slut på borttaget.');
    // The clerk's words are text: no element from them, no template evaluated.
    expect(added).toContain(HOSTILE);
    expect(p.all(tag('b'), diff)).toEqual([]);
    expect(p.html).not.toContain('<b>fet</b>');
    // What did not change is still there as context.
    expect(text(diff)).toContain('Trasig armatur');
    expect(text(p.doc)).toContain('är understruken och står inom [+ +]');
  });

  it('the document page has a short list of its versions, linked to the versions page', () => {
    const p = page('/dokument/riktlinje-belysning/');
    const section = p.byId('lydelser');
    expect(p.all(tag('li'), section).map(text)).toEqual([
      'Lydelse från 1 juli 2026 Gällande lydelse Beslut 15 juni 2026 § 90, KS/2026:120',
      'Lydelse från 1 april 2025 till 30 juni 2026 Beslut 17 mars 2025 § 40, KS/2025:55',
    ]);
    expect(hrefs(p, section)).toEqual([`${VERSIONS}#lydelse-2026-07-01`, `${VERSIONS}#lydelse-2025-04-01`, VERSIONS]);
  });

  it('a document with one version lists it, without a versions page', () => {
    const p = page('/dokument/strategi-ren-och-trygg-stad/');
    expect(p.all(tag('li'), p.byId('lydelser')).map(text)).toEqual(['Lydelse från 1 januari 2025 till 31 december 2027 Gällande lydelse Beslut 16 december 2024 § 201, KS/2024:400']);
    expect(existsSync(path.join(out, 'dokument/strategi-ren-och-trygg-stad/versioner'))).toBe(false);
    expect(htmlUrls(out).filter((u) => u.endsWith('/versioner/'))).toEqual([VERSIONS]);
  });

  it('a replaced document\'s only version ends the day before its successor took over', () => {
    const p = page('/dokument/ordningspolicy/');
    expect(text(p.byId('lydelser'))).toContain('till 31 december 2024');
    expect(text(p.byId('lydelser'))).not.toContain('Gällande lydelse');
  });

  it('the open data lists each document\'s versions', () => {
    const data = JSON.parse(readFileSync(path.join(out, 'data/styrdok.json'), 'utf8'));
    expect(data.lydelser['riktlinje-belysning']).toEqual([
      { från: '2025-04-01', till: '2026-06-30', beslut: { datum: '2025-03-17', paragraf: 40, diarienummer: 'KS/2025:55' } },
      { från: '2026-07-01', beslut: { datum: '2026-06-15', paragraf: 90, diarienummer: 'KS/2026:120' } },
    ]);
  });

  describe('in Chromium', () => {
    const chrome = chromiumOn(() => out);

    itIsAccessible(chrome, [VERSIONS], () => 'the versions page');
  });
});

describe('a corpus without history', () => {
  it('outside git builds without any versions section or page', async () => {
    const out = await buildOk(corpusWith());
    const urls = htmlUrls(out);
    expect(urls.filter((u) => u.includes('/versioner/'))).toEqual([]);
    const doc = readPage(out, '/dokument/riktlinje-belysning/');
    expect(doc.all((el) => el.attribs.id === 'lydelser')).toEqual([]);
    expect(doc.html).not.toContain('Lydelser');
    expect(JSON.parse(readFileSync(path.join(out, 'data/styrdok.json'), 'utf8')).lydelser).toEqual({});
  });

  it('in git with STYRDOK_HISTORY=0, git is not read', async () => {
    const corpus = gitCorpus();
    const before = process.env.STYRDOK_HISTORY;
    process.env.STYRDOK_HISTORY = '0';
    // The build's environment is taken when it starts.
    const build = buildOk(corpus);
    if (before === undefined) delete process.env.STYRDOK_HISTORY;
    else process.env.STYRDOK_HISTORY = before;
    const out = await build;
    expect(existsSync(path.join(out, 'dokument/riktlinje-belysning/versioner'))).toBe(false);
    expect(readPage(out, '/dokument/riktlinje-belysning/').all((el) => el.attribs.id === 'lydelser')).toEqual([]);
  });
});

describe('a shallow clone, as actions/checkout makes by default', () => {
  it('says the versions are incomplete and how to fetch the whole history; a full clone says nothing of it', async () => {
    const corpus = gitCorpus();
    const clone = path.join(tempDir(), 'grund');
    execFileSync('git', ['clone', '-q', '--depth', '1', `file://${path.dirname(corpus)}`, clone], { env: GIT_ENV, stdio: 'pipe' });
    const shallow = await buildSite(path.join(clone, 'strategy'));
    expect(shallow.code).toBe(0);
    expect(shallow.stdout).toContain('[styrdok] Förrådet är en grund klon utan de tidigare incheckningarna, så webbplatsens lydelser ur git-historiken blir ofullständiga. Hämta hela historiken med git fetch --unshallow, eller med fetch-depth: 0 i actions/checkout.');
    // Only the last version is in the clone: no page of versions to compare.
    expect(existsSync(path.join(shallow.out, 'dokument/riktlinje-belysning/versioner'))).toBe(false);

    const full = await buildSite(corpus);
    expect(full.code).toBe(0);
    expect(full.stdout).not.toContain('grund klon');
    expect(existsSync(path.join(full.out, 'dokument/riktlinje-belysning/versioner/index.html'))).toBe(true);
  }, 180_000);
});

describe('readableDiff', () => {
  const words = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`).join(' ');

  it('keeps a few words around a change and says how many unchanged words it left out', () => {
    const parts = readableDiff([
      { kind: 'same', text: `${words(100, 'a')} ` },
      { kind: 'removed', text: 'gammal' },
      { kind: 'added', text: 'ny ' },
      { kind: 'same', text: `${words(100, 'b')}\n` },
    ]);
    expect(parts.map((p) => p.kind)).toEqual(['gap', 'same', 'removed', 'added', 'same', 'gap']);
    expect(parts[4]!.text).toBe(` ${words(12, 'b')}`);
    expect(parts[0]!.text).toBe('[… 88 oförändrade ord …]');
    expect(parts[1]!.text).toBe(`${words(100, 'a').split(' ').slice(-12).join(' ')} `);
    expect(parts.find((p) => p.kind === 'added')!.text).toBe('ny');
    expect(parts.at(-1)!.text).toBe('[… 88 oförändrade ord …]');
  });

  it('shows a short text whole, and a change of whitespace alone as no change', () => {
    const parts = readableDiff([
      { kind: 'same', text: 'Kort text' },
      { kind: 'added', text: '\n\n' },
      { kind: 'removed', text: ' ' },
      { kind: 'same', text: 'slut.' },
    ]);
    expect(parts).toEqual([{ kind: 'same', text: 'Kort text\n\nslut.' }]);
  });
});
