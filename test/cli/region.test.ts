/**
 * A region's kommuner in one run: `styrdok check <region>` finds each kommun's styrdok.config.yaml below the
 * folder and checks each kommun with its own config, in one report. The real CLI, on a region made by the
 * benchmark's generator (three made-up kommuner with their own names, förvaltningar and diarienummer forms).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it, onTestFinished } from 'vitest';
// @ts-expect-error: a plain JavaScript script, without type declarations.
import { generateCorpus } from '../../scripts/generate-corpus.mjs';
import { tempProject, type TempProject } from '../helpers/run-cli.js';
import { startCli } from '../authoring/helpers.js';
import { jsonRows as allRows } from './project.js';

const TODAY = '2026-06-01';
const KOMMUNER = ['aby/strategy', 'norrvik/strategy', 'storstad/strategy'];

/** A region of three kommuner, 40 documents each, in a temporary folder removed after the test. */
function region(): TempProject & { edit(file: string, change: (text: string) => string): void } {
  const p = tempProject('styrdok-region-');
  onTestFinished(() => p.dispose());
  generateCorpus({ n: 120, seed: 4, kommuner: 3, out: p.dir });
  return {
    ...p,
    // Every run must leave the region as it was: nothing written beside the documents, nothing changed in them
    // (with --cache, only the cache folder).
    async run(args) {
      const files = () => [...p.snapshot()].filter(([file]) => !file.startsWith('.styrdokcache/')).map(([file, bytes]) => `${file} ${createHash('sha1').update(bytes).digest('hex')}`);
      const before = files();
      const result = await p.run(args);
      expect(files()).toEqual(before);
      return result;
    },
    edit: (file, change) => writeFileSync(p.path(file), change(readFileSync(p.path(file), 'utf8'))),
  };
}

/** The errors of a --format json report: a small generated kommun also has warnings (a fokusområde without goals). */
const jsonRows = (stdout: string, p: TempProject) => allRows(stdout, p).filter((row) => row[4] === 'error');

/** The 1-based line of a file that holds `text`. */
const lineOf = (p: TempProject, file: string, text: string) => readFileSync(p.path(file), 'utf8').split('\n').findIndex((line) => line.includes(text)) + 1;

/** The first policy's file in a kommun: every kommun has policy-1-trygghet, with a diarienummer in its own form. */
const policy = (kommun: string) => `${kommun}/policyer/policy-1-trygghet.md`;

describe('check over a region', () => {
  it('checks every kommun below the folder with its own config, in one report', async () => {
    const p = region();
    const json = await p.run(['check', '.', '--today', TODAY, '--format', 'json']);
    expect(json.code, json.stderr).toBe(0);
    const files = (JSON.parse(json.stdout) as { filePath: string }[]).map((r) => r.filePath);
    expect(files.length).toBeGreaterThanOrEqual(110);
    for (const kommun of KOMMUNER) expect(files.some((f) => f.startsWith(p.path(kommun))), kommun).toBe(true);
    // Ids recur between kommuner (each has policy-1-trygghet), and no kommun sees another's.
    expect(jsonRows(json.stdout, p)).toEqual([]);
    expect(allRows(json.stdout, p).length).toBeGreaterThan(0);

    const pretty = await p.run(['check', '--today', TODAY]);
    expect(pretty.code).toBe(0);
    expect(pretty.stdout).toContain('Kontrollerade 3 kommuner, var och en med sin egen konfiguration: Åby kommun (aby/strategy), Norrviks stad (norrvik/strategy), Storstads kommun (storstad/strategy).');
  });

  it('says exactly what checking each kommun by itself says, all in one report', async () => {
    const p = region();
    // Findings in two kommuner and a warning in a third, so that the merge has something to order.
    p.edit(policy('norrvik/strategy'), (text) => text.replace(/dokumentansvarig: .*/, 'dokumentansvarig: ingen-alls'));
    p.edit(policy('storstad/strategy'), (text) => text.replace(/diarienummer: .*/, 'diarienummer: fel'));
    const together = await p.run(['check', '.', '--today', TODAY, '--format', 'json']);
    const apart = await Promise.all(KOMMUNER.map((kommun) => p.run(['check', kommun, '--today', TODAY, '--format', 'json'])));
    expect(together.code).toBe(Math.max(...apart.map((r) => r.code ?? 2)));
    const results = (stdout: string) => JSON.parse(stdout) as { filePath: string }[];
    const merged = apart.flatMap((r) => results(r.stdout)).sort((a, b) => (a.filePath < b.filePath ? -1 : 1));
    expect(results(together.stdout)).toEqual(merged);
    expect(allRows(together.stdout, p).length).toBeGreaterThan(2);
  });

  it("judges each document by its own kommun's config: a diarienummer right in one kommun is wrong in another", async () => {
    const p = region();
    // Storstad writes KS/2023:309; Norrvik writes KS 2023/309. Give Norrvik's policy Storstad's form.
    p.edit(policy('norrvik/strategy'), (text) => text.replace(/diarienummer: .*/, 'diarienummer: KF/2015:1'));
    p.edit(policy('storstad/strategy'), (text) => text.replace(/diarienummer: .*/, 'diarienummer: KF/2015:1'));
    p.edit(policy('aby/strategy'), (text) => text.replace(/genomför:|nyckelord:/, 'ersätter:\n  - policy-som-inte-finns\nnyckelord:'));
    const result = await p.run(['check', '.', '--today', TODAY, '--format', 'json']);
    expect(result.code).toBe(1);
    const rows = jsonRows(result.stdout, p);
    expect(rows.map(([file, , , rule]) => [file, rule])).toEqual([
      [policy('aby/strategy'), 'references'],
      [policy('norrvik/strategy'), 'decision-record'],
    ]);
    expect(rows[1]![1]).toBe(lineOf(p, policy('norrvik/strategy'), 'diarienummer:'));
    expect(result.stdout).toContain('till exempel KS 2023/309');
  });

  it('stops with exit 2, naming kommuner it found, when the folder is too large to search to the end', async () => {
    const p = region();
    for (let i = 0; i < 2000; i++) mkdirSync(p.path(`arkiv/${i}`), { recursive: true });
    const result = await p.run(['check', '.', '--today', TODAY]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('Sökningen efter kommuner under «.» stannade efter 2\u00a0000 mappar');
    // Found before the search stopped in arkiv/, whose folders come before norrvik's and storstad's.
    expect(result.stderr).toContain('Ange kommunernas mappar, till exempel styrdok check aby/strategy.');
  });

  it("reports the others' findings when one kommun's config is broken, and exits 2", async () => {
    const p = region();
    p.edit('norrvik/strategy/styrdok.config.yaml', (text) => text.replace('valår: 2022', 'valår: tjugotjugotvå'));
    p.edit(policy('aby/strategy'), (text) => text.replace(/dokumentansvarig: .*/, 'dokumentansvarig: ingen-alls'));
    const result = await p.run(['check', '.', '--today', TODAY, '--format', 'json']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Konfigurationen saknas eller är felaktig för norrvik/strategy, så reglerna kördes inte där.');
    const rows = jsonRows(result.stdout, p);
    expect(rows.map(([file, , , rule]) => [file, rule])).toEqual([
      [policy('aby/strategy'), 'owner'],
      ['norrvik/strategy/styrdok.config.yaml', 'config'],
    ]);
    expect(rows[1]![1]).toBe(lineOf(p, 'norrvik/strategy/styrdok.config.yaml', 'valår: tjugotjugotvå'));
  });

  it('keeps a cache per kommun with --cache, and sees a change in one kommun', async () => {
    const p = region();
    const args = ['check', '.', '--today', TODAY, '--format', 'json', '--cache'];
    const first = await p.run(args);
    expect(first.code).toBe(0);
    expect((await p.run(args)).stdout).toBe(first.stdout);
    p.edit(policy('storstad/strategy'), (text) => text.replace(/dokumentansvarig: .*/, 'dokumentansvarig: ingen-alls'));
    const changed = await p.run(args);
    expect(changed.code).toBe(1);
    expect(jsonRows(changed.stdout, p).map(([file, , , rule]) => [file, rule])).toEqual([[policy('storstad/strategy'), 'owner']]);
    const uncached = await p.run(args.slice(0, -1));
    expect(changed.stdout).toBe(uncached.stdout);
  });

  it('takes --at, --fix and --site for one kommun at a time, and says which kommuner there are', async () => {
    const p = region();
    for (const [flag, args] of [['--at', ['--at', '2026-01-01']], ['--fix', ['--fix']], ['--site', ['--watch', '--site']]] as const) {
      const result = await p.run(['check', '.', ...args]);
      expect(result.code, flag).toBe(2);
      expect(result.stderr).toContain(`Sökvägarna rymmer 3 kommuner, var och en med sin konfiguration (aby/strategy, norrvik/strategy, storstad/strategy), och ${flag} gäller en kommun i taget.`);
    }
    const one = await p.run(['check', 'aby', '--at', '2026-01-01', '--format', 'json']);
    expect(one.code, one.stderr).toBe(0);
  });

  it('times each kommun with --timing, after the same report as without it', async () => {
    const p = region();
    const args = ['check', '.', '--today', TODAY, '--format', 'json', '--cache'];
    const timed = await p.run([...args, '--timing']);
    expect(timed.code).toBe(0);
    expect(timed.stdout).toBe((await p.run(args)).stdout);
    const headings = timed.stderr.split('\n').filter((line) => / \([a-z]+\/strategy\)$/.test(line));
    expect(headings).toEqual(['Åby kommun (aby/strategy)', 'Norrviks stad (norrvik/strategy)', 'Storstads kommun (storstad/strategy)']);
    expect(timed.stderr.match(/^Tid för kontrollen \(--timing\): [\d\s,]+ ms för \d+ filer\.$/gm)).toHaveLength(3);
    // Node's start counts once; each kommun reads and saves its own cache.
    expect(timed.stderr.match(/^starta Node och läsa in koden /gm)).toHaveLength(1);
    expect(timed.stderr.match(/^spara cachen /gm)).toHaveLength(3);
  });

  it('watches every kommun with --watch, and checks again when a document in one of them is saved', async () => {
    const p = region();
    const watcher = startCli(['check', '--watch', '--today', TODAY], p.dir);
    await watcher.waitFor(/Kontrollerade 3 kommuner[\s\S]*Bevakar ändringar\. Avsluta med Ctrl\+C\./);
    const mark = watcher.mark();
    p.edit(policy('norrvik/strategy'), (text) => text.replace(/dokumentansvarig: .*/, 'dokumentansvarig: ingen-alls'));
    await watcher.waitFor(/Kontrollerade 3 kommuner[\s\S]*Bevakar ändringar/, mark);
    const round = watcher.stdout.slice(mark);
    expect(round).toContain(`Ändrat: ${policy('norrvik/strategy')}. Kontrollerar igen…`);
    expect(round).toContain(policy('norrvik/strategy'));
    expect(round).toMatch(/fel +Dokumentansvarig «ingen-alls» är ingen förvaltning i norrvik\/strategy\/styrdok\.config\.yaml/);
    // A kommun's config is watched too: Åby's, broken, is said in the next round.
    const second = watcher.mark();
    p.edit('aby/strategy/styrdok.config.yaml', (text) => text.replace('valår: 2022', 'valår: tjugo'));
    await watcher.waitFor(/Bevakar ändringar/, second);
    expect(watcher.stdout.slice(second)).toContain('aby/strategy/styrdok.config.yaml');
    watcher.child.kill('SIGTERM');
    expect(await watcher.exited).toBe(2);
  });

  it('has the other commands name the kommuner below, since they take one', async () => {
    const p = region();
    const result = await p.run(['report', '.', '--period', '2025']);
    expect(result.code).toBe(2);
    const named = 'men nedanför finns 3 kommuner med var sin (aby/strategy, norrvik/strategy, storstad/strategy). Kör kommandot i en kommuns mapp eller ange den: bara styrdok check tar flera kommuner i en körning.';
    expect(result.stderr).toContain(named);
    expect((await p.run(['report', 'aby/strategy', '--period', '2025'])).code).toBe(0);
    // Without a path, too: confirm looks for strategy/, which a region's folder does not have.
    const confirm = await p.run(['confirm', 'verksamhetsplan-2026-socialnamnden']);
    expect(confirm.code).toBe(2);
    expect(confirm.stderr).toContain(named);
  });

  it("finds one kommun's config below the folder given, as in a project whose config sits in strategy/", async () => {
    const p = tempProject('styrdok-region-');
    onTestFinished(() => p.dispose());
    generateCorpus({ n: 60, seed: 2, out: p.dir });
    const here = await p.run(['check', '.', '--today', TODAY, '--format', 'json']);
    expect(here.code, here.stderr).toBe(0);
    expect(here.stdout).toBe((await p.run(['check', 'strategy', '--today', TODAY, '--format', 'json'])).stdout);
    expect((await p.run(['check', '.', '--today', TODAY, '--timing'])).code).toBe(0);
  });
});
