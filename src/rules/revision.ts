import { createShapedRule, type DocumentFinding } from './rule.js';
import { swedishDate } from '../corpus/dates.js';
import { revisionState } from '../corpus/revision.js';
import { statusOn } from '../corpus/status.js';

export default createShapedRule({
  id: 'revision',
  description: 'Ett gällande dokument revideras när en ny mandatperiod har börjat eller när revisionsdatumet har passerat.',
  defaultSeverity: 'error',
  checkEach(document, { corpus, config, today }) {
    if (statusOn(document, today, corpus).kind !== 'gällande') return [];
    const state = revisionState(document, today, config);
    const path = ['revisionsdatum'];
    const findings: DocumentFinding[] = [];
    if (state.kind === 'due') {
      findings.push({
        path,
        severity: 'warning',
        message: `Dokumentet ska revideras under den nya mandatperioden ${state.period}, som började ${swedishDate(state.since)}. Revidera det senast ${swedishDate(state.deadline)}.`,
      });
    } else if (state.kind === 'overdue') {
      findings.push({
        path,
        message:
          state.reason === 'date'
            ? `Revisionsdatumet ${swedishDate(state.since)} har passerat. Revidera dokumentet, eller besluta om ett nytt revisionsdatum.`
            : `Revisionen är försenad: dokumentet skulle ha reviderats under mandatperioden ${state.period ?? ''}, och fristen gick ut ${swedishDate(state.since)}. Revidera dokumentet.`,
      });
    }
    return findings;
  },
});
