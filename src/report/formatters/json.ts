import path from 'node:path';
import type { Diagnostic } from '../../model/diagnostic.js';
import type { Formatter } from '../formatter.js';
import { allFiles, groupByFile } from './common.js';

/** One entry of ESLint's `messages` (ESLint's LintMessage, without AST-only fields). */
export interface EslintMessage {
  ruleId: string;
  severity: 1 | 2;
  message: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
}

/** ESLint's LintResult, key order as ESLint writes it; nothing is fixable or suppressed here. */
export interface EslintResult {
  filePath: string;
  messages: EslintMessage[];
  suppressedMessages: [];
  errorCount: number;
  fatalErrorCount: 0;
  warningCount: number;
  fixableErrorCount: 0;
  fixableWarningCount: 0;
  usedDeprecatedRules: [];
}

function toMessage(d: Diagnostic): EslintMessage {
  const message: EslintMessage = {
    ruleId: d.ruleId,
    severity: d.severity === 'error' ? 2 : 1,
    message: d.message,
    line: d.span.start.line,
    column: d.span.start.column,
  };
  if (d.span.end) {
    message.endLine = d.span.end.line;
    message.endColumn = d.span.end.column;
  }
  return message;
}

export const json: Formatter = (diagnostics, context) => {
  const byFile = groupByFile(diagnostics);
  const results: EslintResult[] = allFiles(diagnostics, context).map((file) => {
    const messages = (byFile.get(file) ?? []).map(toMessage);
    const errorCount = messages.filter((m) => m.severity === 2).length;
    return {
      // ESLint reports absolute paths; ours are relative to cwd.
      filePath: path.resolve(process.cwd(), file),
      messages,
      suppressedMessages: [],
      errorCount,
      fatalErrorCount: 0,
      warningCount: messages.length - errorCount,
      fixableErrorCount: 0,
      fixableWarningCount: 0,
      usedDeprecatedRules: [],
    };
  });
  // ESLint's json formatter is JSON.stringify(results); the newline lets the CLI write text verbatim.
  return JSON.stringify(results) + '\n';
};

export default json;
