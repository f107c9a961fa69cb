/** Dates are ISO strings (YYYY-MM-DD) throughout: they compare as text and never shift with time zones. */
export type IsoDate = string;

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  const m = ISO.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === value;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The same day `months` months on; the month's last day where it has no such day (31 January + 1 month: 28 February). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(day, lastDay));
  return first.toISOString().slice(0, 10);
}

export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * The kommun's date: the day in Sweden, not in UTC, where it is still yesterday for the first hour or two
 * after midnight (the machines of CI run on UTC). A document's status changes on the Swedish calendar day.
 */
const KOMMUN_TIME_ZONE = 'Europe/Stockholm';

/** Today's date in Sweden, or the date in Sweden at `now`. `--today` and STYRDOK_TODAY set another. */
export function todayIso(now: Date = new Date()): IsoDate {
  // Parts, not a formatted string: a Node built without full ICU formats every locale as English.
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: KOMMUN_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(now);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

const MONTHS = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'];

/** "18 december 2023", as Swedish public documents write dates in prose. */
export function swedishDate(date: IsoDate): string {
  const m = ISO.exec(date);
  if (!m) return date;
  return `${Number(m[3])} ${MONTHS[Number(m[2]) - 1]} ${m[1]}`;
}
