import { closeSync, mkdirSync, openSync, readFileSync, readSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Entry } from './parse-cache.js';
import type { SpanTable } from './yaml-source.js';

/**
 * The parse cache on disk: a folder of parts, each file in one part by a hash of its path, so that a change
 * to one document rewrites one part (a sixteenth of the cache), not all of it. Each part carries the cache
 * key and the time it was written, which the racy-file rule of parse-cache.ts compares against.
 *
 * A part is two files: del-NN.json with what every check needs, and lagen-NN.json with where each key of the
 * frontmatter is (span tables), read only when a position is asked for: for a finding, or by the site's
 * follow-up, which names the line of every goal. A re-check with no findings never reads them.
 */
export const SHARD_COUNT = 16;

export type Entries = Record<string, Entry>;

export interface Shard {
  writtenAt: number;
  entries: Entries;
}

/** A file's span table, with the content hash of the text it was made from. */
export type Positions = Record<string, { hash: string; spans: SpanTable }>;

export interface RememberedConfig {
  hash: string;
  data: unknown;
}

export interface CacheFolder {
  /** Per part, what was stored for this key; undefined for a part that is missing, damaged or stale. */
  shards: (Shard | undefined)[];
  config?: RememberedConfig;
}

/** FNV-1a over the path: stable across runs and machines, and cheap. */
export function shardOf(file: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < file.length; i++) hash = Math.imul(hash ^ file.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % SHARD_COUNT;
}

const partName = (shard: number) => shard.toString(16).padStart(2, '0');
const shardFile = (location: string, shard: number) => path.join(location, `del-${partName(shard)}.json`);
const positionsFile = (location: string, shard: number) => path.join(location, `lagen-${partName(shard)}.json`);
const configFile = (location: string) => path.join(location, 'konfiguration.json');

/**
 * What the rules found, kept for the next run under a key of what they read (engine/rule-results.ts): all
 * their findings in regler.json, and their findings about each document (the document rules', and the corpus
 * rules' per-document parts, ShapedRule.checkEach) in regler-dokument.json.
 */
export type FindingsSlot = 'regler' | 'regler-dokument';

export interface KeptFindings {
  rulesKey: string;
  value: unknown;
}

const findingsFile = (location: string, slot: FindingsSlot) => path.join(location, `${slot}.json`);

function readJson(file: string, key: string): Record<string, unknown> | undefined {
  try {
    // Written one byte per character (see latin1Json), so read without UTF-8 decoding, which costs more than the parse.
    const value = JSON.parse(readFileSync(file, 'latin1')) as Record<string, unknown> | null;
    // A part from another version, another set of schemas or damaged on disk is simply started over.
    return value && value.key === key ? value : undefined;
  } catch {
    return undefined;
  }
}

export function readCacheFolder(location: string, key: string): CacheFolder {
  const shards = [...Array(SHARD_COUNT).keys()].map((shard): Shard | undefined => {
    const stored = readJson(shardFile(location, shard), key);
    return stored && typeof stored.writtenAt === 'number' && stored.entries && typeof stored.entries === 'object'
      ? { writtenAt: stored.writtenAt, entries: stored.entries as Entries }
      : undefined;
  });
  const config = readJson(configFile(location), key);
  return { shards, ...(config && typeof config.hash === 'string' ? { config: { hash: config.hash, data: config.data } } : {}) };
}

/** The span tables stored for one part; empty when they are missing, damaged or stale. */
export function readPositions(location: string, key: string, shard: number): Positions {
  const stored = readJson(positionsFile(location, shard), key);
  return stored && stored.positions && typeof stored.positions === 'object' ? (stored.positions as Positions) : {};
}

/** The findings kept in one slot; undefined when there are none, or they are damaged or stale. */
export function readKeptFindings(location: string, key: string, slot: FindingsSlot): KeptFindings | undefined {
  const stored = readJson(findingsFile(location, slot), key);
  return stored && typeof stored.rulesKey === 'string' && stored.value && typeof stored.value === 'object' ? { rulesKey: stored.rulesKey, value: stored.value } : undefined;
}

/**
 * Writes the given parts (and the config, when given). Each file is written beside itself and renamed, so an
 * interrupted run never leaves half a file; the positions go first, and are checked by hash when read.
 */
export function writeCacheFolder(
  location: string,
  key: string,
  shards: Map<number, { entries: Entries; positions: Positions }>,
  config?: RememberedConfig,
  findings: ReadonlyMap<FindingsSlot, KeptFindings> = new Map(),
): void {
  if (!claimFolder(location)) return;
  const writtenAt = Date.now();
  for (const [shard, { entries, positions }] of shards) {
    writeAtomically(positionsFile(location, shard), { key, positions });
    writeAtomically(shardFile(location, shard), { key, writtenAt, entries });
  }
  if (config) writeAtomically(configFile(location), { key, ...config });
  for (const [slot, kept] of findings) writeAtomically(findingsFile(location, slot), { key, ...kept });
  for (const name of OBSOLETE_FILES) rmSync(path.join(location, name), { force: true });
}

/** Files an earlier version kept in the cache folder and this one does not read. */
const OBSOLETE_FILES = ['regler-delar.json'];

/** The cache of earlier styrdok versions was one JSON file at the same place; it starts like this. */
const SINGLE_FILE_CACHE = '{"key":"';

/**
 * Makes sure `location` is a folder. A single-file cache of an earlier version is replaced; any other file
 * is left alone (the cache is then not written: the check itself is unaffected).
 */
function claimFolder(location: string): boolean {
  try {
    if (cacheLocationProblem(location)) return false;
    if (statSync(location, { throwIfNoEntry: false })?.isFile()) rmSync(location);
    mkdirSync(location, { recursive: true });
    return true;
  } catch {
    return false;
  }
}

/**
 * Why the cache cannot be kept at `location`, to follow its name in a message («x» är en fil); undefined when
 * it can: nothing there yet, a folder, or an earlier version's cache file.
 */
export function cacheLocationProblem(location: string): string | undefined {
  let stat;
  try {
    stat = statSync(location, { throwIfNoEntry: false });
  } catch {
    // ENOTDIR: a file where a folder of the path should be.
    return 'ligger under en fil, inte en mapp';
  }
  return !stat || stat.isDirectory() || (stat.isFile() && startsWith(location, SINGLE_FILE_CACHE)) ? undefined : 'är en fil';
}

/** Whether a file starts with `prefix`; a file that cannot be read does not. */
function startsWith(file: string, prefix: string): boolean {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const buffer = Buffer.alloc(prefix.length);
    readSync(fd, buffer, 0, prefix.length, 0);
    return buffer.toString('utf8') === prefix;
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function writeAtomically(file: string, value: unknown): void {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, latin1Json(value), 'latin1');
    renameSync(temporary, file);
  } catch {
    // A part that cannot be written only makes the next run slower.
    rmSync(temporary, { force: true });
  }
}

/**
 * JSON written one byte per character: every character past U+00FF escaped (\u2013 for –), and the rest,
 * å, ä and ö among them, as their Latin-1 byte. Read back as Latin-1 it is the same text, with fewer escapes
 * to write and read than ASCII would need; a Swedish corpus has an ä in almost every line.
 */
export function latin1Json(value: unknown): string {
  return JSON.stringify(value).replace(/[\u0100-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
