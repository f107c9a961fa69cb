import type { FollowupStatus } from './status.js';
import type { FollowupReport, GoalReport, OutcomeReport } from './report-model.js';
import type { ReportPeriod } from './periods.js';

/** Swedish decimal comma, no thousands separator, plain minus: what Swedish Excel reads as a number. */
export function csvNumber(n: number): string {
  return String(Math.round(n * 1e6) / 1e6).replace('.', ',');
}

/** For text: as csvNumber, with the typographic minus sign. */
export function svNumber(n: number): string {
  return csvNumber(n).replace('-', '−');
}

export function periodLabel(p: Pick<ReportPeriod, 'typ' | 'år'>): string {
  return `${p.typ === 'delår' ? 'Delår' : 'Helår'} ${p.år}`;
}

export function directionText(riktning: 'öka' | 'minska'): string {
  return riktning === 'öka' ? 'högre är bättre' : 'lägre är bättre';
}

export function sourceText(o: OutcomeReport, kolada: string | undefined): string {
  if (o.källa === 'kolada') return `Kolada ${kolada ?? ''}`.trim();
  return o.källa ?? '';
}

export const statusLabel = (s: FollowupStatus): string => s.charAt(0).toUpperCase() + s.slice(1);

/** The fokusområden (or the inriktning) each goal appears under, for flat outputs. */
export function groupsOfGoals(report: FollowupReport): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const s of report.strategier) {
    for (const g of s.grupper) {
      for (const ref of g.mål) map.set(ref, [...(map.get(ref) ?? []), g.rubrik]);
    }
  }
  return map;
}

export function goalIndex(report: FollowupReport): Map<string, GoalReport> {
  return new Map(report.mål.map((g) => [g.ref, g]));
}
