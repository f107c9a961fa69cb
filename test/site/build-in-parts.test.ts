/**
 * A large site is written in several Eleventy runs (src/site/build-in-parts.ts). What a resident gets must
 * not depend on that: the same files, byte for byte, as one run of `npx @11ty/eleventy`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { inSlices, planParts } from '../../src/site/build-in-parts.js';
import { siteTemplates } from '../../src/site/eleventy-setup.js';
import type { FollowupNamndEntry, FollowupYearEntry } from '../../src/site/followup-view.js';
import type { DocEntry, SiteModel } from '../../src/site/types.js';
import { buildSite, corpusWith, FIXTURE } from './helpers.js';

const TEMPLATES = [
  { name: 'dokument.njk', paginated: true },
  { name: 'index.njk', paginated: false },
  { name: 'namnd.njk', paginated: true },
  { name: 'uppfoljning-ar.njk', paginated: true },
  { name: 'uppfoljning-namnd.njk', paginated: true },
  { name: 'uppfoljning.njk', paginated: false },
];
const docs = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `d${i}` }) as DocEntry);
const years = (...goals: number[]) => goals.map((goalCount, i) => ({ year: 2030 - i, goalCount }) as FollowupYearEntry);
const model = (documents: DocEntry[], followupYears: FollowupYearEntry[] = []) => ({ documents, followup: { years: followupYears, namndPages: [], statusLabels: [] } }) as unknown as SiteModel;

describe('planParts', () => {
  it('writes a site that weighs at most one part in a single run, with everything', () => {
    expect(planParts(TEMPLATES, model(docs(3)), 3)).toEqual([{ assets: true }]);
    expect(planParts(TEMPLATES, model([]), 3)).toEqual([{ assets: true }]);
  });

  it('writes the single pages first, then each other paginated template, then every document once in even parts, and copies the assets once', () => {
    const parts = planParts(TEMPLATES, model(docs(10)), 4);
    expect(parts.slice(0, 2)).toEqual([
      { templates: ['index.njk', 'uppfoljning.njk'], assets: true },
      { templates: ['namnd.njk'], assets: false },
    ]);
    const rest = parts.slice(2);
    // No years of uppföljning: no run for them.
    expect(rest.map((p) => p.templates)).toEqual([['dokument.njk'], ['dokument.njk'], ['dokument.njk']]);
    expect(rest.map((p) => p.data!.documents!.length)).toEqual([3, 4, 3]);
    expect(rest.every((p) => !p.assets)).toBe(true);
    expect(rest.flatMap((p) => (p.data!.documents ?? []).map((d) => d.id))).toEqual(docs(10).map((d) => d.id));
  });

  it('weighs the uppföljning pages by their goals, and writes them in slices of at most a part', () => {
    // A goal weighs 0.07 document pages on its year's page and 0.35 on its nämnd's, with its charts.
    const namndPages = [100, 100, 100, 100, 100, 100].map((goalCount, i) => ({ year: 2030, namnd: `n${i}`, goalCount }) as FollowupNamndEntry);
    const site = { ...model(docs(10), years(1000, 1000, 1000, 1000, 100)) } as SiteModel;
    site.followup = { ...site.followup, namndPages };
    const parts = planParts(TEMPLATES, site, 80);
    const slices = (template: string) => parts.filter((p) => p.templates?.includes(template)).map((p) => p.data!.followup!);
    expect(slices('uppfoljning-ar.njk').map((f) => f.years.map((y) => y.year))).toEqual([[2030], [2029], [2028], [2027, 2026]]);
    expect(slices('uppfoljning-namnd.njk').map((f) => f.namndPages.map((n) => n.namnd))).toEqual([['n0', 'n1'], ['n2', 'n3'], ['n4', 'n5']]);
    expect(parts.find((p) => p.templates?.includes('dokument.njk'))!.data!.documents).toHaveLength(10);
  });
});

describe('inSlices', () => {
  it('keeps the order, puts every item in one slice, and makes the fewest slices, as even as can be', () => {
    const one = () => 1;
    expect(inSlices([1, 2, 3, 4, 5, 6, 7], one, 3)).toEqual([[1, 2], [3, 4, 5], [6, 7]]);
    // Too uneven to share out: filled in order instead.
    expect(inSlices([4, 1, 1, 4], (n) => n, 5)).toEqual([[4, 1], [1, 4]]);
    expect(inSlices([1, 4, 4, 1], (n) => n, 5)).toEqual([[1, 4], [4, 1]]);
    expect(inSlices([], one, 3)).toEqual([]);
    // An item heavier than a slice is a slice of its own.
    expect(inSlices([1, 9, 1], (n) => n, 5)).toEqual([[1], [9], [1]]);
  });
});

describe('the site written in parts', () => {
  it('is byte for byte the site of one Eleventy run', async () => {
    const corpus = corpusWith();
    const [parts, whole, oneRun] = await Promise.all([
      buildSite(corpus, { env: { STYRDOK_DOCS_PER_PART: '2' } }),
      buildSite(corpus, { eleventy: true }),
      buildSite(corpus),
    ]);
    expect(parts.code, parts.stderr).toBe(0);
    expect(whole.code, whole.stderr).toBe(0);
    // Nine documents two at a time: a run for the single pages, one for each of the six other paginated
    // templates, five for the documents, one for the uppföljning's year and one for its two nämnd pages.
    const written = /Skrev (\d+) sidor och filer till .+ i 14 omgångar/.exec(parts.stdout);
    expect(written, parts.stdout).not.toBeNull();
    // Where the time went: every kind of work once, in order, with the files each wrote adding up to all of them.
    const work = [...(/^\[styrdok\] Tiden: (.*)\.$/m.exec(parts.stdout)?.[1] ?? '').matchAll(/(?:^| · )([^·]+?) \d+,\d s(?: \((\d+) fil(?:er)?\))?/g)];
    expect(work.map(([, label]) => label)).toEqual(['start, kontroll och webbplatsmodell', 'öppna data', 'övriga sidor', 'dokumentsidor', 'uppföljningens årssidor', 'uppföljningens nämndsidor']);
    expect(work.reduce((sum, [, , files]) => sum + Number(files ?? 0), 0)).toBe(Number(written![1]));
    expect(work.find(([, label]) => label === 'dokumentsidor')?.[2]).toBe('9');
    expect(oneRun.stdout).toMatch(/Tiden: start, kontroll och webbplatsmodell \d+,\d s · öppna data \d+,\d s · alla sidor \d+,\d s \(\d+ filer\)\./);
    const files = filesIn(whole.out);
    expect(files.length).toBeGreaterThan(50);
    expect(filesIn(parts.out)).toEqual(files);
    for (const file of files) expect(readFileSync(path.join(parts.out, file)).equals(readFileSync(path.join(whole.out, file))), file).toBe(true);
  }, 120_000);

  it('refuses two pages at one address, in one run and across runs, where a kommun has turned the id check off', async () => {
    // A document called sida-2, with lists of two documents a page: the list's page 2 is /dokument/sida-2/ too.
    const config = readFileSync(path.join(FIXTURE, 'styrdok.config.yaml'), 'utf8')
      .replace(/^  bas_url: (.*)$/m, '  bas_url: $1\n  dokument_per_sida: 2')
      .replace(/^regler:$/m, 'regler:\n  references: off');
    const belysning = readFileSync(path.join(FIXTURE, 'riktlinjer/riktlinje-belysning.md'), 'utf8').replace(/^id: .*$/m, 'id: sida-2');
    const corpus = corpusWith({ 'styrdok.config.yaml': config, 'riktlinjer/riktlinje-belysning.md': belysning });
    const says = /^Två sidor skulle få samma adress, \/dokument\/sida-2\/ \(från \.\/site\/(filter|dokument)\.njk och \.\/site\/(filter|dokument)\.njk\), och den ena skulle försvinna\. Oftast har ett dokument ett id som webbplatsen använder för en lista/;
    for (const perPart of ['1000', '2']) {
      const build = await buildSite(corpus, { env: { STYRDOK_DOCS_PER_PART: perPart, STYRDOK_HISTORY: '0' } });
      expect(build.code, build.stderr).toBe(1);
      expect(build.stderr).toMatch(says);
      expect(filesIn(build.out)).toEqual([]);
    }
  }, 120_000);

  it('says in Swedish when the documents per run are not a whole number above 0, and writes nothing', async () => {
    const build = await buildSite(undefined, { env: { STYRDOK_DOCS_PER_PART: 'många' } });
    expect([build.code, build.stderr]).toEqual([1, 'STYRDOK_DOCS_PER_PART ska vara ett heltal, inte «många».\n']);
    expect(filesIn(build.out)).toEqual([]);
    const zero = await buildSite(undefined, { env: { STYRDOK_DOCS_PER_PART: '0' } });
    expect([zero.code, zero.stderr]).toEqual([1, 'STYRDOK_DOCS_PER_PART ska vara ett heltal större än 0, inte «0».\n']);
  });
});

/** Every file under `dir`, relative, sorted; none when it does not exist. */
function filesIn(dir: string): string[] {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
      .sort();
  } catch {
    return [];
  }
}

describe('siteTemplates', () => {
  it('tells the templates that write a page per item from those that write one page', () => {
    const templates = Object.fromEntries(siteTemplates().map((t) => [t.name, t.paginated]));
    expect(templates).toMatchObject({ 'dokument.njk': true, 'uppfoljning-ar.njk': true, 'namnd.njk': true, 'index.njk': false, 'sok.njk': false });
  });
});
