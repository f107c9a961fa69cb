import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { lineOf, startsOfLines } from '../load/line-starts.js';
import { megabytes } from '../load/read-files.js';
import { createScanner, findNodeAtLocation, getNodeValue, ParseErrorCode, parseTree, SyntaxKind, type ParseError } from 'jsonc-parser';

/** One yearly total from Kolada (gender T), with the file and place it came from so the report can cite it. */
export interface KoladaValue {
  kpi: string;
  municipality: string;
  year: number;
  value: number;
  file: string;
  /** Where its entry starts in the file, 1-based. */
  line: number;
  column: number;
}

/** A Kolada file that cannot be used; its message names the file, and the line and column where it can. */
export class KoladaError extends Error {
  override name = 'KoladaError';
}

interface ApiEntry {
  kpi?: unknown;
  municipality?: unknown;
  period?: unknown;
  values?: { gender?: unknown; value?: unknown }[];
}

/** What each of jsonc-parser's syntax errors means, for someone who saved the file, not wrote a parser. */
const SYNTAX_ERRORS: Record<ParseErrorCode, string> = {
  [ParseErrorCode.InvalidSymbol]: 'här står något som inte hör hemma i JSON',
  [ParseErrorCode.InvalidNumberFormat]: 'talet är felskrivet',
  [ParseErrorCode.PropertyNameExpected]: 'här väntades ett namn inom citattecken',
  [ParseErrorCode.ValueExpected]: 'här väntades ett värde',
  [ParseErrorCode.ColonExpected]: 'här väntades ett kolon',
  [ParseErrorCode.CommaExpected]: 'här väntades ett kommatecken',
  [ParseErrorCode.CloseBraceExpected]: 'här väntades } som avslutar objektet',
  [ParseErrorCode.CloseBracketExpected]: 'här väntades ] som avslutar listan',
  [ParseErrorCode.EndOfFileExpected]: 'filen fortsätter efter JSON-värdets slut',
  [ParseErrorCode.InvalidCommentToken]: 'JSON får inte innehålla kommentarer',
  [ParseErrorCode.UnexpectedEndOfComment]: 'en kommentar avslutas aldrig',
  [ParseErrorCode.UnexpectedEndOfString]: 'en text saknar sitt avslutande citattecken',
  [ParseErrorCode.UnexpectedEndOfNumber]: 'ett tal tar slut för tidigt',
  [ParseErrorCode.InvalidUnicode]: 'en \\u-kod är felaktig',
  [ParseErrorCode.InvalidEscapeCharacter]: 'ett \\-tecken följs av något som inte får stå där',
  [ParseErrorCode.InvalidCharacter]: 'en text innehåller ett tecken som måste skrivas med \\, till exempel en radbrytning',
};

/**
 * How deep lists and objects may nest. Kolada's answer nests four levels; jsonc-parser reads a level by a
 * call of its own, so 300,000 nested [ (300 kB) overflowed the stack and stopped the report.
 */
export const MAX_KOLADA_DEPTH = 64;

/** The most a Kolada file may be: one answer of Kolada's for a nyckeltal over many years is a few kilobytes. */
export const MAX_KOLADA_BYTES = 20 * 1024 * 1024;

/** The offset of the first [ or { that nests deeper than MAX_KOLADA_DEPTH, found token by token without recursion. */
function tooDeepAt(text: string): number | undefined {
  const scanner = createScanner(text, true);
  let depth = 0;
  for (let token = scanner.scan(); token !== SyntaxKind.EOF; token = scanner.scan()) {
    if (token === SyntaxKind.OpenBracketToken || token === SyntaxKind.OpenBraceToken) {
      if (++depth > MAX_KOLADA_DEPTH) return scanner.getTokenOffset();
    } else if (token === SyntaxKind.CloseBracketToken || token === SyntaxKind.CloseBraceToken) depth--;
  }
  return undefined;
}

/** The 1-based line and column of an offset in `text`, columns counted as the check counts them (UTF-16 units). */
function positionsIn(text: string): (offset: number) => { line: number; column: number } {
  const starts = startsOfLines(text);
  return (offset) => {
    const line = lineOf(starts, offset);
    return { line: line + 1, column: offset - starts[line]! + 1 };
  };
}

/**
 * Reads the body Kolada's open API v2 returns for /data/kpi/{kpi}/municipality/{id}/year/{years}.
 * Only totals (gender T) with a value count; Kolada writes null where a figure is missing or hidden.
 * Parsed with jsonc-parser, strict as JSON.parse, for the place of a syntax error and of each entry:
 * JSON.parse on Node 20 gives a position for some errors only, and in English.
 */
export function parseKolada(source: string, file: string): KoladaValue[] {
  // Without the byte order mark, so that columns are those an editor shows.
  const text = source.replace(/^\uFEFF/, '');
  const positionOf = positionsIn(text);
  const at = (offset: number, message: string) => {
    const { line, column } = positionOf(offset);
    return new KoladaError(`${file}:${line}:${column}: ${message}`);
  };
  if (!text.trim()) throw at(0, 'filen är tom. Spara svaret från Kolada oförändrat.');
  const deep = tooDeepAt(text);
  if (deep !== undefined) throw at(deep, `listor och objekt är nästlade i mer än ${MAX_KOLADA_DEPTH} nivåer, och så ser inget svar från Kolada ut. Spara svaret från Kolada oförändrat.`);
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const syntax = errors[0];
  if (syntax || !root) {
    const offset = syntax?.offset ?? 0;
    // The commonest slip when a file is edited by hand: a comma left after the last item.
    const strayComma = /,\s*$/.test(text.slice(0, offset)) ? ' (ett kommatecken för mycket före?)' : '';
    const reason = syntax ? SYNTAX_ERRORS[syntax.error] ?? 'filen går inte att tolka' : 'filen går inte att tolka';
    // A download cut short ends before its value does.
    const cutShort = offset >= text.trimEnd().length ? 'filen tar slut för tidigt, ' : '';
    throw at(offset, `filen är inte giltig JSON: ${cutShort}${reason}${strayComma}. Spara svaret från Kolada oförändrat.`);
  }
  const list = root.type === 'object' ? findNodeAtLocation(root, ['values']) : undefined;
  if (list?.type !== 'array') {
    throw at(list?.offset ?? root.offset, 'filen saknar listan "values" som Kolada API v2 returnerar för /data/kpi/…/municipality/…/year/….');
  }
  const out: KoladaValue[] = [];
  (list.children ?? []).forEach((node, i) => {
    const entry = getNodeValue(node) as ApiEntry | null;
    const { kpi, municipality, period } = entry ?? {};
    if (typeof kpi !== 'string' || typeof municipality !== 'string' || typeof period !== 'number' || !Array.isArray(entry?.values)) {
      throw at(node.offset, `värde nummer ${i + 1} saknar kpi, municipality, period eller values. Spara svaret från Kolada oförändrat.`);
    }
    const total = entry.values.find((v) => v?.gender === 'T');
    if (typeof total?.value === 'number') out.push({ kpi, municipality, year: period, value: total.value, file, ...positionOf(node.offset) });
  });
  return out;
}

export function readKoladaFiles(files: readonly string[], cwd: string): KoladaValue[] {
  return files.flatMap((file) => {
    let text: string;
    try {
      const abs = path.resolve(cwd, file);
      const { size } = statSync(abs);
      if (size > MAX_KOLADA_BYTES) throw new KoladaError(`${file}: filen är ${megabytes(size)} MB, större än gränsen ${megabytes(MAX_KOLADA_BYTES)} MB för en Kolada-fil. Spara ett svar från Kolada per fil.`);
      text = readFileSync(abs, 'utf8');
    } catch (error) {
      if (error instanceof KoladaError) throw error;
      throw new KoladaError(`Kolada-filen ${file} går inte att läsa. Kontrollera sökvägen.`);
    }
    return parseKolada(text, file);
  });
}

export type KoladaIndex = Map<string, KoladaValue>;

export const koladaKey = (kpi: string, year: number): string => `${kpi}/${year}`;

/**
 * One value per nyckeltal and year. Two different figures for the same one (another kommun's, or two
 * downloads that disagree) would make the report depend on file order, so that is refused.
 */
export function indexKolada(values: readonly KoladaValue[]): KoladaIndex {
  const index: KoladaIndex = new Map();
  for (const v of values) {
    const key = koladaKey(v.kpi, v.year);
    const seen = index.get(key);
    if (seen && (seen.value !== v.value || seen.municipality !== v.municipality)) {
      throw new KoladaError(
        `Kolada-filerna ger två olika värden för ${v.kpi} år ${v.year}: ${seen.value} för kommun ${seen.municipality} (${seen.file}:${seen.line}:${seen.column}) och ${v.value} för kommun ${v.municipality} (${v.file}:${v.line}:${v.column}). Ange bara filer med kommunens egna, aktuella värden.`,
      );
    }
    if (!seen) index.set(key, v);
  }
  return index;
}
