// In src/load/ because the parse cache keeps the messages made with it, and hashes the code of this folder.
import type { Span } from '../model/diagnostic.js';
/**
 * Characters an editor does not show, or shows as an ordinary space, but that make a value another value:
 * an id with a zero-width space after it names no document, and the message «trygghetsstrategi-2024-2026»
 * looks exactly like the id that exists. They come along when text is pasted from Word or a web page.
 * Format characters (Unicode Cf: zero-width spaces, joiners, soft hyphens, byte order marks, direction
 * marks and overrides) and the spaces that are not U+0020.
 */
const OTHER_SPACES = '\\u00a0\\u1680\\u2000-\\u200a\\u202f\\u205f\\u3000';
const HIDDEN = new RegExp(`[\\p{Cf}\\u2028\\u2029${OTHER_SPACES}]`, 'u');
const HIDDEN_ALL = new RegExp(HIDDEN.source, 'gu');
/** A format character, unless it is the joiner between two emoji (kept whole: emoji, then joiner). */
const FORMAT_OUTSIDE_EMOJI = /(\p{Extended_Pictographic}\ufe0f?\u200d)(?=\p{Extended_Pictographic})|\p{Cf}/gu;
const SPACES_AT_ENDS = new RegExp(`^[${OTHER_SPACES}]+|[${OTHER_SPACES}]+$`, 'gu');
/** A value a message quotes: the «» that every Swedish message puts around it. */
const QUOTED = /«([^«»]*)»/g;

const NAMES: Record<string, string> = {
  '\u00a0': 'hårt blanksteg',
  '\u202f': 'smalt hårt blanksteg',
  '\u00ad': 'mjukt bindestreck',
  '\u200b': 'nollbreddsblanksteg',
  '\u200c': 'osynlig avskiljare',
  '\u200d': 'osynlig sammanfogare',
  '\u2060': 'osynlig ordsammanfogare',
  '\ufeff': 'byteordningsmärke',
  '\u2028': 'radavgränsare',
  '\u2029': 'styckeavgränsare',
};
/** Marks and overrides of the writing direction: besides hiding, they can show a text in another order. */
const DIRECTION = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;
const SPACE = /[\u1680\u2000-\u200a\u205f\u3000]/u;

/** A character's code point as Unicode writes it, e.g. «U+200B». */
export function codePoint(char: string): string {
  return `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** What the character is called in Swedish, and its code point, e.g. «nollbreddsblanksteg (U+200B)». */
export function hiddenCharacterName(char: string): string {
  const name = NAMES[char] ?? (DIRECTION.test(char) ? 'tecken för skrivriktning' : SPACE.test(char) ? 'ovanligt blanksteg' : 'osynligt formateringstecken');
  return `${name} (${codePoint(char)})`;
}

export function hasHiddenCharacter(text: string): boolean {
  return HIDDEN.test(text);
}

/** Offset of the first hidden character in `text` at or after `from`, or -1. */
export function firstHiddenCharacter(text: string, from = 0): number {
  HIDDEN_ALL.lastIndex = from;
  const match = HIDDEN_ALL.exec(text);
  return match ? match.index : -1;
}

/**
 * A value without what pasted text leaves hidden in it, for `check --fix`: format characters anywhere (but a
 * joiner inside an emoji sequence), and unusual spaces at its ends. Unusual spaces inside stay: sv-SE writes
 * 10 000 and § 169 with hard spaces.
 */
export function withoutHiddenCharacters(value: string): string {
  return value.replace(FORMAT_OUTSIDE_EMOJI, (match, emoji?: string) => emoji ?? '').replace(SPACES_AT_ENDS, '');
}

/**
 * `text` without format characters (soft hyphens, zero-width spaces, direction marks …), for what is taken from
 * a word processor into a field that is no running text: a header line, a title, an id made from a title.
 */
export function withoutFormatCharacters(text: string): string {
  return text.replace(/\p{Cf}/gu, '');
}

/** `text` with each hidden character written as its code point, <U+200B>; `seen` collects the characters. */
export function markHiddenCharacters(text: string, seen?: Set<string>): string {
  return text.replace(HIDDEN_ALL, (char) => {
    seen?.add(char);
    return `<${codePoint(char)}>`;
  });
}

/**
 * A message whose quoted values show their hidden characters as <U+200B>, followed by a sentence that names
 * them and says what to do. Text outside «» is left alone: the message's own words may hold a hard space
 * (sv-SE writes 10 000 with one). A message without hidden characters in its quotes comes back unchanged.
 */
export function showHiddenCharacters(message: string): string {
  if (!HIDDEN.test(message)) return message;
  const found = new Set<string>();
  const shown = message.replace(QUOTED, (quote: string, value: string) => (HIDDEN.test(value) ? `«${markHiddenCharacters(value, found)}»` : quote));
  if (found.size === 0) return message;
  const names = [...found].map(hiddenCharacterName);
  const listed = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} och ${names.at(-1)}`;
  const one = found.size === 1;
  const marker = one ? `<${codePoint([...found][0]!)}>` : '<U+…>';
  return (
    `${shown} Värdet innehåller ${one ? 'ett dolt tecken' : 'dolda tecken'}, ${listed}, här ${one ? 'visat' : 'visade'} som ${marker}: ` +
    `${one ? 'det syns' : 'de syns'} inte i en editor, eller ser ut som ett blanksteg, men gör värdet till ett annat. ` +
    `Sådana tecken följer ofta med när text klistras in från Word eller en webbsida; ta bort ${one ? 'tecknet' : 'tecknen'} eller skriv värdet för hand.`
  );
}

/**
 * The first hidden character on `line` of `text` at or after `fromColumn` (1-based), with its column, if there
 * is one. Walks to the line rather than listing every line: it is asked once per finding.
 */
export function hiddenOnLine(text: string, line: number, fromColumn = 1): { column: number; char: string } | undefined {
  let lineStart = 0;
  for (let at = 1; at < line; at++) {
    const end = text.indexOf('\n', lineStart);
    if (end < 0) return undefined;
    lineStart = end + 1;
  }
  const lineEnd = text.indexOf('\n', lineStart) < 0 ? text.length : text.indexOf('\n', lineStart);
  const found = firstHiddenCharacter(text, lineStart + fromColumn - 1);
  return found < 0 || found >= lineEnd ? undefined : { column: found - lineStart + 1, char: text[found]! };
}

/** The span of the one character at `column` of `line`. */
export function characterSpan(line: number, column: number): Span {
  return { start: { line, column }, end: { line, column: column + 1 } };
}

/**
 * A YAML finding on a line with a hidden character: YAML quotes no value, so the character is named here, and
 * the finding moved to it. A hard space after a key's colon is no space to YAML: «beslutande_organ: x» with
 * one reads as a key that runs on over lines, and the line looks exactly right.
 */
export function explainHiddenOnLine(text: string, span: Span, message: string): { span: Span; message: string } {
  const { line } = span.start;
  const hidden = hiddenOnLine(text, line);
  if (!hidden) return { span, message };
  return {
    span: characterSpan(line, hidden.column),
    message:
      `${message} På raden står ett dolt tecken, ${hiddenCharacterName(hidden.char)}, på kolumn ${hidden.column}. Det syns inte i en editor, och YAML ` +
      'räknar det inte som ett mellanslag: det kan vara orsaken. Skriv ett vanligt mellanslag i stället, eller ta bort tecknet.',
  };
}
