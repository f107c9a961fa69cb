import type { ErrorCode } from 'yaml';
import { clip } from './clip.js';

/** Swedish wording for the YAML parser's error codes; the parser's own English text is the fallback. */
const MESSAGES: Partial<Record<ErrorCode, string>> = {
  DUPLICATE_KEY: 'Nyckeln finns redan tidigare i samma avsnitt. Ta bort en av dem, eller slå ihop värdena.',
  TAB_AS_INDENT: 'Tabbtecken används som indrag. YAML kräver mellanslag: ersätt tabben med mellanslag.',
  BAD_INDENT: 'Fel indrag. Rader på samma nivå ska börja i samma kolumn; använd mellanslag.',
  MISSING_CHAR: 'Ett tecken saknas, ofta ett avslutande citattecken eller en hakparentes.',
  BLOCK_AS_IMPLICIT_KEY: 'En nyckel saknar kolon, eller ett värde står på fel nivå. Skriv nyckel: värde.',
  MULTILINE_IMPLICIT_KEY: 'En nyckel sträcker sig över flera rader. Avsluta nyckeln med kolon på samma rad.',
  UNEXPECTED_TOKEN: 'Oväntat tecken. Kontrollera kolon, citattecken och indrag på raden.',
  BAD_SCALAR_START: 'Värdet börjar med ett tecken som har särskild betydelse i YAML. Sätt värdet inom citattecken.',
  BAD_DQ_ESCAPE: 'Ogiltig escape-sekvens inom dubbla citattecken. Använd enkla citattecken i stället.',
  TAG_RESOLVE_FAILED: 'Okänd YAML-tagg (som !tagg). Ta bort taggen: styrdok använder bara vanliga värden.',
  NON_STRING_KEY: 'En nyckel måste vara text.',
  KEY_OVER_1024_CHARS: 'En nyckel är längre än 1 024 tecken.',
  RESOURCE_EXHAUSTION: 'YAML-texten är för stor eller för djupt nästlad för att läsas.',
  BAD_ALIAS: 'Alias (*namn) pekar på ett ankare som inte finns.',
  MULTIPLE_ANCHORS: 'Ett värde har flera ankare (&namn).',
  MULTIPLE_TAGS: 'Ett värde har flera taggar.',
  BLOCK_IN_FLOW: 'En blocklista eller blockmappning står inom [ ] eller { }.',
};

/** The line where a parser error starts, and the non-blank line before it, if any. */
export interface ErrorLines {
  line: string;
  previous?: string;
}

/** Errors the parser gives for a key written without its colon: it sees a key that never ends. */
function isUnendedKey(code: ErrorCode, original: string): boolean {
  return code === 'MULTILINE_IMPLICIT_KEY' || code === 'BLOCK_AS_IMPLICIT_KEY' || (code === 'MISSING_CHAR' && original.startsWith('Implicit map keys need to be followed by map values'));
}

/**
 * The Swedish message for a parser error. With the lines around it, the commonest mistake is named with its
 * fix: a key written without its colon ("sammanfattning Text"). A line that follows a `nyckel: värde` line
 * at the same indent may instead be the value going on, not indented: then both fixes are given.
 */
export function yamlMessage(code: ErrorCode, original: string, lines?: ErrorLines, place = 'Frontmatter'): string {
  const missingColon = lines && isUnendedKey(code, original) ? /^\s*(?:- )?([\p{L}_][\p{L}\p{N}_]*) +([^:#\s][^:#]*?)\s*$/u.exec(lines.line) : null;
  if (missingColon) {
    const key = clip(missingColon[1]!);
    const value = clip(missingColon[2]!);
    // A value that goes on is written at its key's indent, not less; a line less indented starts a new key.
    const indent = (text: string) => /^\s*/.exec(text)![0].length;
    const afterValue = lines?.previous !== undefined && indent(lines.previous) === indent(lines.line) && /^\s*(?:- )?[\p{L}_][\p{L}\p{N}_]*:[ \t]+[^\s|>]/u.test(lines.previous);
    return afterValue
      ? `Raden saknar kolon, eller fortsätter värdet från raden ovanför. Är «${key}» en nyckel, skriv «${key}: ${value}»; hör texten till värdet ovanför, dra in raden med två mellanslag.`
      : `Raden saknar kolon efter nyckeln «${key}». Skriv «${key}: ${value}».`;
  }
  if (code === 'MULTIPLE_DOCS') return `${place} får bara innehålla ett YAML-dokument. Ta bort raden med --- eller ... i mitten.`;
  const firstLine = original.split('\n')[0] ?? original;
  return MESSAGES[code] ?? `YAML-fel: ${firstLine}`;
}
