import { createRule, type Finding } from './rule.js';
import type { StyrDocument } from '../model/document.js';
import { swedishDate } from '../corpus/dates.js';

export default createRule({
  id: 'decision-record',
  description: 'Beslutet har datum, paragraf och ett diarienummer i kommunens format; diarienumret är unikt och beslutet ligger inte i framtiden.',
  defaultSeverity: 'error',
  check({ corpus, config, today }) {
    const findings: Finding[] = [];
    const pattern = new RegExp(config.data.diarienummer.mönster, 'u');
    const example = config.data.diarienummer.exempel;
    const firstWith = new Map<string, StyrDocument>();
    for (const document of corpus.documents) {
      const { beslut, upphävd, beslutande_organ } = document.data;
      if (beslut) {
        if (!pattern.test(beslut.diarienummer)) {
          findings.push({ document, path: ['beslut', 'diarienummer'], message: `Diarienumret «${beslut.diarienummer}» har inte kommunens format. Skriv det som i diariet, till exempel ${example}.` });
        }
        if (beslut.datum > today) {
          findings.push({ document, path: ['beslut', 'datum'], message: `Beslutsdatumet ${swedishDate(beslut.datum)} ligger i framtiden. Ett dokument får beslutsuppgifter först när beslutet är fattat; ta bort beslut så länge det är ett utkast.` });
        }
        // Political organs record a paragraph in the minutes; a chef's decision has none.
        if (beslut.paragraf === undefined && config.organ(beslutande_organ)) {
          findings.push({ document, path: ['beslut'], message: `Beslutet saknar paragraf. Ange paragrafen i protokollet från ${config.nameOf(beslutande_organ).toLowerCase()}, till exempel paragraf: 169.` });
        }
        const earlier = firstWith.get(beslut.diarienummer);
        if (earlier) {
          findings.push({
            document,
            path: ['beslut', 'diarienummer'],
            message: `Diarienumret ${beslut.diarienummer} används redan av «${earlier.data.id}». Ett diarienummer hör till ett enda ärende: kontrollera numret.`,
            related: [{ file: earlier.file, span: earlier.locate(['beslut', 'diarienummer']), message: 'Diarienumret används här' }],
          });
        } else {
          firstWith.set(beslut.diarienummer, document);
        }
      }
      if (upphävd) {
        if (upphävd.datum > today) {
          findings.push({ document, path: ['upphävd', 'datum'], message: `Upphävandet är daterat ${swedishDate(upphävd.datum)}, i framtiden. Registrera upphävandet när beslutet är fattat.` });
        }
        if (upphävd.diarienummer && !pattern.test(upphävd.diarienummer)) {
          findings.push({ document, path: ['upphävd', 'diarienummer'], message: `Diarienumret «${upphävd.diarienummer}» har inte kommunens format. Skriv det som i diariet, till exempel ${example}.` });
        }
        if (beslut && upphävd.datum < beslut.datum) {
          findings.push({ document, path: ['upphävd', 'datum'], message: 'Dokumentet upphävdes före beslutet som antog det. Kontrollera datumen.' });
        }
      }
    }
    return findings;
  },
});
