import type { Diagnostic, Severity } from '../model/diagnostic.js';
import type { Rule, RuleContext } from '../rules/rule.js';
import type { CheckTiming } from './timing.js';

/** Thrown findings are internal errors: the CLI exits 2 for them, never 1. */
export const INTERNAL_RULE_ID = 'internal';

function combine(configured: Severity, finding: Severity | undefined): Severity {
  // A finding may ask to be milder than the rule (a revision that is due, not overdue), never harsher.
  return finding === 'warning' ? 'warning' : configured;
}

/** Each rule's findings as diagnostics; `timing`, when given, gets each rule's time, its findings' positions included. */
export function runRules(rules: readonly Rule[], context: RuleContext, timing?: CheckTiming): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const rule of rules) {
    const configured = context.config.severity(rule.id, rule.defaultSeverity);
    if (configured === 'off') continue;
    if (timing) timing.rule(rule.id, () => runRule(rule, configured, context, diagnostics));
    else runRule(rule, configured, context, diagnostics);
  }
  return diagnostics;
}

/** One rule's findings, added to `diagnostics`; a rule that throws gives one internal finding instead. */
function runRule(rule: Rule, configured: Severity, context: RuleContext, diagnostics: Diagnostic[]): void {
  let findings;
  try {
    findings = rule.check(context);
  } catch (error) {
    diagnostics.push({
      file: context.config.file,
      span: { start: { line: 1, column: 1 } },
      ruleId: INTERNAL_RULE_ID,
      severity: 'error',
      message: `Internt fel i regeln ${rule.id}: ${error instanceof Error ? error.message : String(error)}. Rapportera felet till styrdoks förvaltare.`,
    });
    return;
  }
  for (const finding of findings) {
    const { document } = finding;
    const span = finding.bodyPosition ? { start: finding.bodyPosition } : document.locate(finding.path ?? ['id']);
    diagnostics.push({
      file: document.file,
      span,
      ruleId: rule.id,
      severity: combine(configured, finding.severity),
      message: finding.message,
      documentId: document.data.id,
      ...(finding.related?.length ? { related: finding.related } : {}),
    });
  }
}
