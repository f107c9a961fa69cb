import type { Span } from '../model/diagnostic.js';
import { startsOfLines } from './line-starts.js';

/** What is wrong with a file's bytes as UTF-8 text, where, and what to do; undefined when nothing is. */
export interface EncodingProblem {
  span: Span;
  message: string;
}

const UTF16_LE = [0xff, 0xfe];
const UTF16_BE = [0xfe, 0xff];

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}

/** The UTF-16 a byte order mark says the bytes are in (Notepad's «Unicode»), or undefined. */
export function utf16Of(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (startsWith(bytes, UTF16_LE)) return 'utf-16le';
  if (startsWith(bytes, UTF16_BE)) return 'utf-16be';
  return undefined;
}

/**
 * Files a clerk's tools save in another encoding: Notepad's «Unicode» is UTF-16 with a byte order mark, and
 * its «ANSI» (or an old Word export) is Windows-1252, where ä is the single byte 0xE4. Said by name, with the
 * line and column of the first byte that is not UTF-8, so the clerk can see which character it was.
 */
export function encodingProblem(bytes: Uint8Array): EncodingProblem | undefined {
  const start = { start: { line: 1, column: 1 } };
  if (utf16Of(bytes)) {
    return {
      span: start,
      message: 'Filen är sparad som UTF-16 (i Anteckningar kallat «Unicode»), inte UTF-8. Spara den som UTF-8 i din editor (ofta under Spara som → Kodning).',
    };
  }
  if (bytes.includes(0)) {
    if (looksLikeUtf16(bytes)) {
      return { span: start, message: 'Filen verkar vara sparad som UTF-16 (kallat «Unicode»), utan märke i början, inte som UTF-8. Spara den som UTF-8 i din editor (ofta under Spara som → Kodning).' };
    }
    return { span: start, message: 'Filen är binär, inte text. Ett styrdokument ska vara en Markdown-fil (.md) i UTF-8.' };
  }
  const valid = validPrefixLength(bytes);
  if (valid === bytes.length) return undefined;
  const before = new TextDecoder('utf-8').decode(bytes.subarray(0, valid));
  const starts = startsOfLines(before);
  const line = starts.length;
  const column = before.length - starts[line - 1]! + 1;
  const byte = bytes[valid]!;
  const asAnsi = new TextDecoder('windows-1252').decode(bytes.subarray(valid, valid + 1));
  const hex = `0x${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  const guess = /^[\p{L}\p{N}\p{P}\p{S}]$/u.test(asAnsi) ? `, som i Windows-1252 (ANSI) är «${asAnsi}»` : '';
  return {
    span: { start: { line, column } },
    message:
      `Filen är inte sparad som UTF-8: på rad ${line}, kolumn ${column} står byten ${hex}${guess}. ` +
      'Spara filen som UTF-8 i din editor (ofta under Spara som → Kodning) och kontrollera sedan å, ä och ö.',
  };
}

/**
 * UTF-16 without a byte order mark, as some tools save it: text in the Latin alphabet then has a zero byte
 * in every other place (after each letter, or before it). Judged on the first 4 KB: nine in ten pairs so, and
 * the other byte of most pairs not zero. An image or a zip file does not look like that.
 */
function looksLikeUtf16(bytes: Uint8Array): boolean {
  const pairs = Math.min(bytes.length, 4096) >> 1;
  if (pairs < 4) return false;
  let zeroAfter = 0;
  let zeroBefore = 0;
  for (let i = 0; i < pairs; i++) {
    const [first, second] = [bytes[2 * i]!, bytes[2 * i + 1]!];
    if (first !== 0 && second === 0) zeroAfter++;
    else if (first === 0 && second !== 0) zeroBefore++;
  }
  return Math.max(zeroAfter, zeroBefore) >= pairs * 0.9;
}

/**
 * Offset of the first character that is not UTF-8: the end when all are. A decoder in stream mode accepts a
 * prefix that ends inside a character, so validity only shrinks as the prefix grows: halving finds the
 * longest valid prefix in ~21 decodes of at most 2 MB, and runs only for a file already known to be broken.
 * The bad character then starts where that prefix's unfinished character does (Windows-1252's ä, 0xE4, looks
 * like the start of a three-byte character until the byte after it), or right after the prefix.
 */
function validPrefixLength(bytes: Uint8Array): number {
  const validUpTo = (length: number) => {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, length), { stream: true });
      return true;
    } catch {
      return false;
    }
  };
  let low = 0;
  let high = bytes.length + 1;
  // validUpTo(low) holds, and validUpTo(high) does not (or high is past the end).
  while (high - low > 1) {
    const mid = (low + high) >> 1;
    if (validUpTo(mid)) low = mid;
    else high = mid;
  }
  return unfinishedFrom(bytes, low);
}

/** Where the character cut off at `end` starts, or `end` when none is. */
function unfinishedFrom(bytes: Uint8Array, end: number): number {
  for (let at = end - 1; at >= Math.max(0, end - 3); at--) {
    const byte = bytes[at]!;
    if ((byte & 0xc0) === 0x80) continue;
    const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return at + length > end ? at : end;
  }
  return end;
}
