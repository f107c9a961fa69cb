import { swedishDate } from '../corpus/dates.js';
import { STATUSES, type StatusCounts } from './status.js';
import { directionText, goalIndex, periodLabel, statusLabel, svNumber } from './format.js';
import type { FollowupReport, GoalReport, PeriodCounts, TargetGroup } from './report-model.js';

/** The stadsgemensam rapport for the decision documents: Swedish, tables, a heading per fokusområde. */
export function renderMarkdown(report: FollowupReport): string {
  const goals = goalIndex(report);
  const out: string[] = [
    `# Stadsgemensam uppföljning ${report.år} – ${cell(report.kommun)}`,
    '',
    `Sammanställd av styrdok ${swedishDate(report.idag)} ur nämndernas verksamhetsplaner för ${report.år}. Status härleds ur utfallen, för mål utan indikatorer ur nämndens bedömning, enligt avsnittet Så räknas status.`,
    '',
    table(['Period', 'Rapport', 'Sista dag', 'Läge'], report.perioder.map((p) => [
      periodLabel(p), cell(p.namn), p.sista_dag ? swedishDate(p.sista_dag) : '–', p.sista_dag ? (p.passerad ? 'passerad' : 'inte passerad') : '–',
    ])),
  ];
  if (report.kontroll.fel) out.push('', `> **Obs!** Kontrollen av styrdokumenten hittade ${report.kontroll.fel} fel. Rapporten kan vara ofullständig; kör \`styrdok check\` och rätta felen.`);

  out.push('', '## Sammanfattning', '', '### Hela staden', '', countTable(['Period'], report, [[], report.totalt]));
  const groups = report.strategier.flatMap((s) => s.grupper);
  if (groups.length) out.push('', '### Per fokusområde', '', countTable(['Fokusområde', 'Period'], report, ...groups.map((g): [string[], PeriodCounts] => [[groupTitle(g)], g.antal])));
  if (report.nämnder.length) out.push('', '### Per nämnd', '', countTable(['Nämnd', 'Period'], report, ...report.nämnder.map((n): [string[], PeriodCounts] => [[cell(n.namn)], n.antal])));

  for (const strategy of report.strategier) {
    out.push('', `## ${cell(strategy.titel)}`);
    for (const group of strategy.grupper) out.push('', ...groupSection(group, report, goals));
  }
  if (report.okopplade.length) {
    out.push('', '## Mål som inte bidrar till någon strategi', '', ...report.okopplade.map((ref) => `- ${goalLine(goals.get(ref)!)} (\`${ref}\`)`));
  }
  out.push('', '## Saknade rapporter', '');
  if (!report.saknade.length) out.push('Alla nämnder har rapporterat utfall för alla indikatorer.');
  else {
    out.push(table(['Period', 'Sista dag', 'Läge', 'Nämnd', 'Mål', 'Indikator', 'Var'], report.saknade.map((m) => [
      m.period, m.sista_dag ? swedishDate(m.sista_dag) : '–', m.försenad ? '**försenad**' : 'inte förfallen', cell(m.nämnd_namn), cell(m.mål_titel),
      m.indikator_namn ? cell(m.indikator_namn) : '*målet saknar indikatorer, och nämndens bedömning saknas*', `\`${m.fil}:${m.rad}\``,
    ])));
  }
  out.push('', '## Så räknas status', '', ...explanation(report.delvis_uppnått_andel));
  return out.join('\n') + '\n';
}

function groupSection(group: TargetGroup, report: FollowupReport, goals: Map<string, GoalReport>): string[] {
  const periods = report.perioder;
  const rows: string[][] = [];
  for (const target of group.mål_i_strategin) {
    // The fokusområde itself is a row only when a goal names it directly; its delområden always show gaps.
    if (!target.mål.length && target.typ === 'fokusområde') continue;
    const name = target.typ === 'fokusområde' ? `${cell(target.rubrik)} (hela fokusområdet)` : cell(target.rubrik);
    if (!target.mål.length) rows.push([name, '–', '*Inget nämndmål bidrar*', ...periods.map(() => '')]);
    for (const ref of target.mål) {
      const g = goals.get(ref)!;
      rows.push([name, cell(g.nämnd_namn), cell(g.titel), ...periods.map((p) => g.status[p.id]!)]);
    }
  }
  const out = [`### ${groupTitle(group)}`, '', table(['Mål i strategin', 'Nämnd', 'Nämndens mål', ...periods.map(periodLabel)], rows)];
  if (group.mål.length) out.push('', `#### Nämndernas mål och indikatorer: ${cell(group.rubrik)}`);
  for (const ref of group.mål) out.push('', ...goalDetail(goals.get(ref)!, report));
  return out;
}

function goalDetail(goal: GoalReport, report: FollowupReport): string[] {
  const periods = report.perioder;
  const out = [
    `**${goalLine(goal)}**  `,
    `Status: ${periods.map((p) => `${periodLabel(p)} ${goal.status[p.id]}`).join(' · ')}`,
  ];
  const assessments = assessmentLines(goal, report);
  if (!goal.indikatorer.length) {
    const note = assessments.length ? '*Målet saknar indikatorer; dess status är nämndens bedömning.*' : '*Målet saknar indikatorer och kan inte följas upp med utfall.*';
    return [...out, '', note, ...(assessments.length ? ['', 'Nämndens bedömning:', '', ...assessments] : [])];
  }
  out.push('', table(['Indikator', 'Utgångsvärde', 'Målvärde', ...periods.map(periodLabel)], goal.indikatorer.map((ind) => [
    `${cell(ind.namn)} (${cell(ind.enhet)}, ${directionText(ind.riktning)})`,
    ind.utgångsvärde ? `${svNumber(ind.utgångsvärde.värde)} (${ind.utgångsvärde.år})` : '–',
    svNumber(ind.målvärde),
    ...periods.map((p) => {
      const o = ind.utfall[p.id]!;
      if (o.värde === undefined) return o.status;
      if (o.prognos !== undefined) return `${svNumber(o.värde)}, prognos för helåret ${svNumber(o.prognos)} – ${o.status} (bedömt på prognosen)`;
      return `${svNumber(o.värde)} – ${o.status}${o.källa === 'kolada' ? ` (Kolada ${ind.kolada})` : ''}`;
    }),
  ])));
  const comments = goal.indikatorer.flatMap((ind) => periods.flatMap((p) => {
    const text = ind.utfall[p.id]?.kommentar;
    return text ? [`- *${periodLabel(p)}, ${cell(ind.namn)}:* ${cell(text)}`] : [];
  }));
  if (comments.length) out.push('', 'Kommentarer:', '', ...comments);
  if (assessments.length) out.push('', 'Nämndens bedömning:', '', ...assessments);
  return out;
}

/** The nämnd's own word per period, and where a goal has figures, whether they say the same. */
function assessmentLines(goal: GoalReport, report: FollowupReport): string[] {
  return report.perioder.flatMap((p) => {
    const a = goal.bedömning[p.id];
    if (!a) return [];
    const differs = a.indikatorernas_status ? ` (indikatorerna ger ${a.indikatorernas_status})` : '';
    const actions = a.åtgärder ? ` *Åtgärder:* ${cell(a.åtgärder)}` : '';
    return [`- *${periodLabel(p)}:* ${a.status}${differs}. ${cell(a.motivering)}${actions}`];
  });
}

function countTable(lead: string[], report: FollowupReport, ...rows: [string[], PeriodCounts][]): string {
  const body = rows.flatMap(([label, counts]) => report.perioder.map((p) => {
    const c = counts[p.id] as StatusCounts;
    return [...label, periodLabel(p), ...STATUSES.map((s) => String(c[s])), String(STATUSES.reduce((sum, s) => sum + c[s], 0))];
  }));
  return table([...lead, ...STATUSES.map(statusLabel), 'Mål'], body);
}

function groupTitle(g: TargetGroup): string {
  return g.avsnitt ? `${g.avsnitt} ${cell(g.rubrik)}` : cell(g.rubrik);
}

function goalLine(g: GoalReport): string {
  return `${cell(g.nämnd_namn)}: ${cell(g.titel)}`;
}

function explanation(share: number): string[] {
  const percent = `${svNumber(share * 100)} procent`;
  return [
    `- **Uppnått:** utfallet når målvärdet, räknat i indikatorns riktning (högre eller lägre är bättre).`,
    `- **Delvis uppnått:** utfallet har flyttat sig minst ${percent} av vägen från utgångsvärdet till målvärdet (uppföljning.delvis_uppnått_andel i konfigurationen).`,
    '- **Ej uppnått:** utfallet har flyttat sig kortare, eller åt fel håll.',
    '- **Ej rapporterat:** inget utfall för perioden, varken i verksamhetsplanen eller från Kolada.',
    '',
    'Ett mål är ej rapporterat om någon av dess indikatorer saknar utfall; annars får målet den sämsta statusen bland sina indikatorer. Utfall som skrivits in i verksamhetsplanen gäller före värden från Kolada.',
    '',
    'Ett mål utan indikatorer har nämndens egen bedömning som status, och är ej rapporterat utan en bedömning för perioden. Nämndens bedömning av ett mål med indikatorer står under målet, bredvid den status som räknats fram ur utfallen, men ändrar den inte; där de skiljer sig åt står det.',
    '',
    'Har nämnden vid delåret angett en prognos för helåret bedöms delåret på prognosen, som i en delårsrapport: om årets målvärde kommer att nås. Utan prognos jämförs delårets utfall med årets målvärde.',
  ];
}

function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** Text from the documents must not break the table: escape pipes, fold line breaks. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s*\r?\n\s*/g, ' ');
}
