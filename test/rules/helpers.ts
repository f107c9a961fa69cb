import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { onTestFinished } from 'vitest';
import { checkProject, ConfigError } from '../../src/engine/load-project.js';
import type { Diagnostic } from '../../src/model/diagnostic.js';
import { rules } from '../../src/rules/index.js';

/** The day every rule test and doc example is checked on, unless it says otherwise. */
export const TODAY = '2026-11-25';

/** The example kommun: a trimmed copy of Solna's config and four documents that pass every rule. */
export const DOCS_CONFIG_DIR = fileURLToPath(new URL('../fixtures/rules/docs-config/', import.meta.url));
export const CONFIG_TEXT = readFileSync(path.join(DOCS_CONFIG_DIR, 'styrdok.config.yaml'), 'utf8');
export const FIXTURES_DIR = fileURLToPath(new URL('../fixtures/rules/', import.meta.url));

export interface CheckOptions {
  today?: string;
  /** Text of styrdok.config.yaml; default the example kommun's config. */
  config?: string;
  /** Run only this rule (the load checks always run), like ESLint's RuleTester. */
  rule?: string;
  /** Also copy the example kommun's documents (strategy/dokument/*.md) into the corpus. */
  base?: boolean;
  /** What to check, relative to the corpus folder; default strategy. */
  paths?: string[];
  maxFileBytes?: number;
  /** Config file relative to the corpus folder; default styrdok.config.yaml found from the first path upwards. */
  configFile?: string;
}

/**
 * A fixture written inline and indented with the test: removes the template's common indentation and its first
 * line break. Interpolated values are inserted verbatim after the dedent, so they may span several lines.
 */
export function md(strings: TemplateStringsArray, ...values: unknown[]): string {
  const text = String.raw({ raw: strings.raw }, ...values.map((_, i) => `\u0000${i}\u0000`))
    .replace(/^\n/, '')
    .replace(/\n[ \t]*$/, '\n');
  const indents = text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => /^ */.exec(line)![0].length);
  const cut = Math.min(...indents);
  return text
    .split('\n')
    .map((line) => line.slice(cut))
    .join('\n')
    .replace(/\u0000(\d+)\u0000/g, (_, i: string) => String(values[Number(i)]));
}

/**
 * The first ten lines of barn- och utbildningsnämndens 2026 verksamhetsplan in the example kommun, decided,
 * ending with `mål:`: put it first in an md`` fixture and write the goals under it two spaces in.
 */
export const BUN_PLAN_2026 = [
  '---',
  'id: verksamhetsplan-2026-bun',
  'dokumenttyp: verksamhetsplan',
  'titel: Barn- och utbildningsnämndens verksamhetsplan 2026',
  'nämnd: barn-och-utbildningsnamnden',
  'år: 2026',
  'beslutande_organ: barn-och-utbildningsnamnden',
  'beslut: { datum: 2025-12-10, paragraf: 112, diarienummer: BUN/2025:288 }',
  'dokumentansvarig: barn-och-utbildningsforvaltningen',
  'mål:',
].join('\n');

/** Writes a corpus to a fresh temp folder (removed when the test finishes) and returns the folder. */
export function writeCorpus(files: Record<string, string | Uint8Array>, options: CheckOptions = {}): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'styrdok-rules-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(path.join(dir, 'styrdok.config.yaml'), options.config ?? CONFIG_TEXT);
  if (options.base) cpSync(path.join(DOCS_CONFIG_DIR, 'strategy'), path.join(dir, 'strategy'), { recursive: true });
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(dir, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
  return dir;
}

/** Checks a corpus through the real engine and returns every diagnostic, sorted as the CLI shows them. */
export function check(files: Record<string, string | Uint8Array>, options: CheckOptions = {}): Diagnostic[] {
  const cwd = writeCorpus(files, options);
  return checkIn(cwd, options);
}

export function checkIn(cwd: string, options: CheckOptions = {}): Diagnostic[] {
  const only = options.rule === undefined ? rules : rules.filter((r) => r.id === options.rule);
  if (options.rule !== undefined && only.length === 0) throw new Error(`No rule ${options.rule}`);
  const { paths = ['strategy'], today = TODAY, maxFileBytes, configFile } = options;
  return checkProject({ cwd, paths, today, rules: only, ...(maxFileBytes ? { maxFileBytes } : {}), ...(configFile ? { configFile } : {}) }).diagnostics;
}

/** The diagnostics of a broken config, which stops the check before any document is read. */
export function configDiagnostics(config: string): Diagnostic[] {
  try {
    check({ 'strategy/.keep': '' }, { config });
  } catch (error) {
    if (error instanceof ConfigError) return error.diagnostics;
    throw error;
  }
  throw new Error('The config was accepted');
}

/** One line per diagnostic: `file:line:column severity ruleId message`, easy to read in a failing test. */
export function show(diagnostic: Diagnostic): string {
  const { file, span, severity, ruleId, message } = diagnostic;
  return `${file}:${span.start.line}:${span.start.column} ${severity} ${ruleId} ${message}`;
}

export function lines(diagnostics: Diagnostic[]): string[] {
  return diagnostics.map(show);
}

/** Related locations as `file:line:column message`. */
export function related(diagnostic: Diagnostic | undefined): string[] {
  return (diagnostic?.related ?? []).map((r) => `${r.file}:${r.span.start.line}:${r.span.start.column} ${r.message}`);
}

/** A config with extra top-level keys appended, e.g. `regler:` severities. */
export function configWith(extra: string): string {
  return `${CONFIG_TEXT}\n${extra}`;
}
