import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readGitHistory } from '../../src/history/git-history.js';
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
    const diff = diffVersions(versions[0]!, versions[1]!);
    expect(diff.filter((p) => p.kind === 'added').map((p) => p.text.trim()).join(' ')).toContain('skolgårdar');
    expect(diff.filter((p) => p.kind === 'removed').map((p) => p.text.trim())).toContain('och');
  });

  it('outside a git repository there is no history, and no error', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'styrdok-nogit-'));
    expect(readGitHistory(dir, ['.']).size).toBe(0);
  });
});
