// In src/load/ because the parse cache keeps what it finds, and hashes the code of this folder.
import { lineOf, startsOfLines } from './line-starts.js';

/**
 * The Unicode controls that change the writing direction of the text after them: embeddings (U+202A, U+202B),
 * overrides (U+202D, U+202E), their end (U+202C) and isolates (U+2066–U+2069). They do not show, but a line
 * with one can be displayed in another order than it is written, on the site and in a pull request's diff
 * alike (the "Trojan Source" trick). The direction marks U+200E and U+200F are not among them: they only
 * place neutral characters such as punctuation beside a name in Arabic or Hebrew script.
 */
const CONTROL = /[\u202a-\u202e\u2066-\u2069]/;
const CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;

/** A line of a file with direction controls: where the first is, and which ones the line holds. */
export interface DirectionControls {
  line: number;
  column: number;
  /** The distinct controls on the line, in the order met. */
  chars: string;
}

/** At most this many lines are listed: a hostile file could hold one on every line. */
export const MAX_LINES_LISTED = 50;

/**
 * The lines of `text` (a whole file, without its byte-order mark) that hold direction controls, in file
 * coordinates, the first MAX_LINES_LISTED of them. Linear, and one test of the text when it has none.
 */
export function directionControls(text: string): DirectionControls[] {
  if (!CONTROL.test(text)) return [];
  const starts = startsOfLines(text);
  const found: DirectionControls[] = [];
  for (const match of text.matchAll(CONTROLS)) {
    const index = lineOf(starts, match.index);
    const last = found.at(-1);
    if (last && last.line === index + 1) {
      if (!last.chars.includes(match[0])) last.chars += match[0];
      continue;
    }
    if (found.length === MAX_LINES_LISTED) break;
    found.push({ line: index + 1, column: match.index - starts[index]! + 1, chars: match[0] });
  }
  return found;
}

/** `text` without direction controls, for `check --fix`. */
export function withoutDirectionControls(text: string): string {
  return text.replace(CONTROLS, '');
}
