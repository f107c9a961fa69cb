import { swedishDate } from '../corpus/dates.js';
import { STATUSES, type StatusCounts } from './status.js';
import { directionText, goalIndex, periodLabel, statusLabel, svNumber } from './format.js';
import type { FollowupReport, GoalReport, PeriodCounts, TargetGroup } from './report-model.js';

/**
 * The stadsgemensam rapport as a document of headings, paragraphs, tables and lists, written once and laid
 * out as Markdown (render-markdown.ts) and as a Word file (render-docx.ts), so the two always say the same.
 */
export type Run = string | { text: string; bold?: true; italic?: true; code?: true };

export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3 | 4; text: string }
  /** Lines of one paragraph, each after a line break; `opens` a part of its section (a goal), which a page sets apart. */
  | { kind: 'paragraph'; lines: Run[][]; opens?: true }
  | { kind: 'note'; runs: Run[] }
  | { kind: 'table'; header: string[]; rows: Run[][][] }
  | { kind: 'list'; items: Run[][] };

const bold = (text: string): Run => ({ text, bold: true });
const italic = (text: string): Run => ({ text, italic: true });
const code = (text: string): Run => ({ text, code: true });
const paragraph = (...runs: Run[]): Block => ({ kind: 'paragraph', lines: [runs] });
const heading = (level: 1 | 2 | 3 | 4, text: string): Block => ({ kind: 'heading', level, text });
const table = (header: string[], rows: Run[][][]): Block => ({ kind: 'table', header, rows });
/** The text of runs without their marks: what a reader sees of them. */
export const plainText = (runs: readonly Run[]): string => runs.map((run) => (typeof run === 'string' ? run : run.text)).join('');
/** Cells of plain text. */
const plainRows = (rows: string[][]): Run[][][] => rows.map((row) => row.map((text) => [text]));

export function reportBlocks(report: FollowupReport): Block[] {
  const goals = goalIndex(report);
  const one = report.nämnd;
  const out: Block[] = [
    heading(1, one ? `Uppföljning ${report.år} – ${one.namn}, ${report.kommun}` : `Stadsgemensam uppföljning ${report.år} – ${report.kommun}`),
    paragraph(`Sammanställd av styrdok ${swedishDate(report.idag)} ur ${one ? 'nämndens verksamhetsplan' : 'nämndernas verksamhetsplaner'} för ${report.år}. Status härleds ur utfallen, för mål utan indikatorer ur nämndens bedömning, enligt avsnittet Så räknas status.`),
    table(['Period', 'Rapport', 'Sista dag', 'Läge'], plainRows(report.perioder.map((p) => [
      periodLabel(p), p.namn, p.sista_dag ? swedishDate(p.sista_dag) : '–', p.sista_dag ? (p.passerad ? 'passerad' : 'inte passerad') : '–',
    ]))),
  ];
  if (report.kontroll.fel) {
    out.push({ kind: 'note', runs: [bold('Obs!'), ` Kontrollen av styrdokumenten hittade ${report.kontroll.fel} fel. Rapporten kan vara ofullständig; kör `, code('styrdok check'), ' och rätta felen.'] });
  }
  out.push(heading(2, 'Sammanfattning'), heading(3, one ? 'Nämndens mål' : 'Hela staden'), countTable(['Period'], report, [[], report.totalt]));
  const groups = report.strategier.flatMap((s) => s.grupper);
  if (groups.length) out.push(heading(3, 'Per fokusområde'), countTable(['Fokusområde', 'Period'], report, ...groups.map((g): [string[], PeriodCounts] => [[groupTitle(g)], g.antal])));
  if (report.nämnder.length && !one) out.push(heading(3, 'Per nämnd'), countTable(['Nämnd', 'Period'], report, ...report.nämnder.map((n): [string[], PeriodCounts] => [[n.namn], n.antal])));

  for (const strategy of report.strategier) {
    out.push(heading(2, strategy.titel));
    for (const group of strategy.grupper) out.push(...groupSection(group, report, goals));
  }
  if (report.okopplade.length) {
    out.push(heading(2, 'Mål som inte bidrar till någon strategi'), { kind: 'list', items: report.okopplade.map((ref) => [`${goalLine(goals.get(ref)!)} (`, code(ref), ')']) });
  }
  out.push(heading(2, 'Saknade rapporter'));
  if (!report.saknade.length) out.push(paragraph(one ? 'Nämnden har rapporterat utfall för alla indikatorer.' : 'Alla nämnder har rapporterat utfall för alla indikatorer.'));
  else {
    out.push(table(['Period', 'Sista dag', 'Läge', 'Nämnd', 'Mål', 'Indikator', 'Var'], report.saknade.map((m) => [
      [m.period], [m.sista_dag ? swedishDate(m.sista_dag) : '–'], [m.försenad ? bold('försenad') : 'inte förfallen'], [m.nämnd_namn], [m.mål_titel],
      [m.indikator_namn ? m.indikator_namn : italic('målet saknar indikatorer, och nämndens bedömning saknas')], [code(`${m.fil}:${m.rad}`)],
    ])));
  }
  out.push(heading(2, 'Så räknas status'), ...explanation(report.delvis_uppnått_andel));
  return out;
}

function groupSection(group: TargetGroup, report: FollowupReport, goals: Map<string, GoalReport>): Block[] {
  const periods = report.perioder;
  const rows: Run[][][] = [];
  for (const target of group.mål_i_strategin) {
    // The fokusområde itself is a row only when a goal names it directly; its delområden always show gaps.
    if (!target.mål.length && target.typ === 'fokusområde') continue;
    const name = target.typ === 'fokusområde' ? `${target.rubrik} (hela fokusområdet)` : target.rubrik;
    if (!target.mål.length) rows.push([[name], ['–'], [italic('Inget nämndmål bidrar')], ...periods.map(() => [])]);
    for (const ref of target.mål) {
      const g = goals.get(ref)!;
      rows.push([[name], [g.nämnd_namn], [g.titel], ...periods.map((p) => [g.status[p.id]!])]);
    }
  }
  const out = [heading(3, groupTitle(group)), table(['Mål i strategin', 'Nämnd', 'Nämndens mål', ...periods.map(periodLabel)], rows)];
  if (group.mål.length) out.push(heading(4, `${report.nämnd ? 'Nämndens' : 'Nämndernas'} mål och indikatorer: ${group.rubrik}`));
  for (const ref of group.mål) out.push(...goalDetail(goals.get(ref)!, report));
  return out;
}

function goalDetail(goal: GoalReport, report: FollowupReport): Block[] {
  const periods = report.perioder;
  const out: Block[] = [{ kind: 'paragraph', opens: true, lines: [[bold(goalLine(goal))], [`Status: ${periods.map((p) => `${periodLabel(p)} ${goal.status[p.id]}`).join(' · ')}`]] }];
  const assessments = assessmentItems(goal, report);
  const assessed = assessments.length ? [paragraph('Nämndens bedömning:'), { kind: 'list', items: assessments } as Block] : [];
  if (!goal.indikatorer.length) {
    const note = assessments.length ? 'Målet saknar indikatorer; dess status är nämndens bedömning.' : 'Målet saknar indikatorer och kan inte följas upp med utfall.';
    return [...out, paragraph(italic(note)), ...assessed];
  }
  out.push(table(['Indikator', 'Utgångsvärde', 'Målvärde', ...periods.map(periodLabel)], plainRows(goal.indikatorer.map((ind) => [
    `${ind.namn} (${ind.enhet}, ${directionText(ind.riktning)})`,
    ind.utgångsvärde ? `${svNumber(ind.utgångsvärde.värde)} (${ind.utgångsvärde.år})` : '–',
    svNumber(ind.målvärde),
    ...periods.map((p) => {
      const o = ind.utfall[p.id]!;
      if (o.värde === undefined) return o.status;
      if (o.prognos !== undefined) return `${svNumber(o.värde)}, prognos för helåret ${svNumber(o.prognos)} – ${o.status} (bedömt på prognosen)`;
      return `${svNumber(o.värde)} – ${o.status}${o.källa === 'kolada' ? ` (Kolada ${ind.kolada})` : ''}`;
    }),
  ]))));
  const comments = goal.indikatorer.flatMap((ind) => periods.flatMap((p) => {
    const text = ind.utfall[p.id]?.kommentar;
    return text ? [[italic(`${periodLabel(p)}, ${ind.namn}:`), ` ${text}`]] : [];
  }));
  if (comments.length) out.push(paragraph('Kommentarer:'), { kind: 'list', items: comments });
  return [...out, ...assessed];
}

/** The nämnd's own word per period, and where a goal has figures, whether they say the same. */
function assessmentItems(goal: GoalReport, report: FollowupReport): Run[][] {
  return report.perioder.flatMap((p) => {
    const a = goal.bedömning[p.id];
    if (!a) return [];
    const differs = a.indikatorernas_status ? ` (indikatorerna ger ${a.indikatorernas_status})` : '';
    const actions: Run[] = a.åtgärder ? [' ', italic('Åtgärder:'), ` ${a.åtgärder}`] : [];
    return [[italic(`${periodLabel(p)}:`), ` ${a.status}${differs}. ${a.motivering}`, ...actions]];
  });
}

function countTable(lead: string[], report: FollowupReport, ...rows: [string[], PeriodCounts][]): Block {
  const body = rows.flatMap(([label, counts]) => report.perioder.map((p) => {
    const c = counts[p.id] as StatusCounts;
    return [...label, periodLabel(p), ...STATUSES.map((s) => String(c[s])), String(STATUSES.reduce((sum, s) => sum + c[s], 0))];
  }));
  return table([...lead, ...STATUSES.map(statusLabel), 'Mål'], plainRows(body));
}

function groupTitle(g: TargetGroup): string {
  return g.avsnitt ? `${g.avsnitt} ${g.rubrik}` : g.rubrik;
}

function goalLine(g: GoalReport): string {
  return `${g.nämnd_namn}: ${g.titel}`;
}

function explanation(share: number): Block[] {
  const percent = `${svNumber(share * 100)} procent`;
  return [
    {
      kind: 'list',
      items: [
        [bold('Uppnått:'), ' utfallet når målvärdet, räknat i indikatorns riktning (högre eller lägre är bättre).'],
        [bold('Delvis uppnått:'), ` utfallet har flyttat sig minst ${percent} av vägen från utgångsvärdet till målvärdet (uppföljning.delvis_uppnått_andel i konfigurationen).`],
        [bold('Ej uppnått:'), ' utfallet har flyttat sig kortare, eller åt fel håll.'],
        [bold('Ej rapporterat:'), ' inget utfall för perioden, varken i verksamhetsplanen eller från Kolada.'],
      ],
    },
    paragraph('Ett mål är ej rapporterat om någon av dess indikatorer saknar utfall; annars får målet den sämsta statusen bland sina indikatorer. Utfall som skrivits in i verksamhetsplanen gäller före värden från Kolada.'),
    paragraph('Ett mål utan indikatorer har nämndens egen bedömning som status, och är ej rapporterat utan en bedömning för perioden. Nämndens bedömning av ett mål med indikatorer står under målet, bredvid den status som räknats fram ur utfallen, men ändrar den inte; där de skiljer sig åt står det.'),
    paragraph('Har nämnden vid delåret angett en prognos för helåret bedöms delåret på prognosen, som i en delårsrapport: om årets målvärde kommer att nås. Utan prognos jämförs delårets utfall med årets målvärde.'),
  ];
}
