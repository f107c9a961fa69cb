import { createRule, type Finding } from './rule.js';
import { getDocument } from '../corpus/corpus.js';
import { hasAuthorityOver } from './util/adopters.js';

export default createRule({
  id: 'replacement-authority',
  description: 'Ett dokument ersätts eller upphävs av organet som antog det eller av ett organ över det.',
  defaultSeverity: 'error',
  check({ corpus, config }) {
    const findings: Finding[] = [];
    for (const document of corpus.documents) {
      const decider = document.data.beslutande_organ;
      (document.data.ersätter ?? []).forEach((id, index) => {
        const old = getDocument(corpus, id);
        if (!old || old === document) return;
        const adopter = old.data.beslutande_organ;
        if (!config.organ(adopter) && !config.forvaltningOfChef(adopter)) return; // adopting-organ reports it
        if (hasAuthorityOver(decider, adopter, config)) return;
        // A separate repeal by an organ with authority makes the replacement lawful.
        const repeal = old.data.upphävd;
        if (repeal && hasAuthorityOver(repeal.organ, adopter, config)) return;
        findings.push({
          document,
          path: ['ersätter', index],
          message: `«${id}» antogs av ${config.nameOf(adopter).toLowerCase()}, men ersätts här av ${config.nameOf(decider).toLowerCase()}, som inte står över det organet. Låt ${config.nameOf(adopter).toLowerCase()} upphäva dokumentet (upphävd i dess frontmatter) eller fatta beslutet.`,
          related: [{ file: old.file, span: old.locate(['beslutande_organ']), message: 'Organet som antog dokumentet' }],
        });
      });
      const repeal = document.data.upphävd;
      if (repeal && !hasAuthorityOver(repeal.organ, decider, config) && (config.organ(repeal.organ) || config.forvaltningOfChef(repeal.organ))) {
        findings.push({
          document,
          path: ['upphävd', 'organ'],
          message: `Dokumentet antogs av ${config.nameOf(decider).toLowerCase()} och kan inte upphävas av ${config.nameOf(repeal.organ).toLowerCase()}. Ange organet som fattade beslutet om upphävande.`,
        });
      }
    }
    return findings;
  },
});
