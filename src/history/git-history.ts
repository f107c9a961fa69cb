import { execFileSync, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import path from 'node:path';
import { DEFAULT_MAX_FILE_BYTES } from '../load/read-files.js';

export interface FileRevision {
  commit: string;
  /** Commit date, ISO 8601. */
  date: string;
  text: string;
}

/** A revision the log names: the blob of `file` as `commit` left it. */
interface WantedRevision {
  file: string;
  commit: string;
  date: string;
  blob: string;
}

/**
 * Every committed revision of the files under `paths`, newest first, read with three git processes in all
 * (one log, two cat-file batches) rather than two per file: the site asks for the whole corpus at once.
 * Returns an empty map outside a git repository, so a tarball of the corpus still builds.
 *
 * The log is read with -z and --raw: file names come as they are (git quotes a name with å, ä or ö
 * otherwise, and such a file had no history), and each revision by its blob's id, so that no file name
 * is ever written into cat-file's input. A revision larger than a document may be was never one the
 * check let through, and is not read.
 */
export function readGitHistory(cwd: string, paths: string[], maxBytes = DEFAULT_MAX_FILE_BYTES): Map<string, FileRevision[]> {
  const history = new Map<string, FileRevision[]>();
  let top: string;
  try {
    top = execFileSync('git', ['rev-parse', '--show-toplevel'], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return history;
  }
  // A repository without a commit yet has no history, and git log would fail on it.
  if (spawnSync('git', ['rev-parse', '--verify', '-q', 'HEAD'], { cwd, stdio: 'ignore' }).status !== 0) return history;
  const log = spawnSync('git', ['log', '-z', '--raw', '--no-abbrev', '--no-renames', '--format=%H%x09%cI', '--', ...paths], { cwd, encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024 });
  if (log.status !== 0) throw new GitHistoryError(`git log kunde inte läsas${gitReason(log)}.`);
  const wanted = revisionsIn(log.stdout);
  if (!wanted.length) return history;
  const sizes = blobSizes(top, wanted.map((w) => w.blob));
  const read = wanted.filter((w) => (sizes.get(w.blob) ?? Infinity) <= maxBytes);
  const contents = readBlobs(top, read.map((w) => w.blob), sizes, `${read.length} versioner`);
  read.forEach((w, i) => {
    // Keys are relative to cwd, like the corpus's own file names.
    const key = path.relative(cwd, path.join(top, w.file)).split(path.sep).join('/');
    const list = history.get(key) ?? [];
    list.push({ commit: w.commit, date: w.date, text: contents[i]!.toString('utf8') });
    history.set(key, list);
  });
  return history;
}

/** The contents of `blobs`, in their order, from one `git cat-file --batch` in the repository at `top`. */
export function readBlobs(top: string, blobs: readonly string[], sizes: ReadonlyMap<string, number>, what: string): Buffer[] {
  const total = blobs.reduce((sum, blob) => sum + sizes.get(blob)! + 100, 0);
  const batch = spawnSync('git', ['cat-file', '--batch'], { cwd: top, input: blobs.join('\n') + '\n', maxBuffer: total + 1024 });
  if (batch.status !== 0) throw new GitHistoryError(`git cat-file kunde inte läsa ${what}${gitReason(batch)}.`);
  const out = batch.stdout;
  const contents: Buffer[] = [];
  let offset = 0;
  for (let i = 0; i < blobs.length; i++) {
    const headerEnd = out.indexOf(10, offset);
    const size = Number(out.subarray(offset, headerEnd).toString('utf8').split(' ')[2]);
    offset = headerEnd + 1;
    contents.push(out.subarray(offset, offset + size));
    offset += size + 1;
  }
  return contents;
}

/** The history could not be read although the folder is in git: said, not passed over as "no versions". */
export class GitHistoryError extends Error {
  override name = 'GitHistoryError';
}

export const gitReason = (result: SpawnSyncReturns<string | Buffer>) => {
  const text = result.error?.message ?? String(result.stderr ?? '').trim();
  return text ? `: ${text}` : '';
};

/**
 * The Markdown revisions in `git log -z --raw --format=%H%x09%cI`: a commit's header, then for each file it
 * changed a «:mode mode blob blob status» field and the file's name, each ended by NUL. A deleted file
 * (status D) has no revision in that commit.
 */
function revisionsIn(log: string): WantedRevision[] {
  const wanted: WantedRevision[] = [];
  const fields = log.split('\0');
  let commit = '';
  let date = '';
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i]!.replace(/^\n/, '');
    const header = /^([0-9a-f]{40,64})\t(\S+)$/.exec(field);
    if (header) {
      [, commit = '', date = ''] = header;
      continue;
    }
    const change = /^:\d+ \d+ [0-9a-f]+ ([0-9a-f]+) ([A-Z])\d*$/.exec(field);
    if (!change) continue;
    const file = fields[++i] ?? '';
    if (change[2] !== 'D' && file.endsWith('.md')) wanted.push({ file, commit, date, blob: change[1]! });
  }
  return wanted;
}

/** The size of each blob, from one `git cat-file --batch-check`. */
export function blobSizes(top: string, blobs: string[]): Map<string, number> {
  const check = spawnSync('git', ['cat-file', '--batch-check'], { cwd: top, input: blobs.join('\n') + '\n', encoding: 'utf8', maxBuffer: blobs.length * 100 + 1024 });
  if (check.status !== 0) throw new GitHistoryError(`git cat-file kunde inte läsa versionernas storlek${gitReason(check)}.`);
  const sizes = new Map<string, number>();
  for (const line of check.stdout.split('\n')) {
    const [blob, type, size] = line.split(' ');
    if (blob && type === 'blob') sizes.set(blob, Number(size));
  }
  return sizes;
}

/**
 * Whether `cwd` is in a shallow clone (`git clone --depth`, and actions/checkout's default): its history
 * lacks the earlier commits, so the versions read from it are incomplete. False outside git.
 */
export function isShallowClone(cwd: string): boolean {
  const answer = spawnSync('git', ['rev-parse', '--is-shallow-repository'], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  return answer.status === 0 && answer.stdout.trim() === 'true';
}
