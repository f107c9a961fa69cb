import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { StyrDocument } from '../model/document.js';
import type { BodyLink } from './body-links.js';
import { splitFrontmatter } from './frontmatter.js';
import { parseFile, type ParsedFile } from './parse-file.js';
import type { RawFile } from './read-files.js';
import { locateIn, spanTableOf, type SpanTable } from './yaml-source.js';

/**
 * Parsed files kept by content hash, as ESLint's --cache does: parseFile is a pure function of a file's path
 * and text, so an unchanged file need not be parsed again, and, when its size and modification time are
 * what they were, not even read. The cache holds what the rules need (frontmatter data, the span table for
 * positions, the body's links, the parse findings); a document's body is read from disk only if asked for.
 *
 * Like git's index, a file modified less than a second before the cache was written is read and hashed
 * anyway: a second write within the same clock tick could leave size and time unchanged.
 */
export interface ParseCache {
  /** The parse of a file the cache knows unchanged by size and time, without reading it. */
  reuse(file: string, absPath: string, size: number, mtimeMs: number): ParsedFile | undefined;
  /** The parse of a file that was read: from the cache when its content is known, else parsed now. */
  parse(raw: RawFile): ParsedFile;
  /** Writes the cache file (when the cache has one), keeping only the files seen since it was opened. */
  save(): void;
  readonly stats: { reused: number; hashed: number; parsed: number };
}

interface CachedDocument {
  data: StyrDocument['data'];
  bodyStartLine: number;
  links: readonly BodyLink[];
  spans: SpanTable;
}

interface Entry {
  size: number;
  mtimeMs: number;
  hash: string;
  file: string;
  claimedId?: string;
  diagnostics: ParsedFile['diagnostics'];
  document?: CachedDocument;
}

interface CacheFile {
  key: string;
  writtenAt: number;
  entries: Record<string, Entry>;
}

/** The code parseFile runs: the loader and the schema validator (beside this module once compiled). */
const PARSER_CODE_DIRS = [fileURLToPath(new URL('.', import.meta.url)), fileURLToPath(new URL('../schema/', import.meta.url))];

/**
 * Any change to these invalidates every entry: the engine's version, the code that parses, the schemas and the
 * size limit. Hashing the code itself means a fix to the parser is never hidden by an old cache.
 */
export function cacheKey(version: string, schemaDir: string, maxFileBytes: number): string {
  const hash = createHash('sha256').update(`styrdok ${version} cache 1 max ${maxFileBytes}\n`);
  const hashFiles = (dir: string, ending: string) => {
    for (const name of readdirSync(dir).filter((f) => f.endsWith(ending)).sort()) hash.update(name).update(readFileSync(path.join(dir, name)));
  };
  hashFiles(schemaDir, '.json');
  for (const dir of PARSER_CODE_DIRS) hashFiles(dir, '.js');
  return hash.digest('hex');
}

/** Opens the cache at `location` (a file), or an in-memory cache when there is none (check --watch). */
export function openParseCache(key: string, location?: string): ParseCache {
  const previous = location ? readCacheFile(location, key) : undefined;
  let known: Record<string, Entry> = previous?.entries ?? {};
  let trustedBefore = (previous?.writtenAt ?? 0) - 1000;
  let seen: Record<string, Entry> = {};
  // Whether any entry differs from what is on disk: an unchanged corpus leaves the cache file alone.
  let changed = false;
  const stats = { reused: 0, hashed: 0, parsed: 0 };

  return {
    stats,
    reuse(file, absPath, size, mtimeMs) {
      const entry = known[file];
      if (!entry || entry.size !== size || entry.mtimeMs !== mtimeMs || mtimeMs >= trustedBefore) return undefined;
      seen[file] = entry;
      stats.reused++;
      return fromEntry(entry, file, absPath);
    },
    parse(raw) {
      const hash = createHash('sha1').update(raw.text).digest('hex');
      const entry = known[raw.file];
      if (entry && entry.hash === hash) {
        stats.hashed++;
        changed ||= entry.size !== raw.size || entry.mtimeMs !== raw.mtimeMs;
        seen[raw.file] = { ...entry, size: raw.size, mtimeMs: raw.mtimeMs };
        return fromEntry(entry, raw.file, raw.absPath, raw.text);
      }
      stats.parsed++;
      changed = true;
      const parsed = parseFile(raw);
      seen[raw.file] = toEntry(parsed, raw, hash);
      return parsed;
    },
    save() {
      const removed = Object.keys(known).length !== Object.keys(seen).length;
      if (location && (changed || removed || !previous)) writeCacheFile(location, { key, writtenAt: Date.now(), entries: seen });
      changed = false;
      // The next round (in memory: --watch) trusts what this one saw, except files modified this very second.
      trustedBefore = Date.now() - 1000;
      known = seen;
      seen = {};
    },
  };
}

function toEntry(parsed: ParsedFile, raw: RawFile, hash: string): Entry {
  const { document } = parsed;
  const spans = document ? spanTableOf(document.locate) : undefined;
  return {
    size: raw.size,
    mtimeMs: raw.mtimeMs,
    hash,
    file: parsed.file,
    ...(parsed.claimedId !== undefined ? { claimedId: parsed.claimedId } : {}),
    diagnostics: parsed.diagnostics,
    // A document whose positions cannot be kept is parsed again next time rather than cached without them.
    ...(document && spans ? { document: { data: document.data, bodyStartLine: document.bodyStartLine, links: document.links, spans } } : {}),
  };
}

/** A ParsedFile from an entry; the body is split off (and read, if need be) once, only when someone asks for it. */
function fromEntry(entry: Entry, file: string, absPath: string, text?: string): ParsedFile {
  const parsed: ParsedFile = { file, diagnostics: entry.diagnostics, ...(entry.claimedId !== undefined ? { claimedId: entry.claimedId } : {}) };
  if (!entry.document) return parsed;
  const cached = entry.document;
  let body: string | undefined;
  const document = {
    file,
    data: cached.data,
    bodyStartLine: cached.bodyStartLine,
    links: cached.links,
    locate: locateIn(cached.spans),
    get body(): string {
      body ??= splitFrontmatter(text ?? readFileSync(absPath, 'utf8')).body;
      return body;
    },
  } satisfies StyrDocument;
  return { ...parsed, document };
}

function readCacheFile(location: string, key: string): CacheFile | undefined {
  try {
    const cache = JSON.parse(readFileSync(location, 'utf8')) as CacheFile;
    // A cache from another version, another set of schemas or damaged on disk is simply started over.
    return cache && cache.key === key && typeof cache.entries === 'object' ? cache : undefined;
  } catch {
    return undefined;
  }
}

/** Written beside itself and renamed, so an interrupted run never leaves half a cache. */
function writeCacheFile(location: string, cache: CacheFile): void {
  const temporary = `${location}.${process.pid}.tmp`;
  try {
    mkdirSync(path.dirname(location), { recursive: true });
    writeFileSync(temporary, JSON.stringify(cache));
    renameSync(temporary, location);
  } catch {
    // A cache that cannot be written only makes the next run slower; the check itself is unaffected.
    rmSync(temporary, { force: true });
  }
}
