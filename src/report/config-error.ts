import type { ConfigError } from '../engine/load-project.js';
import type { Formatter, RuleInfo } from './formatter.js';

/** Said before the documents' own findings when the configuration is broken. */
export const RULES_NOT_RUN = 'Reglerna kördes inte, eftersom de behöver konfigurationen; här är styrdokumentens egna fel (fil, YAML och schema):';

/**
 * A broken configuration as a person reads it: its findings, then the documents' own (file, YAML, schema),
 * which the rules' absence does not hide. For stderr; `format` is the pretty formatter, with or without color.
 */
export function configErrorText(error: ConfigError, format: Formatter, rules: RuleInfo[], toolVersion: string): string {
  const documents = error.documents;
  const own = documents?.diagnostics.length ? `\n${RULES_NOT_RUN}\n${format(documents.diagnostics, { files: documents.files, rules, toolVersion })}` : '';
  return `Konfigurationen är felaktig:\n${format(error.diagnostics, { files: [], rules, toolVersion })}${own}`;
}
