/**
 * A nämnd's own bedömning of a goal per period: the status of a goal without indicators, and shown beside the
 * derived status of a goal with indicators, never changing it. On a copy of the followup fixture, where goal a3
 * has no indicators and goal a1 is delvis uppnått in 2026-delår (its waiting time is halfway to the target).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkProject } from '../../src/engine/load-project.js';
import { renderCsv } from '../../src/followup/render-csv.js';
import { renderMarkdown } from '../../src/followup/render-markdown.js';
import { buildReport } from '../../src/followup/report-model.js';
import { ALFA_PLAN as PLAN, editedFixtureProject, FIXTURE_DIR, TODAY } from './fixture.js';

const A3 = '    bidrar_till: [provstrategi#omrade-b]\n';
const A1 = '    bidrar_till: [provstrategi#del-a1]\n';

/** The fixture with `lines` added to the alfa plan after `after`; its checked project. */
const withAdded = (after: string, lines: string[]) => editedFixtureProject(after, after + lines.map((l) => `${l}\n`).join(''));

const A3_DELÅR = [
  '    bedömning:',
  '      - period: 2026-delår',
  '        status: delvis uppnått',
  '        motivering: Två av fyra trygghetsvandringar är gjorda.',
  '        åtgärder: De två som återstår görs i oktober.',
];

describe('the nämnd’s bedömning of a goal', () => {
  it('is the status of a goal without indicators, which is then no longer missing', () => {
    const before = buildReport(checkProject({ cwd: FIXTURE_DIR, paths: ['corpus'], today: TODAY }), 2026);
    const project = withAdded(A3, A3_DELÅR);
    expect(project.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const report = buildReport(project, 2026);
    const [was, goal] = [before, report].map((r) => r.mål.find((g) => g.id === 'a3')!);

    expect(was!.status).toEqual({ '2026-delår': 'ej rapporterat', '2026-helår': 'ej rapporterat' });
    expect(goal!.status).toEqual({ '2026-delår': 'delvis uppnått', '2026-helår': 'ej rapporterat' });
    expect(goal!.bedömning).toEqual({
      '2026-delår': { status: 'delvis uppnått', motivering: 'Två av fyra trygghetsvandringar är gjorda.', åtgärder: 'De två som återstår görs i oktober.' },
    });
    const missingA3 = (r: typeof report) => r.saknade.filter((m) => m.mål === 'a3').map((m) => m.period);
    expect([missingA3(before), missingA3(report)]).toEqual([['2026-delår', '2026-helår'], ['2026-helår']]);
    // The city-wide count moves the goal from ej rapporterat to delvis uppnått.
    const delår = (r: typeof report) => r.totalt['2026-delår']!;
    expect(delår(report)['delvis uppnått'] - delår(before)['delvis uppnått']).toBe(1);
    expect(delår(before)['ej rapporterat'] - delår(report)['ej rapporterat']).toBe(1);

    const md = renderMarkdown(report);
    expect(md).toContain('*Målet saknar indikatorer; dess status är nämndens bedömning.*');
    expect(md).toContain('- *Delår 2026:* delvis uppnått. Två av fyra trygghetsvandringar är gjorda. *Åtgärder:* De två som återstår görs i oktober.');
    const row = renderCsv(report).split('\r\n').find((line) => line.includes(';a3;') && line.includes(';2026-delår;'))!;
    expect(row.split(';').slice(-3)).toEqual(['delvis uppnått', 'Två av fyra trygghetsvandringar är gjorda.', 'De två som återstår görs i oktober.']);
    expect(row.split(';')[7]).toBe('delvis uppnått');
  });

  it('does not change the status a goal with indicators gets from its outcomes, and says where the two differ', () => {
    const project = withAdded(A1, ['    bedömning:', '      - { period: 2026-delår, status: uppnått, motivering: Väntetiden kortas varje månad. }']);
    const goal = buildReport(project, 2026).mål.find((g) => g.id === 'a1')!;
    expect(goal.status['2026-delår']).toBe('delvis uppnått');
    expect(goal.bedömning['2026-delår']).toEqual({ status: 'uppnått', motivering: 'Väntetiden kortas varje månad.', indikatorernas_status: 'delvis uppnått' });
    expect(renderMarkdown(buildReport(project, 2026))).toContain('- *Delår 2026:* uppnått (indikatorerna ger delvis uppnått). Väntetiden kortas varje månad.');
  });

  it('must have a status the report knows and a motivering, said in Swedish at the line', () => {
    const project = withAdded(A3, ['    bedömning:', '      - { period: 2026-delår, status: på väg }']);
    const line = readFileSync(path.join(FIXTURE_DIR, PLAN), 'utf8').split('\n').findIndex((l) => `${l}\n` === A3) + 3;
    const errors = project.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.file}:${d.span.start.line} ${d.ruleId} ${d.message}`);
    expect(errors).toEqual([
      `${PLAN}:${line} schema Nyckeln «motivering» saknas under «bedömning». Lägg till den.`,
      `${PLAN}:${line} schema Värdet «på väg» är inte tillåtet för «status». Tillåtna värden: «uppnått», «delvis uppnått», «ej uppnått».`,
    ]);
  });
});
