import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { blobSizes, gitReason, readBlobs } from '../history/git-history.js';
import { DEFAULT_MAX_FILE_BYTES } from '../load/read-files.js';

/** The files under some folders as a commit left them, written out into a temporary copy of the repository's layout. */
export interface Snapshot {
  /** The folder in the copy that stands for the working folder the command ran in. */
  cwd: string;
  /** The commit the name stood for, shortened as git shortens it. */
  commit: string;
  dispose(): void;
}

/** A base to compare with that git cannot give: said in Swedish, and the command exits 2. */
export class SnapshotError extends Error {
  override name = 'SnapshotError';
}

/**
 * The files under `paths` (relative to `cwd`) as `ref` has them, read with git (ls-tree and one cat-file batch)
 * and written into a temporary folder at the same places relative to the repository's root, so that a check
 * of the copy names its files as a check of the working tree does. Nothing is written in the repository,
 * not even in .git. Symbolic links are left out (a link in the base could lead anywhere on this machine), and
 * so are files over the size a document may have, which the check refuses anyway.
 */
export function snapshotAt(ref: string, cwd: string, paths: readonly string[]): Snapshot {
  const { top, prefix } = gitPlace(cwd);
  // A name that starts with a dash would reach git as an option.
  const commit = ref.startsWith('-') ? undefined : spawnSync('git', ['rev-parse', '--verify', '-q', '--short', `${ref}^{commit}`], { cwd, encoding: 'utf8' });
  if (!commit || commit.status !== 0) {
    throw new SnapshotError(`Hittar ingen version «${ref}» i git att jämföra med. Ange en gren, en tagg eller en commit, till exempel main eller origin/main (i en klon med hela historiken: git fetch origin main).`);
  }
  // Relative to the repository's root, from where cwd is in it (git's own answer: cwd may be reached by a symbolic link).
  const inTop = paths.map((p) => path.posix.normalize(prefix + (path.relative(cwd, path.resolve(cwd, p)).split(path.sep).join('/') || '.')));
  const listed = spawnSync('git', ['ls-tree', '-r', '-z', '--full-tree', ref, '--', ...inTop], { cwd: top, encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024 });
  if (listed.status !== 0) throw new SnapshotError(`git kunde inte lista filerna i «${ref}»${gitReason(listed)}.`);
  const entries = listed.stdout
    .split('\0')
    .map((row) => /^(\d+) blob ([0-9a-f]+)\t(.+)$/s.exec(row))
    .filter((m): m is RegExpExecArray => m !== null && m[1] !== '120000')
    .map((m) => ({ blob: m[2]!, file: m[3]! }));
  const sizes = entries.length ? blobSizes(top, entries.map((e) => e.blob)) : new Map<string, number>();
  const wanted = entries.filter((e) => (sizes.get(e.blob) ?? Infinity) <= DEFAULT_MAX_FILE_BYTES);
  const contents = wanted.length ? readBlobs(top, wanted.map((e) => e.blob), sizes, `filerna i «${ref}»`) : [];
  const dir = mkdtempSync(path.join(os.tmpdir(), 'styrdok-jamforelse-'));
  try {
    wanted.forEach((entry, i) => {
      const target = path.join(dir, ...entry.file.split('/'));
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, contents[i]!);
    });
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  const here = path.join(dir, ...prefix.split('/').filter(Boolean));
  mkdirSync(here, { recursive: true });
  return { cwd: here, commit: commit.stdout.trim(), dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The repository's root, and where `cwd` is in it (`sub/folder/`, or empty at the root). */
function gitPlace(cwd: string): { top: string; prefix: string } {
  try {
    const [top = '', prefix = ''] = execFileSync('git', ['rev-parse', '--show-toplevel', '--show-prefix'], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).split('\n');
    return { top, prefix };
  } catch {
    throw new SnapshotError('Mappen ligger inte i ett git-förråd, så det finns ingen tidigare version att jämföra med.');
  }
}
