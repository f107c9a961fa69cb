import type { Diagnostic } from '../../model/diagnostic.js';
import type { Formatter } from '../formatter.js';
import { groupByFile, position, summarize } from './common.js';

/** Markdown table cells: pipes and line breaks would break the table. */
export function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

export function findingRows(diagnostics: Diagnostic[]): string[] {
  return diagnostics.map((d) => `| \`${cell(d.file)}:${position(d.span.start)}\` | ${d.severity === 'error' ? 'fel' : 'varning'} | ${cell(d.message)} | \`${d.ruleId}\` |`);
}

/**
 * Rows a table of the summary lists at most. GitHub shows a job summary of up to 1 MiB and drops a larger one
 * whole, so a PR with thousands of findings would show none; every finding is still in the log.
 */
export const MAX_SUMMARY_ROWS = 200;

/** `rows` up to MAX_SUMMARY_ROWS, then a line saying how many more `what` the log has. */
export function capped(rows: string[], what: string, where = 'Alla står i kontrollens logg, eller kör styrdok check.'): string[] {
  if (rows.length <= MAX_SUMMARY_ROWS) return rows;
  const more = rows.length - MAX_SUMMARY_ROWS;
  return [...rows.slice(0, MAX_SUMMARY_ROWS), '', `… och ${more} ${what} till. ${where}`];
}

function section(title: string, diagnostics: Diagnostic[], empty: string): string[] {
  const out = [`### ${title}`, ''];
  if (!diagnostics.length) return [...out, empty, ''];
  return [...out, '| Var | Allvarlighet | Fynd | Regel |', '| --- | --- | --- | --- |', ...capped(findingRows(diagnostics), 'fynd'), ''];
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
    const rows = [...byFile].map(([file, list]) => {
      const e = list.filter((d) => d.severity === 'error').length;
      return `| \`${cell(file)}\` | ${e} | ${list.length - e} |`;
    });
    for (const row of capped(rows, 'dokument')) lines.push(row);
    lines.push('');
  }
  const rest = diagnostics.filter((d) => d.ruleId !== 'traceability' && d.ruleId !== 'revision');
  // Joined as arrays, not pushed as arguments: a section of 130,000 findings would overflow the stack.
  // A section that says "none" only for a rule that ran: with a broken configuration the rules do not.
  const ran = (id: string) => context.rules.some((r) => r.id === id);
  const all = lines.concat(
    ran('traceability') ? section('Mål utan koppling till en gällande strategi', diagnostics.filter((d) => d.ruleId === 'traceability'), 'Alla nämndmål är kopplade till en gällande strategi.') : [],
    ran('revision') ? section('Revisioner som ska göras', diagnostics.filter((d) => d.ruleId === 'revision'), 'Inga revisioner är aktuella.') : [],
    rest.length ? section('Övriga fynd', rest, '') : [],
  );
  return all.join('\n').trimEnd() + '\n';
};
