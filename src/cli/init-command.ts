import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { defaultLedning, diarienummerPattern, kommunConfig, type KommunAnswers } from '../authoring/new-kommun.js';
import { Prompter, type Parsed } from '../authoring/prompt.js';
import { parseRequiredText } from '../authoring/values.js';
import { FileExistsError, writeFileAtomic } from '../authoring/write-file.js';
import { CONFIG_FILE_NAME } from '../config/load-config.js';
import { checkProject } from '../engine/load-project.js';
import type { CommandIO } from './check-command.js';
import { EXIT_OK, UsageError } from './exit-codes.js';
import { parseOptions } from './options.js';

export const INIT_HELP = `Användning: styrdok init [mapp] [flaggor]

Lägger upp styrdok för en ny kommun: skriver konfigurationen styrdok.config.yaml i mappen för
styrdokumenten (standard strategy/) med kommunens organ, en förvaltning för kommunstyrelsen och en
per nämnd, dokumenttypernas regler, mandatperioden och diarienumrens format, och kontrollerar den.
Frågar efter det som inte anges med flaggor; med --kommun frågas bara efter ett diarienummer
som saknas, och utan --namnd blir det inga nämnder. En befintlig konfiguration skrivs aldrig över.

  --kommun NAMN          kommunens namn som den skriver det: Sollentuna kommun, Solna stad
  --namnd NAMN           en nämnd utöver kommunstyrelsen; upprepa för fler
  --inga-namnder         inga nämnder ännu (de läggs till i konfigurationen senare)
  --ledning NAMN         förvaltningen under kommunstyrelsen (standard: Kommunledningskontoret,
                         för en stad Stadsledningsförvaltningen)
  --chef TITEL           dess chefs titel (standard: Kommundirektör, för en stad Stadsdirektör)
  --diarienummer DNR     ett diarienummer som kommunen skriver dem: KS/2023:309, KS 2023/309 …
  -h, --help             visa den här hjälpen

Slutkoder: 0 konfigurationen skriven och giltig, 2 felaktig användning (till exempel att den
redan finns) eller internt fel.`;

export async function runInit(args: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parseOptions(args, {
    kommun: { type: 'string' },
    namnd: { type: 'string', multiple: true },
    'inga-namnder': { type: 'boolean' },
    ledning: { type: 'string' },
    chef: { type: 'string' },
    diarienummer: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout(INIT_HELP + '\n');
    return EXIT_OK;
  }
  if (positionals.length > 1) throw new UsageError(`Ange en mapp, inte ${positionals.length}: styrdok init [mapp].`);
  const folder = positionals[0] ?? 'strategy';
  const configFile = path.join(folder, CONFIG_FILE_NAME);
  if (existsSync(path.resolve(io.cwd, configFile))) {
    throw new UsageError(`${configFile} finns redan, och init skriver aldrig över en konfiguration. Ändra den för hand, eller lägg upp kommunen i en annan mapp: styrdok init <mapp>.`);
  }

  const prompter = new Prompter(process.stdin, process.stdout, 'init');
  let answers: KommunAnswers;
  try {
    answers = await ask(values, prompter);
  } finally {
    prompter.close();
  }
  const schema = path.resolve(io.cwd, 'schemas', 'config.schema.json');
  const schemaPath = existsSync(schema) ? path.relative(path.resolve(io.cwd, folder), schema).split(path.sep).join('/') : undefined;
  try {
    writeFileAtomic(path.resolve(io.cwd, configFile), kommunConfig(answers, schemaPath), { overwrite: false });
  } catch (error) {
    if (error instanceof FileExistsError) throw new UsageError(`${configFile} finns redan, och init skriver aldrig över en konfiguration.`);
    throw error;
  }
  // The config as the check reads it. A fault here is styrdok's, not the answers': the file is taken away again,
  // and the config's findings say what was wrong (exit 2).
  let project;
  try {
    project = checkProject({ cwd: io.cwd, paths: [folder] });
  } catch (error) {
    rmSync(path.resolve(io.cwd, configFile), { force: true });
    throw error;
  }
  const namnder = project.config.data.organ.filter((o) => o.typ === 'nämnd').length;
  io.stdout(
    [
      '',
      `Skrev ${configFile} för ${answers.kommun}: fullmäktige, kommunstyrelsen och ${namnder} ${namnder === 1 ? 'nämnd' : 'nämnder'}, ${project.config.data.förvaltningar.length} ${project.config.data.förvaltningar.length === 1 ? 'förvaltning' : 'förvaltningar'}. Kontrollen godtar den.`,
      '',
      'Nästa steg:',
      `  1. Läs igenom ${configFile}: förkortningarna, förvaltningarna och deras chefer, och dokumenttypernas regler.`,
      '  2. Lägg in styrdokumenten: styrdok new (frågar efter uppgifterna) eller styrdok import (från Word).',
      '  3. Kontrollera dem med styrdok check, och bygg webbplatsen med npm run site.',
      '',
    ].join('\n'),
  );
  return EXIT_OK;
}

type InitValues = { kommun?: string; namnd?: string[]; 'inga-namnder'?: boolean; ledning?: string; chef?: string; diarienummer?: string };

/**
 * The answers: from the flags, and the rest asked. With --kommun given nothing is asked but a missing
 * --diarienummer (it has no default): the nämnder are none and the förvaltning the usual one, as a script wants.
 */
async function ask(values: InitValues, prompter: Prompter): Promise<KommunAnswers> {
  // A name gives ids and short names, so it needs a letter: «§§» would give neither.
  const named = (what: string) => (text: string): Parsed<string> => {
    const parsed = parseRequiredText(what, 120)(text);
    return 'value' in parsed && !/[a-zåäöA-ZÅÄÖ]/.test(parsed.value) ? { error: `${what} ska innehålla bokstäver, inte bara «${parsed.value}».` } : parsed;
  };
  const given = <T>(value: string | undefined, parse: (text: string) => Parsed<T>, flag: string): T | undefined => {
    if (value === undefined) return undefined;
    const parsed = parse(value);
    if ('error' in parsed) throw new UsageError(`${flag}: ${parsed.error}`);
    return parsed.value;
  };
  const scripted = values.kommun !== undefined;
  const kommun = given(values.kommun, named('Kommunens namn'), '--kommun') ?? (await prompter.askValid('Kommunens namn, som den skriver det (till exempel Sollentuna kommun)', 'kommunens namn', named('Kommunens namn')));
  const defaults = defaultLedning(kommun);
  let namnder = (values.namnd ?? []).map((n) => given(n, named('Nämndens namn'), '--namnd')!);
  if (!namnder.length && !values['inga-namnder'] && !scripted) {
    namnder = await prompter.askValid('Nämnderna utöver kommunstyrelsen, med komma emellan (tomt: inga ännu)', 'nämnderna', parseList, '');
  }
  const ledning =
    given(values.ledning, named('Förvaltningens namn'), '--ledning') ??
    (scripted ? defaults.ledning : await prompter.askValid('Förvaltningen under kommunstyrelsen', 'förvaltningen', named('Förvaltningens namn'), defaults.ledning));
  const chef = given(values.chef, named('Chefens titel'), '--chef') ?? (scripted ? defaults.chef : await prompter.askValid('Dess chefs titel', 'chefens titel', named('Chefens titel'), defaults.chef));
  const diarienummer = given(values.diarienummer, parseExample, '--diarienummer') ?? (await prompter.askValid('Ett diarienummer som kommunen skriver dem (till exempel KS/2023:309 eller KS 2023/309)', 'diarienumret', parseExample));
  return { kommun, namnder, ledning, chef, diarienummer };
}

function parseList(text: string): Parsed<string[]> {
  const names = text.split(/[,;\n]/).map((n) => n.trim().replace(/\s+/g, ' ')).filter(Boolean);
  const long = names.find((n) => n.length > 120);
  if (long) return { error: `«${long.slice(0, 40)}…» är för långt för ett namn på en nämnd.` };
  const unnamed = names.find((n) => !/[a-zåäöA-ZÅÄÖ]/.test(n));
  return unnamed ? { error: `«${unnamed}» är inget namn på en nämnd: ett namn ska innehålla bokstäver.` } : { value: names };
}

/** An example diarienummer: letters and digits, and a year, so that a pattern can be made of it. */
function parseExample(text: string): Parsed<string> {
  const value = text.trim();
  if (!/[A-ZÅÄÖ]/.test(value) || !/(19|20)\d\d/.test(value)) {
    return { error: `Skriv ett diarienummer som kommunen skriver dem, med registrets bokstäver och årtalet, till exempel KS/2023:309 (inte «${value}»).` };
  }
  if (!new RegExp(diarienummerPattern(value), 'u').test(value)) return { error: `styrdok kan inte göra ett mönster av «${value}». Skriv mönstret för hand i konfigurationen.` };
  return { value };
}
