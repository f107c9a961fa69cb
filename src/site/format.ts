import { swedishDate, type IsoDate } from '../corpus/dates.js';
import { parsePeriod } from '../followup/periods.js';
import type { DocumentData } from '../model/document.js';

export { swedishDate };

/** "2023-12-18 § 169, KS/2023:309", as the printed header block writes the decision. */
export function decisionText(beslut: NonNullable<DocumentData['beslut']>): string {
  const paragraph = beslut.paragraf === undefined ? '' : ` § ${beslut.paragraf}`;
  return `${beslut.datum}${paragraph}, ${beslut.diarienummer}`;
}

export function lawText(value: DocumentData['antagen_till_följd_av_lag']): string | undefined {
  if (value === undefined) return undefined;
  if (value === true) return 'Ja';
  if (value === false) return 'Nej';
  return `Ja, ${value}`;
}

export function validityText(from: IsoDate, to: IsoDate | undefined): string {
  return to ? `${swedishDate(from)} – ${swedishDate(to)}` : `Från ${swedishDate(from)}, tills vidare`;
}

export function revisionText(value: DocumentData['revisionsdatum']): string | undefined {
  if (value === undefined) return undefined;
  return value === 'ny mandatperiod' ? 'Varje ny mandatperiod' : swedishDate(value);
}

const numberFormat = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 2 });

/** "1 234,5": Swedish decimal comma and spaced thousands. */
export function swedishNumber(value: number): string {
  return numberFormat.format(value);
}

/** An outcome as the site writes it: a delår's value with the year's forecast, when the nämnd gave one. */
export function outcomeText(value: number, prognos: number | undefined, withUnit: (v: number) => string): string {
  return prognos === undefined ? withUnit(value) : `${withUnit(value)} (prognos för helåret ${withUnit(prognos)})`;
}

/** "2026-delår" → "Delår 2026". */
export function periodText(period: string): string {
  const parsed = parsePeriod(period);
  return parsed ? `${parsed.typ === 'delår' ? 'Delår' : 'Helår'} ${parsed.år}` : period;
}

/** When an action or activity is due: a date, a year or "löpande". */
export function dueText(value: string | number | undefined): string | undefined {
  if (value === undefined) return undefined;
  // A year, written as a number (klart: 2025) or as text ('2025', as the CMS writes it).
  if (typeof value === 'number' || /^\d{4}$/.test(value)) return String(value);
  return value === 'löpande' ? 'Löpande' : swedishDate(value);
}

/** Sorts Swedish text as a Swedish reader expects: å, ä, ö last. */
export function compareSv(a: string, b: string): number {
  return a.localeCompare(b, 'sv');
}
