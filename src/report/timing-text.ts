import type { CheckTiming } from '../engine/timing.js';

/** The steps of a check that --timing names besides the load's own (STEP_LABELS), in Swedish. */
export const TIMING_STEPS = {
  start: 'starta Node och läsa in koden',
  fix: 'rätta (--fix)',
  readCache: 'läsa cachen (--cache)',
  saveCache: 'spara cachen',
  report: 'skriva rapporten',
} as const;

/**
 * `check --timing` in Swedish: every step in the order it ran, then the rules from the slowest, each with its
 * share. For whoever keeps a large corpus fast: it tells which rule or step to look at first.
 */
export function timingText(timing: CheckTiming, files: number): string {
  const steps = [...timing.steps];
  const total = steps.reduce((sum, [, ms]) => sum + ms, 0);
  const rules = [...timing.rules].sort((a, b) => b[1] - a[1]);
  const rulesTotal = rules.reduce((sum, [, ms]) => sum + ms, 0);
  const count = files.toLocaleString('sv-SE');
  return [
    `Tid för kontrollen (--timing): ${milliseconds(total)} för ${count} ${files === 1 ? 'fil' : 'filer'}.`,
    '',
    table('Steg', 'Andel', steps, total),
    '',
    rules.length ? table('Regel', 'Andel av reglerna', rules, rulesTotal) : NO_RULES_RAN,
    '',
    ...(rules.length && timing.keptAcross.size ? [keptAcrossText([...timing.keptAcross].sort()), ''] : []),
  ].join('\n');
}

/** Said when some rules' findings across documents came from the cache though other rules ran. */
function keptAcrossText(ids: string[]): string {
  const names = new Intl.ListFormat('sv', { type: 'conjunction' }).format(ids);
  return `Fynden över dokumenten (cirklar, dubbletter) från ${names} togs ur cachen: inget som de läser hade ändrats sedan förra kontrollen.`;
}

/** Said instead of the rules' table when their findings came from the cache (engine/rule-results.ts). */
const NO_RULES_RAN = 'Ingen regel kördes: inget som reglerna läser hade ändrats sedan förra kontrollen, så deras fynd togs ur cachen.';

function table(heading: string, shareHeading: string, rows: [string, number][], total: number): string {
  const width = Math.max(heading.length, ...rows.map(([label]) => label.length));
  const times = rows.map(([, ms]) => milliseconds(ms));
  const timeWidth = Math.max('Tid'.length, ...times.map((t) => t.length));
  const line = (label: string, time: string, share: string) => `${label.padEnd(width)}  ${time.padStart(timeWidth)}  ${share}`.trimEnd();
  return [line(heading, 'Tid', shareHeading), ...rows.map(([label, ms], i) => line(label, times[i]!, percent(ms, total)))].join('\n');
}

/** 1 234 ms; 4,2 ms below ten, where a whole millisecond would hide the difference. */
function milliseconds(ms: number): string {
  const rounded = ms < 10 ? Math.round(ms * 10) / 10 : Math.round(ms);
  return `${rounded.toLocaleString('sv-SE')} ms`;
}

function percent(part: number, whole: number): string {
  return `${whole > 0 ? Math.round((part / whole) * 100) : 0} %`.padStart(5);
}
