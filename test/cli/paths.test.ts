import { cpSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, jsonRows, NEW_PERIOD, project, STRATEGY_FILE, SWEDISH_FILE, type Row } from './project.js';

const POLICY = 'strategy/policyer/trygghetspolicy.md';
const BROKEN = 'strategy/policyer/trasig-policy.md';
const SWEDISH_ROWS: Row[] = [
  [SWEDISH_FILE, 9, 3, 'decision-record', 'error'],
  [SWEDISH_FILE, 12, 5, 'hierarchy', 'error'],
];

/** Checked files (also those without findings) and findings, from --format json. */
async function checkJson(p: ReturnType<typeof project>, args: string[], today = '2025-06-01') {
  const result = await p.check(['check', ...args, '--today', today, '--format', 'json']);
  expect(result.stderr).toBe('');
  const files = (JSON.parse(result.stdout) as { filePath: string }[]).map((r) => path.relative(p.dir, r.filePath).split(path.sep).join('/'));
  return { code: result.code, files, rows: jsonRows(result.stdout, p) };
}

describe('paths', () => {
  it('checks strategy/ when no path is given', async () => {
    const p = project(['clean', 'with-error']);
    const all = await checkJson(p, []);
    expect(all.files).toHaveLength(5);
    expect(await checkJson(p, ['strategy'])).toEqual(all);
    expect(await checkJson(p, ['strategy/'])).toEqual(all);
    expect(await checkJson(p, [p.path('strategy')])).toEqual(all);
  });

  it('takes files and folders together, and reads only what it is given', async () => {
    const p = project(['clean', 'with-error']);
    const result = await checkJson(p, ['strategy/policyer', 'strategy/strategier/trygghetsstrategi-2023-2026.md']);
    expect(result).toEqual({ code: 0, files: [POLICY, STRATEGY_FILE], rows: [] });
  });

  it('takes a file name with spaces and å ä ö as one argument', async () => {
    const p = project(['clean', 'with-error']);
    // The anvisning implements the strategi, which implements the policy: give them too, or their ids are unknown.
    const paths = [SWEDISH_FILE, 'strategy/anvisningar', STRATEGY_FILE, POLICY];
    const result = await checkJson(p, paths);
    expect(result).toEqual({ code: 1, files: ['strategy/anvisningar/anvisning-klottersanering.md', POLICY, SWEDISH_FILE, STRATEGY_FILE], rows: SWEDISH_ROWS });
    const pretty = await p.check(['check', ...paths, '--today', '2025-06-01']);
    expect(pretty.stderr).toBe('');
    expect(pretty.stdout.split('\n')[0]).toBe(SWEDISH_FILE);
    expect(pretty.stdout).toContain('✖ 2 problem (2 fel, 0 varningar) i 1 fil av 4 kontrollerade.');
  });

  it('reads folders whose names have spaces and å ä ö, and finds the config above them', async () => {
    const p = project([]);
    const folder = 'Styrdokument för Åre och Älvdalen';
    cpSync(path.join(FIXTURES, 'clean'), p.path(folder, 'Överenskommelser och övrigt'), { recursive: true });
    cpSync(path.join(FIXTURES, 'with-error'), p.path(folder, 'Överenskommelser och övrigt'), { recursive: true });
    const file = `${folder}/Överenskommelser och övrigt/riktlinjer/trygga mötesplatser för äldre.md`;
    const result = await checkJson(p, [folder]);
    expect(result.code).toBe(1);
    expect(result.files).toHaveLength(5);
    expect(result.rows).toEqual(SWEDISH_ROWS.map(([, ...rest]) => [file, ...rest]));
    const github = await p.check(['check', folder, '--today', '2025-06-01', '--format', 'github']);
    expect(github.stdout.split('\n')[0]).toMatch(/^::error file=Styrdokument för Åre och Älvdalen\/Överenskommelser och övrigt\/riktlinjer\/trygga mötesplatser för äldre\.md,line=9,col=3,/);
  });

  it('skips files that are not Markdown inside folders, but reads a file it is given by name', async () => {
    const p = project(['clean']);
    p.write('strategy/LÄSMIG.txt', 'Här ligger styrdokumenten.\n');
    expect((await checkJson(p, ['strategy'])).files).toHaveLength(4);
    const named = await checkJson(p, ['strategy/LÄSMIG.txt']);
    expect(named.code).toBe(1);
    expect(named.rows).toEqual([['strategy/LÄSMIG.txt', 1, 1, 'frontmatter', 'error']]);
  });

  it('a path that does not exist is a usage error (exit 2), named in Swedish on stderr', async () => {
    const p = project(['clean']);
    const result = await p.check(['check', 'strategy/finns-inte.md', '--today', '2025-06-01']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('Sökvägen «strategy/finns-inte.md» finns inte. Ange en fil eller mapp med styrdokument.\n');
  });
});

describe('a file with broken YAML does not hide the findings in the other files', () => {
  it('reports the YAML error and the rule errors elsewhere together, and exits 1', async () => {
    const p = project(['clean', 'with-error', 'broken-yaml']);
    const result = await checkJson(p, [], NEW_PERIOD);
    expect(result.code).toBe(1);
    expect(result.files).toHaveLength(6);
    expect(result.rows).toEqual([
      [BROKEN, expect.any(Number), expect.any(Number), 'yaml', 'error'],
      ...SWEDISH_ROWS,
      [STRATEGY_FILE, 14, 1, 'revision', 'warning'],
    ]);
    // The error lies in the frontmatter (lines 2–6), and says what is missing.
    const [, line] = result.rows[0]!;
    expect(line).toBeGreaterThanOrEqual(4);
    expect(line).toBeLessThanOrEqual(6);
    const pretty = await p.check(['check', '--today', NEW_PERIOD]);
    expect(pretty.stderr).toBe('');
    expect(pretty.stdout).toContain('Ett tecken saknas, ofta ett avslutande citattecken eller en hakparentes.');
    expect(pretty.stdout).toContain('✖ 4 problem (3 fel, 1 varning) i 3 filer av 6 kontrollerade.');
  });

  it('exits 1 for broken YAML alone', async () => {
    const p = project(['clean', 'broken-yaml']);
    const result = await checkJson(p, []);
    expect(result.code).toBe(1);
    expect(result.rows.map((r) => [r[0], r[3]])).toEqual([[BROKEN, 'yaml']]);
  });
});
