import type { Diagnostic } from '../model/diagnostic.js';

/** What a formatter needs to know about a rule (SARIF and JUnit list the rules that ran). */
export interface RuleInfo {
  id: string;
  /** One Swedish line: what the rule checks. */
  description: string;
  /** Path of the rule's documentation page, relative to the repository root. */
  docs: string;
}

export interface FormatContext {
  /** Every file that was checked, relative to cwd, including files with no findings. */
  files: string[];
  rules: RuleInfo[];
  toolVersion: string;
}

/** A formatter is a pure function from findings to text; the CLI writes the text and sets the exit code. */
export type Formatter = (diagnostics: Diagnostic[], context: FormatContext) => string;
