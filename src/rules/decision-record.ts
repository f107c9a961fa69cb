import { createShapedRule, type DocumentFinding, type Finding } from './rule.js';
import type { StyrDocument } from '../model/document.js';
import { swedishDate } from '../corpus/dates.js';

export default createShapedRule({
  id: 'decision-record',
  description: 'Beslutet har datum, paragraf och ett diarienummer i kommunens format; diarienumret är unikt och beslutet ligger inte i framtiden.',
  defaultSeverity: 'error',
  checkEach(document, { config, today }) {
    const findings: DocumentFinding[] = [];
    const pattern = new RegExp(config.data.diarienummer.mönster, 'u');
    const example = config.data.diarienummer.exempel;
    const { beslut, upphävd, beslutande_organ } = document.data;
    if (beslut) {
      if (!pattern.test(beslut.diarienummer)) {
        findings.push({ path: ['beslut', 'diarienummer'], message: `Diarienumret «${beslut.diarienummer}» har inte kommunens format. Skriv det som i diariet, till exempel ${example}.` });
      }
      if (beslut.datum > today) {
        findings.push({ path: ['beslut', 'datum'], message: `Beslutsdatumet ${swedishDate(beslut.datum)} ligger i framtiden. Ett dokument får beslutsuppgifter först när beslutet är fattat; ta bort beslut så länge det är ett utkast.` });
      }
      // Political organs record a paragraph in the minutes; a chef's decision has none.
      if (beslut.paragraf === undefined && config.organ(beslutande_organ)) {
        findings.push({ path: ['beslut'], message: `Beslutet saknar paragraf. Ange paragrafen i protokollet från ${config.nameOf(beslutande_organ).toLowerCase()}, till exempel paragraf: 169.` });
      }
    }
    if (upphävd) {
      if (upphävd.datum > today) {
        findings.push({ path: ['upphävd', 'datum'], message: `Upphävandet är daterat ${swedishDate(upphävd.datum)}, i framtiden. Registrera upphävandet när beslutet är fattat.` });
      }
      if (upphävd.diarienummer && !pattern.test(upphävd.diarienummer)) {
        findings.push({ path: ['upphävd', 'diarienummer'], message: `Diarienumret «${upphävd.diarienummer}» har inte kommunens format. Skriv det som i diariet, till exempel ${example}.` });
      }
      if (beslut && upphävd.datum < beslut.datum) {
        findings.push({ path: ['upphävd', 'datum'], message: 'Dokumentet upphävdes före beslutet som antog det. Kontrollera datumen.' });
      }
    }
    return findings;
  },
  acrossReads: (data) => [data.id, data.beslut?.diarienummer],
  // A diarienummer belongs to one case: the second document with one is told where the first is.
  checkAcross({ corpus }) {
    const findings: Finding[] = [];
    const firstWith = new Map<string, StyrDocument>();
    for (const document of corpus.documents) {
      const { beslut } = document.data;
      if (!beslut) continue;
      const earlier = firstWith.get(beslut.diarienummer);
      if (!earlier) {
        firstWith.set(beslut.diarienummer, document);
        continue;
      }
      findings.push({
        document,
        path: ['beslut', 'diarienummer'],
        message: `Diarienumret ${beslut.diarienummer} används redan av «${earlier.data.id}». Ett diarienummer hör till ett enda ärende: kontrollera numret.`,
        related: [{ file: earlier.file, span: earlier.locate(['beslut', 'diarienummer']), message: 'Diarienumret används här' }],
      });
    }
    return findings;
  },
});
