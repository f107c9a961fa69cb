import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { FIXTURES, snapshotTree } from '../authoring/helpers.js';
import { copyInto, tempProject, type TempProject } from '../helpers/run-cli.js';
// @ts-expect-error: a plain JavaScript script, without type declarations.
import { generateCorpus } from '../../scripts/generate-corpus.mjs';

const TODAY = '2026-11-25';
const POLICY = 'strategy/policyer/trygghetspolicy.md';
const RIKTLINJE = 'strategy/riktlinjer/riktlinje-kamerabevakning.md';
const STRATEGI = 'strategy/strategier/trygghetsstrategi-2024-2026.md';

/** The authoring fixture (Solna's config, a policy and a riktlinje that carries it out), committed on main in a new git repository. */
function repository(): TempProject & { git(...args: string[]): string; write(file: string, text: string): void; read(file: string): string } {
  const p = tempProject('styrdok-changes-');
  onTestFinished(() => p.dispose());
  copyInto(p, path.join(FIXTURES, 'project', 'strategy'));
  const env = { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.invalid', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.invalid' };
  const git = (...args: string[]) => execFileSync('git', args, { cwd: p.dir, env, encoding: 'utf8' });
  git('init', '-q', '-b', 'main');
  git('add', '.');
  git('commit', '-qm', 'Styrdokumenten');
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(p.path(file)), { recursive: true });
    writeFileSync(p.path(file), text);
  };
  return { ...p, git, write, read: (file) => readFileSync(p.path(file), 'utf8') };
}

/** A strategy decided by kommunstyrelsen that replaces the policy: KS may not replace what KF adopted (replacement-authority). */
const strategi = [
  '---',
  'id: trygghetsstrategi-2024-2026',
  'dokumenttyp: strategi',
  'titel: Trygghetsstrategi 2024–2026',
  'beslutande_organ: kommunstyrelsen',
  'beslut: { datum: 2023-12-18, paragraf: 169, diarienummer: KS/2023:309 }',
  'giltighetstid: { från: 2024-01-01, till: 2026-12-31 }',
  'revisionsdatum: ny mandatperiod',
  'dokumentansvarig: stadsledningsforvaltningen',
  'ersätter: [trygghetspolicy]',
  'fokusområden:',
  '  - { id: forebyggande-insatser, rubrik: Förebyggande insatser }',
  '---',
  '',
  'Stadens inriktning för trygghetsarbetet.',
  '',
].join('\n');

describe('styrdok changes', () => {
  it('says which documents are new or changed, which change status through another, and which findings the change brings', async () => {
    const p = repository();
    p.git('checkout', '-qb', 'ny-strategi');
    p.write(STRATEGI, strategi);
    // A new decision and a new sentence for the riktlinje, which also stops carrying out the policy.
    p.write(
      RIKTLINJE,
      p
        .read(RIKTLINJE)
        .replace('datum: 2024-05-13', 'datum: 2025-10-20')
        .replace('paragraf: 88', 'paragraf: 142')
        .replace('KS/2024:112', 'KS/2025:211')
        .replace('genomför:\n  - trygghetspolicy', 'genomför:\n  - trygghetsstrategi-2024-2026')
        .replace('allmän plats.', 'allmän plats och skolgårdar.'),
    );
    const before = snapshotTree(p.dir);
    const result = await p.run(['changes', '--base', 'main', '--today', TODAY]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const commit = p.git('rev-parse', '--short', 'main').trim();
    const lines = result.stdout.split('\n');
    expect(lines.slice(0, 12)).toEqual([
      '## Vad ändringen gör med styrdokumenten',
      '',
      `Jämfört med \`main\` (${commit}), med status den 25 november 2026.`,
      '',
      '### Dokument',
      '',
      '| Dokument | Ändring | Status |',
      '| --- | --- | --- |',
      `| Policy: Trygghetspolicy för Solna stad<br>\`${POLICY}\` | Filen oförändrad | Gällande → Ersatt av «Trygghetsstrategi 2024–2026» från 1 januari 2024 |`,
      `| Riktlinje: Riktlinje för kamerabevakning<br>\`${RIKTLINJE}\` | Ändrat: nytt beslut (KS/2025:211, 20 oktober 2025); genomför; texten | Gällande |`,
      `| Strategi: Trygghetsstrategi 2024–2026<br>\`${STRATEGI}\` | Nytt dokument | Gällande till 31 december 2026 |`,
      '',
    ]);
    // The findings the change brings are exactly those the check finds in the new strategy, and nothing is gone.
    const check = await p.run(['check', '--today', TODAY, '--format', 'json']);
    const found = (JSON.parse(check.stdout) as { filePath: string; messages: { ruleId: string; severity: number; message: string }[] }[])
      .filter((file) => file.filePath.endsWith(STRATEGI))
      .flatMap((file) => file.messages);
    const expected = found.map((m) => `${m.ruleId} ${m.message}`);
    expect(expected.some((line) => line.startsWith('replacement-authority '))).toBe(true);
    const rows = lines.filter((line) => line.startsWith('| `strategy/')).map((row) => {
      const [, file = '', , message = '', rule = ''] = /^\| `([^`]+)` \| (fel|varning) \| (.*) \| `([^`]+)` \|$/.exec(row) ?? [];
      expect(file.startsWith(`${STRATEGI}:`), row).toBe(true);
      return `${rule} ${message.replace(/\\([|\\])/g, '$1')}`;
    });
    expect(rows.sort()).toEqual([...expected].sort());
    const errors = found.filter((m) => m.severity === 2).length;
    const warnings = found.length - errors;
    const counted = [errors ? `${errors} fel` : '', warnings ? `${warnings} ${warnings === 1 ? 'varning' : 'varningar'}` : ''].filter(Boolean).join(' och ');
    expect(lines[14]).toBe(`Ändringen ger ${counted} som inte fanns förut.`);
    expect(result.stdout).not.toContain('Fynd som försvinner');
    // Nothing was written in the repository: not in the files, not in .git.
    expect(snapshotTree(p.dir)).toEqual(before);
  });

  it('compares with the last commit by default, and says a removed document and the findings that go with it', async () => {
    const p = repository();
    // A riktlinje that carries out a document that does not exist is an error in main …
    p.write(RIKTLINJE, p.read(RIKTLINJE).replace('  - trygghetspolicy', '  - trygghetspolicy-2008'));
    p.git('commit', '-qam', 'Fel id');
    // … and the change removes the riktlinje.
    rmSync(p.path(RIKTLINJE));
    const result = await p.run(['changes', '--today', TODAY]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Jämfört med `HEAD` (');
    expect(result.stdout).toContain(`| Riktlinje: Riktlinje för kamerabevakning<br>\`${RIKTLINJE}\` | Borttaget ur förrådet | Gällande |`);
    expect(result.stdout).toContain('Ändringen ger inga nya fynd och tar bort 1 fel.');
    expect(result.stdout).toMatch(/#### Fynd som försvinner\n\n\| Var \| Allvarlighet \| Fynd \| Regel \|\n\| --- \| --- \| --- \| --- \|\n\| `strategy\/riktlinjer\/riktlinje-kamerabevakning\.md:\d+:\d+` \| fel \| .*trygghetspolicy-2008.* \| `references` \|\n$/);
  });

  it('with a folder, tells only of the documents and findings in it, against the same whole corpus', async () => {
    const p = repository();
    p.write(POLICY, p.read(POLICY) + '\nEn ny mening.\n');
    p.write(RIKTLINJE, p.read(RIKTLINJE) + '\nEn ny mening.\n');
    const result = await p.run(['changes', 'strategy/policyer', '--today', TODAY]);
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n').filter((line) => line.startsWith('| Policy') || line.startsWith('| Riktlinje'))).toEqual([
      `| Policy: Trygghetspolicy för Solna stad<br>\`${POLICY}\` | Ändrat: texten | Gällande |`,
    ]);
    expect(result.stdout).toContain('Ändringen ger inga nya fynd och tar inte bort några.');
  });

  it('in a region, compares each kommun with its own config, under its name', async () => {
    const p = tempProject('styrdok-changes-region-');
    onTestFinished(() => p.dispose());
    generateCorpus({ n: 60, seed: 4, kommuner: 2, out: p.dir });
    const env = { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.invalid', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.invalid' };
    const git = (...args: string[]) => execFileSync('git', args, { cwd: p.dir, env, encoding: 'utf8' });
    git('init', '-q', '-b', 'main');
    git('add', '.');
    git('commit', '-qm', 'Regionen');
    const file = p.path('norrvik/strategy/policyer/policy-1-trygghet.md');
    writeFileSync(file, readFileSync(file, 'utf8') + '\nEn ny mening.\n');
    const result = await p.run(['changes', '--today', '2026-06-01']);
    expect(result.code).toBe(0);
    const headings = result.stdout.split('\n').filter((line) => line.startsWith('## '));
    expect(headings).toEqual([expect.stringMatching(/^## Vad ändringen gör med styrdokumenten i .+ \(norrvik\/strategy\)$/), expect.stringMatching(/^## Vad ändringen gör med styrdokumenten i .+ \(storstad\/strategy\)$/)]);
    const [norrvik = '', storstad = ''] = result.stdout.split(/(?=^## )/m);
    expect(norrvik).toMatch(/\| Policy: .+<br>`norrvik\/strategy\/policyer\/policy-1-trygghet\.md` \| Ändrat: texten \| Gällande \|/);
    expect(storstad).toContain('Ändringen rör inget styrdokument och ändrar ingen status.');
  });

  it('lists at most 200 documents, as a pull request summary must stay small, and says how many more there are', async () => {
    const p = tempProject('styrdok-changes-many-');
    onTestFinished(() => p.dispose());
    const env = { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.invalid', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.invalid' };
    const git = (...args: string[]) => execFileSync('git', args, { cwd: p.dir, env, encoding: 'utf8' });
    // The generator empties its folder first, so the repository is made after it, with an empty first commit.
    generateCorpus({ n: 230, seed: 4, out: p.dir });
    git('init', '-q', '-b', 'main');
    git('commit', '-q', '--allow-empty', '-m', 'Tomt');
    const result = await p.run(['changes', '--base', 'main', '--today', '2026-06-01']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const rows = result.stdout.split('\n').filter((line) => / \| Nytt dokument \| /.test(line));
    expect(rows).toHaveLength(200);
    expect(result.stdout).toMatch(/\n… och \d+ dokument till\. Sammanfattningen visar högst 200; git diff --stat listar alla ändrade filer\.\n/);
  });

  it('says of a document whose file no longer reads that it does not read, not that it is gone', async () => {
    const p = repository();
    p.write(POLICY, p.read(POLICY).replace('titel: Trygghetspolicy för Solna stad', 'titel: "Trygghetspolicy" för Solna stad'));
    const result = await p.run(['changes', '--today', TODAY]);
    expect(result.stdout).toContain(`| Policy: Trygghetspolicy för Solna stad<br>\`${POLICY}\` | Går inte att läsa efter ändringen (se fynden) | Gällande |`);
    expect(result.stdout).toMatch(new RegExp(`#### Nya fynd\n\n.*\n.*\n\\| \`${POLICY}:4:\\d+\` \\| fel \\| .* \\| \`yaml\` \\|`));
  });

  it('says of a document given a new id in its file that its id changed, and that the links to the old id break', async () => {
    const p = repository();
    p.write(POLICY, p.read(POLICY).replace('id: trygghetspolicy', 'id: trygghetspolicy-solna'));
    const result = await p.run(['changes', '--today', TODAY]);
    expect(result.code).toBe(0);
    const rows = result.stdout.split('\n').filter((line) => line.startsWith('| Policy') || line.startsWith('| Riktlinje'));
    expect(rows).toEqual([
      `| Policy: Trygghetspolicy för Solna stad<br>\`${POLICY}\` | Ändrat: nytt id, förut trygghetspolicy (länkar till det gamla id:t pekar inte längre hit) | Gällande |`,
    ]);
    // The riktlinje that carries out the policy now points at nothing: a new finding in a file the change did not touch.
    expect(result.stdout).toMatch(new RegExp(`#### Nya fynd\n\n.*\n.*\n\\| \`${RIKTLINJE}:\\d+:\\d+\` \\| fel \\| .*trygghetspolicy.* \\| \`references\` \\|`));
  });

  it('says when nothing changed, and treats a base without styrdokument as a new repository', async () => {
    const p = repository();
    const same = await p.run(['changes', '--today', TODAY]);
    expect(same.stdout).toContain('Ändringen rör inget styrdokument och ändrar ingen status.\n\n### Fynd\n\nÄndringen ger inga nya fynd och tar inte bort några.\n');

    p.git('checkout', '-q', '--orphan', 'tom');
    p.git('rm', '-rq', '--cached', '.');
    p.git('commit', '-q', '--allow-empty', '-m', 'Tomt');
    const fresh = await p.run(['changes', '--base', 'tom', '--today', TODAY]);
    expect(fresh.code).toBe(0);
    expect(fresh.stdout).toContain(`| Policy: Trygghetspolicy för Solna stad<br>\`${POLICY}\` | Nytt dokument | Gällande |`);
    expect(fresh.stdout).toContain(`| Riktlinje: Riktlinje för kamerabevakning<br>\`${RIKTLINJE}\` | Nytt dokument | Gällande |`);
  });

  it('refuses a version git does not have and a folder outside git in Swedish with exit code 2, and checks a base whose config it cannot read with the config as it is now', async () => {
    const p = repository();
    const unknown = await p.run(['changes', '--base', 'finns-inte', '--today', TODAY]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Hittar ingen version «finns-inte» i git att jämföra med.');
    expect(unknown.stdout).toBe('');
    const option = await p.run(['changes', '--base=--output=x', '--today', TODAY]);
    expect(option.code).toBe(2);
    expect(option.stderr).toContain('Hittar ingen version «--output=x» i git att jämföra med.');

    // A base whose config this styrdok cannot read (older, or broken) has its documents checked with today's config, and says so.
    const config = 'strategy/styrdok.config.yaml';
    const good = p.read(config);
    p.write(config, good.replace('kommun: Solna stad', 'kommun: [Solna stad'));
    p.git('commit', '-qam', 'Trasig konfiguration');
    p.write(config, good);
    p.write(POLICY, p.read(POLICY) + '\nEn ny mening.\n');
    const mended = await p.run(['changes', '--today', TODAY]);
    expect(mended.code).toBe(0);
    expect(mended.stdout).toMatch(/\n> Konfigurationen i «HEAD» går inte att läsa \(strategy\/styrdok\.config\.yaml:\d+:\d+: [^)]+[^.]\), så styrdokumenten där är kontrollerade med konfigurationen som den är nu: fynden nedan jämför vad dokumentens ändringar gör, inte konfigurationens\.\n/);
    expect(mended.stdout).toContain(`| Policy: Trygghetspolicy för Solna stad<br>\`${POLICY}\` | Ändrat: texten | Gällande |`);
    expect(mended.stdout).toContain('Ändringen ger inga nya fynd och tar inte bort några.');
    // Nothing was written in the working tree: the config as it is now was copied into the comparison's own folder.
    expect(p.read(config)).toBe(good);

    rmSync(p.path('.git'), { recursive: true, force: true });
    const outside = await p.run(['changes', '--today', TODAY]);
    expect(outside.code).toBe(2);
    expect(outside.stderr).toContain('Mappen ligger inte i ett git-förråd');
  });
});
