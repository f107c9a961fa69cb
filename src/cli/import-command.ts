import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { findConfigFile, loadConfig } from '../config/load-config.js';
import { noConfigMessage } from '../engine/projects.js';
import { utf16Of } from '../load/encoding.js';
import { ConfigError } from '../engine/load-project.js';
import { documentPath, schemaModeline } from '../authoring/conventions.js';
import { DocxError, docxToMarkdown } from '../authoring/docx-to-markdown.js';
import { importLines, type ImportNote } from '../authoring/import-document.js';
import { FileExistsError, writeFileAtomic } from '../authoring/write-file.js';
import { SCHEMA_DIR } from '../schema/schema-files.js';
import { DEFAULT_MAX_FILE_BYTES, megabytes } from '../load/read-files.js';
import type { CommandIO } from './check-command.js';
import { EXIT_FINDINGS, EXIT_OK, UsageError } from './exit-codes.js';
import { parseOptions } from './options.js';

export const IMPORT_HELP = `Användning: styrdok import FIL [flaggor]

Gör om ett befintligt styrdokument till Markdown med frontmatter. FIL är en Word-fil
(.docx) eller ren text (.txt) med dokumenthuvudet som i ett tryckt styrdokument:

  Dokumenttyp:        Strategi
  Beslutande organ:   Kommunstyrelsen
  Beslutsdatum:       2023-12-18 § 169, KS/2023:309
  …

Huvudets uppgifter blir frontmatter (organ och förvaltning som id ur konfigurationen),
rubriker, listor och tabeller följer med. Det som inte går att föra över rapporteras med
sin rad och ligger kvar som kommentar, så att ingen text försvinner.

Flaggor:
  --out FIL        skriv dokumentet till FIL (standard: skriv det på standard ut);
                   en befintlig fil skrivs aldrig över
  --titel TEXT     dokumentets titel (standard: från försättsbladet)
  --id ID          dokumentets id (standard: av titeln)
  --typ TYP        dokumenttyp, när huvudet saknar den
  --config FIL     konfigurationsfilen (standard: styrdok.config.yaml i strategy/ eller ovanför)
  -h, --help       visa den här hjälpen

Slutkoder: 0 allt fördes över, 1 dokumentet skrevs men något behöver fyllas i för hand
(se meddelandena), 2 felaktig användning, oläslig fil, konfiguration eller internt fel.`;

function loadProjectConfig(cwd: string, configFile: string | undefined) {
  const start = existsSync(path.join(cwd, 'strategy')) ? path.join(cwd, 'strategy') : cwd;
  const file = configFile ? path.resolve(cwd, configFile) : findConfigFile(start);
  if (!file) throw new UsageError(noConfigMessage(cwd, start));
  const loaded = loadConfig(file, cwd);
  if (!loaded.config) throw new ConfigError(loaded.diagnostics);
  return loaded.config;
}

function noteLine(file: string, note: ImportNote): string {
  const where = note.line ? `${file}:${note.line}` : file;
  return `${where}: ${note.kind === 'omappat' ? 'ej överfört' : 'obs'}: ${note.message}`;
}

export async function runImport(args: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parseOptions(args, {
    out: { type: 'string' },
    titel: { type: 'string' },
    id: { type: 'string' },
    typ: { type: 'string' },
    config: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout(IMPORT_HELP + '\n');
    return EXIT_OK;
  }
  if (positionals.length !== 1) throw new UsageError('Ange en fil att importera, till exempel styrdok import trygghetsstrategi.docx --out strategy/strategier/trygghetsstrategi.md.');
  const input = positionals[0]!;
  const inputPath = path.resolve(io.cwd, input);
  if (!existsSync(inputPath)) throw new UsageError(`Filen ${input} finns inte.`);
  if (!statSync(inputPath).isFile()) throw new UsageError(`${input} är en mapp eller något annat än en fil. Ange dokumentets fil (.docx eller text).`);
  const outPath = values.out ? path.resolve(io.cwd, values.out) : undefined;
  if (outPath && existsSync(outPath)) throw new UsageError(`Filen ${values.out} finns redan. styrdok import skriver aldrig över en fil: välj ett annat namn eller ta bort den först.`);
  const config = loadProjectConfig(io.cwd, values.config);

  const bytes = readFileSync(inputPath);
  let lines: string[];
  let source: 'text' | 'markdown';
  const notes: string[] = [];
  if (/\.docx$/i.test(input)) {
    let converted;
    try {
      converted = await docxToMarkdown(bytes);
    } catch (error) {
      if (error instanceof DocxError) throw new UsageError(`${input} kan inte importeras: ${error.message}.`);
      // mammoth's own reasons are in English and name its internals: the clerk gets what to do.
      throw new UsageError(`${input} kunde inte läsas som en Word-fil (.docx): den är skadad eller sparad i ett annat format. Öppna den i Word, spara som .docx och försök igen.`);
    }
    for (const note of converted.notes) notes.push(`${input}: obs: ${note}`);
    lines = converted.markdown.split('\n');
    source = 'markdown';
  } else {
    if (/\.doc$/i.test(input)) throw new UsageError(`${input} är en äldre Word-fil (.doc). Spara den som .docx i Word och importera den filen.`);
    // A text saved by Notepad as «Unicode» is UTF-16 with a byte order mark: read as what it is, unlike a
    // document in the repository, which must be UTF-8 (load/encoding.ts).
    const utf16 = utf16Of(bytes);
    if (!utf16 && bytes.includes(0)) throw new UsageError(`${input} är en binär fil, inte text. Importera en .docx eller en textfil.`);
    let text: string;
    try {
      text = new TextDecoder(utf16 ?? 'utf-8', { fatal: true }).decode(bytes);
    } catch {
      if (utf16) throw new UsageError(`${input} är sparad som UTF-16 men går inte att läsa som det: filen är avkortad eller skadad. Spara den igen, helst som UTF-8.`);
      text = new TextDecoder('windows-1252').decode(bytes);
      notes.push(`${input}: obs: Filen var inte UTF-8 och lästes som Windows-1252. Kontrollera å, ä och ö.`);
    }
    lines = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n');
    source = 'text';
  }

  const localSchemas = path.join(io.cwd, 'schemas');
  const schemaDir = existsSync(localSchemas) ? localSchemas : SCHEMA_DIR;
  const result = importLines(lines, {
    config,
    source,
    fileName: path.basename(input),
    ...(values.titel !== undefined ? { titel: values.titel } : {}),
    ...(values.id !== undefined ? { id: values.id } : {}),
    ...(values.typ !== undefined ? { typ: values.typ } : {}),
    modeline: (kind, id) => {
      // Written to standard out, the document is meant for its place under strategy/.
      const target = outPath ?? path.join(io.cwd, documentPath(kind ?? 'policy', id));
      return schemaModeline(kind, target, schemaDir);
    },
  });

  // Refused here, not by the check after it: the clerk would otherwise be told all went well.
  const size = Buffer.byteLength(result.text);
  if (size > DEFAULT_MAX_FILE_BYTES) {
    throw new UsageError(
      `${input} blir ${megabytes(size)} MB som Markdown, mer än de ${megabytes(DEFAULT_MAX_FILE_BYTES)} MB ett styrdokument får vara. Dela upp dokumentet och importera delarna; bilagor hör hemma utanför förrådet.`,
    );
  }
  if (outPath) {
    try {
      writeFileAtomic(outPath, result.text, { overwrite: false });
    } catch (error) {
      if (error instanceof FileExistsError) throw new UsageError(`Filen ${values.out} finns redan. styrdok import skriver aldrig över en fil.`);
      throw error;
    }
  } else {
    io.stdout(result.text);
  }
  for (const note of result.notes) notes.push(noteLine(input, note));
  const unmapped = result.notes.filter((n) => n.kind === 'omappat').length;
  const schemaProblems = result.notes.filter((n) => n.message.startsWith('Frontmatter klarar inte schemat')).length;
  const suggestion = result.kind && typeof result.data.id === 'string' ? documentPath(result.kind, result.data.id) : undefined;
  const summary = [
    outPath ? `Skrev ${path.relative(io.cwd, outPath).split(path.sep).join('/')}.` : undefined,
    unmapped || schemaProblems ? `${unmapped} uppgifter fördes inte över och ${schemaProblems} saknas eller är fel i frontmatter: fyll i dem och kör styrdok check.` : 'Alla uppgifter i dokumenthuvudet fördes över.',
    suggestion && (!outPath || path.relative(io.cwd, outPath).split(path.sep).join('/') !== suggestion) ? `Dokumentet hör hemma i ${suggestion}.` : undefined,
  ].filter(Boolean);
  io.stderr([...notes, ...summary].join('\n') + '\n');
  return unmapped || schemaProblems ? EXIT_FINDINGS : EXIT_OK;
}
