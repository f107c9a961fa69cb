import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GitHistoryError, readGitHistory } from '../../src/history/git-history.js';
import { adoptedVersions, diffVersions } from '../../src/history/adopted-versions.js';

function doc(beslut: string, body: string): string {
  return `---\nid: riktlinje-x\ndokumenttyp: riktlinje\ntitel: Riktlinje X\n${beslut}---\n${body}`;
}

function repoWithHistory(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'styrdok-history-'));
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.invalid', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.invalid' } });
  git('init', '-q');
  mkdirSync(path.join(dir, 'strategy'));
  const file = path.join(dir, 'strategy/riktlinje-x.md');
  const commit = (text: string, message: string) => {
    writeFileSync(file, text);
    git('add', '.');
    git('commit', '-qm', message);
  };
  commit(doc('', 'Utkast.\n'), 'utkast');
  commit(doc('beslut: { datum: 2024-05-20, paragraf: 79, diarienummer: KS/2024:96 }\ngiltighetstid: { från: 2024-06-01, till: tills vidare }\n', 'Kameror får sättas upp på torg.\n'), 'antagen');
  commit(doc('beslut: { datum: 2024-05-20, paragraf: 79, diarienummer: KS/2024:96 }\ngiltighetstid: { från: 2024-06-01, till: tills vidare }\n', 'Kameror får sättas upp på torg och gator.\n'), 'rättelse');
  commit(doc('beslut: { datum: 2025-10-20, paragraf: 142, diarienummer: KS/2025:211 }\ngiltighetstid: { från: 2025-11-01, till: tills vidare }\n', 'Kameror får sättas upp på torg, gator och skolgårdar.\n'), 'reviderad');
  return dir;
}

describe('adopted versions from git history', () => {
  it('one version per decision, drafts left out, corrections folded into their version, with in-force ranges', () => {
    const dir = repoWithHistory();
    const history = readGitHistory(dir, ['strategy']);
    expect([...history.keys()]).toEqual(['strategy/riktlinje-x.md']);
    expect(history.get('strategy/riktlinje-x.md')).toHaveLength(4);
    const versions = adoptedVersions(history.get('strategy/riktlinje-x.md')!);
    expect(versions.map((v) => [v.beslut.diarienummer, v.from, v.to])).toEqual([
      ['KS/2024:96', '2024-06-01', '2025-10-31'],
      ['KS/2025:211', '2025-11-01', undefined],
    ]);
    // The correction after the decision belongs to the first version.
    expect(versions[0]!.body).toBe('Kameror får sättas upp på torg och gator.\n');
    const { unit, parts: diff } = diffVersions(versions[0]!, versions[1]!);
    expect(unit).toBe('word');
    expect(diff.filter((p) => p.kind === 'added').map((p) => p.text.trim()).join(' ')).toContain('skolgårdar');
    expect(diff.filter((p) => p.kind === 'removed').map((p) => p.text.trim())).toContain('och');
  });

  it('reads files whose names have å ä ö, spaces, quotes and backslashes, which git quotes in its log', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'styrdok-history-names-'));
    const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.invalid', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.invalid' } });
    git('init', '-q');
    mkdirSync(path.join(dir, 'strategy', 'åtgärdsplaner'), { recursive: true });
    const names = ['strategy/åtgärdsplaner/trygghet i Solna.md', 'strategy/riktlinje "kameror" \\ 2.md'];
    for (const [i, body] of ['Första.\n', 'Andra.\n'].entries()) {
      for (const name of names) writeFileSync(path.join(dir, name), doc('', body));
      git('add', '.');
      git('commit', '-qm', `omgång ${i}`);
    }
    git('rm', '-q', names[1]!);
    git('commit', '-qm', 'borttagen');
    const history = readGitHistory(dir, ['strategy']);
    expect([...history.keys()].sort()).toEqual([...names].sort());
    expect(history.get(names[0]!)!.map((r) => r.text.slice(r.text.lastIndexOf('---\n') + 4))).toEqual(['Andra.\n', 'Första.\n']);
  });

  it('passes over a revision larger than a document may be, and reads the others', () => {
    const dir = repoWithHistory();
    const all = readGitHistory(dir, ['strategy']).get('strategy/riktlinje-x.md')!;
    const sizes = all.map((r) => Buffer.byteLength(r.text));
    const limit = Math.min(...sizes) + 5;
    const small = readGitHistory(dir, ['strategy'], limit).get('strategy/riktlinje-x.md')!;
    expect(small.map((r) => r.commit)).toEqual(all.filter((r) => Buffer.byteLength(r.text) <= limit).map((r) => r.commit));
    expect(small.length).toBeGreaterThan(0);
    expect(small.length).toBeLessThan(all.length);
  });

  it('says so when git cannot read the history, rather than giving none', () => {
    const dir = repoWithHistory();
    // The oldest commit's object lost: git log stops on it.
    const oldest = execFileSync('git', ['rev-list', '--max-parents=0', 'HEAD'], { cwd: dir, encoding: 'utf8' }).trim();
    rmSync(path.join(dir, '.git', 'objects', oldest.slice(0, 2), oldest.slice(2)));
    expect(() => readGitHistory(dir, ['strategy'])).toThrow(GitHistoryError);
    expect(() => readGitHistory(dir, ['strategy'])).toThrow(/^git log kunde inte läsas: .*/);
  });

  it('a repository without a commit yet has no history, and no error', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'styrdok-history-empty-'));
    execFileSync('git', ['init', '-q'], { cwd: dir });
    writeFileSync(path.join(dir, 'a.md'), doc('', 'Text.\n'));
    expect(readGitHistory(dir, ['.']).size).toBe(0);
  });

  it('outside a git repository there is no history, and no error', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'styrdok-nogit-'));
    expect(readGitHistory(dir, ['.']).size).toBe(0);
  });
});

describe('diffVersions on texts that differ a lot', () => {
  /** `lines` lines of `perLine` words drawn from a fixed sequence, starting at `seed`. */
  const text = (lines: number, perLine: number, seed: number) => {
    let x = seed;
    const word = () => `ord${(x = (x * 1103515245 + 12345) % 2147483648) % 3000}`;
    return Array.from({ length: lines }, () => Array.from({ length: perLine }, word).join(' ')).join('\n\n') + '\n';
  };
  const version = (body: string, from: string) => ({ beslut: { datum: from, diarienummer: `KS/${from}` }, from, commit: 'c', title: 'T', body });

  it('compares line by line when too many words changed, keeping the lines that did not', () => {
    // Every other paragraph rewritten: some 3,000 words on 100 lines of 46 kB. Word by word, uncapped, it took 9.5 s.
    const older = text(200, 30, 1);
    const newer = older
      .split('\n\n')
      .map((line, i) => (i % 2 ? text(1, 30, 1000 + i).trimEnd() : line))
      .join('\n\n');
    const { unit, parts } = diffVersions(version(older, '2024-01-01'), version(newer, '2026-01-01'));
    expect(unit).toBe('line');
    expect(parts.filter((p) => p.kind === 'same').map((p) => p.text).join('')).toContain(older.split('\n\n')[0]);
    expect(parts.filter((p) => p.kind !== 'removed').map((p) => p.text).join('')).toBe(newer);
    expect(parts.filter((p) => p.kind !== 'added').map((p) => p.text).join('')).toBe(older);
  });

  it('shows a rewritten text as the old removed and the new added, the same every time', () => {
    const older = text(2000, 12, 1);
    const newer = text(2000, 12, 2);
    const diff = diffVersions(version(older, '2024-01-01'), version(newer, '2026-01-01'));
    expect(diff).toEqual({ unit: 'whole', parts: [{ kind: 'removed', text: older }, { kind: 'added', text: newer }] });
    expect(diffVersions(version(older, '2024-01-01'), version(newer, '2026-01-01'))).toEqual(diff);
  });

  it('still compares word by word within the cap', () => {
    const older = text(50, 20, 1);
    const newer = older.replace(/ord(\d+) /, 'nytt ');
    expect(diffVersions(version(older, '2024-01-01'), version(newer, '2026-01-01')).unit).toBe('word');
  });
});
