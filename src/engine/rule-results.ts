import { createHash } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from '../model/diagnostic.js';
import { hashFolderFiles } from '../load/code-hash.js';
import type { ParseCache } from '../load/parse-cache.js';
import type { FindingsSlot } from '../load/cache-folder.js';
import type { Rule, RuleContext } from '../rules/rule.js';
import { trackReads } from '../corpus/read-tracking.js';
import { acrossToKeep, keepsAcross, stillHolding, type KeptAcrossByRule } from './kept-across.js';
import { inputsOf, sameInputs } from './file-inputs.js';
import { beyondImplied, changesSince, readsAny, type Changes } from './stale-findings.js';
import { INTERNAL_RULE_ID, perDocumentRunner, runCorpusRules, runRules, type TrackingRuleRunner } from './run-rules.js';
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
 * The rules' findings about one file, with what the rules could read of it when they were found, and of each
 * other file a finding points into (its positions may have moved since).
 */
export interface DocumentEntry {
  inputs: string;
  diagnostics?: Diagnostic[];
  related?: Record<string, string>;
  /** What the rules read of other documents and files beyond impliedReads, one key per line. */
  reads?: string;
}

/**
 * The rules' findings, with a cache as ESLint's --cache keeps them. Rules are pure functions of what they read:
 * the files with their frontmatter and body links (rule-inputs.ts), the config, the day and the rules' code.
 * - When none of it changed since the last run, all their findings are taken from the cache: a change to
 *   a document's text alone, the most common change, runs no rule.
 * - Otherwise the rules' findings about each document (the document rules', and the corpus rules' per-document
 *   parts, ShapedRule.checkEach) are found again only for the documents whose inputs changed, and for those
 *   that read something of a document whose shape changed (load/shape.ts: a date, a relation, an id): a new
 *   decision date for a strategy checks again the plans that trace to it, not every document. The corpus
 *   rules' findings across documents (cycles, duplicates) are kept while no document came or went and none
 *   changed in what they read (kept-across.ts); the corpus rules in one part run on every such run.
 */
export function ruleFindings(rules: readonly Rule[], context: RuleContext, cache?: ParseCache, timing?: CheckTiming): Diagnostic[] {
  if (!cache) return maybeStep(timing, RULE_STEP_LABELS.run, () => runRules(rules, context, timing));
  const settings = settingsDigest(rules, context);
  const { key, stored } = maybeStep(timing, RULE_STEP_LABELS.cached, () => {
    const key = wholeRunKey(settings, context, cache);
    return { key, stored: key ? cache.keptFindings('regler', key) : undefined };
  });
  if (Array.isArray(stored)) return stored as Diagnostic[];
  const diagnostics = maybeStep(timing, RULE_STEP_LABELS.run, () => findAgain(rules, context, cache, settings, timing));
  // An internal error is a fault in styrdok, not a finding: it should be met again, not kept.
  if (key && !diagnostics.some((d) => d.ruleId === INTERNAL_RULE_ID)) cache.keepFindings('regler', key, diagnostics);
  return diagnostics;
}

export type StoredEntries = Record<string, DocumentEntry | undefined>;

/** What is kept of the rules' findings when not all of them still hold: per document, and across documents. */
interface KeptParts {
  documents: StoredEntries;
  across: KeptAcrossByRule;
}

/** Where the findings per document are kept, with the findings across documents. */
const PER_DOCUMENT: FindingsSlot = 'regler-dokument';

/**
 * The rules' findings found again where what they read changed: the corpus rules that keep no findings run
 * over the whole corpus; a ShapedRule's findings across the corpus are kept while they still hold
 * (kept-across.ts), and its and the document rules' findings about each document while that document read
 * nothing that changed (perDocument).
 */
function findAgain(rules: readonly Rule[], context: RuleContext, cache: ParseCache, settings: string, timing?: CheckTiming): Diagnostic[] {
  const key = `dokument\0${settings}`;
  const stored = keptParts(cache.keptFindings(PER_DOCUMENT, key));
  const changes = changesSince(stored.documents, context, cache);
  const holding = stillHolding(rules, stored.across, changes, cache);
  for (const id of holding.keys()) timing?.keptAcross.add(id);
  const across = runCorpusRules(rules.filter((rule) => !holding.has(rule.id)), context, timing, true);
  const documents = perDocument(perDocumentRunner(rules, context, trackReads(context.corpus), timing), stored.documents, changes, context, cache);
  const failed = documents.failures.length > 0 || across.some((d) => d.ruleId === INTERNAL_RULE_ID);
  const acrossRan = rules.some((rule) => keepsAcross(rule) && !holding.has(rule.id));
  if ((documents.changed || acrossRan) && !failed) {
    cache.keepFindings(PER_DOCUMENT, key, { documents: documents.keep, across: acrossToKeep(rules, across, holding, cache) } satisfies KeptParts);
  }
  return [...across, ...[...holding.values()].flat(), ...documents.diagnostics, ...documents.failures];
}

/** The kept parts as stored, or none of them when the slot is empty or damaged. */
function keptParts(value: unknown): KeptParts {
  const parts = value as Partial<KeptParts> | undefined;
  const isRecord = (x: unknown): x is Record<string, never> => typeof x === 'object' && x !== null && !Array.isArray(x);
  return { documents: isRecord(parts?.documents) ? parts.documents : {}, across: isRecord(parts?.across) ? parts.across : {} };
}

/**
 * The findings of every rule about each document (the document rules, and the corpus rules' per-document
 * parts): kept ones for each document whose inputs (and those of the files its findings point into) are the
 * same as when they were kept, and that read nothing that changed since (stale-findings.ts); new ones for the
 * rest. `changed` says whether what is to be kept differs from what was.
 */
function perDocument(runner: TrackingRuleRunner, stored: StoredEntries, changes: Changes, context: RuleContext, cache: ParseCache) {
  const keep: Record<string, DocumentEntry> = {};
  const diagnostics: Diagnostic[] = [];
  let ran = 0;
  for (const document of context.corpus.documents) {
    const inputs = cache.ruleInputs(document.file);
    const before = stored[document.file];
    const unchanged = inputs !== undefined && before?.inputs === inputs && isUsable(before, cache) && !readsAny(document, before, changes, cache.namedIds(document.file));
    const found = unchanged ? (before.diagnostics ?? []) : runner.run(document);
    if (!unchanged) ran++;
    if (unchanged) keep[document.file] = before;
    else if (inputs !== undefined) {
      const entry = (keep[document.file] = entryOf(inputs, found, document.file, cache));
      const reads = beyondImplied(runner.lastReads, document);
      if (reads) entry.reads = reads;
    }
    diagnostics.push(...found);
  }
  // A file that did not parse provides the id it claims: kept, so that a change to it is seen next time.
  for (const file of context.corpus.brokenFiles.keys()) keep[file] = { inputs: cache.ruleInputs(file) ?? '' };
  const gone = Object.keys(stored).length !== Object.keys(keep).length;
  return { diagnostics, failures: runner.failures, keep, changed: ran > 0 || gone };
}

/** An entry of the right shape (not a damaged file's) whose findings point into files as they still are. */
function isUsable(entry: DocumentEntry, cache: ParseCache): boolean {
  if (entry.diagnostics !== undefined && !Array.isArray(entry.diagnostics)) return false;
  if (entry.reads !== undefined && typeof entry.reads !== 'string') return false;
  return !entry.related || sameInputs(entry.related, cache);
}

function entryOf(inputs: string, diagnostics: Diagnostic[], file: string, cache: ParseCache): DocumentEntry {
  const related = inputsOf(diagnostics.flatMap((d) => (d.related ?? []).map((r) => r.file)).filter((f) => f !== file), cache);
  return { inputs, ...(diagnostics.length ? { diagnostics } : {}), ...(Object.keys(related).length ? { related } : {}) };
}

/** One hash of everything the rules read; undefined when a file's inputs are unknown. */
function wholeRunKey(settings: string, context: RuleContext, cache: ParseCache): string | undefined {
  return filesKey(`helt\0${settings}`, context, (file) => cache.ruleInputs(file));
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
