import { execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';

export interface FileRevision {
  commit: string;
  /** Commit date, ISO 8601. */
  date: string;
  text: string;
}

/**
 * Every committed revision of the files under `paths`, newest first, read with two git processes in all
 * (one log, one cat-file batch) rather than two per file: the site asks for the whole corpus at once.
 * Returns an empty map outside a git repository, so a tarball of the corpus still builds.
 */
export function readGitHistory(cwd: string, paths: string[]): Map<string, FileRevision[]> {
  const history = new Map<string, FileRevision[]>();
  let top: string;
  try {
    top = execFileSync('git', ['rev-parse', '--show-toplevel'], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return history;
  }
  const log = spawnSync('git', ['log', '--format=%x00%H%x09%cI', '--name-only', '--no-renames', '--', ...paths], { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (log.status !== 0) return history;
  const wanted: { file: string; commit: string; date: string }[] = [];
  for (const entry of log.stdout.split('\0').slice(1)) {
    const [header = '', ...files] = entry.split('\n').filter(Boolean);
    const [commit = '', date = ''] = header.split('\t');
    for (const repoPath of files) {
      if (repoPath.endsWith('.md')) wanted.push({ file: repoPath, commit, date });
    }
  }
  if (!wanted.length) return history;
  const batch = spawnSync('git', ['cat-file', '--batch'], { cwd: top, input: wanted.map((w) => `${w.commit}:${w.file}`).join('\n') + '\n', maxBuffer: 1024 * 1024 * 1024 });
  if (batch.status !== 0) return history;
  const out = batch.stdout;
  let offset = 0;
  for (const w of wanted) {
    const headerEnd = out.indexOf(10, offset);
    const header = out.subarray(offset, headerEnd).toString('utf8');
    offset = headerEnd + 1;
    if (header.endsWith(' missing')) continue; // deleted in this commit
    const size = Number(header.split(' ')[2]);
    const text = out.subarray(offset, offset + size).toString('utf8');
    offset += size + 1;
    // Keys are relative to cwd, like the corpus's own file names.
    const key = path.relative(cwd, path.join(top, w.file)).split(path.sep).join('/');
    const list = history.get(key) ?? [];
    list.push({ commit: w.commit, date: w.date, text });
    history.set(key, list);
  }
  return history;
}

/**
 * Whether `cwd` is in a shallow clone (`git clone --depth`, and actions/checkout's default): its history
 * lacks the earlier commits, so the versions read from it are incomplete. False outside git.
 */
export function isShallowClone(cwd: string): boolean {
  const answer = spawnSync('git', ['rev-parse', '--is-shallow-repository'], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  return answer.status === 0 && answer.stdout.trim() === 'true';
}
