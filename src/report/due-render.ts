import type { Config } from '../config/config.js';
import { swedishDate, type IsoDate } from '../corpus/dates.js';
import { excelCsv } from '../followup/render-csv.js';
import type { DueItem } from './due-list.js';
import { cell } from './formatters/summary.js';

/** What the list covers: the kommun, the day it was made, its last day, and whose documents, if not all. */
export interface DueListScope {
  config: Config;
  today: IsoDate;
  until: IsoDate;
  /** «Kommunstyrelsen», «Stadsledningsförvaltningen» …: the filters given, in words. */
  only: string[];
}

/** Markdown for a person who prepares the decisions: the late ones first, then the coming ones, by date. */
export function renderDueMarkdown(items: readonly DueItem[], scope: DueListScope): string {
  const { config, today, until } = scope;
  const whose = scope.only.length ? ` – ${scope.only.join(', ')}` : '';
  const late = items.filter((item) => item.late);
  const coming = items.filter((item) => !item.late);
  const lines = [
    `# Beslut som styrdokumenten behöver till och med ${swedishDate(until)}${whose}`,
    '',
    `${config.data.kommun}, räknat ${swedishDate(today)}. ${countText(items.length, late.length)}`,
  ];
  if (late.length) lines.push('', '## Försenade', '', ...table(late, config));
  if (coming.length) lines.push('', late.length ? '## Kommande' : '## Att besluta', '', ...table(coming, config));
  return lines.join('\n') + '\n';
}

function countText(all: number, late: number): string {
  if (!all) return 'Inget gällande styrdokument behöver ett beslut under perioden.';
  const documents = all === 1 ? 'Ett beslut behövs' : `${all} beslut behövs`;
  return `${documents}${late ? `, varav ${late} ${late === 1 ? 'är försenat' : 'är försenade'}` : ''}.`;
}

function table(items: readonly DueItem[], config: Config): string[] {
  return [
    '| Senast | Styrdokument | Vad | Beslutas av | Dokumentansvarig | Fil |',
    '| --- | --- | --- | --- | --- | --- |',
    ...items.map((item) => {
      const { data, file } = item.document;
      const type = config.typeName(data.dokumenttyp).toLowerCase();
      // The type after the title, unless the title begins with it («Riktlinje för …»).
      const title = data.titel.toLowerCase().startsWith(type) ? data.titel : `${data.titel} (${type})`;
      return `| ${swedishDate(item.by)} | ${cell(title)} | ${cell(item.what)} | ${cell(config.nameOf(data.beslutande_organ))} | ${cell(config.nameOf(data.dokumentansvarig))} | \`${cell(file)}\` |`;
    }),
  ];
}

/** One row per decision, for a spreadsheet in Swedish Excel (as the uppföljning's CSV). */
export function renderDueCsv(items: readonly DueItem[], scope: DueListScope): string {
  const { config } = scope;
  const header = ['Senast', 'Försenat', 'Vad', 'Åtgärd', 'Id', 'Titel', 'Dokumenttyp', 'Beslutas av', 'Dokumentansvarig', 'Fil'];
  const rows = items.map(({ by, late, kind, what, document: { data, file } }) => [
    by, late ? 'ja' : 'nej', kind === 'revision' ? 'Revision' : 'Slutar gälla', what, data.id, data.titel, config.typeName(data.dokumenttyp),
    config.nameOf(data.beslutande_organ), config.nameOf(data.dokumentansvarig), file,
  ]);
  return excelCsv([header, ...rows]);
}

/** For other programs: ids as well as names. */
export function renderDueJson(items: readonly DueItem[], scope: DueListScope): string {
  const { config } = scope;
  const list = items.map(({ by, late, kind, what, document: { data, file } }) => ({
    senast: by,
    försenat: late,
    vad: kind,
    åtgärd: what,
    id: data.id,
    titel: data.titel,
    dokumenttyp: data.dokumenttyp,
    beslutande_organ: { id: data.beslutande_organ, namn: config.nameOf(data.beslutande_organ) },
    dokumentansvarig: { id: data.dokumentansvarig, namn: config.nameOf(data.dokumentansvarig) },
    fil: file,
  }));
  return JSON.stringify({ kommun: config.data.kommun, räknat: scope.today, till_och_med: scope.until, beslut: list }, null, 2) + '\n';
}
