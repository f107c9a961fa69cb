import type { Diagnostic, Severity } from '../model/diagnostic.js';
import type { StyrDocument } from '../model/document.js';
import { isDocumentRule, isShapedRule, type CorpusRule, type DocumentContext, type DocumentFinding, type Finding, type Rule, type RuleContext, type ShapedRule } from '../rules/rule.js';
import type { TrackedCorpus } from '../corpus/read-tracking.js';
import type { CheckTiming } from './timing.js';
import { showHiddenCharacters } from '../load/hidden-characters.js';

/** Thrown findings are internal errors: the CLI exits 2 for them, never 1. */
export const INTERNAL_RULE_ID = 'internal';

function combine(configured: Severity, finding: Severity | undefined): Severity {
  // A finding may ask to be milder than the rule (a revision that is due, not overdue), never harsher.
  return finding === 'warning' ? 'warning' : configured;
}

/** Every rule's findings as diagnostics; `timing`, when given, gets each rule's time, its findings' positions included. */
export function runRules(rules: readonly Rule[], context: RuleContext, timing?: CheckTiming): Diagnostic[] {
  const diagnostics = runCorpusRules(rules, context, timing);
  const documentRules = documentRuleRunner(rules, context, timing);
  for (const document of context.corpus.documents) diagnostics.push(...documentRules.run(document));
  return [...diagnostics, ...documentRules.failures];
}

/**
 * The findings of the corpus rules among `rules`. With `acrossOnly`, a ShapedRule gives only its findings
 * across the corpus (checkAcross); its findings about each document then come from shapedRuleRunner.
 */
export function runCorpusRules(rules: readonly Rule[], context: RuleContext, timing?: CheckTiming, acrossOnly = false): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const rule of rules) {
    if (isDocumentRule(rule)) continue;
    const configured = context.config.severity(rule.id, rule.defaultSeverity);
    if (configured === 'off') continue;
    const check = acrossOnly && isShapedRule(rule) ? (rule.checkAcross ?? (() => [])) : rule.check;
    if (timing) timing.rule(rule.id, () => runCorpusRule(rule, check, configured, context, diagnostics));
    else runCorpusRule(rule, check, configured, context, diagnostics);
  }
  return diagnostics;
}

/** One rule's findings, added to `diagnostics`; a rule that throws gives one internal finding instead. */
function runCorpusRule(rule: CorpusRule, check: CorpusRule['check'], configured: Severity, context: RuleContext, diagnostics: Diagnostic[]): void {
  let findings;
  try {
    findings = check.call(rule, context);
  } catch (error) {
    diagnostics.push(internalError(rule, error, context.config.file));
    return;
  }
  for (const finding of findings) diagnostics.push(toDiagnostic(rule, configured, finding.document, finding));
}

export interface DocumentRuleRunner {
  /** The findings of every rule it runs about one document. */
  run(document: StyrDocument): Diagnostic[];
  /** One internal finding for each rule that threw; it is not run again in this run. */
  readonly failures: Diagnostic[];
}

/**
 * What the document rules may see of the corpus: which files there are (made when first asked, or the tracked
 * set of a TrackedCorpus), not what they say.
 */
function documentContext(context: RuleContext, tracked?: TrackedCorpus): DocumentContext {
  let files: ReadonlySet<string> | undefined;
  return {
    config: context.config,
    today: context.today,
    root: context.corpus.root,
    get files() {
      return (files ??= tracked ? tracked.files : new Set(context.corpus.files));
    },
  };
}

/** Runs the document rules among `rules` on one document at a time, with what they may see of the corpus. */
export function documentRuleRunner(rules: readonly Rule[], context: RuleContext, timing?: CheckTiming): DocumentRuleRunner {
  const seen = documentContext(context);
  return eachDocumentRunner(rules.filter(isDocumentRule), (rule, document) => rule.checkDocument(document, seen), context, timing);
}

/** A runner that also says what each document's run read of the others (corpus/read-tracking.ts). */
export interface TrackingRuleRunner extends DocumentRuleRunner {
  /** The keys the last `run` read. */
  readonly lastReads: ReadonlySet<string>;
}

/**
 * Runs every rule's findings about one document at a time: the document rules, and the ShapedRules'
 * per-document part (checkEach) through a tracked view of the corpus, saying what each document's run read.
 */
export function perDocumentRunner(rules: readonly Rule[], context: RuleContext, tracked: TrackedCorpus, timing?: CheckTiming): TrackingRuleRunner {
  const seen = documentContext(context, tracked);
  const shapedContext = { ...context, corpus: tracked.corpus };
  const parts = rules.filter((rule) => isDocumentRule(rule) || isShapedRule(rule));
  const runner = eachDocumentRunner(parts, (rule, document) => (isDocumentRule(rule) ? rule.checkDocument(document, seen) : (rule as ShapedRule).checkEach(document, shapedContext)), context, timing);
  let lastReads: ReadonlySet<string> = new Set();
  return {
    failures: runner.failures,
    get lastReads() {
      return lastReads;
    },
    run(document) {
      const { value, reads } = tracked.collect(() => runner.run(document));
      lastReads = reads;
      return value;
    },
  };
}

/** Runs `check` of each enabled rule on a document at a time; a rule that throws is said once and not run again. */
function eachDocumentRunner<R extends Rule>(rules: R[], check: (rule: R, document: StyrDocument) => DocumentFinding[], context: RuleContext, timing?: CheckTiming): DocumentRuleRunner {
  const enabled = rules.flatMap((rule) => {
    const configured = context.config.severity(rule.id, rule.defaultSeverity);
    return configured === 'off' ? [] : [{ rule, configured }];
  });
  const failed = new Set<R>();
  const failures: Diagnostic[] = [];
  return {
    failures,
    run(document) {
      const diagnostics: Diagnostic[] = [];
      for (const { rule, configured } of enabled) {
        if (failed.has(rule)) continue;
        const one = () => {
          try {
            for (const finding of check(rule, document)) diagnostics.push(toDiagnostic(rule, configured, document, finding));
          } catch (error) {
            failed.add(rule);
            failures.push(internalError(rule, error, document.file));
          }
        };
        if (timing) timing.rule(rule.id, one);
        else one();
      }
      return diagnostics;
    },
  };
}

function toDiagnostic(rule: Rule, configured: Severity, document: StyrDocument, finding: Omit<Finding, 'document'>): Diagnostic {
  const span = finding.bodyPosition ? { start: finding.bodyPosition } : document.locate(finding.path ?? ['id']);
  return {
    file: document.file,
    span,
    ruleId: rule.id,
    severity: combine(configured, finding.severity),
    message: showHiddenCharacters(finding.message),
    documentId: document.data.id,
    ...(finding.related?.length ? { related: finding.related } : {}),
  };
}

/** A rule that threw: a fault in styrdok, said where it happened (the config, or the document it was checking). */
function internalError(rule: Rule, error: unknown, file: string): Diagnostic {
  return {
    file,
    span: { start: { line: 1, column: 1 } },
    ruleId: INTERNAL_RULE_ID,
    severity: 'error',
    message: `Internt fel i regeln ${rule.id}: ${error instanceof Error ? error.message : String(error)}. Rapportera felet till styrdoks förvaltare.`,
  };
}
