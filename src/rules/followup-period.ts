import { parsePeriod } from '../followup/periods.js';
import type { PathSegment } from '../load/yaml-source.js';
import { goalsOf } from '../corpus/corpus.js';
import type { StyrDocument } from '../model/document.js';
import { createRule, type DocumentFinding } from './rule.js';

/**
 * A period typed wrong is not an error the schema can see, yet the report quietly leaves the figure or the
 * bedömning out (it reads the periods of the plan's year, and the first entry of each): say so where it is typed.
 */
export default createRule({
  id: 'followup-period',
  description: 'Utfall och nämndens bedömningar i en verksamhetsplan gäller perioder som hör till planen, och ingen period står två gånger.',
  defaultSeverity: 'error',
  checkDocument(document) {
    const findings: DocumentFinding[] = [];
    for (const { plan, goal, path } of goalsOf(document)) {
      const year = plan.data.år;
      const firstAssessment = new Map<string, PathSegment[]>();
      (goal.bedömning ?? []).forEach((assessment, j) => {
        const at = [...path, 'bedömning', j, 'period'];
        const other = parsePeriod(assessment.period)?.år;
        if (other === undefined) return;
        if (other !== year) {
          findings.push({
            path: at,
            message: `Bedömningen gäller ${assessment.period}, men verksamhetsplanen gäller ${year}, så den kommer inte med i uppföljningen. Ändra perioden till ${year}-delår eller ${year}-helår, eller flytta bedömningen till verksamhetsplanen för ${other}.`,
          });
          return;
        }
        const first = firstAssessment.get(assessment.period);
        if (first) findings.push(twice(plan, at, first, `Målet «${goal.id}» har redan en bedömning för ${assessment.period}`, 'den'));
        else firstAssessment.set(assessment.period, at);
      });
      (goal.indikatorer ?? []).forEach((indicator, k) => {
        const firstOutcome = new Map<string, PathSegment[]>();
        (indicator.utfall ?? []).forEach((outcome, j) => {
          const at = [...path, 'indikatorer', k, 'utfall', j, 'period'];
          const other = parsePeriod(outcome.period)?.år;
          if (other === undefined) return;
          // Earlier years are the indicator's history, shown in its trend; a later year cannot have been measured.
          if (other > year) {
            findings.push({
              path: at,
              message: `Utfallet gäller ${outcome.period}, ett senare år än verksamhetsplanen (${year}). Utfall för ${other} skrivs i verksamhetsplanen för ${other}; ändra perioden om det är ett skrivfel.`,
            });
            return;
          }
          const first = firstOutcome.get(outcome.period);
          if (first) findings.push(twice(plan, at, first, `Indikatorn «${indicator.id}» har redan ett utfall för ${outcome.period}`, 'det'));
          else firstOutcome.set(outcome.period, at);
        });
      });
    }
    return findings;
  },
});

/** The second entry for a period; `it` is the Swedish pronoun of the entry (den bedömningen, det utfallet). */
function twice(plan: StyrDocument, at: PathSegment[], first: PathSegment[], already: string, it: 'den' | 'det'): DocumentFinding {
  return {
    path: at,
    message: `${already}; bara ${it} första räknas i uppföljningen. Ta bort ${it} som inte gäller, eller rätta perioden.`,
    related: [{ file: plan.file, span: plan.locate(first), message: `${it === 'den' ? 'Den' : 'Det'} första för perioden` }],
  };
}
