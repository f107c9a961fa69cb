import path from 'node:path';
import { checkProject } from '../engine/load-project.js';
import { createDocument, FileRefused, type NewAnswers } from '../authoring/new-document.js';
import { Prompter } from '../authoring/prompt.js';
import { FileExistsError, writeFileAtomic } from '../authoring/write-file.js';
import { pretty } from '../report/formatters/pretty.js';
import type { CommandIO } from './check-command.js';
import { EXIT_FINDINGS, EXIT_OK } from './exit-codes.js';
import { parseDateOption, parseOptions } from './options.js';
import { VERSION } from './version.js';

export const NEW_HELP = `Användning: styrdok new [flaggor]

Skapar ett nytt styrdokument: frågar efter dokumenttyp, titel, ansvarig förvaltning och
beslutet, och skriver filen där den ska ligga, strategy/<mapp för typen>/<id>.md.
Filens uppgifter klarar kontrollen från början. En befintlig fil skrivs aldrig över.

Varje svar kan också ges som flagga; då frågas det inte efter. Med --typ och --titel
frågas bara det som krävs; frivilliga uppgifter (gäller från, revisionsdatum) utelämnas.
  --typ TYP              policy, strategi, riktlinje, anvisning, rutin, åtgärdsplan,
                         överenskommelse, iop eller verksamhetsplan
  --titel TEXT           dokumentets titel
  --id ID                filens namn och dokumentets id (standard: av titeln, å/ä → a, ö → o)
  --ansvarig FÖRVALTNING dokumentansvarig förvaltning, id eller namn
  --organ ORGAN          beslutande organ, id eller namn (bland dem som får anta typen)
  --datum ÅÅÅÅ-MM-DD     beslutsdatum
  --paragraf N           paragraf i protokollet
  --diarienummer DNR     ärendets diarienummer som i diariet, i kommunens format
                         (diarienummer.exempel i styrdok.config.yaml)
  --utkast               ett utkast, utan beslut
  --fran ÅÅÅÅ-MM-DD      gäller från (standard: från beslutsdatum)
  --till DATUM           gäller till: ÅÅÅÅ-MM-DD eller "tills vidare"
  --revision DATUM       revisionsdatum: ÅÅÅÅ-MM-DD eller "ny mandatperiod"
  --namnd NÄMND          nämnden (verksamhetsplan)
  --ar ÅÅÅÅ              verksamhetsåret (verksamhetsplan)
  --part NAMN            en part i avtalet (överenskommelse, iop); upprepa för fler
  --atgard TEXT          den första åtgärden (åtgärdsplan), med --atgard-ansvarig,
                         --atgard-klart och --atgard-prioritet
Övriga flaggor:
  --mapp MAPP            mappen med styrdokumenten (standard: strategy)
  --config FIL           konfigurationsfilen (standard: styrdok.config.yaml i mappen eller ovanför)
  --today ÅÅÅÅ-MM-DD     dagen som kontrollen räknar från (standard: i dag)
  -h, --help             visa den här hjälpen

Slutkoder: 0 filen skapad och utan fel, 1 filen skapad men kontrollen hittade fel,
2 felaktig användning (till exempel att filen redan finns), konfiguration eller internt fel.`;

export async function runNew(args: string[], io: CommandIO): Promise<number> {
  const { values } = parseOptions(args, {
    typ: { type: 'string' },
    titel: { type: 'string' },
    id: { type: 'string' },
    ansvarig: { type: 'string' },
    organ: { type: 'string' },
    datum: { type: 'string' },
    paragraf: { type: 'string' },
    diarienummer: { type: 'string' },
    utkast: { type: 'boolean' },
    fran: { type: 'string' },
    till: { type: 'string' },
    revision: { type: 'string' },
    namnd: { type: 'string' },
    ar: { type: 'string' },
    part: { type: 'string', multiple: true },
    atgard: { type: 'string' },
    'atgard-ansvarig': { type: 'string' },
    'atgard-klart': { type: 'string' },
    'atgard-prioritet': { type: 'string' },
    mapp: { type: 'string', default: 'strategy' },
    config: { type: 'string' },
    today: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout(NEW_HELP + '\n');
    return EXIT_OK;
  }
  const strategyDir = (values.mapp ?? 'strategy').replace(/\/+$/, '');
  const today = parseDateOption(values.today, '--today');
  const projectOptions = { cwd: io.cwd, paths: [strategyDir], ...(values.config ? { configFile: values.config } : {}), ...(today ? { today } : {}) };
  // Throws ConfigError (exit 2) when the config is missing or broken: nothing is asked then.
  const before = checkProject(projectOptions);
  const usedDiarienummer = new Map<string, string>();
  for (const doc of before.corpus.documents) if (doc.data.beslut) usedDiarienummer.set(doc.data.beslut.diarienummer, doc.data.id);
  const usedIds = new Set(before.corpus.documents.map((d) => d.data.id));

  const prompter = new Prompter(process.stdin, process.stdout);
  let result;
  try {
    result = await createDocument(values as NewAnswers, { config: before.config, root: io.cwd, strategyDir, today: before.today, usedDiarienummer, usedIds }, prompter);
  } finally {
    prompter.close();
  }
  try {
    writeFileAtomic(path.join(io.cwd, result.file), result.text, { overwrite: false });
  } catch (error) {
    if (error instanceof FileExistsError) throw new FileRefused(result.file);
    throw error;
  }
  io.stdout(`\nSkapade ${result.file}\n`);

  const after = checkProject(projectOptions);
  const own = after.diagnostics.filter((d) => d.file === result.file);
  if (own.length) io.stdout(pretty(own, { files: [result.file], rules: [], toolVersion: VERSION }));
  else io.stdout('Kontrollen hittade inga fel i det nya dokumentet. Skriv texten under frontmatter och kör styrdok check.\n');
  return own.some((d) => d.severity === 'error') ? EXIT_FINDINGS : EXIT_OK;
}
