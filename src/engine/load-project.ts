import { existsSync } from 'node:fs';
import path from 'node:path';
import { findConfigFile, loadConfig } from '../config/load-config.js';
import { noConfigMessage } from './projects.js';
import type { Config } from '../config/config.js';
import { buildCorpus, type Corpus } from '../corpus/corpus.js';
import { todayIso, type IsoDate } from '../corpus/dates.js';
import { compareDiagnostics, type Diagnostic } from '../model/diagnostic.js';
import type { ParseCache } from '../load/parse-cache.js';
import { parseFile, type ParsedFile } from '../load/parse-file.js';
import { readMarkdownFiles } from '../load/read-files.js';
import { rules as allRules } from '../rules/index.js';
import type { Rule } from '../rules/rule.js';
import { ruleFindings } from './rule-results.js';
import { INTERNAL_RULE_ID } from './run-rules.js';
import { maybeStep, type CheckTiming } from './timing.js';

export interface ProjectOptions {
  /** Files and folders to read; default `strategy`. */
  paths?: string[];
  cwd?: string;
  /** Config file; default: styrdok.config.yaml found from the first path upwards. */
  configFile?: string;
  today?: IsoDate;
  rules?: readonly Rule[];
  maxFileBytes?: number;
  /** Parsed files from earlier runs (check --cache, --watch); the caller saves it. */
  cache?: ParseCache;
  /** Filled with the time of each step and rule (check --timing). */
  timing?: CheckTiming;
}

export interface CheckedProject {
  config: Config;
  corpus: Corpus;
  today: IsoDate;
  /** Load and rule findings in the files asked for, sorted by file and position. */
  diagnostics: Diagnostic[];
  /** The files asked for (the corpus may hold more). */
  files: string[];
}

/** The folder of the config, or its strategy/ subfolder when the config sits at the repository root. */
function corpusFolder(cwd: string, configPath: string): string {
  const dir = path.dirname(configPath);
  const nested = path.join(dir, 'strategy');
  return path.relative(cwd, existsSync(nested) ? nested : dir) || '.';
}

/** A predicate: is a cwd-relative file one of `paths` or inside one of them? */
function isWithin(cwd: string, paths: string[]): (file: string) => boolean {
  const roots = paths.map((p) => path.resolve(cwd, p));
  return (file) => {
    const abs = path.resolve(cwd, file);
    return roots.some((root) => abs === root || abs.startsWith(root + path.sep));
  };
}

/** Reads and parses every file, through the cache when there is one, in the order the files were found. */
function readAndParse(paths: string[], cwd: string, options: ProjectOptions): { parsed: ParsedFile[]; diagnostics: Diagnostic[] } {
  const { cache } = options;
  const parsed: { absPath: string; parsed: ParsedFile }[] = [];
  const read = readMarkdownFiles(paths, {
    cwd,
    ...(options.maxFileBytes ? { maxFileBytes: options.maxFileBytes } : {}),
    ...(cache ? { reuse: cache.reuse } : {}),
    // Parsed as each is read: a text that nothing keeps is let go young (read-files.ts).
    take: (raw) => parsed.push({ absPath: raw.absPath, parsed: cache ? cache.parse(raw) : parseFile(raw) }),
  });
  if (!read.reused.length) return { parsed: parsed.map((p) => p.parsed), diagnostics: read.diagnostics };
  parsed.push(...read.reused.map((r) => ({ absPath: r.absPath, parsed: r.value })));
  parsed.sort((a, b) => (a.absPath < b.absPath ? -1 : a.absPath > b.absPath ? 1 : 0));
  return { parsed: parsed.map((p) => p.parsed), diagnostics: read.diagnostics };
}

/** What could be checked of the documents without a configuration: that each file reads, its YAML and its schema. */
export interface ChecksWithoutConfig {
  diagnostics: Diagnostic[];
  files: string[];
}

export class ConfigError extends Error {
  constructor(
    readonly diagnostics: Diagnostic[],
    /** The documents' own findings, so that a broken configuration does not hide them (checkProject). */
    readonly documents?: ChecksWithoutConfig,
  ) {
    super(diagnostics.map((d) => `${d.file}:${d.span.start.line}:${d.span.start.column} ${d.message}`).join('\n'));
    this.name = 'ConfigError';
  }
}

/**
 * The checks that need no configuration (file, frontmatter, yaml, schema): run when the configuration is
 * missing or broken, so that one pull request that breaks both is told both at once.
 */
function checksWithoutConfig(root: string, paths: string[], cwd: string, options: ProjectOptions): ChecksWithoutConfig {
  const read = readAndParse([root, ...paths], cwd, options);
  const corpus = buildCorpus(read.parsed, read.diagnostics, root);
  const asked = isWithin(cwd, paths);
  return { diagnostics: corpus.loadDiagnostics.filter((d) => asked(d.file)).sort(compareDiagnostics), files: corpus.files.filter(asked) };
}

/** The steps of the load that `check --timing` names, in Swedish. */
const STEP_LABELS = {
  config: 'läsa konfigurationen',
  files: 'läsa och tolka filerna',
  corpus: 'bygga samlingen (id, länkar, versioner)',
} as const;

/**
 * The one load of the corpus: read, parse, validate, index and run every rule. The CLI, the reports and
 * the site all start here, so they can never disagree about a document.
 */
export function checkProject(options: ProjectOptions = {}): CheckedProject {
  const cwd = options.cwd ?? process.cwd();
  const configPath = options.configFile
    ? path.resolve(cwd, options.configFile)
    : findConfigFile(path.resolve(cwd, options.paths?.[0] ?? 'strategy'));
  // Without paths: strategy/ when there is one, else the folder of the config.
  const fallback = existsSync(path.resolve(cwd, 'strategy')) || !configPath ? 'strategy' : path.relative(cwd, path.dirname(configPath)) || '.';
  const paths = options.paths?.length ? options.paths : [fallback];
  if (!configPath) {
    throw new ConfigError(
      [{ file: paths[0] ?? '.', span: { start: { line: 1, column: 1 } }, ruleId: 'config', severity: 'error', message: noConfigMessage(cwd, existsSync(path.resolve(cwd, paths[0] ?? '.')) ? (paths[0] ?? '.') : '.') }],
      existsSync(path.resolve(cwd, paths[0] ?? '.')) ? checksWithoutConfig(paths[0] ?? '.', paths, cwd, options) : undefined,
    );
  }
  // The whole corpus beside the config is always read, so that checking one changed file still resolves its
  // references; only the findings are limited to the paths asked for.
  const corpusRoot = corpusFolder(cwd, configPath);
  const ruleList = options.rules ?? allRules;
  const { timing } = options;
  const loaded = maybeStep(timing, STEP_LABELS.config, () => loadConfig(configPath, cwd, [...new Set([...allRules, ...ruleList].map((r) => r.id))], options.cache));
  if (!loaded.config) throw new ConfigError(loaded.diagnostics, checksWithoutConfig(corpusRoot, paths, cwd, options));
  const config = loaded.config;
  const today = options.today ?? todayIso();
  const read = maybeStep(timing, STEP_LABELS.files, () => readAndParse([corpusRoot, ...paths], cwd, options));
  const corpus = maybeStep(timing, STEP_LABELS.corpus, () => buildCorpus(read.parsed, read.diagnostics, corpusRoot));
  const asked = isWithin(cwd, paths);
  const all = [...corpus.loadDiagnostics, ...ruleFindings(ruleList, { corpus, config, today }, options.cache, timing)];
  const diagnostics = all.filter((d) => d.ruleId === INTERNAL_RULE_ID || asked(d.file)).sort(compareDiagnostics);
  return { config, corpus, today, diagnostics, files: corpus.files.filter(asked) };
}
