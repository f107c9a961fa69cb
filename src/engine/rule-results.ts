import { createHash } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from '../model/diagnostic.js';
import { hashFolderFiles } from '../load/code-hash.js';
import type { ParseCache } from '../load/parse-cache.js';
import type { FindingsSlot } from '../load/cache-folder.js';
import type { Rule, RuleContext } from '../rules/rule.js';
import { documentRuleRunner, INTERNAL_RULE_ID, runCorpusRules, runRules, shapedRuleRunner, type DocumentRuleRunner } from './run-rules.js';
import { maybeStep, type CheckTiming } from './timing.js';

/**
 * The folders (beside this one, once compiled) of the code the rules run: the rules, what they import, and
 * the config's methods they call. A test follows the rules' imports to keep this list whole.
 */
export const RULE_CODE_DIRS = ['engine', 'rules', 'rules/util', 'corpus', 'model', 'followup', 'authoring', 'config', 'load', 'schema'];

/** What `check --timing` calls the two steps. */
export const RULE_STEP_LABELS = {
  cached: 'reglernas fynd ur cachen (--cache)',
  run: 'köra reglerna',
} as const;

/**
 * A rule's findings about one file, with what the rules could read of it when they were found, and of each
 * other file a finding points into (its positions may have moved since).
 */
interface DocumentEntry {
  inputs: string;
  diagnostics?: Diagnostic[];
  related?: Record<string, string>;
}

/**
 * The rules' findings, with a cache as ESLint's --cache keeps them. Rules are pure functions of what they read:
 * the files with their frontmatter and body links (rule-inputs.ts), the config, the day and the rules' code.
 * - When none of it changed since the last run, all their findings are taken from the cache: a change to
 *   a document's text alone, the most common change, runs no rule.
 * - Otherwise each document rule runs only on the documents whose inputs changed. So do the corpus rules'
 *   per-document parts (ShapedRule.checkEach) as long as no document's shape changed (load/shape.ts: a goal's
 *   text, an outcome, a title); after a change to a shape (a date, a relation), on every document. The
 *   corpus rules' findings across documents (cycles, duplicates) are found again on every run.
 */
export function ruleFindings(rules: readonly Rule[], context: RuleContext, cache?: ParseCache, timing?: CheckTiming): Diagnostic[] {
  if (!cache) return maybeStep(timing, RULE_STEP_LABELS.run, () => runRules(rules, context, timing));
  const settings = settingsDigest(rules, context);
  const { key, stored } = maybeStep(timing, RULE_STEP_LABELS.cached, () => {
    const key = wholeRunKey(settings, context, cache);
    return { key, stored: key ? cache.keptFindings('regler', key) : undefined };
  });
  if (Array.isArray(stored)) return stored as Diagnostic[];
  const diagnostics = maybeStep(timing, RULE_STEP_LABELS.run, () => [
    ...runCorpusRules(rules, context, timing, true),
    ...perDocument(documentRuleRunner(rules, context, timing), 'regler-dokument', documentRulesKey(settings, context), context, cache),
    ...perDocument(shapedRuleRunner(rules, context, timing), 'regler-delar', shapedRulesKey(settings, context, cache), context, cache),
  ]);
  // An internal error is a fault in styrdok, not a finding: it should be met again, not kept.
  if (key && !diagnostics.some((d) => d.ruleId === INTERNAL_RULE_ID)) cache.keepFindings('regler', key, diagnostics);
  return diagnostics;
}

/**
 * The findings `runner` gives about each document: kept ones for each document whose inputs (and those of
 * the files its findings point into) are the same as when they were kept under `key`, new ones for the rest.
 * Without a key nothing is kept or taken.
 */
function perDocument(runner: DocumentRuleRunner, slot: FindingsSlot, key: string | undefined, context: RuleContext, cache: ParseCache): Diagnostic[] {
  const stored = ((key && cache.keptFindings(slot, key)) || {}) as Record<string, DocumentEntry | undefined>;
  const keep: Record<string, DocumentEntry> = {};
  const all: Diagnostic[] = [];
  let ran = 0;
  for (const document of context.corpus.documents) {
    const inputs = cache.ruleInputs(document.file);
    const before = stored[document.file];
    const unchanged = inputs !== undefined && before?.inputs === inputs && isUsable(before, cache);
    const diagnostics = unchanged ? (before.diagnostics ?? []) : runner.run(document);
    if (!unchanged) ran++;
    if (inputs !== undefined) keep[document.file] = entryOf(inputs, diagnostics, document.file, cache);
    all.push(...diagnostics);
  }
  const gone = Object.keys(stored).length !== Object.keys(keep).length;
  if (key && (ran || gone) && !runner.failures.length) cache.keepFindings(slot, key, keep);
  return [...all, ...runner.failures];
}

/** An entry of the right shape (not a damaged file's) whose findings point into files as they still are. */
function isUsable(entry: DocumentEntry, cache: ParseCache): boolean {
  if (entry.diagnostics !== undefined && !Array.isArray(entry.diagnostics)) return false;
  return Object.entries(entry.related ?? {}).every(([file, inputs]) => cache.ruleInputs(file) === inputs);
}

function entryOf(inputs: string, diagnostics: Diagnostic[], file: string, cache: ParseCache): DocumentEntry {
  const related: Record<string, string> = {};
  for (const d of diagnostics) for (const r of d.related ?? []) if (r.file !== file) related[r.file] = cache.ruleInputs(r.file) ?? '';
  return { inputs, ...(diagnostics.length ? { diagnostics } : {}), ...(Object.keys(related).length ? { related } : {}) };
}

/** One hash of everything the rules read; undefined when a file's inputs are unknown. */
function wholeRunKey(settings: string, context: RuleContext, cache: ParseCache): string | undefined {
  return filesKey(`helt\0${settings}`, context, (file) => cache.ruleInputs(file));
}

/**
 * What a ShapedRule's checkEach reads besides its document: the settings, which files there are, and every
 * document's shape; undefined when a file's shape is unknown.
 */
function shapedRulesKey(settings: string, context: RuleContext, cache: ParseCache): string | undefined {
  return filesKey(`delar\0${settings}`, context, (file) => cache.shape(file));
}

/** A hash of `head` and each of the corpus's files with what `valueOf` says of it; undefined when it knows nothing of one. */
function filesKey(head: string, context: RuleContext, valueOf: (file: string) => string | undefined): string | undefined {
  const hash = createHash('sha1').update(`${head}\0`);
  for (const file of context.corpus.files) {
    const value = valueOf(file);
    if (value === undefined) return undefined;
    hash.update(`${file}\0${value}\n`);
  }
  return hash.digest('hex');
}

/** What a document rule reads besides its document: the settings and which files there are. */
function documentRulesKey(settings: string, context: RuleContext): string {
  const hash = createHash('sha1').update(`dokument\0${settings}\0`);
  for (const file of context.corpus.files) hash.update(`${file}\n`);
  return hash.digest('hex');
}

/** The rules' code and names, the day, the corpus folder and the config, as one digest made once per run. */
function settingsDigest(rules: readonly Rule[], { corpus, config, today }: RuleContext): string {
  const hash = createHash('sha1').update(`${ruleCode()}\0${today}\0${corpus.root}\0${config.file}\0`);
  hash.update(JSON.stringify(config.data)).update('\0');
  for (const rule of rules) hash.update(`${rule.id}\0`);
  return hash.digest('hex');
}

let codeHash: string | undefined;

/** A hash of the rules' code, read once per process: a new styrdok, or a fixed rule, never gets old findings. */
function ruleCode(): string {
  if (codeHash) return codeHash;
  const hash = createHash('sha1');
  const here = fileURLToPath(import.meta.url);
  // .js once compiled; .ts when the tests run the sources.
  const ending = path.extname(here);
  for (const dir of RULE_CODE_DIRS) hashFolderFiles(hash, path.join(path.dirname(here), '..', dir), ending, `${dir}/`);
  return (codeHash = hash.digest('hex'));
}
