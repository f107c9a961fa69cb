import { swedishDate, type IsoDate } from '../corpus/dates.js';
import type { Diagnostic } from '../model/diagnostic.js';
import { capped, cell, findingRows, MAX_SUMMARY_ROWS } from '../report/formatters/summary.js';
import type { ChangeReport, DocumentChange } from './compare-projects.js';

const KIND_TEXT: Record<DocumentChange['kind'], string> = {
  ny: 'Nytt dokument',
  borttagen: 'Borttaget ur förrådet',
  trasig: 'Går inte att läsa efter ändringen (se fynden)',
  ändrad: 'Ändrat',
  status: 'Filen oförändrad',
};

/** Where the change was compared from, as the report's first line says it. */
export interface ComparedWith {
  ref: string;
  commit: string;
  today: IsoDate;
  /** In a region: the kommun's folder, said in the heading. */
  kommun?: string;
  /** What the reader must know of how the base was checked. */
  note?: string;
}

function documentRow(change: DocumentChange): string {
  const what = change.what.length ? `${KIND_TEXT[change.kind]}: ${change.what.join('; ')}` : KIND_TEXT[change.kind];
  const status = change.before && change.after ? `${change.before} → ${change.after}` : (change.after ?? change.before ?? '');
  return `| ${cell(change.typeName)}: ${cell(change.title)}<br>\`${cell(change.file)}\` | ${cell(what)} | ${cell(status)} |`;
}

function count(diagnostics: readonly Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  const parts = [errors ? `${errors} fel` : '', warnings ? `${warnings} ${warnings === 1 ? 'varning' : 'varningar'}` : ''].filter(Boolean);
  return parts.join(' och ');
}

function findingTable(title: string, diagnostics: Diagnostic[]): string[] {
  if (!diagnostics.length) return [];
  return [`#### ${title}`, '', '| Var | Allvarlighet | Fynd | Regel |', '| --- | --- | --- | --- |', ...capped(findingRows(diagnostics), 'fynd'), ''];
}

/**
 * The change as Markdown, for a pull request's job summary or a terminal: every document whose file or status
 * changed, with its status before and after on the day, then the findings the change brings and those it
 * does away with. Findings the change leaves as they were are not repeated: `styrdok check` lists them all.
 */
export function renderChanges(report: ChangeReport, compared: ComparedWith): string {
  const commit = compared.commit === compared.ref ? '' : ` (${compared.commit})`;
  const lines = [`## Vad ändringen gör med styrdokumenten${compared.kommun ? ` i ${compared.kommun}` : ''}`, '', `Jämfört med \`${compared.ref}\`${commit}, med status den ${swedishDate(compared.today)}.`, ''];
  if (compared.note) lines.push(`> ${compared.note}`, '');
  lines.push('### Dokument', '');
  if (report.documents.length) {
    lines.push('| Dokument | Ändring | Status |', '| --- | --- | --- |', ...capped(report.documents.map(documentRow), 'dokument', `Sammanfattningen visar högst ${MAX_SUMMARY_ROWS}; git diff --stat listar alla ändrade filer.`), '');
  } else {
    lines.push('Ändringen rör inget styrdokument och ändrar ingen status.', '');
  }
  lines.push('### Fynd', '');
  const { newFindings: added, goneFindings: gone } = report;
  if (!added.length && !gone.length) lines.push('Ändringen ger inga nya fynd och tar inte bort några.', '');
  else {
    const said = [added.length ? `ger ${count(added)} som inte fanns förut` : 'ger inga nya fynd', gone.length ? `tar bort ${count(gone)}` : ''].filter(Boolean);
    lines.push(`Ändringen ${said.join(' och ')}.`, '');
  }
  return lines.concat(findingTable('Nya fynd', added), findingTable('Fynd som försvinner', gone)).join('\n').trimEnd() + '\n';
}
