import { swedishDate } from '../corpus/dates.js';
import { goalsOf } from '../corpus/corpus.js';
import { isFollowedUp, isOverdue, periodsOf } from '../followup/periods.js';
import { createShapedRule, type DocumentFinding } from './rule.js';

export default createShapedRule({
  id: 'report-deadline',
  description:
    'Varje indikator i en nämnds verksamhetsplan har utfall för de rapporteringsperioder vars sista dag har passerat, och varje mål utan indikatorer har nämndens bedömning för dem.',
  defaultSeverity: 'warning',
  checkEach(document, { corpus, config, today }) {
    const findings: DocumentFinding[] = [];
    const goals = goalsOf(document);
    if (!goals.length || !isFollowedUp(goals[0]!.plan, corpus)) return findings;
    const due = periodsOf(config, goals[0]!.plan.data.år).filter((p) => isOverdue(p, today));
    if (!due.length) return findings;
    for (const { goal, path } of goals) {
      // A goal measured by no indicator is followed up by the nämnd's word alone, as `styrdok report` lists it.
      if (!goal.indikatorer?.length) {
        for (const period of due) {
          if (goal.bedömning?.some((b) => b.period === period.id)) continue;
          findings.push({
            path: [...path, 'id'],
            message: `Nämndens bedömning för ${period.id} saknas; ${period.namn.toLowerCase()} skulle vara inne senast ${swedishDate(period.sista_dag!)}. Målet «${goal.id}» har inga indikatorer och följs upp med nämndens bedömning: lägg till en bedömning för ${period.id} under målet, med status (uppnått, delvis uppnått eller ej uppnått) och motivering.`,
          });
        }
        continue;
      }
      goal.indikatorer.forEach((ind, j) => {
        for (const period of due) {
          if (ind.utfall?.some((u) => u.period === period.id)) continue;
          // The rule reads no Kolada files (rules are pure): say where the figure can be found instead.
          const kolada = ind.kolada ? ` Värdet finns i Kolada som ${ind.kolada}.` : '';
          findings.push({
            path: [...path, 'indikatorer', j, 'id'],
            message: `Utfall för ${period.id} saknas; ${period.namn.toLowerCase()} skulle vara inne senast ${swedishDate(period.sista_dag!)}. Lägg till utfall för ${period.id} under indikatorn «${ind.id}» i målet «${goal.id}», med period, värde och gärna en kommentar.${kolada}`,
          });
        }
      });
    }
    return findings;
  },
});
