import { createRule, type DocumentFinding } from './rule.js';
import { actionsOf, isVerksamhetsplan } from '../model/document.js';
import { didYouMean } from './util/suggest.js';

export default createRule({
  id: 'owner',
  description: 'Dokumentansvarig är en förvaltning i konfigurationen, och varje åtgärd och aktivitet har en ansvarig som finns.',
  defaultSeverity: 'error',
  checkDocument({ data }, { config }) {
    const findings: DocumentFinding[] = [];
    // The lists a suggestion is picked from are made only for a finding: most documents have none.
    const forvaltningar = () => config.data.förvaltningar.map((f) => f.id);
    const responsible = () => [...forvaltningar(), ...config.data.organ.map((o) => o.id)];
    const known = (id: string) => !!config.forvaltning(id) || !!config.organ(id);
    if (!config.forvaltning(data.dokumentansvarig)) {
      findings.push({
        path: ['dokumentansvarig'],
        message: `Dokumentansvarig «${data.dokumentansvarig}» är ingen förvaltning i ${config.file}.${didYouMean(data.dokumentansvarig, forvaltningar())} Ange förvaltningen som äger dokumentet.`,
      });
    }
    actionsOf(data).forEach((action, i) => {
      if (action.ansvarig && !known(action.ansvarig)) {
        findings.push({ path: ['åtgärder', i, 'ansvarig'], message: `Ansvarig «${action.ansvarig}» för åtgärden «${action.id}» finns inte bland nämnder och förvaltningar.${didYouMean(action.ansvarig, responsible())}` });
      }
    });
    if (isVerksamhetsplan(data)) {
      if (!config.organ(data.nämnd)) {
        findings.push({ path: ['nämnd'], message: `Nämnden «${data.nämnd}» finns inte i ${config.file}.${didYouMean(data.nämnd, config.data.organ.map((o) => o.id))}` });
      }
      data.mål.forEach((goal, i) =>
        goal.aktiviteter?.forEach((activity, j) => {
          if (activity.ansvarig && !known(activity.ansvarig)) {
            findings.push({ path: ['mål', i, 'aktiviteter', j, 'ansvarig'], message: `Ansvarig «${activity.ansvarig}» finns inte bland nämnder och förvaltningar.${didYouMean(activity.ansvarig, responsible())}` });
          }
        }),
      );
    }
    return findings;
  },
});
