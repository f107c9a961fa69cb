import { isIsoDate } from '../corpus/dates.js';
import type { Parsed } from './prompt.js';

/**
 * A date written year first with one or two digits for month and day, "2023-12-8" or "2023.12.08", as
 * ÅÅÅÅ-MM-DD. Only the year-first order is accepted: "8/12/2023" could be the 8th of December or the 12th
 * of August, and is left alone. Undefined when the text is no such date or the day does not exist.
 */
export function normalizeDate(text: string): string | undefined {
  const m = /^\s*(\d{4})([-./])(\d{1,2})\2(\d{1,2})\s*$/.exec(text);
  if (!m) return undefined;
  const iso = `${m[1]}-${m[3]!.padStart(2, '0')}-${m[4]!.padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : undefined;
}

export function parseDate(text: string): Parsed<string> {
  const iso = normalizeDate(text);
  if (iso) return { value: iso };
  if (/^\s*\d{4}-\d{1,2}-\d{1,2}\s*$/.test(text)) return { error: `Datumet ${text.trim()} finns inte i kalendern. Kontrollera månad och dag.` };
  return { error: `Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2023-12-18, inte «${text}».` };
}

/**
 * A diarienummer as the kommun's pattern wants it: "ks/2023:309" and "KS / 2023 : 309" → "KS/2023:309".
 * Undefined when the tidied text still does not match the pattern: then nothing is guessed.
 */
export function normalizeDiarienummer(text: string, pattern: RegExp): string | undefined {
  const trimmed = text.trim();
  if (pattern.test(trimmed)) return trimmed;
  const m = /^([\p{L}]+)\s*[/ ]\s*(\d{4})\s*:\s*(\d+)$/u.exec(trimmed);
  if (!m) return undefined;
  const candidate = `${m[1]!.toUpperCase()}/${m[2]}:${m[3]}`;
  return pattern.test(candidate) ? candidate : undefined;
}

export function parseDiarienummer(text: string, pattern: RegExp, example: string): Parsed<string> {
  const value = normalizeDiarienummer(text, pattern);
  return value ? { value } : { error: `Diarienumret «${text}» har inte kommunens format. Skriv det som i diariet, till exempel ${example}.` };
}

/** A paragraph of the minutes: "169", "§ 169" or "§169". */
export function parseParagraf(text: string): Parsed<number> {
  const m = /^\s*(?:§\s*)?(\d+)\s*$/.exec(text);
  const n = m ? Number(m[1]) : NaN;
  return Number.isSafeInteger(n) && n >= 1 ? { value: n } : { error: `Skriv paragrafen som ett heltal, till exempel 169 för § 169, inte «${text}».` };
}

export function parseYear(text: string): Parsed<number> {
  const n = Number(text.trim());
  return Number.isInteger(n) && n >= 1900 && n <= 2200 ? { value: n } : { error: `Skriv året med fyra siffror, till exempel 2026, inte «${text}».` };
}

/** "tills vidare" (any case) or a date. */
export function parseUntil(text: string): Parsed<string> {
  if (/^\s*tills\s+vidare\s*$/i.test(text)) return { value: 'tills vidare' };
  const date = parseDate(text);
  return 'value' in date ? date : { error: `Skriv ett datum (ÅÅÅÅ-MM-DD) eller tills vidare, inte «${text}».` };
}

/** "ny mandatperiod" (any case) or a date. */
export function parseRevision(text: string): Parsed<string> {
  if (/^\s*ny\s+mandatperiod\s*$/i.test(text)) return { value: 'ny mandatperiod' };
  const date = parseDate(text);
  return 'value' in date ? date : { error: `Skriv ett datum (ÅÅÅÅ-MM-DD) eller ny mandatperiod, inte «${text}».` };
}

export function parseRequiredText(what: string, maxLength = 300): (text: string) => Parsed<string> {
  return (text) => {
    const value = text.trim().replace(/\s+/g, ' ');
    if (!value) return { error: `${what} får inte vara tom.` };
    if (value.length > maxLength) return { error: `${what} är ${value.length} tecken; högst ${maxLength} får plats.` };
    return { value };
  };
}

export function parseYesNo(text: string): Parsed<boolean> {
  const t = text.trim().toLowerCase();
  if (['j', 'ja', 'y', 'yes'].includes(t)) return { value: true };
  if (['n', 'nej', 'no'].includes(t)) return { value: false };
  return { error: 'Svara j (ja) eller n (nej).' };
}
