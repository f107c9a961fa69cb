/**
 * A delår's outcome may carry the nämnd's forecast for the year (`prognos`): the delår is then judged on it,
 * as a delårsrapport judges whether the year's målvärde will be met. On a copy of the followup fixture.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderCsv } from '../../src/followup/render-csv.js';
import { renderMarkdown } from '../../src/followup/render-markdown.js';
import { buildReport } from '../../src/followup/report-model.js';
import { ALFA_PLAN as PLAN, editedFixtureProject, FIXTURE_DIR } from './fixture.js';

const WAITING_DELÅR = '- { period: 2026-delår, värde: 8 }';

/** The fixture with one line of the alfa plan replaced; its checked project. */
const withLine = editedFixtureProject;

/** The waiting-time indicator (from 10 towards 6 days, lower is better) in 2026-delår. */
function waitingDelår(project: ReturnType<typeof withLine>) {
  const report = buildReport(project, 2026);
  const goal = report.mål.find((g) => g.id === 'a1')!;
  return { report, goal, outcome: goal.indikatorer.find((i) => i.id === 'vantetid')!.utfall['2026-delår']! };
}

describe('prognos on a delår', () => {
  it('judges the delår on the forecast: 8 days now, 5 forecast against a målvärde of 6 is uppnått', () => {
    const without = waitingDelår(withLine(WAITING_DELÅR, WAITING_DELÅR));
    expect(without.outcome).toEqual({ status: 'delvis uppnått', värde: 8, källa: 'verksamhetsplan', andel: 0.5 });

    const project = withLine(WAITING_DELÅR, '- { period: 2026-delår, värde: 8, prognos: 5 }');
    expect(project.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const { report, goal, outcome } = waitingDelår(project);
    expect(outcome).toEqual({ status: 'uppnått', värde: 8, prognos: 5, källa: 'verksamhetsplan', andel: 1.25 });
    // The goal's other indicator is uppnått in the delår too: the goal is now uppnått, not delvis.
    expect([without.goal.status['2026-delår'], goal.status['2026-delår']]).toEqual(['delvis uppnått', 'uppnått']);

    expect(renderMarkdown(report)).toContain('| 8, prognos för helåret 5 – uppnått (bedömt på prognosen) |');
    const row = renderCsv(report).split('\r\n').find((line) => line.includes(';vantetid;') && line.includes(';2026-delår;'))!;
    // «Prognos för helåret», before the three columns of the nämnd's bedömning (empty here).
    expect(row.split(';').slice(-4)).toEqual(['5', '', '', '']);
    expect(row).toContain(';8;1,25;verksamhetsplan;uppnått;');
  });

  it('is ej uppnått when the forecast falls short of the way the config asks for, whatever the delår value', () => {
    const { outcome } = waitingDelår(withLine(WAITING_DELÅR, '- { period: 2026-delår, värde: 6, prognos: 9 }'));
    expect(outcome).toEqual({ status: 'ej uppnått', värde: 6, prognos: 9, källa: 'verksamhetsplan', andel: 0.25 });
  });

  it('is refused for a helår, in Swedish at the outcome, since the year is then known', () => {
    const helår = '- { period: 2026-helår, värde: 85 }';
    const project = withLine(helår, '- { period: 2026-helår, värde: 85, prognos: 90 }');
    const line = readFileSync(path.join(FIXTURE_DIR, PLAN), 'utf8').split('\n').findIndex((l) => l.includes(helår)) + 1;
    const errors = project.diagnostics.filter((d) => d.severity === 'error').map((d) => ({ file: d.file, line: d.span.start.line, ruleId: d.ruleId, message: d.message }));
    expect(errors).toEqual([
      {
        file: PLAN,
        line,
        ruleId: 'schema',
        message: 'En prognos hör bara till ett delår: vid helåret är årets verkliga värde känt. Ta bort «prognos» eller ändra perioden till delåret.',
      },
    ]);
  });
});
