import { createRule, type DocumentFinding } from './rule.js';
import { actionsOf } from '../model/document.js';

const WORDS = { ansvarig: 'vem som ansvarar (ansvarig)', klart: 'när den ska vara genomförd (klart)', prioritet: 'vilken prioritet den har (prioritet)' } as const;

export default createRule({
  id: 'strategy-actions',
  description: 'Varje åtgärd i en strategi eller åtgärdsplan anger vem som ansvarar, när den ska vara klar och dess prioritet.',
  defaultSeverity: 'error',
  checkDocument({ data }, { config }) {
    const findings: DocumentFinding[] = [];
    const required = config.typeRules(data.dokumenttyp)?.åtgärder_kräver ?? [];
    if (!required.length) return findings;
    actionsOf(data).forEach((action, index) => {
      const missing = required.filter((field) => action[field] === undefined);
      if (missing.length) {
        findings.push({
          path: ['åtgärder', index],
          message: `Åtgärden «${action.id}» anger inte ${missing.map((m) => WORDS[m]).join(', ')}. ${config.data.kommun}s regler kräver det av varje åtgärd.`,
        });
      }
    });
    return findings;
  },
});
