import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { StyrDocument } from '../model/document.js';
import type { Span } from '../model/diagnostic.js';
import type { BodyLink } from './body-links.js';
import type { DirectionControls } from './direction-controls.js';
import { hashFolderFiles } from './code-hash.js';
import { namedIdsText } from './named-ids.js';
import { readCacheFolder, readKeptFindings, readPositions, SHARD_COUNT, shardOf, writeCacheFolder, type Entries, type FindingsSlot, type KeptFindings, type Positions } from './cache-folder.js';
import { splitFrontmatter } from './frontmatter.js';
import { parseFile, type ParsedFile } from './parse-file.js';
import type { RawFile } from './read-files.js';
import { ruleInputsOf } from './rule-inputs.js';
import { shapeOf } from './shape.js';
import { locateIn, spanTableOf, type SpanTable } from './yaml-source.js';

/**
 * Parsed files kept by content hash, as ESLint's --cache does: parseFile is a pure function of a file's path
 * and text, so an unchanged file need not be parsed again, and, when its size and modification time are
 * what they were, not even read. The cache holds what the rules need (frontmatter data, the body's links, the
 * parse findings). A document's body is read from disk only if asked for, and the positions of its keys
 * (cache-folder.ts keeps them apart) only when a position is asked for.
 *
 * Like git's index, a file modified less than a second before its part of the cache was written is read and
 * hashed anyway: a second write within the same clock tick could leave size and time unchanged.
 */
export interface ParseCache {
  /** The parse of a file the cache knows unchanged by size and time, without reading it. */
  reuse(file: string, absPath: string, size: number, mtimeMs: number): ParsedFile | undefined;
  /** The parse of a file that was read: from the cache when its content is known, else parsed now. */
  parse(raw: RawFile): ParsedFile;
  /** The data of the config when its text is the one last loaded without findings. */
  configData(text: string): unknown;
  /** Notes the data of a config loaded without findings. */
  rememberConfig(text: string, data: unknown): void;
  /** What the rules can see of a file read or reused in this run (rule-inputs.ts). */
  ruleInputs(file: string): string | undefined;
  /** What other documents' findings may read of a file read or reused in this run (load/shape.ts). */
  shape(file: string): string | undefined;
  /** The ids a document read or reused in this run has or names, each between line breaks (load/named-ids.ts). */
  namedIds(file: string): string | undefined;
  /** What the cache held of a file when it was opened (or last saved): the run before's view of it. */
  previous(file: string): PreviousFile | undefined;
  /** The rules' findings kept in `slot` under `rulesKey` (engine/rule-results.ts), when the last ones kept were. */
  keptFindings(slot: FindingsSlot, rulesKey: string): unknown;
  /** Keeps the rules' findings in `slot` under `rulesKey`, in place of any kept there before. */
  keepFindings(slot: FindingsSlot, rulesKey: string, value: unknown): void;
  /** Writes what changed (when the cache has a folder), keeping only the files seen since the last save. */
  save(): void;
  readonly stats: { reused: number; hashed: number; parsed: number };
}

export interface PreviousFile {
  ruleInputs: string;
  shape: string;
  data?: StyrDocument['data'];
  claimedId?: string;
}

interface CachedDocument {
  data: StyrDocument['data'];
  bodyStartLine: number;
  /**
   * One line per link, `line:column url` (linksText): a string is cheaper to read back than 44,000 objects.
   * A list when a URL has a line break, which the text could not hold.
   */
  links: string | readonly BodyLink[];
  /** The ids the document has or names, each between line breaks (load/named-ids.ts). */
  named: string;
  /** Lines with direction controls (load/direction-controls.ts), when there are any. */
  direction?: readonly DirectionControls[];
  /** Positions of a document parsed in this process. A function: JSON leaves it out of the cache folder. */
  locate?: StyrDocument['locate'];
}

/** What the cache keeps of a file, under its path. */
export interface Entry {
  size: number;
  mtimeMs: number;
  hash: string;
  /** What the rules can see of the file (rule-inputs.ts). */
  ruleInputs: string;
  /** What other documents' findings may read of it (load/shape.ts). */
  shape: string;
  claimedId?: string;
  /** Left out when there are none, as for most files. */
  diagnostics?: ParsedFile['diagnostics'];
  document?: CachedDocument;
}

/** The code parseFile and loadConfig run: loader, schema validator and config (beside this module once compiled). */
const PARSER_CODE_DIRS = ['.', '../schema/', '../config/'].map((dir) => fileURLToPath(new URL(dir, import.meta.url)));

/**
 * Any change to these invalidates every entry: the engine's version, the code that parses, the schemas and the
 * size limit. Hashing the code itself means a fix to the parser is never hidden by an old cache.
 */
export function cacheKey(version: string, schemaDir: string, maxFileBytes: number): string {
  const hash = createHash('sha256').update(`styrdok ${version} cache 5 max ${maxFileBytes}\n`);
  hashFolderFiles(hash, schemaDir, '.json');
  for (const dir of PARSER_CODE_DIRS) hashFolderFiles(hash, dir, '.js');
  return hash.digest('hex');
}

const contentHash = (text: string) => createHash('sha1').update(text).digest('hex');

export interface ParseCacheOptions {
  /**
   * Documents hold nothing of their files' text, as those read from the cache folder do not: the entry of a
   * file parsed now is copied apart from the text, and its body read again from disk when asked for. For the
   * site build, which keeps every document while it writes the pages: V8 keeps a whole file's text alive for
   * the sake of any substring taken from it (an id, a key, a finding's quote), and at 10,000 documents the
   * texts held so were 240 of the 445 MB left after each garbage collection.
   */
  detach?: boolean;
}

/** Opens the cache kept in the folder `location`, or an in-memory cache when there is none (check --watch). */
export function openParseCache(key: string, location?: string, options: ParseCacheOptions = {}): ParseCache {
  const previous = location ? readCacheFolder(location, key) : undefined;
  const known = new Map<string, Entry>();
  const trustedBefore: number[] = [];
  for (let shard = 0; shard < SHARD_COUNT; shard++) {
    const stored = previous?.shards[shard];
    trustedBefore.push((stored?.writtenAt ?? 0) - 1000);
    for (const [file, entry] of Object.entries(stored?.entries ?? {})) known.set(file, entry);
  }
  let seen = new Map<string, Entry>();
  // The parts whose entries differ from what is on disk: only those are written again.
  const dirty = new Set<number>(location ? [...Array(SHARD_COUNT).keys()].filter((s) => !previous?.shards[s]) : []);
  // Span tables per part, read on the first position asked for in that part.
  const positions = new Map<number, Positions>();
  const positionsOf = (shard: number): Positions => {
    let part = positions.get(shard);
    if (!part) positions.set(shard, (part = location ? readPositions(location, key, shard) : {}));
    return part;
  };
  const storedSpans = (file: string, hash: string) => {
    const stored = positionsOf(shardOf(file))[file];
    return stored?.hash === hash ? stored.spans : undefined;
  };
  let config = previous?.config;
  let configChanged = false;
  // Each slot is read on the first question (the per-document findings only when the whole run's are stale).
  const kept = new Map<FindingsSlot, KeptFindings | undefined>();
  const keptChanged = new Map<FindingsSlot, KeptFindings>();
  const keptIn = (slot: FindingsSlot) => {
    if (!kept.has(slot)) kept.set(slot, location ? readKeptFindings(location, key, slot) : undefined);
    return kept.get(slot);
  };
  const stats = { reused: 0, hashed: 0, parsed: 0 };

  return {
    stats,
    reuse(file, absPath, size, mtimeMs) {
      const entry = known.get(file);
      if (!entry || !isWhole(entry) || entry.size !== size || entry.mtimeMs !== mtimeMs || mtimeMs >= trustedBefore[shardOf(file)]!) return undefined;
      seen.set(file, entry);
      stats.reused++;
      return fromEntry(entry, file, absPath, undefined, storedSpans);
    },
    parse(raw) {
      const hash = contentHash(raw.text);
      const entry = known.get(raw.file);
      if (entry && entry.hash === hash && isWhole(entry)) {
        stats.hashed++;
        if (entry.size !== raw.size || entry.mtimeMs !== raw.mtimeMs) dirty.add(shardOf(raw.file));
        seen.set(raw.file, { ...entry, size: raw.size, mtimeMs: raw.mtimeMs });
        return fromEntry(entry, raw.file, raw.absPath, options.detach ? undefined : raw.text, storedSpans);
      }
      stats.parsed++;
      dirty.add(shardOf(raw.file));
      const parsed = parseFile(raw);
      if (!options.detach) {
        seen.set(raw.file, toEntry(parsed, raw, hash));
        return parsed;
      }
      const apart = detachedEntry(toEntry(parsed, raw, hash));
      seen.set(raw.file, apart);
      return fromEntry(apart, raw.file, raw.absPath, undefined, storedSpans);
    },
    configData(text) {
      return config?.hash === contentHash(text) ? config.data : undefined;
    },
    rememberConfig(text, data) {
      const hash = contentHash(text);
      if (config?.hash !== hash) configChanged = true;
      config = { hash, data };
    },
    ruleInputs(file) {
      return seen.get(file)?.ruleInputs;
    },
    shape(file) {
      return seen.get(file)?.shape;
    },
    namedIds(file) {
      return seen.get(file)?.document?.named;
    },
    previous(file) {
      const entry = known.get(file);
      if (!entry) return undefined;
      const { ruleInputs, shape, claimedId, document } = entry;
      return { ruleInputs, shape, ...(document ? { data: document.data } : {}), ...(claimedId !== undefined ? { claimedId } : {}) };
    },
    keptFindings(slot, rulesKey) {
      const stored = keptIn(slot);
      return stored?.rulesKey === rulesKey ? stored.value : undefined;
    },
    keepFindings(slot, rulesKey, value) {
      kept.set(slot, { rulesKey, value });
      keptChanged.set(slot, { rulesKey, value });
    },
    save() {
      // A part that lost a file (deleted or moved) is written again too.
      for (const [file] of known) if (!seen.has(file)) dirty.add(shardOf(file));
      if (location && (dirty.size || configChanged || keptChanged.size)) {
        const shards = new Map<number, { entries: Entries; positions: Positions }>([...dirty].map((s) => [s, { entries: {}, positions: {} }]));
        for (const [file, entry] of seen) {
          const shard = shards.get(shardOf(file));
          if (!shard) continue;
          shard.entries[file] = entry;
          // Parsed in this process, or kept from the part's positions file when the content is the same.
          const spans = entry.document?.locate ? spanTableOf(entry.document.locate) : storedSpans(file, entry.hash);
          if (spans) shard.positions[file] = { hash: entry.hash, spans };
        }
        writeCacheFolder(location, key, shards, configChanged ? config : undefined, keptChanged);
      }
      dirty.clear();
      configChanged = false;
      keptChanged.clear();
      // The next round (in memory: --watch) trusts what this one saw, except files modified this very second.
      trustedBefore.fill(Date.now() - 1000);
      known.clear();
      for (const [file, entry] of seen) known.set(file, entry);
      seen = new Map();
      positions.clear();
    },
  };
}

function toEntry(parsed: ParsedFile, raw: RawFile, hash: string): Entry {
  const { document } = parsed;
  return {
    size: raw.size,
    mtimeMs: raw.mtimeMs,
    hash,
    ruleInputs: ruleInputsOf(parsed, raw.text),
    shape: shapeOf(parsed),
    ...(parsed.claimedId !== undefined ? { claimedId: parsed.claimedId } : {}),
    ...(parsed.diagnostics.length ? { diagnostics: parsed.diagnostics } : {}),
    ...(document ? { document: { data: document.data, bodyStartLine: document.bodyStartLine, links: linksText(document.links), named: namedIdsText(document.data), ...(document.directionControls.length ? { direction: document.directionControls } : {}), locate: document.locate } } : {}),
  };
}

/**
 * The entry with every string its own, not a substring of the file's text: one JSON round trip, as the entry
 * would make through the cache folder. The span table is copied with it, and located over again.
 */
function detachedEntry(entry: Entry): Entry {
  const locate = entry.document?.locate;
  const copy = JSON.parse(JSON.stringify({ entry, table: locate && spanTableOf(locate) })) as { entry: Entry; table?: SpanTable };
  if (copy.entry.document && copy.table) copy.entry.document.locate = locateIn(copy.table);
  return copy.entry;
}

/**
 * A ParsedFile from an entry. The file is read again (or its text, when it was read, used) only when the body
 * is asked for, or a position that the stored span tables cannot give; and then once.
 */
function fromEntry(entry: Entry, file: string, absPath: string, text: string | undefined, storedSpans: (file: string, hash: string) => SpanTable | undefined): ParsedFile {
  const parsed: ParsedFile = { file, diagnostics: entry.diagnostics ?? [], ...(entry.claimedId !== undefined ? { claimedId: entry.claimedId } : {}) };
  if (!entry.document) return parsed;
  const cached = entry.document;
  // Not kept once read: a position needs the text only once.
  const onDisk = () => text ?? readOrEmpty(absPath);
  // The body is kept for the job that read it (a WeakRef's target lives at least that long), not for good: the
  // site reads each body for its page and for the open data, and all bodies kept doubled the heap that every
  // garbage collection walks while the pages are written.
  let body: WeakRef<{ text: string }> | undefined;
  let links: readonly BodyLink[] | undefined;
  let locate = cached.locate;
  const document = {
    file,
    data: cached.data,
    bodyStartLine: cached.bodyStartLine,
    // Read back when first asked for: a re-check asks only of the documents it checks again.
    get links(): readonly BodyLink[] {
      return (links ??= linksFrom(cached.links));
    },
    linksText: typeof cached.links === 'string' ? cached.links : undefined,
    directionControls: cached.direction ?? [],
    // The stored span table, else the same parse that made the entry, of the same text (its hash and size were
    // checked when loading).
    locate: (at) => (locate ??= locateFrom(storedSpans(file, entry.hash)) ?? parseFile({ file, absPath, text: onDisk(), size: 0, mtimeMs: 0 }).document?.locate ?? startOfFile)(at),
    get body(): string {
      const kept = body?.deref();
      if (kept) return kept.text;
      const read = { text: splitFrontmatter(onDisk()).body };
      body = new WeakRef(read);
      return read.text;
    },
  } satisfies StyrDocument;
  return { ...parsed, document };
}

/**
 * Whether an entry read from the cache folder has what is read of it without a second look. A damaged part
 * that is still JSON is met with a new parse of its files, never with a crash or a lost finding.
 */
function isWhole(entry: Entry): boolean {
  if (typeof entry.ruleInputs !== 'string' || typeof entry.shape !== 'string') return false;
  if (entry.diagnostics !== undefined && !Array.isArray(entry.diagnostics)) return false;
  const { document } = entry;
  return document === undefined || (typeof document === 'object' && document !== null && typeof document.data === 'object' && document.data !== null && typeof document.named === 'string' && (typeof document.links === 'string' || Array.isArray(document.links)) && (document.direction === undefined || Array.isArray(document.direction)));
}

const startOfFile = (): Span => ({ start: { line: 1, column: 1 } });

/** Links as text, one per line: `line:column url`; as they are if a URL has a line break. */
export function linksText(links: readonly BodyLink[]): string | readonly BodyLink[] {
  if (links.some((link) => link.url.includes('\n'))) return links;
  return links.map((link) => `${link.line}:${link.column} ${link.url}`).join('\n');
}

function linksFrom(text: string | readonly BodyLink[]): readonly BodyLink[] {
  if (typeof text !== 'string') return text;
  if (!text) return [];
  return text.split('\n').map((row) => {
    const colon = row.indexOf(':');
    const space = row.indexOf(' ', colon);
    return { line: Number(row.slice(0, colon)), column: Number(row.slice(colon + 1, space)), url: row.slice(space + 1) };
  });
}
const locateFrom = (spans: SpanTable | undefined) => (spans ? locateIn(spans) : undefined);

/** A file removed since it was loaded gives no text: its findings then point at its first line. */
function readOrEmpty(absPath: string): string {
  try {
    return readFileSync(absPath, 'utf8');
  } catch {
    return '';
  }
}
