import { swedishDate } from '../corpus/dates.js';
import { goalsOfYear, isOverdue, periodsOf } from '../followup/periods.js';
import { createRule, type Finding } from './rule.js';

export default createRule({
  id: 'report-deadline',
  description:
    'Varje indikator i en nämnds verksamhetsplan har utfall för de rapporteringsperioder vars sista dag har passerat, och varje mål utan indikatorer har nämndens bedömning för dem.',
  defaultSeverity: 'warning',
  check({ corpus, config, today }) {
    const findings: Finding[] = [];
    const years = [...new Set(corpus.goals.map((g) => g.plan.data.år))].sort();
    for (const year of years) {
      const due = periodsOf(config, year).filter((p) => isOverdue(p, today));
      if (!due.length) continue;
      for (const { plan, goal, path } of goalsOfYear(corpus, year)) {
        // A goal measured by no indicator is followed up by the nämnd's word alone, as `styrdok report` lists it.
        if (!goal.indikatorer?.length) {
          for (const period of due) {
            if (goal.bedömning?.some((b) => b.period === period.id)) continue;
            findings.push({
              document: plan,
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
              document: plan,
              path: [...path, 'indikatorer', j, 'id'],
              message: `Utfall för ${period.id} saknas; ${period.namn.toLowerCase()} skulle vara inne senast ${swedishDate(period.sista_dag!)}. Lägg till utfall för ${period.id} under indikatorn «${ind.id}» i målet «${goal.id}», med period, värde och gärna en kommentar.${kolada}`,
            });
          }
        });
      }
    }
    return findings;
  },
});
