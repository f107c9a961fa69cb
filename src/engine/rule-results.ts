import { createHash } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from '../model/diagnostic.js';
import { hashFolderFiles } from '../load/code-hash.js';
import type { ParseCache } from '../load/parse-cache.js';
import type { Rule, RuleContext } from '../rules/rule.js';
import { documentRuleRunner, INTERNAL_RULE_ID, runCorpusRules, runRules } from './run-rules.js';
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

/** A document rule's findings about one file, with what the rules could read of it when they were found. */
interface DocumentEntry {
  inputs: string;
  diagnostics?: Diagnostic[];
}

/**
 * The rules' findings, with a cache as ESLint's --cache keeps them. Rules are pure functions of what they read:
 * the files with their frontmatter and body links (rule-inputs.ts), the config, the day and the rules' code.
 * - When none of it changed since the last run, all their findings are taken from the cache: a change to
 *   a document's text alone, the most common change, runs no rule.
 * - Otherwise every corpus rule runs (one document's frontmatter can change another's findings: a replaced
 *   strategy, a moved goal), and each document rule only on the documents whose inputs changed.
 */
export function ruleFindings(rules: readonly Rule[], context: RuleContext, cache?: ParseCache, timing?: CheckTiming): Diagnostic[] {
  if (!cache) return maybeStep(timing, RULE_STEP_LABELS.run, () => runRules(rules, context, timing));
  const settings = settingsDigest(rules, context);
  const { key, stored } = maybeStep(timing, RULE_STEP_LABELS.cached, () => {
    const key = wholeRunKey(settings, context, cache);
    return { key, stored: key ? cache.keptFindings('regler', key) : undefined };
  });
  if (Array.isArray(stored)) return stored as Diagnostic[];
  const diagnostics = maybeStep(timing, RULE_STEP_LABELS.run, () => [...runCorpusRules(rules, context, timing), ...documentFindings(rules, context, cache, settings, timing)]);
  // An internal error is a fault in styrdok, not a finding: it should be met again, not kept.
  if (key && !diagnostics.some((d) => d.ruleId === INTERNAL_RULE_ID)) cache.keepFindings('regler', key, diagnostics);
  return diagnostics;
}

/** The document rules' findings: kept ones for each document whose inputs are the same, new ones for the rest. */
function documentFindings(rules: readonly Rule[], context: RuleContext, cache: ParseCache, settings: string, timing?: CheckTiming): Diagnostic[] {
  const runner = documentRuleRunner(rules, context, timing);
  const key = documentRulesKey(settings, context);
  const stored = (cache.keptFindings('regler-dokument', key) ?? {}) as Record<string, DocumentEntry | undefined>;
  const keep: Record<string, DocumentEntry> = {};
  const all: Diagnostic[] = [];
  let ran = 0;
  for (const document of context.corpus.documents) {
    const inputs = cache.ruleInputs(document.file);
    const before = stored[document.file];
    // An entry of another shape (a damaged file) is as good as none.
    const unchanged = inputs !== undefined && before?.inputs === inputs && (before.diagnostics === undefined || Array.isArray(before.diagnostics));
    const diagnostics = unchanged ? (before.diagnostics ?? []) : runner.run(document);
    if (!unchanged) ran++;
    if (inputs !== undefined) keep[document.file] = diagnostics.length ? { inputs, diagnostics } : { inputs };
    all.push(...diagnostics);
  }
  const gone = Object.keys(stored).length !== Object.keys(keep).length;
  if ((ran || gone) && !runner.failures.length) cache.keepFindings('regler-dokument', key, keep);
  return [...all, ...runner.failures];
}

/** One hash of everything the rules read; undefined when a file's inputs are unknown. */
function wholeRunKey(settings: string, context: RuleContext, cache: ParseCache): string | undefined {
  const hash = createHash('sha1').update(`helt\0${settings}\0`);
  for (const file of context.corpus.files) {
    const inputs = cache.ruleInputs(file);
    if (inputs === undefined) return undefined;
    hash.update(`${file}\0${inputs}\n`);
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
