import { createShapedRule, type DocumentFinding } from './rule.js';
import { daysBetween, swedishDate } from '../corpus/dates.js';
import { getDocument } from '../corpus/corpus.js';
import { statusOn } from '../corpus/status.js';

const STATUS_WORDS = { utkast: 'är ett utkast', kommande: 'inte har börjat gälla', upphört: 'har upphört att gälla', ersatt: 'är ersatt', upphävd: 'är upphävd' } as const;

export default createShapedRule({
  id: 'validity',
  description: 'Giltighetstiden följer dokumenttypens regel, slutar inte före sin början, och ett gällande dokument genomför bara gällande dokument.',
  defaultSeverity: 'error',
  checkEach(document, { corpus, config, today }) {
    const findings: DocumentFinding[] = [];
    const warnDays = config.data.varning_dagar_före_slut ?? 90;
    const { data } = document;
    const rules = config.typeRules(data.dokumenttyp);
    const typeName = (rules?.namn ?? data.dokumenttyp).toLowerCase();
    const range = data.giltighetstid;
    const until = range?.till;
    if (rules?.giltighet === 'tills_vidare' && until && until !== 'tills vidare') {
      findings.push({ path: ['giltighetstid', 'till'], message: `En ${typeName} gäller tills vidare, inte till ett datum. Skriv till: tills vidare, eller välj en annan dokumenttyp.` });
    }
    if (rules?.giltighet === 'begränsad' && (!range || until === 'tills vidare')) {
      findings.push({
        path: range ? ['giltighetstid', 'till'] : ['dokumenttyp'],
        severity: 'warning',
        message: `En ${typeName} ska gälla en begränsad period, till exempel en mandatperiod, men gäller tills vidare. Ange ett slutdatum i giltighetstid.till.`,
      });
    }
    if (range?.från && until && until !== 'tills vidare' && until < range.från) {
      findings.push({ path: ['giltighetstid', 'till'], message: `Giltighetstiden slutar (${swedishDate(until)}) innan den börjar (${swedishDate(range.från)}). Kontrollera datumen.` });
    }
    const status = statusOn(document, today, corpus);
    if (status.kind !== 'gällande') return findings;
    // Time-limited kinds need a new decision before they lapse; a year's verksamhetsplan simply ends.
    if (status.until && rules?.giltighet === 'begränsad') {
      const left = daysBetween(today, status.until);
      if (left <= warnDays) {
        findings.push({ path: ['giltighetstid', 'till'], severity: 'warning', message: `Dokumentet slutar gälla ${swedishDate(status.until)}, ${left === 0 ? 'i dag' : `om ${left} ${left === 1 ? 'dag' : 'dagar'}`}. Besluta om en förlängning eller ett nytt dokument i tid.` });
      }
    }
    (data.genomför ?? []).forEach((id, index) => {
      const parent = getDocument(corpus, id);
      if (!parent) return; // unknown ids belong to the references rule
      const parentStatus = statusOn(parent, today, corpus);
      if (parentStatus.kind === 'gällande') return;
      const successor = parentStatus.kind === 'ersatt' ? ` Det har ersatts av «${parentStatus.by.data.id}»: låt dokumentet genomföra det i stället, eller se över om det ska upphävas.` : ' Se över om dokumentet ska revideras eller upphävas.';
      findings.push({
        path: ['genomför', index],
        severity: 'warning',
        message: `Dokumentet gäller men genomför «${id}», som ${STATUS_WORDS[parentStatus.kind]}.${successor}`,
        related: [{ file: parent.file, span: parent.locate(['id']), message: 'Det överordnade dokumentet' }],
      });
    });
    return findings;
  },
});
