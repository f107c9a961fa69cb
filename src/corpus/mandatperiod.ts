import type { Config } from '../config/config.js';
import type { IsoDate } from './dates.js';

export interface Mandatperiod {
  start: IsoDate;
  /** The last day of the period. */
  end: IsoDate;
  /** "2022–2026": the election years around it. */
  label: string;
}

/** The mandatperiod that contains `date`, from the election cycle in config (Kommunallagen 5 kap. 9 §). */
export function mandatperiodOn(date: IsoDate, config: Config): Mandatperiod {
  const { valår, längd_år, start, start_år_efter_val } = config.data.mandatperiod;
  const year = Number(date.slice(0, 4));
  const firstStartYear = valår + start_år_efter_val;
  let startYear = firstStartYear + Math.floor((year - firstStartYear) / längd_år) * längd_år;
  if (`${startYear}-${start}` > date) startYear -= längd_år;
  const nextStart = `${startYear + längd_år}-${start}`;
  const end = new Date(`${nextStart}T00:00:00Z`);
  end.setUTCDate(end.getUTCDate() - 1);
  const electionYear = startYear - start_år_efter_val;
  return { start: `${startYear}-${start}`, end: end.toISOString().slice(0, 10), label: `${electionYear}–${electionYear + längd_år}` };
}
