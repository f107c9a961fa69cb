import { existsSync } from 'node:fs';
import path from 'node:path';
import { listAt } from '../model/site-addresses.js';
import type { Config } from '../config/config.js';
import type { Dokumenttyp } from '../model/document.js';
import { UsageError } from '../cli/exit-codes.js';
import { SCHEMA_DIR } from '../schema/schema-files.js';
import { documentPath, idFor, KINDS, parseKind, schemaModeline, slugify } from './conventions.js';
import { documentText } from './frontmatter-text.js';
import { pickChoice, type Choice, type Parsed, type Prompter } from './prompt.js';
import { parseDate, parseDiarienummer, parseParagraf, parseRequiredText, parseRevision, parseUntil, parseYear, parseYesNo } from './values.js';

/** Every answer `styrdok new` asks for, as given by flags; what is missing is asked on standard input. */
export interface NewAnswers {
  typ?: string;
  titel?: string;
  id?: string;
  ansvarig?: string;
  organ?: string;
  utkast?: boolean;
  datum?: string;
  paragraf?: string;
  diarienummer?: string;
  fran?: string;
  till?: string;
  revision?: string;
  namnd?: string;
  ar?: string;
  part?: string[];
  atgard?: string;
  'atgard-ansvarig'?: string;
  'atgard-klart'?: string;
  'atgard-prioritet'?: string;
}

export interface NewContext {
  config: Config;
  /** Project root (where strategy/ is); paths are relative to it. */
  root: string;
  strategyDir: string;
  today: string;
  /** Diarienummer already used in the corpus, with the id that uses it. */
  usedDiarienummer: Map<string, string>;
  usedIds: Set<string>;
}

export interface NewResult {
  /** Path relative to the root. */
  file: string;
  text: string;
}

const ID_PATTERN = /^[a-z0-9][a-z0-9-]*$/;

/** A flag's value through the same parser as the question: a bad flag is a usage error, never a guess. */
function fromFlag<T>(value: string | undefined, flag: string, parse: (text: string) => Parsed<T>): T | undefined {
  if (value === undefined) return undefined;
  const result = parse(value);
  if ('error' in result) throw new UsageError(`--${flag}: ${result.error}`);
  return result.value;
}

async function answer<T>(value: string | undefined, flag: string, parse: (text: string) => Parsed<T>, ask: () => Promise<T>): Promise<T> {
  const given = fromFlag(value, flag, parse);
  return given !== undefined ? given : ask();
}

export async function createDocument(given: NewAnswers, context: NewContext, prompter: Prompter): Promise<NewResult> {
  const { config } = context;
  const say = (text: string) => prompter.say(text);

  const kindChoices: Choice<Dokumenttyp>[] = KINDS.map((kind) => ({ value: kind, label: `${kind} (${config.typeName(kind)})`, aliases: [slugify(kind), config.typeName(kind)] }));
  const parseKindText = (text: string): Parsed<Dokumenttyp> => {
    const kind = parseKind(text);
    return kind ? { value: kind } : pickChoice(text, kindChoices);
  };
  const kind = await answer(given.typ, 'typ', parseKindText, () => prompter.choose('Vilken sorts styrdokument', 'dokumenttyp', kindChoices));
  const rules = config.typeRules(kind);
  const typeName = (rules?.namn ?? kind).toLowerCase();

  const titel = await answer(given.titel, 'titel', parseRequiredText('Titeln'), () => prompter.askValid('Titel', 'titel', parseRequiredText('Titeln')));

  // A verksamhetsplan belongs to a nämnd and a year; its folder has the year in it.
  let namnd: string | undefined;
  let ar: number | undefined;
  const organChoices: Choice<string>[] = config.data.organ.map((o) => ({ value: o.id, label: o.namn, aliases: [o.namn, ...(o.förkortning ? [o.förkortning] : [])] }));
  if (kind === 'verksamhetsplan') {
    const namnder = organChoices.filter((c) => config.organ(c.value)?.typ === 'nämnd');
    namnd = await answer(given.namnd, 'namnd', (t) => pickChoice(t, namnder), () => prompter.choose('Vilken nämnds verksamhetsplan', 'nämnd', namnder));
    ar = await answer(given.ar, 'ar', parseYear, () => prompter.askValid('Verksamhetsår', 'år', parseYear, String(Number(context.today.slice(0, 4)) + 1)));
  }

  const parseId = (text: string): Parsed<string> => {
    const id = text.trim();
    if (!ID_PATTERN.test(id) || id.length > 120) return { error: `Id ska bestå av små bokstäver a–z, siffror och bindestreck, till exempel ${slugify(titel) || 'trygghetsstrategi-2024-2026'}.` };
    if (context.usedIds.has(id)) return { error: `Id «${id}» används redan av ett annat styrdokument. Välj ett annat.` };
    const list = listAt(id);
    if (list) return { error: `Id «${id}» används av webbplatsen för ${list} (/dokument/${id}/). Välj ett annat, till exempel ${idFor(kind, id)}.` };
    const file = documentPath(kind, id, ar, context.strategyDir);
    if (existsSync(path.join(context.root, file))) return { error: `Filen ${file} finns redan.` };
    return { value: id };
  };
  const suggestedId = idFor(kind, titel);
  const scripted = given.typ !== undefined && given.titel !== undefined;
  let id: string;
  if (given.id !== undefined || scripted) {
    // Scripted use: the id follows from the title unless --id says otherwise; it is never asked.
    id = given.id ?? suggestedId;
    const target = documentPath(kind, id, ar, context.strategyDir);
    if (existsSync(path.join(context.root, target))) throw new FileRefused(target);
    const checked = parseId(id);
    if ('error' in checked) throw new UsageError(`--id: ${checked.error}`);
  } else {
    const suggestion = documentPath(kind, suggestedId, ar, context.strategyDir);
    if (suggestedId && existsSync(path.join(context.root, suggestion))) say(`  Filen ${suggestion} finns redan; den skrivs aldrig över. Välj ett annat id.\n`);
    id = await prompter.askValid('Id (blir filens namn)', 'id', parseId, 'value' in parseId(suggestedId) ? suggestedId : undefined);
  }
  const file = documentPath(kind, id, ar, context.strategyDir);

  const forvaltningChoices: Choice<string>[] = config.data.förvaltningar.map((f) => ({ value: f.id, label: f.namn, aliases: [f.namn] }));
  const defaultOwner = namnd ? forvaltningChoices.find((c) => config.forvaltning(c.value)?.nämnd === namnd) : undefined;
  const ansvarig = await answer(given.ansvarig, 'ansvarig', (t) => pickChoice(t, forvaltningChoices), () =>
    prompter.choose('Dokumentansvarig förvaltning', 'dokumentansvarig', forvaltningChoices, defaultOwner),
  );

  // Who may adopt this kind, from the config's type rules: an organ, the owning förvaltning's chef, the nämnd.
  const allowed = (rules?.beslutas_av ?? config.data.organ.map((o) => o.id)).flatMap((who): Choice<string>[] => {
    if (who === 'förvaltningschef') {
      const chef = config.forvaltning(ansvarig)?.chef;
      return chef ? [{ value: chef.id, label: chef.titel, aliases: [chef.titel] }] : [];
    }
    if (who === 'egen_nämnd') return namnd ? organChoices.filter((c) => c.value === namnd) : [];
    return organChoices.filter((c) => c.value === who);
  });
  if (!allowed.length) throw new UsageError(`Konfigurationen anger inget organ som får anta en ${typeName}.`);
  const parseOrgan = (text: string): Parsed<string> => {
    const picked = pickChoice(text, allowed);
    if ('value' in picked) return picked;
    return { error: `En ${typeName} antas av ${allowed.map((c) => c.label.toLowerCase()).join(' eller ')} enligt ${config.file}, inte av «${text}».` };
  };
  let organ: string;
  if (given.organ !== undefined) organ = fromFlag(given.organ, 'organ', parseOrgan)!;
  else if (allowed.length === 1) {
    organ = allowed[0]!.value;
    say(`Beslutande organ: ${allowed[0]!.label} (enligt reglerna för ${typeName})\n`);
  } else organ = await prompter.choose('Beslutande organ', 'beslutande organ', allowed);

  const decisionFlags = [given.datum, given.paragraf, given.diarienummer].some((v) => v !== undefined);
  if (given.utkast && decisionFlags) throw new UsageError('--utkast är ett dokument utan beslut: ange inte --datum, --paragraf eller --diarienummer samtidigt.');
  const decided = given.utkast ? false : decisionFlags ? true : await prompter.askValid('Är dokumentet redan beslutat? (j/n)', 'beslutat', parseYesNo);

  const data: Record<string, unknown> = { id, dokumenttyp: kind, titel, beslutande_organ: organ };
  let beslutsdatum: string | undefined;
  if (decided) {
    const pattern = new RegExp(config.data.diarienummer.mönster, 'u');
    const parseDecisionDate = (text: string): Parsed<string> => {
      const date = parseDate(text);
      if ('value' in date && date.value > context.today) return { error: `Beslutsdatumet ${date.value} ligger i framtiden. Ett beslut som inte är fattat är ett utkast: svara n på frågan om beslut, eller använd --utkast.` };
      return date;
    };
    beslutsdatum = await answer(given.datum, 'datum', parseDecisionDate, () => prompter.askValid('Beslutsdatum (ÅÅÅÅ-MM-DD)', 'beslutsdatum', parseDecisionDate));
    // A chef's decision has no paragraph in any minutes; an organ's does.
    const political = Boolean(config.organ(organ));
    const paragraf = political ? await answer(given.paragraf, 'paragraf', parseParagraf, () => prompter.askValid('Paragraf i protokollet (§)', 'paragraf', parseParagraf)) : fromFlag(given.paragraf, 'paragraf', parseParagraf);
    const parseDnr = (text: string): Parsed<string> => {
      const result = parseDiarienummer(text, pattern, config.data.diarienummer.exempel);
      if ('value' in result && context.usedDiarienummer.has(result.value)) return { error: `Diarienumret ${result.value} används redan av «${context.usedDiarienummer.get(result.value)}». Ett diarienummer hör till ett enda ärende.` };
      return result;
    };
    const diarienummer = await answer(given.diarienummer, 'diarienummer', parseDnr, () => prompter.askValid(`Diarienummer (till exempel ${config.data.diarienummer.exempel})`, 'diarienummer', parseDnr));
    data.beslut = { datum: beslutsdatum, ...(paragraf !== undefined ? { paragraf } : {}), diarienummer };
  }

  data.dokumentansvarig = ansvarig;

  if (kind !== 'verksamhetsplan') {
    // Optional answers: asked in a conversation, left at their default when the command is scripted.
    const from =
      fromFlag(given.fran, 'fran', parseDate) ??
      (scripted ? '' : await prompter.askValid('Gäller från (ÅÅÅÅ-MM-DD, tomt = från beslutsdatum)', 'gäller från', (t) => (t === '' ? { value: '' } : parseDate(t))));
    let till: string;
    if (rules?.giltighet === 'tills_vidare') {
      till = fromFlag(given.till, 'till', parseUntil) ?? 'tills vidare';
      if (till !== 'tills vidare') throw new UsageError(`--till: en ${typeName} gäller tills vidare enligt ${config.file}.`);
    } else {
      const limited = rules?.giltighet === 'begränsad';
      const parseTill = (text: string): Parsed<string> => {
        const result = limited ? parseDate(text) : parseUntil(text);
        if ('error' in result) return limited ? { error: `En ${typeName} gäller en begränsad period: skriv sista dagen som ÅÅÅÅ-MM-DD.` } : result;
        const start = from || beslutsdatum;
        if (result.value !== 'tills vidare' && start && result.value < start) return { error: `Sista dagen (${result.value}) ligger före den första (${start}).` };
        return result;
      };
      const flagged = fromFlag(given.till, 'till', parseTill);
      if (flagged !== undefined) till = flagged;
      else if (scripted && !limited) till = 'tills vidare';
      else till = await prompter.askValid(limited ? 'Gäller till och med (ÅÅÅÅ-MM-DD)' : 'Gäller till (ÅÅÅÅ-MM-DD eller tills vidare)', 'gäller till', parseTill, limited ? undefined : 'tills vidare');
    }
    data.giltighetstid = { ...(from ? { från: from } : {}), till };

    if (given.revision !== undefined) data.revisionsdatum = fromFlag(given.revision, 'revision', parseRevision);
    else if (rules?.revision === 'ny_mandatperiod') data.revisionsdatum = 'ny mandatperiod';
    else if (!scripted) {
      const revision = await prompter.askValid('Revisionsdatum (ÅÅÅÅ-MM-DD eller ny mandatperiod, tomt = inget)', 'revisionsdatum', (t) => (t === '' ? { value: '' } : parseRevision(t)));
      if (revision) data.revisionsdatum = revision;
    }
  }

  if (kind === 'överenskommelse' || kind === 'iop') {
    const parties = given.part?.length ? given.part.map((p) => fromFlag(p, 'part', parseRequiredText('Partens namn'))!) : [];
    if (!given.part?.length) {
      parties.push(await prompter.askValid('Motpart (organisationens namn)', 'motpart', parseRequiredText('Namnet')));
      for (;;) {
        const more = await prompter.askValid('Fler parter (namn, tomt = klart)', 'fler parter', (t) => ({ value: t.trim() }));
        if (!more) break;
        parties.push(more);
      }
    }
    const all = parties.some((p) => p.toLowerCase() === config.data.kommun.toLowerCase()) ? parties : [config.data.kommun, ...parties];
    if (all.length < 2) throw new UsageError('En överenskommelse har minst två parter: ange motparten med --part.');
    data.parter = all.map((namn) => ({ namn }));
  }

  if (kind === 'åtgärdsplan') {
    say('En åtgärdsplan har minst en åtgärd. Ange den första; fler skrivs i filen.\n');
    const text = await answer(given.atgard, 'atgard', parseRequiredText('Åtgärden', 1000), () => prompter.askValid('Åtgärd', 'åtgärd', parseRequiredText('Åtgärden', 1000)));
    const responsible = await answer(given['atgard-ansvarig'], 'atgard-ansvarig', (t) => pickChoice(t, forvaltningChoices), () => prompter.choose('Ansvarig för åtgärden', 'ansvarig', forvaltningChoices));
    const parseKlart = (t: string): Parsed<string | number> => {
      if (/^\s*löpande\s*$/i.test(t)) return { value: 'löpande' };
      if (/^\s*\d{4}\s*$/.test(t)) return parseYear(t);
      const date = parseDate(t);
      return 'value' in date ? date : { error: 'Skriv ett datum (ÅÅÅÅ-MM-DD), ett år (2025) eller löpande.' };
    };
    const klart = await answer(given['atgard-klart'], 'atgard-klart', parseKlart, () => prompter.askValid('Klart senast (datum, år eller löpande)', 'klart', parseKlart));
    const priorities: Choice<string>[] = ['hög', 'medel', 'låg'].map((p) => ({ value: p, label: p, aliases: [slugify(p)] }));
    const prioritet = await answer(given['atgard-prioritet'], 'atgard-prioritet', (t) => pickChoice(t, priorities), () => prompter.choose('Prioritet', 'prioritet', priorities));
    data.åtgärder = [{ id: slugify(text, 40) || 'atgard-1', text, ansvarig: responsible, klart, prioritet }];
  }

  if (kind === 'verksamhetsplan') {
    data.nämnd = namnd;
    data.år = ar;
    data.mål = [];
  }

  const localSchemas = path.join(context.root, 'schemas');
  const modeline = schemaModeline(kind, path.join(context.root, file), existsSync(localSchemas) ? localSchemas : SCHEMA_DIR);
  return { file, text: documentText({ kind, data, modeline, body: bodyTemplate(kind) }) };
}

/** Refusal to touch a file that exists: `styrdok new` never overwrites. */
export class FileRefused extends UsageError {
  constructor(readonly file: string) {
    super(`Filen ${file} finns redan. styrdok new skriver aldrig över en fil: välj ett annat id med --id, eller redigera den befintliga filen.`);
  }
}

/** Headings to start from; the HTML comments do not show on the site. */
function bodyTemplate(kind: Dokumenttyp): string {
  const sections = kind === 'verksamhetsplan' ? ['Inledning', 'Nämndens mål'] : ['Bakgrund', 'Syfte', 'Omfattning', 'Ansvar och uppföljning'];
  return sections.map((s) => `## ${s}\n\n<!-- Skriv texten här. -->`).join('\n\n');
}
