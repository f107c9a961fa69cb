import path from 'node:path';
import { findConfigFile, loadConfig } from '../config/load-config.js';
import type { Config } from '../config/config.js';
import { buildCorpus, type Corpus } from '../corpus/corpus.js';
import { todayIso, type IsoDate } from '../corpus/dates.js';
import { compareDiagnostics, type Diagnostic } from '../model/diagnostic.js';
import { parseFile } from '../load/parse-file.js';
import { readMarkdownFiles } from '../load/read-files.js';
import { rules as allRules } from '../rules/index.js';
import type { Rule } from '../rules/rule.js';
import { runRules } from './run-rules.js';

export interface ProjectOptions {
  /** Files and folders to read; default `strategy`. */
  paths?: string[];
  cwd?: string;
  /** Config file; default: styrdok.config.yaml found from the first path upwards. */
  configFile?: string;
  today?: IsoDate;
  rules?: readonly Rule[];
  maxFileBytes?: number;
}

export interface CheckedProject {
  config: Config;
  corpus: Corpus;
  today: IsoDate;
  /** Load and rule findings together, sorted by file and position. */
  diagnostics: Diagnostic[];
}

export class ConfigError extends Error {
  constructor(readonly diagnostics: Diagnostic[]) {
    super(diagnostics.map((d) => `${d.file}:${d.span.start.line}:${d.span.start.column} ${d.message}`).join('\n'));
    this.name = 'ConfigError';
  }
}

/**
 * The one load of the corpus: read, parse, validate, index and run every rule. The CLI, the reports and
 * the site all start here, so they can never disagree about a document.
 */
export function checkProject(options: ProjectOptions = {}): CheckedProject {
  const cwd = options.cwd ?? process.cwd();
  const paths = options.paths?.length ? options.paths : ['strategy'];
  const configPath = options.configFile ? path.resolve(cwd, options.configFile) : findConfigFile(path.resolve(cwd, paths[0] ?? '.'));
  if (!configPath) {
    throw new ConfigError([
      { file: paths[0] ?? '.', span: { start: { line: 1, column: 1 } }, ruleId: 'config', severity: 'error', message: 'Hittar ingen styrdok.config.yaml i mappen eller mapparna ovanför. Skapa en, eller ange den med --config.' },
    ]);
  }
  const ruleList = options.rules ?? allRules;
  const loaded = loadConfig(configPath, cwd, [...new Set([...allRules, ...ruleList].map((r) => r.id))]);
  if (!loaded.config) throw new ConfigError(loaded.diagnostics);
  const config = loaded.config;
  const today = options.today ?? todayIso();
  const read = readMarkdownFiles(paths, { cwd, ...(options.maxFileBytes ? { maxFileBytes: options.maxFileBytes } : {}) });
  const corpus = buildCorpus(read.files.map(parseFile), read.diagnostics);
  const diagnostics = [...corpus.loadDiagnostics, ...runRules(ruleList, { corpus, config, today })].sort(compareDiagnostics);
  return { config, corpus, today, diagnostics };
}
