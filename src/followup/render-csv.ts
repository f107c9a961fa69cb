import { csvNumber, groupsOfGoals, sourceText } from './format.js';
import type { FollowupReport } from './report-model.js';

/**
 * One row per goal × indicator × period, as Swedish Excel opens a file on double-click: UTF-8 with a BOM
 * (else å ä ö break), semicolons between fields, decimal commas, CRLF line ends, RFC 4180 quoting.
 */
export function renderCsv(report: FollowupReport): string {
  const header = [
    'År', 'Period', 'Sista dag', 'Nämnd', 'Verksamhetsplan', 'Mål-id', 'Mål', 'Målets status', 'Indikator-id', 'Indikator',
    'Enhet', 'Riktning', 'Utgångsår', 'Utgångsvärde', 'Målvärde', 'Utfall', 'Andel av vägen', 'Källa', 'Indikatorns status',
    'Kommentar', 'Område i strategin', 'Bidrar till',
    // Last, so that sheets made from earlier reports still find every other column where it was. The
    // nämnd's bedömning is the goal's, repeated on each of its indicators' rows.
    'Prognos för helåret', 'Nämndens bedömning', 'Motivering', 'Åtgärder',
  ];
  const groups = groupsOfGoals(report);
  const rows: string[][] = [header];
  for (const goal of report.mål) {
    for (const period of report.perioder) {
      const common = [String(report.år), period.id, period.sista_dag ?? '', goal.nämnd_namn, goal.plan, goal.id, goal.titel, goal.status[period.id] ?? ''];
      const tail = [(groups.get(goal.ref) ?? []).join(', '), goal.bidrar_till.join(', ')];
      const assessed = goal.bedömning[period.id];
      const assessment = [assessed?.status ?? '', assessed?.motivering ?? '', assessed?.åtgärder ?? ''];
      if (!goal.indikatorer.length) rows.push([...common, ...Array<string>(12).fill(''), ...tail, '', ...assessment]);
      for (const ind of goal.indikatorer) {
        const o = ind.utfall[period.id];
        const num = (n: number | undefined) => (n === undefined ? '' : csvNumber(n));
        rows.push([
          ...common, ind.id, ind.namn, ind.enhet, ind.riktning, ind.utgångsvärde ? String(ind.utgångsvärde.år) : '', num(ind.utgångsvärde?.värde),
          num(ind.målvärde), num(o?.värde), num(o?.andel), o ? sourceText(o, ind.kolada) : '', o?.status ?? '', o?.kommentar ?? '', ...tail, num(o?.prognos), ...assessment,
        ]);
      }
    }
  }
  return excelCsv(rows);
}

/**
 * Rows as a CSV file Swedish Excel opens on double-click: UTF-8 with a BOM (else å ä ö break), semicolons
 * between fields, CRLF line ends, RFC 4180 quoting, and no cell a spreadsheet would run as a formula.
 */
export function excelCsv(rows: readonly (readonly string[])[]): string {
  return '\uFEFF' + rows.map((r) => r.map(field).join(';')).join('\r\n') + '\r\n';
}

function field(value: string): string {
  // A cell starting with = + - @ is run as a formula by spreadsheets; numbers here never start with one.
  const safe = /^[=+\-@\t\r]/.test(value) && !/^-?\d+(,\d+)?$/.test(value) ? `'${value}` : value;
  return /[";\r\n]|^\s|\s$/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
