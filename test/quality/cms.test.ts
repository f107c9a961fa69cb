/**
 * The CMS as a clerk meets it: Decap CMS, the very version cms/index.html loads, in Chromium with
 * cms/config.yml, on Decap's in-browser test backend holding the bundled corpus. Only the backend is swapped
 * (GitHub needs a login): a change goes through the editorial workflow as a clerk's does (Spara makes a draft,
 * status Redo, Publicera), where GitHub would make a branch and a pull request of the draft. A document of every
 * type opens with its values and is saved with a new title, the file otherwise byte for byte as it was;
 * a riktlinje made in the form, with organ, förvaltning and the strategy it carries out chosen from the lists,
 * passes styrdok check.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, openContext, serveDir, type SitePage, type StaticServer } from '../helpers/browser.js';
import { REPO_ROOT } from '../helpers/build-site.js';
import { CMS_FOLDER, decapBundle } from '../helpers/decap.js';
import { runCli } from '../helpers/run-cli.js';

vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

const STRATEGY = path.join(REPO_ROOT, 'strategy');

interface Collection {
  name: string;
  label: string;
  folder?: string;
  path?: string;
  filter?: { field: string; value: string };
  hide?: boolean;
  create?: boolean;
}

const config = parse(readFileSync(path.join(CMS_FOLDER, 'config.yml'), 'utf8')) as { collections: Collection[] };
/** The collections of a document type: those a clerk makes documents in. */
const documentCollections = config.collections.filter((c) => c.create && c.folder?.startsWith('strategy/') && !c.hide && c.name !== 'dokument');

let dir: string;
let server: StaticServer;
let browser: Browser;
let tab: SitePage;

beforeAll(async () => {
  const bundle = decapBundle();
  dir = mkdtempSync(path.join(os.tmpdir(), 'styrdok-cms-'));
  cpSync(bundle.dist, path.join(dir, 'decap'), { recursive: true });
  const admin = path.join(dir, 'admin');
  cpSync(CMS_FOLDER, admin, { recursive: true });
  const html = readFileSync(path.join(CMS_FOLDER, 'index.html'), 'utf8').replace(
    /<script src="https:\/\/unpkg\.com\/decap-cms@[^"]+"[^>]*><\/script>/,
    '<script src="seed.js"></script><script src="/decap/decap-cms.js"></script>',
  );
  writeFileSync(path.join(admin, 'index.html'), html);
  const testConfig = { ...parse(readFileSync(path.join(CMS_FOLDER, 'config.yml'), 'utf8')), backend: { name: 'test-repo' } };
  expect(testConfig.publish_mode).toBe('editorial_workflow');
  delete testConfig.local_backend;
  writeFileSync(path.join(admin, 'config.yml'), stringify(testConfig));
  writeFileSync(path.join(admin, 'seed.js'), seedScript());
  server = await serveDir(dir);
  browser = await launchBrowser();
  tab = await openContext(browser, server.origin);
});

afterAll(async () => {
  await tab?.context.close();
  await browser?.close();
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/**
 * The bundled corpus as the test backend's files. It reads an entry by walking the path's folders, but lists a
 * collection by its whole folder path as one key: both point at the same objects, so a save shows in both.
 */
function seedScript(): string {
  const tree = (folder: string): Record<string, unknown> =>
    Object.fromEntries(
      readdirSync(folder, { withFileTypes: true }).map((e) => [e.name, e.isDirectory() ? tree(path.join(folder, e.name)) : { content: readFileSync(path.join(folder, e.name), 'utf8') }]),
    );
  return `window.repoFiles = { strategy: ${JSON.stringify(tree(STRATEGY))} };
(function flat(prefix, node) {
  for (const [name, child] of Object.entries(node)) if (!('content' in child)) { window.repoFiles[prefix + '/' + name] = child; flat(prefix + '/' + name, child); }
})('strategy', window.repoFiles.strategy);
`;
}

let loads = 0;

/**
 * Opens the CMS anew (a page load: the test backend then holds the bundled corpus as it is in git), logs in
 * and goes to `hash`, as Decap's own links do.
 */
async function openCms(hash: string): Promise<void> {
  // A new tab: one with unsaved changes (a test that failed midway) would stop a navigation with its
  // "leave the page?" question.
  if (tab.page.url().startsWith(server.origin)) await tab.page.evaluate(() => localStorage.clear());
  await tab.page.close({ runBeforeUnload: false });
  tab.page = await tab.context.newPage();
  tab.page.on('pageerror', (error) => tab.pageErrors.push(error.message));
  // Publishing asks «Är du säker …?»: the clerk says yes.
  tab.page.on('dialog', (dialog) => {
    tab.dialogs.push(dialog.message());
    void dialog.accept();
  });
  await tab.page.goto(`${server.origin}/admin/?laddning=${++loads}`);
  await tab.page.getByRole('button', { name: 'Logga in' }).click();
  await tab.page.getByText('Samlingar').waitFor();
  await tab.page.evaluate((h) => {
    location.hash = h;
  }, hash);
}

/** What the test backend holds at a path of the repository, as the CMS wrote it. */
function savedFile(file: string): Promise<string | undefined> {
  return tab.page.evaluate((f) => f.split('/').reduce((node: any, key) => node?.[key], (window as any).repoFiles)?.content, file);
}

/** Why the CMS did not save: the messages it shows beside the fields. */
async function refusal(file: string): Promise<Error> {
  const shown = (await tab.page.locator('body').innerText()).split('\n').filter((line) => /obligatorisk|missat|ogiltig|mönstret/i.test(line));
  return new Error(`CMS:et sparade inte ${file}: ${shown.join(' | ') || 'inget meddelande'}`);
}

/**
 * Saves the entry as a clerk does in the editorial workflow, and returns the file as published: Spara (a
 * draft, which GitHub would make a pull request), status Redo, then Publicera nu and yes to the question.
 */
async function publish(file: string, before: string | undefined): Promise<string> {
  await tab.page.getByRole('button', { name: 'Spara', exact: true }).click();
  const draft = tab.page.getByRole('button', { name: 'Status: Utkast' });
  await draft.waitFor({ timeout: 20_000 }).catch(async () => {
    throw await refusal(file);
  });
  // A new entry gets its address when the draft is saved, and the form is drawn again. Decap then says
  // «Osparade ändringar» of a new entry although nothing changed (a second save writes the same file): the
  // lists (organ, förvaltning, documents) set what they loaded as the field's metadata, which counts as a
  // change, and Decap compares the entry with the published entries only, where a new one is not (seen in its
  // store: hasChanged turns true with the data unchanged). The status cannot be set until it is saved again,
  // as docs/redigera.md tells the clerk.
  await tab.page.waitForURL((url) => !url.hash.endsWith('/new'));
  await tab.page.waitForTimeout(500);
  if (await tab.page.getByText('Osparade ändringar').isVisible()) {
    await tab.page.getByRole('button', { name: 'Spara', exact: true }).click();
    await tab.page.getByText('Ändringar sparade').waitFor({ timeout: 20_000 });
  }
  await draft.click();
  await tab.page.getByRole('menuitem', { name: 'Redo' }).or(tab.page.getByText('Redo', { exact: true })).first().click();
  await tab.page.getByRole('button', { name: 'Status: Redo' }).waitFor({ timeout: 20_000 }).catch(async () => {
    await tab.page.screenshot({ path: path.join(os.tmpdir(), 'styrdok-cms-status.png') });
    throw new Error(`Status Redo gick inte att välja för ${file}; se ${path.join(os.tmpdir(), 'styrdok-cms-status.png')}`);
  });
  await tab.page.getByRole('button', { name: 'Publicera', exact: true }).click();
  await tab.page.getByText('Publicera nu').click();
  await tab.page.waitForFunction(
    ([f, old]) => f.split('/').reduce((node: any, key) => node?.[key], (window as any).repoFiles)?.content !== old,
    [file, before] as const,
    { timeout: 20_000 },
  ).catch(async () => {
    throw await refusal(file);
  });
  expect(tab.dialogs.at(-1)).toBe('Är du säker på att du vill publicera det här inlägget?');
  return (await savedFile(file))!;
}

const frontmatter = (text: string) => parse(text.slice(4, text.indexOf('\n---', 4))) as Record<string, unknown>;
const body = (text: string) => text.slice(text.indexOf('\n---', 4) + 4).trim();

/** The first bundled document of each type, by its file. */
function firstOfType(type: string): string {
  const files = (readdirSync(STRATEGY, { recursive: true }) as string[]).filter((f) => f.endsWith('.md')).sort();
  const file = files.find((f) => frontmatter(readFileSync(path.join(STRATEGY, f), 'utf8')).dokumenttyp === type);
  if (!file) throw new Error(`Inget dokument av typen ${type} i strategy/`);
  return `strategy/${file.split(path.sep).join('/')}`;
}

async function findings(corpus: string): Promise<{ code: number | null; list: string[] }> {
  const result = await runCli(['check', path.basename(corpus), '--today', '2026-11-25', '--format', 'json'], { cwd: path.dirname(corpus) });
  // ESLint's JSON: one entry per file, with its messages.
  const report = JSON.parse(result.stdout) as { filePath: string; messages: { ruleId: string; message: string; severity: number }[] }[];
  const list = report.flatMap((f) => f.messages.map((m) => `${path.relative(corpus, f.filePath)} ${m.ruleId} ${m.severity} ${m.message}`));
  return { code: result.code, list: list.sort() };
}

/** The bundled corpus with `file` added passes the check with the findings it has without it: none about the file. */
async function expectSameFindingsWith(file: string, text: string): Promise<void> {
  const corpus = mkdtempSync(path.join(os.tmpdir(), 'styrdok-cms-new-'));
  try {
    cpSync(STRATEGY, path.join(corpus, 'strategy'), { recursive: true });
    mkdirSync(path.dirname(path.join(corpus, file)), { recursive: true });
    writeFileSync(path.join(corpus, file), text);
    const after = await findings(path.join(corpus, 'strategy'));
    expect(after.code).toBe(0);
    expect(after.list.filter((line) => line.startsWith(file))).toEqual([]);
    expect(after.list).toEqual((await findings(STRATEGY)).list);
  } finally {
    rmSync(corpus, { recursive: true, force: true });
  }
}

/** Picks `name` in a list widget (organ, förvaltning, document) by typing it, as a clerk would. */
async function choose(label: string, name: string): Promise<void> {
  await tab.page.getByLabel(label, { exact: true }).first().click();
  await tab.page.keyboard.type(name);
  await tab.page.getByRole('option', { name, exact: true }).first().click();
}

const field = (label: string, nth = 0) => tab.page.getByLabel(label, { exact: true }).nth(nth);

/**
 * Fills in a new document's header as a clerk would: id, title, the organ that decided it, the decision (date,
 * §, diarienummer), the förvaltning that owns it and the strategy it carries out, chosen from the hidden
 * collection over all of strategy/ (Decap's nested collections, beta).
 */
async function fillHeader(header: { id: string; title: string; organ: string; decision: [string, string, string]; owner: string }): Promise<void> {
  await field('Id').waitFor({ timeout: 20_000 });
  await field('Id').fill(header.id);
  await field('Titel').fill(header.title);
  await choose('Beslutande organ', header.organ);
  const [date, paragraph, diarienummer] = header.decision;
  await field('Beslutsdatum (frivillig)').fill(date);
  await field('Paragraf (frivillig)').fill(paragraph);
  await field('Diarienummer (frivillig)').fill(diarienummer);
  await choose('Dokumentansvarig', header.owner);
  await choose('Genomför (frivillig)', 'Trygghetsstrategi – inriktning för det förebyggande trygghetsskapande arbetet 2024–2026');
}

/** Writes the text of the document in the Markdown editor. */
async function writeBody(text: string): Promise<void> {
  await tab.page.locator('[data-slate-editor="true"]').last().click();
  await tab.page.keyboard.type(text);
}

describe('Decap CMS med cms/config.yml', () => {
  test('startar och visar varje dokumenttyp som en samling, utan fel', async () => {
    await openCms('/');
    await tab.page.getByRole('link', { name: documentCollections[0]!.label, exact: true }).first().waitFor();
    for (const c of documentCollections) await expect(tab.page.getByRole('link', { name: c.label, exact: true }).first().isVisible()).resolves.toBe(true);
    expect(documentCollections.length).toBeGreaterThanOrEqual(9);
    expect(tab.pageErrors).toEqual([]);
    expect(tab.blocked).toEqual([]);
  });

  test('talar svenska: varje text i Decap har en svensk översättning (cms/swedish.js fyller i det som fattas)', async () => {
    await openCms('/');
    const missing = await tab.page.evaluate(() => {
      const cms = (window as any).CMS;
      const english = cms.getLocale('en');
      const swedish = cms.getLocale('sv');
      const out: string[] = [];
      (function walk(en: Record<string, unknown>, sv: Record<string, unknown> | undefined, at: string) {
        for (const [key, value] of Object.entries(en)) {
          if (value && typeof value === 'object') walk(value as Record<string, unknown>, sv?.[key] as Record<string, unknown> | undefined, `${at}${key}.`);
          else if (typeof sv?.[key] !== 'string') out.push(`${at}${key}`);
        }
      })(english, swedish, '');
      return out;
    });
    expect(missing).toEqual([]);
    await tab.page.getByRole('link', { name: 'Verksamhetsplaner', exact: true }).first().click();
    await tab.page.getByText('Socialnämndens verksamhetsplan 2026').first().click();
    await tab.page.getByRole('button', { name: 'Lägg till mål' }).first().waitFor();
    expect(await tab.page.getByRole('button', { name: /^Add / }).count()).toBe(0);
  });

  test('förhandsvisningen visar dokumentet som en läsare ser det: rubriker, namn i stället för id, datum i ord och texten', async () => {
    await openCms('/collections/strategi/entries/trygghetsstrategi-2024-2026');
    await tab.page.getByLabel('Titel', { exact: true }).waitFor({ timeout: 20_000 });
    const preview = tab.page.frameLocator('#preview-pane');
    await preview.locator('h1').waitFor({ timeout: 20_000 });
    expect(await preview.locator('.typ').textContent()).toBe('Strategi');
    expect(await preview.locator('h1').textContent()).toBe('Trygghetsstrategi – inriktning för det förebyggande trygghetsskapande arbetet 2024–2026');
    // The names come with the lists' entries, which load after the form: wait for the organ's.
    const value = (label: string) => preview.locator(`dt:text-is("${label}") + dd`);
    await expect.poll(() => value('Beslutande organ').textContent(), { timeout: 20_000 }).toBe('Kommunstyrelsen');
    expect(await value('Beslut').textContent()).toBe('Beslutsdatum: 18 december 2023, Paragraf: 169, Diarienummer: KS/2023:309');
    expect(await value('Dokumentansvarig').textContent()).toBe('Stadsledningsförvaltningen');
    await expect.poll(() => value('Ersätter').textContent(), { timeout: 20_000 }).toBe('Trygghetspolicy för Solna stad');
    expect(await value('Antagen till följd av lag').textContent()).toBe('nej');
    // The text, as Decap draws Markdown.
    expect(await preview.locator('h2').count()).toBeGreaterThan(0);
    expect(tab.pageErrors).toEqual([]);
  });

  test('ett dokument av varje typ öppnas med sina uppgifter och sparas med ny titel: bara titelns rad ändras i filen', async () => {
    const corpus = mkdtempSync(path.join(os.tmpdir(), 'styrdok-cms-corpus-'));
    try {
      cpSync(STRATEGY, path.join(corpus, 'strategy'), { recursive: true });
      for (const c of documentCollections) {
        const type = c.filter?.value ?? c.name;
        const file = firstOfType(type === 'atgardsplan' ? 'åtgärdsplan' : type === 'overenskommelse' ? 'överenskommelse' : type);
        const original = readFileSync(path.join(REPO_ROOT, file), 'utf8');
        const slug = file.slice(`${c.folder}/`.length, -'.md'.length);
        await openCms(`/collections/${c.name}/entries/${slug}`);
        const title = tab.page.getByLabel('Titel', { exact: true });
        await title.waitFor({ timeout: 20_000 });
        expect(await title.inputValue(), file).toBe(frontmatter(original).titel);
        await title.fill(`${await title.inputValue()} (ändrad)`);
        const saved = await publish(file, original);
        // The file as it was, with the title's line alone changed: what the pull request shows the reviewer.
        const titleLine = original.split('\n').findIndex((line) => line.startsWith('titel:'));
        const expected = original.split('\n').map((line, i) => (i === titleLine ? `titel: ${frontmatter(original).titel} (ändrad)` : line)).join('\n');
        expect(saved, file).toBe(expected);
        writeFileSync(path.join(corpus, file), saved);
      }
      // Every saved file together: the same findings as the corpus had (a longer title changes no rule's verdict).
      const before = await findings(STRATEGY);
      const after = await findings(path.join(corpus, 'strategy'));
      expect(after.code).toBe(0);
      expect(after.list).toEqual(before.list);
    } finally {
      rmSync(corpus, { recursive: true, force: true });
    }
    expect(tab.pageErrors).toEqual([]);
  });

  test('en ny riktlinje skapad i formuläret klarar styrdok check', async () => {
    await openCms('/collections/riktlinje/new');
    await fillHeader({
      id: 'riktlinje-fran-cms',
      title: 'Riktlinje för lånecyklar vid stadens skolor',
      organ: 'Kommunstyrelsen',
      decision: ['2026-11-20', '201', 'KS/2026:345'],
      owner: 'Stadsledningsförvaltningen',
    });
    await writeBody('Skolorna lånar ut cyklar till elever som saknar en.');
    const file = 'strategy/riktlinjer/riktlinje-fran-cms.md';
    const saved = await publish(file, undefined);
    expect(frontmatter(saved)).toMatchObject({
      id: 'riktlinje-fran-cms',
      dokumenttyp: 'riktlinje',
      beslutande_organ: 'kommunstyrelsen',
      beslut: { datum: '2026-11-20', paragraf: 201, diarienummer: 'KS/2026:345' },
      dokumentansvarig: 'stadsledningsforvaltningen',
      genomför: ['trygghetsstrategi-2024-2026'],
    });
    // Written as `styrdok new` writes a document: the schema's modeline first, the title on one line.
    expect(saved.split('\n').slice(0, 5)).toEqual([
      '---',
      '# yaml-language-server: $schema=../../schemas/riktlinje.schema.json',
      'id: riktlinje-fran-cms',
      'dokumenttyp: riktlinje',
      'titel: Riktlinje för lånecyklar vid stadens skolor',
    ]);
    await expectSameFindingsWith(file, saved);
    expect(tab.pageErrors).toEqual([]);
  });

  test('en nämnds nya verksamhetsplan hamnar i årets mapp och klarar styrdok check', async () => {
    await openCms('/collections/verksamhetsplan/new');
    await fillHeader({
      id: 'verksamhetsplan-2027-socialnamnden',
      title: 'Socialnämndens verksamhetsplan 2027 – trygghet och brottsförebyggande arbete',
      organ: 'Socialnämnden',
      decision: ['2026-11-18', '88', 'SN/2026:120'],
      owner: 'Socialförvaltningen',
    });
    await choose('Nämnd', 'Socialnämnden');
    await field('År').fill('2027');
    // A goal, and the strategy's goal it contributes to.
    await tab.page.getByRole('button', { name: 'Lägg till mål' }).click();
    await field('Id', 1).fill('tidiga-insatser');
    await field('Mål').fill('Barn och unga med normbrytande beteende ska nås tidigt av förebyggande insatser.');
    await tab.page.getByRole('button', { name: 'Lägg till bidrar till' }).click();
    await field('Referens till ett mål').fill('trygghetsstrategi-2024-2026#unga-i-riskzonen');
    await writeBody('Socialnämndens mål för 2027 inom trygghetsarbetet.');
    // Before, the folder came from {{fields.år}}, which Decap leaves empty in a path: strategy/verksamhetsplaner//.md.
    const file = 'strategy/verksamhetsplaner/2027/verksamhetsplan-2027-socialnamnden.md';
    const saved = await publish(file, undefined);
    expect(frontmatter(saved)).toMatchObject({
      nämnd: 'socialnamnden',
      år: 2027,
      mål: [{ id: 'tidiga-insatser', bidrar_till: ['trygghetsstrategi-2024-2026#unga-i-riskzonen'] }],
    });
    expect(saved.split('\n')[1]).toBe('# yaml-language-server: $schema=../../../schemas/verksamhetsplan.schema.json');
    expect(saved).toContain('\ntitel: Socialnämndens verksamhetsplan 2027 – trygghet och brottsförebyggande arbete\n');
    await expectSameFindingsWith(file, saved);
    expect(tab.pageErrors).toEqual([]);
  });
});
