import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from '../model/diagnostic.js';
import type { ParseCache } from '../load/parse-cache.js';
import type { Rule, RuleContext } from '../rules/rule.js';
import { INTERNAL_RULE_ID, runRules } from './run-rules.js';
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
 * The rules' findings. With a cache, those of the last run are taken from it when nothing the rules read has
 * changed since: the same files with the same frontmatter and body links (rule-inputs.ts), the same config,
 * day, rules and rule code. Rules are pure functions of exactly these, so their findings would be the same.
 * A change to a document's text alone, most changes, then costs no rule at all; any other change runs them
 * all, since one document's frontmatter can change another's findings (a replaced strategy, a moved goal).
 */
export function ruleFindings(rules: readonly Rule[], context: RuleContext, cache?: ParseCache, timing?: CheckTiming): Diagnostic[] {
  const key = cache && maybeStep(timing, RULE_STEP_LABELS.cached, () => rulesKey(rules, context, cache));
  const stored = key ? maybeStep(timing, RULE_STEP_LABELS.cached, () => cache.ruleFindings(key)) : undefined;
  if (stored) return stored;
  const diagnostics = maybeStep(timing, RULE_STEP_LABELS.run, () => runRules(rules, context, timing));
  // An internal error is a fault in styrdok, not a finding: it should be met again, not kept.
  if (key && !diagnostics.some((d) => d.ruleId === INTERNAL_RULE_ID)) cache.rememberRuleFindings(key, diagnostics);
  return diagnostics;
}

/** One hash of everything the rules read; undefined when a file's inputs are unknown. */
function rulesKey(rules: readonly Rule[], { corpus, config, today }: RuleContext, cache: ParseCache): string | undefined {
  const hash = createHash('sha1').update(`${ruleCode()}\0${today}\0${corpus.root}\0${config.file}\0`);
  hash.update(JSON.stringify(config.data)).update('\0');
  for (const rule of rules) hash.update(`${rule.id}\0`);
  for (const file of corpus.files) {
    const inputs = cache.ruleInputs(file);
    if (inputs === undefined) return undefined;
    hash.update(`${file}\0${inputs}\n`);
  }
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
  for (const dir of RULE_CODE_DIRS) {
    const folder = path.join(path.dirname(here), '..', dir);
    for (const name of readdirSync(folder).filter((f) => f.endsWith(ending)).sort()) hash.update(`${dir}/${name}\0`).update(readFileSync(path.join(folder, name)));
  }
  return (codeHash = hash.digest('hex'));
}
