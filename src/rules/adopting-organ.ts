import { createRule, type DocumentFinding } from './rule.js';
import { allowedAdopters, decidersList } from './util/adopters.js';
import { didYouMean } from './util/suggest.js';

export default createRule({
  id: 'adopting-organ',
  description: 'Dokumentet är antaget av det organ som dokumenttypen kräver.',
  defaultSeverity: 'error',
  checkDocument(document, { config }) {
    const findings: DocumentFinding[] = [];
    const knownDeciders = () => [...config.data.organ.map((o) => o.id), ...config.data.förvaltningar.map((f) => f.chef.id)];
    const { data } = document;
    const decider = data.beslutande_organ;
    if (!config.organ(decider) && !config.forvaltningOfChef(decider)) {
      findings.push({ path: ['beslutande_organ'], message: `Okänt beslutande organ «${decider}».${didYouMean(decider, knownDeciders())} Giltiga organ och chefer står i ${config.file}.` });
      return findings;
    }
    const allowed = allowedAdopters(document, config);
    const typeName = config.typeName(data.dokumenttyp);
    // An allowed adopter that is not in the config (a misspelt nämnd) is the owner rule's finding.
    if (allowed.length && !allowed.includes(decider) && allowed.every((id) => config.organ(id) || config.forvaltningOfChef(id))) {
      findings.push({
        path: ['beslutande_organ'],
        message: `En ${typeName.toLowerCase()} antas av ${decidersList(allowed, config)}, inte av ${config.nameOf(decider).toLowerCase()}. Ändra beslutande organ, eller dokumenttypen om dokumentet är av en annan sort.`,
      });
    }
    const repeal = data.upphävd;
    if (repeal && !config.organ(repeal.organ) && !config.forvaltningOfChef(repeal.organ)) {
      findings.push({ path: ['upphävd', 'organ'], message: `Okänt organ «${repeal.organ}» i upphävandet.${didYouMean(repeal.organ, knownDeciders())}` });
    }
    return findings;
  },
});
