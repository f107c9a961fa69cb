import type { Diagnostic } from '../../model/diagnostic.js';
import type { Formatter } from '../formatter.js';
import { groupByFile, position, summarize } from './common.js';

/** Markdown table cells: pipes and line breaks would break the table. */
function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function findingRows(diagnostics: Diagnostic[]): string[] {
  return diagnostics.map((d) => `| \`${cell(d.file)}:${position(d.span.start)}\` | ${d.severity === 'error' ? 'fel' : 'varning'} | ${cell(d.message)} | \`${d.ruleId}\` |`);
}

function section(title: string, diagnostics: Diagnostic[], empty: string): string[] {
  const out = [`### ${title}`, ''];
  if (!diagnostics.length) return [...out, empty, ''];
  return [...out, '| Var | Allvarlighet | Fynd | Regel |', '| --- | --- | --- | --- |', ...findingRows(diagnostics), ''];
}

/**
 * A pull request's job summary (GITHUB_STEP_SUMMARY) for readers who never open the log: the state per
 * document, the goals without a strategy and the revisions due, then every finding.
 */
export const summary: Formatter = (diagnostics, context) => {
  const { text, errors } = summarize(diagnostics, context);
  const lines = ['## Kontroll av styrdokument', '', `${errors > 0 ? 'Bygget stoppas' : 'Bygget går igenom'}: ${text.replace(/^[✔✖] /, '')}`, ''];
  const byFile = groupByFile(diagnostics);
  if (byFile.size) {
    lines.push('| Dokument | Fel | Varningar |', '| --- | ---: | ---: |');
    for (const [file, list] of byFile) {
      const e = list.filter((d) => d.severity === 'error').length;
      lines.push(`| \`${cell(file)}\` | ${e} | ${list.length - e} |`);
    }
    lines.push('');
  }
  lines.push(...section('Mål utan koppling till en gällande strategi', diagnostics.filter((d) => d.ruleId === 'traceability'), 'Alla nämndmål är kopplade till en gällande strategi.'));
  lines.push(...section('Revisioner som ska göras', diagnostics.filter((d) => d.ruleId === 'revision'), 'Inga revisioner är aktuella.'));
  const rest = diagnostics.filter((d) => d.ruleId !== 'traceability' && d.ruleId !== 'revision');
  if (rest.length) lines.push(...section('Övriga fynd', rest, ''));
  return lines.join('\n').trimEnd() + '\n';
};
