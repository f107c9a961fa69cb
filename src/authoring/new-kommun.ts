import { stringify } from 'yaml';
import { slugify } from './conventions.js';

/** What `styrdok init` asks a new kommun. */
export interface KommunAnswers {
  /** As the kommun writes its name: «Sollentuna kommun», «Solna stad». */
  kommun: string;
  /** The nämnder besides kommunstyrelsen, as they are named: «Barn- och utbildningsnämnden». */
  namnder: string[];
  /** The förvaltning under kommunstyrelsen, and its chef's title. */
  ledning: string;
  chef: string;
  /** A diarienummer as the kommun writes them: «KS/2023:309», «KS 2023/309», «KS 2023.0309». */
  diarienummer: string;
}

/** A stad has a stadsledningsförvaltning and a stadsdirektör; a kommun a kommunledningskontor and a kommundirektör. */
export function defaultLedning(kommun: string): { ledning: string; chef: string } {
  return /\bstad$/i.test(kommun.trim()) ? { ledning: 'Stadsledningsförvaltningen', chef: 'Stadsdirektör' } : { ledning: 'Kommunledningskontoret', chef: 'Kommundirektör' };
}

/** «Sollentuna kommun» → «Sollentuna kommuns»; a name that ends in s, x or z takes no s. */
export function genitive(name: string): string {
  return /[sxz]$/i.test(name) ? name : `${name}s`;
}

/**
 * The short name a kommun uses for a nämnd in its diarienummer: the first letter of each word but «och», and N
 * for a compound that ends in «nämnden» («Barn- och utbildningsnämnden» → BUN, «Tekniska nämnden» → TN).
 */
export function abbreviation(name: string): string {
  const words = name.split(/[\s-]+/).filter((word) => word && word.toLowerCase() !== 'och');
  return words
    .map((word) => {
      const first = word[0]!.toUpperCase();
      return /.nämnden$/i.test(word) ? `${first}N` : first;
    })
    .join('');
}

/** A nämnd's förvaltning, by the usual naming: «Socialnämnden» → «Socialförvaltningen». */
export function forvaltningOf(namnd: string): string {
  return /nämnden$/i.test(namnd) ? namnd.replace(/nämnden$/i, 'förvaltningen') : `${namnd}s förvaltning`;
}

/**
 * A regular expression for diarienummer written like `example`: a run of capital letters stands for any
 * register's letters, a year for any year, other digits for any number, and the separators stay as written.
 * «KS/2023:309» → ^[A-ZÅÄÖ]+/\d{4}:\d+$.
 */
export function diarienummerPattern(example: string): string {
  const parts = example.trim().match(/[A-ZÅÄÖ]+|[a-zåäö]+|\d+|[^A-Za-zÅÄÖåäö\d]+/g) ?? [];
  const body = parts
    .map((part) => {
      if (/^[A-ZÅÄÖ]+$/.test(part)) return '[A-ZÅÄÖ]+';
      if (/^[a-zåäö]+$/.test(part)) return part;
      if (/^(19|20)\d\d$/.test(part)) return '\\d{4}';
      if (/^\d+$/.test(part)) return '\\d+';
      return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('');
  return `^${body}$`;
}

const cap = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const uncap = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);
/** A YAML scalar as the yaml package writes it, quoted only when it has to be, and never folded over lines. */
const scalar = (value: string) => stringify(value, { lineWidth: 0 }).trimEnd();
/** A scalar inside `{ … }`, where a comma or a colon would end it: such a text is written in double quotes. */
const inFlow = (value: string) => (/[,[\]{}:#"'&*!|>%@`]|^[\s-]|\s$/.test(value) ? JSON.stringify(value) : scalar(value));

/** Unique ids and short names: a second «Valnämnden» gets valnamnden-2, a second BUN gets BUN2. */
function unique(wanted: string, taken: Set<string>, separator = '-'): string {
  let candidate = wanted;
  for (let n = 2; taken.has(candidate); n++) candidate = `${wanted}${separator}${n}`;
  taken.add(candidate);
  return candidate;
}

/** Fullmäktige and kommunstyrelsen are always there: named again among the nämnder, they are not added twice. */
const ALWAYS = new Set(['kommunfullmäktige', 'kommunstyrelsen']);

/**
 * A new kommun's styrdok.config.yaml, commented for the clerk who reads it next: the organs (fullmäktige,
 * kommunstyrelsen and the nämnder), a förvaltning for kommunstyrelsen and one per nämnd, the document types as
 * Solna stad's rules have them (seeds/004, the common Swedish order: policy by fullmäktige, strategi and
 * riktlinje by kommunstyrelsen, anvisning by a förvaltningschef), the mandatperiod as the law has it, the
 * diarienummer format from an example, and the follow-up periods of a delårsrapport and an årsredovisning.
 */
export function kommunConfig(answers: KommunAnswers, schemaPath?: string): string {
  const kommun = answers.kommun.trim();
  const ids = new Set(['kommunfullmaktige', 'kommunstyrelsen']);
  const shorts = new Set(['KF', 'KS']);
  const namnder = answers.namnder
    .map((name) => cap(name.trim()))
    .filter((namn) => namn && !ALWAYS.has(namn.toLowerCase()))
    .map((namn) => ({ namn, id: unique(slugify(namn), ids), short: unique(abbreviation(namn), shorts, '') }));
  const forvaltningIds = new Set<string>();
  const ledning = { namn: cap(answers.ledning.trim()), id: unique(slugify(answers.ledning), forvaltningIds), chef: cap(answers.chef.trim()) };
  const organ = (o: { id: string; namn: string; typ: string; över?: string; short: string }) =>
    `  - { id: ${o.id}, namn: ${inFlow(o.namn)}, typ: ${o.typ}${o.över ? `, överordnat: ${o.över}` : ''}, förkortning: ${inFlow(o.short)} }`;
  const forvaltning = (f: { id: string; namn: string; namnd: string; chefId: string; titel: string }) =>
    [`  - id: ${f.id}`, `    namn: ${scalar(f.namn)}`, `    nämnd: ${f.namnd}`, `    chef: { id: ${f.chefId}, titel: ${inFlow(f.titel)} }`].join('\n');
  const perNamnd = namnder.map((n) => {
    const namn = forvaltningOf(n.namn);
    const id = unique(slugify(namn), forvaltningIds);
    return forvaltning({ id, namn, namnd: n.id, chefId: `${id}-chef`, titel: `Förvaltningschef, ${uncap(namn)}` });
  });
  const site = genitive(kommun);
  return [
    ...(schemaPath ? [`# yaml-language-server: $schema=${schemaPath}`] : []),
    `# ${site} konfiguration för styrdok, skriven av styrdok init. Allt som är kommunspecifikt står här, inte i koden:`,
    '# läs igenom den och rätta det som inte stämmer, till exempel förkortningarna, förvaltningarna och deras chefer.',
    '# Varje nyckel förklaras i schemas/config.schema.json, och styrdok check säger på vilken rad något är fel.',
    `kommun: ${scalar(kommun)}`,
    'webbplats:',
    `  titel: ${scalar(`${site} styrdokument`)}`,
    `  beskrivning: ${scalar(`${site} policyer, strategier, riktlinjer och anvisningar, och nämndernas mål som genomför dem.`)}`,
    '  # övergripande_mål: det mål fullmäktige har satt, som startsidan visar',
    '  # kontakt: kontaktcenter och telefon, för tillgänglighetsredogörelsen',
    '  # bas_url: webbplatsens adress, för flödet och öppna data',
    '',
    '# Fullmäktige, kommunstyrelsen och nämnderna. Förkortningen är den som diarienumren börjar med.',
    'organ:',
    organ({ id: 'kommunfullmaktige', namn: 'Kommunfullmäktige', typ: 'fullmäktige', short: 'KF' }),
    organ({ id: 'kommunstyrelsen', namn: 'Kommunstyrelsen', typ: 'styrelse', över: 'kommunfullmaktige', short: 'KS' }),
    ...namnder.map((n) => organ({ id: n.id, namn: n.namn, typ: 'nämnd', över: 'kommunfullmaktige', short: n.short })),
    '',
    '# En förvaltning per nämnd, efter det vanliga namnet. Delar två nämnder förvaltning, eller har en nämnd ingen,',
    '# ändra här: varje förvaltnings nämnd ska vara ett organ ovan.',
    'förvaltningar:',
    forvaltning({ id: ledning.id, namn: ledning.namn, namnd: 'kommunstyrelsen', chefId: slugify(ledning.chef), titel: ledning.chef }),
    ...perNamnd,
    '',
    '# Vem som antar varje dokumenttyp, hur länge den gäller och när den revideras. Som Solna stads regler:',
    '# policy i fullmäktige och tills vidare, strategi i kommunstyrelsen och för en mandatperiod, riktlinje i',
    '# kommunstyrelsen, anvisning och rutin av förvaltningschefen, verksamhetsplanen av nämnden själv.',
    'dokumenttyper:',
    '  policy: { namn: Policy, plural: Policyer, nivå: 1, beslutas_av: [kommunfullmaktige], giltighet: tills_vidare }',
    '  strategi:',
    '    namn: Strategi',
    '    plural: Strategier',
    '    nivå: 2',
    '    beslutas_av: [kommunstyrelsen]',
    '    giltighet: begränsad',
    '    revision: ny_mandatperiod',
    '    har_mål: true',
    '    åtgärder_kräver: [ansvarig, klart, prioritet]',
    '  riktlinje: { namn: Riktlinje, plural: Riktlinjer, nivå: 3, beslutas_av: [kommunstyrelsen] }',
    '  åtgärdsplan: { namn: Åtgärdsplan, plural: Åtgärdsplaner, nivå: 3, beslutas_av: [kommunstyrelsen], giltighet: begränsad, åtgärder_kräver: [ansvarig, klart, prioritet] }',
    '  anvisning: { namn: Anvisning, plural: Anvisningar, nivå: 4, beslutas_av: [förvaltningschef] }',
    '  rutin: { namn: Rutin, plural: Rutiner, nivå: 4, beslutas_av: [förvaltningschef] }',
    '  överenskommelse: { namn: Överenskommelse, plural: Överenskommelser, nivå: 2, beslutas_av: [kommunstyrelsen], giltighet: begränsad }',
    '  iop: { namn: Idéburet offentligt partnerskap, plural: Idéburna offentliga partnerskap, nivå: 2, beslutas_av: [kommunstyrelsen], giltighet: begränsad }',
    '  verksamhetsplan: { namn: Verksamhetsplan, plural: Verksamhetsplaner, nivå: 5, beslutas_av: [egen_nämnd] }',
    '',
    '# Kommunallagen 5 kap. 9 §: fullmäktige väljs för fyra år från den 15 oktober valåret. revision_frist_dagar:',
    '# hur länge efter en ny mandatperiods början ett dokument som ska revideras då får vänta innan det är försenat.',
    'mandatperiod:',
    '  valår: 2022',
    '  längd_år: 4',
    '  start: "10-15"',
    '  start_år_efter_val: 0',
    '  revision_frist_dagar: 365',
    '',
    `# Diarienummer skrivs som ${answers.diarienummer.trim()}: mönstret godtar samma form med andra bokstäver och siffror.`,
    'diarienummer:',
    `  mönster: ${scalar(diarienummerPattern(answers.diarienummer))}`,
    `  exempel: ${scalar(answers.diarienummer.trim())}`,
    '',
    '# Hur många dagar före slutet av en giltighetstid som validity varnar.',
    'varning_dagar_före_slut: 90',
    '',
    'uppföljning:',
    '  perioder:',
    '    - { typ: delår, namn: Delårsrapport (januari–augusti), sista_dag: "09-30" }',
    '    - { typ: helår, namn: Årsredovisning, sista_dag: "+02-15" }',
    '  delvis_uppnått_andel: 0.5',
    '',
    '# Reglernas allvarlighet: error, warning eller off (styrdok rules listar dem).',
    'regler: {}',
    '',
  ].join('\n');
}
