import type { Diagnostic } from '../model/diagnostic.js';
import { INTERNAL_RULE_ID } from '../engine/run-rules.js';

/** The check's exit codes, shared by every command. */
export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

export class UsageError extends Error {
  override name = 'UsageError';
}

/**
 * A check's exit code from its findings: 2 for an internal error (a rule that threw), 1 for an error or for
 * more warnings than `maxWarnings` (said on stderr), else 0.
 */
export function findingsExitCode(diagnostics: readonly Diagnostic[], maxWarnings: number | undefined, stderr: (text: string) => void): number {
  if (diagnostics.some((d) => d.ruleId === INTERNAL_RULE_ID)) return EXIT_USAGE;
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  if (errors > 0) return EXIT_FINDINGS;
  const warnings = diagnostics.length - errors;
  if (maxWarnings !== undefined && warnings > maxWarnings) {
    stderr(`För många varningar: ${warnings}, högst ${maxWarnings} tillåts (--max-warnings).\n`);
    return EXIT_FINDINGS;
  }
  return EXIT_OK;
}
