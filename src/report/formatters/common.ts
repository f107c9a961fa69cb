import { compareDiagnostics, type Diagnostic, type Position } from '../../model/diagnostic.js';
import type { FormatContext } from '../formatter.js';

export function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(compareDiagnostics);
}

/** Same file order as compareDiagnostics, so listings and findings agree. */
export function compareFiles(a: string, b: string): number {
  return a.localeCompare(b, 'en');
}

/** Checked files plus any file a finding names (a finding proves the file was looked at), sorted. */
export function allFiles(diagnostics: Diagnostic[], context: FormatContext): string[] {
  return [...new Set([...context.files, ...diagnostics.map((d) => d.file)])].sort(compareFiles);
}

/** CI systems and URIs want forward slashes, also when run on Windows. */
export function toPosix(file: string): string {
  return file.replace(/\\/g, '/');
}

export function position(p: Position): string {
  return `${p.line}:${p.column}`;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

export interface Summary {
  text: string;
  errors: number;
  warnings: number;
}

/** The Swedish closing line shared by the terminal formats. */
export function summarize(diagnostics: Diagnostic[], context: FormatContext): Summary {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  const checked = allFiles(diagnostics, context).length;
  if (diagnostics.length === 0) {
    return { text: `✔ Inga problem i ${plural(checked, 'fil', 'filer')}.`, errors, warnings };
  }
  const withFindings = new Set(diagnostics.map((d) => d.file)).size;
  const text =
    `✖ ${diagnostics.length} problem (${errors} fel, ${plural(warnings, 'varning', 'varningar')}) ` +
    `i ${plural(withFindings, 'fil', 'filer')} av ${checked} ${checked === 1 ? 'kontrollerad' : 'kontrollerade'}.`;
  return { text, errors, warnings };
}

/** Sorted findings per file, in sorted file order. */
export function groupByFile(diagnostics: Diagnostic[]): Map<string, Diagnostic[]> {
  const byFile = new Map<string, Diagnostic[]>();
  for (const d of sortDiagnostics(diagnostics)) {
    const group = byFile.get(d.file);
    if (group) group.push(d);
    else byFile.set(d.file, [d]);
  }
  return byFile;
}
