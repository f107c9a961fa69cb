import { closest, distance } from 'fastest-levenshtein';

/** " Menade du «x»?" when a candidate is close enough to be a likely typo, else "". */
export function didYouMean(value: string, candidates: Iterable<string>): string {
  const list = [...candidates];
  if (!list.length) return '';
  const best = closest(value, list);
  const limit = Math.max(2, Math.floor(value.length / 3));
  return distance(value, best) <= limit ? ` Menade du «${best}»?` : '';
}
