import { closeSync, existsSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, readlinkSync, realpathSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';

/**
 * The site is written into a new folder beside the output folder and takes the output's place only when the
 * whole build has succeeded:
 * - a page whose document left the corpus (repealed, moved, published by mistake) does not linger: Eleventy
 *   never removes a file it no longer writes, so it stayed in the output and was published again;
 * - a build that fails halfway leaves the last site as it was, not half old and half new;
 * - new files are written faster than old ones are overwritten (ext4 flushes a file truncated and written
 *   again when it is closed): 0.2 against 0.6 ms a page here.
 *
 * The output folder is replaced whole, so it must be a site styrdok wrote (it holds data/styrdok.json),
 * an empty folder or no folder yet, and never a folder that holds the repository or the corpus.
 */
export class OutputFolderError extends Error {
  override name = 'OutputFolderError';
}

/** Every site styrdok writes has its open data here; a folder without it is someone else's. */
const SITE_SIGNATURE = path.join('data', 'styrdok.json');

export interface FreshOutput {
  /** The new, empty folder this build writes into. */
  readonly staging: string;
  /** Puts the new site in the output folder's place, then removes the old site. */
  publish(): Promise<void>;
  /** Removes what a failed build wrote; the output folder is left as it was. */
  discard(): void;
}

/** A folder the site must never replace, named for the message. */
export interface ProtectedPath {
  path: string;
  /** What it is, in Swedish: «förrådet», «styrdokumenten». */
  name: string;
}

/**
 * A new folder to build the site in, beside `outputDir`. `protectedPaths` (the repository, the corpus, the
 * templates) may never be the output folder or inside it.
 */
export function freshOutput(outputDir: string, protectedPaths: readonly ProtectedPath[]): FreshOutput {
  makeParent(path.resolve(outputDir));
  const output = realOutput(path.resolve(outputDir), outputDir);
  if (path.dirname(output) === output) throw new OutputFolderError(`Utmappen «${outputDir}» är filsystemets rot. Välj en egen mapp för webbplatsen med STYRDOK_SITE_OUT.`);
  for (const kept of protectedPaths) {
    // Where it really is, so that a link to the output folder cannot hide it.
    const at = existsSync(kept.path) ? realpathSync(kept.path) : path.resolve(kept.path);
    if (at === output || at.startsWith(output + path.sep)) {
      throw new OutputFolderError(
        `Utmappen «${outputDir}» ${at === output ? 'är' : 'innehåller'} ${kept.name} (${kept.path}), som aldrig får skrivas över. Välj en egen mapp för webbplatsen med STYRDOK_SITE_OUT, till exempel _site.`,
      );
    }
  }
  if (existsSync(output) && !isReplaceable(output)) {
    throw new OutputFolderError(
      `Utmappen «${outputDir}» finns redan och innehåller annat än en webbplats från styrdok. Webbplatsen ersätter hela utmappen vid varje bygge, så inget skrivs där. Välj en annan mapp med STYRDOK_SITE_OUT, eller töm mappen själv.`,
    );
  }

  const beside = (suffix: string) => path.join(path.dirname(output), `.${path.basename(output)}.styrdok-${suffix}`);
  // One build at a time per output folder: two would clear each other's new folder and race for the swap.
  const lock = beside('las');
  takeLock(lock, outputDir);
  const staging = beside('nytt');
  // Left by a build that was stopped: it was never published, so it is only in the way.
  rmSync(staging, { recursive: true, force: true });
  const old = beside(`gammalt-${process.pid}`);

  return {
    staging,
    async publish() {
      const hadSite = existsSync(output);
      if (hadSite) move(output, old, `Kunde inte flytta undan den förra webbplatsen i «${outputDir}»`);
      try {
        move(staging, output, `Kunde inte lägga den nya webbplatsen i «${outputDir}»`);
      } catch (error) {
        if (hadSite) renameSync(old, output);
        throw error;
      }
      await Promise.all(leftovers(beside('gammalt-')).map((dir) => rm(dir, { recursive: true, force: true })));
      releaseLock(lock);
    },
    discard() {
      rmSync(staging, { recursive: true, force: true });
      releaseLock(lock);
    },
  };
}

/**
 * Where the output folder really is, with every symbolic link followed: so that no link (the folder's own, or
 * one of the folders above it) can hide the repository or the corpus from the check above. When the output
 * folder is itself a link, such as a web server's folder linked as _site, the new site takes the place of the
 * folder it leads to, and the link still leads there; replacing the link would leave the server with the old
 * site.
 */
/** The folder the output folder goes in, made when it is not there yet (STYRDOK_SITE_OUT=_site/norrvik). */
function makeParent(output: string): void {
  try {
    mkdirSync(path.dirname(output), { recursive: true });
  } catch {
    // A part of the path that is a file: the lock file's own error (ENOTDIR) says so, in the build's words.
  }
}

function realOutput(output: string, outputDir: string): string {
  let isLink = false;
  try {
    isLink = lstatSync(output).isSymbolicLink();
  } catch {
    // Not there yet: the build makes it, in the real folder above.
    return existsSync(path.dirname(output)) ? path.join(realpathSync(path.dirname(output)), path.basename(output)) : output;
  }
  try {
    return realpathSync(output);
  } catch {
    if (!isLink) throw new OutputFolderError(`Utmappen «${outputDir}» går inte att nå. Välj en annan utmapp med STYRDOK_SITE_OUT.`);
    throw new OutputFolderError(`Utmappen «${outputDir}» är en symbolisk länk till «${readlinkSync(output)}», som inte finns. Skapa mappen länken leder till, eller välj en annan utmapp med STYRDOK_SITE_OUT.`);
  }
}

/** An empty folder, or a site styrdok wrote. */
function isReplaceable(dir: string): boolean {
  if (!statSync(dir).isDirectory()) return false;
  return readdirSync(dir).length === 0 || existsSync(path.join(dir, SITE_SIGNATURE));
}

/** The old sites beside the output: this build's, and any a stopped build left behind. */
function leftovers(prefix: string): string[] {
  const folder = path.dirname(prefix);
  const start = path.basename(prefix);
  return readdirSync(folder)
    .filter((name) => name.startsWith(start))
    .map((name) => path.join(folder, name));
}

function move(from: string, to: string, failure: string): void {
  try {
    renameSync(from, to);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new OutputFolderError(`${failure} (${code}). Stäng program som har mappen öppen, till exempel en webbserver, och bygg igen.`);
  }
}

/** The locks this process holds; a build that stops on an error before publish or discard lets go at exit. */
const heldLocks = new Set<string>();
process.once('exit', () => {
  for (const lock of heldLocks) releaseLock(lock);
});

/**
 * Takes the output folder's lock file, which names the building process: its id and, where the system tells
 * (Linux's /proc), when it started and in which boot. A lock whose process is gone (a build that was
 * killed) is taken over, and so is one whose id now belongs to another process: after a restart the same
 * ids come round again, and the old lock would otherwise stop every build until removed by hand.
 */
function takeLock(lock: string, outputDir: string): void {
  for (let attempt = 0; attempt < 2; attempt++) {
    let fd: number;
    try {
      fd = openSync(lock, 'wx');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = parseLock(readFileSync(lock, 'utf8'));
      if (holder && holder.pid !== process.pid && isRunning(holder)) {
        throw new OutputFolderError(
          `Ett annat bygge av webbplatsen (process ${holder.pid}) skriver redan till «${outputDir}». Vänta tills det är klart och bygg sedan igen. Om inget annat bygge körs, ta bort låsfilen ${lock}.`,
        );
      }
      rmSync(lock, { force: true });
      continue;
    }
    try {
      writeSync(fd, lockText(processIdentity(process.pid)));
    } finally {
      closeSync(fd);
    }
    heldLocks.add(lock);
    return;
  }
  throw new OutputFolderError(`Kunde inte ta låsfilen ${lock} för «${outputDir}». Bygg igen.`);
}

/** A process as the lock names it; start and boot are undefined where the system does not tell them. */
export interface LockHolder {
  pid: number;
  /** Clock ticks from boot to the process's start (/proc/<pid>/stat, field 22). */
  start?: string | undefined;
  /** /proc/sys/kernel/random/boot_id: a new one at every restart. */
  boot?: string | undefined;
}

/** «pid start boot», «-» for what is unknown; a lock of older builds holds the pid alone. */
export function lockText(holder: LockHolder): string {
  return `${holder.pid} ${holder.start ?? '-'} ${holder.boot ?? '-'}\n`;
}

export function parseLock(text: string): LockHolder | undefined {
  const [pid, start, boot] = text.trim().split(/\s+/);
  const id = Number(pid);
  if (!Number.isInteger(id) || id <= 0) return undefined;
  const known = (value: string | undefined) => (value && value !== '-' ? value : undefined);
  return { pid: id, start: known(start), boot: known(boot) };
}

export function processIdentity(pid: number): LockHolder {
  return { pid, start: startOf(pid), boot: readOrUndefined('/proc/sys/kernel/random/boot_id') };
}

function startOf(pid: number): string | undefined {
  const stat = readOrUndefined(`/proc/${pid}/stat`);
  // The name in parentheses may itself hold spaces and parentheses: the fields after the last ) are plain.
  return stat?.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
}

function readOrUndefined(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8').trim() || undefined;
  } catch {
    return undefined;
  }
}

/** Whether the lock's process still runs: its id is taken, by the same process when the lock can tell. */
function isRunning(holder: LockHolder): boolean {
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const now = processIdentity(holder.pid);
  if (holder.boot && now.boot && holder.boot !== now.boot) return false;
  return !(holder.start && now.start && holder.start !== now.start);
}

function releaseLock(lock: string): void {
  if (!heldLocks.delete(lock)) return;
  rmSync(lock, { force: true });
}
