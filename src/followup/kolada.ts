import { readFileSync } from 'node:fs';
import path from 'node:path';

/** One yearly total from Kolada (gender T), with the file it came from so the report can cite it. */
export interface KoladaValue {
  kpi: string;
  municipality: string;
  year: number;
  value: number;
  file: string;
}

/** A Kolada file that cannot be used: the CLI reports it as a usage error (exit 2). */
export class KoladaError extends Error {
  override name = 'KoladaError';
}

interface ApiEntry {
  kpi?: unknown;
  municipality?: unknown;
  period?: unknown;
  values?: { gender?: unknown; value?: unknown }[];
}

/**
 * Reads the body Kolada's open API v2 returns for /data/kpi/{kpi}/municipality/{id}/year/{years}.
 * Only totals (gender T) with a value count; Kolada writes null where a figure is missing or hidden.
 */
export function parseKolada(text: string, file: string): KoladaValue[] {
  let body: unknown;
  try {
    body = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new KoladaError(`${file}: filen är inte giltig JSON (${error instanceof Error ? error.message : String(error)}). Spara svaret från Kolada oförändrat.`);
  }
  const entries = (body as { values?: unknown })?.values;
  if (!Array.isArray(entries)) throw new KoladaError(`${file}: filen saknar listan "values" som Kolada API v2 returnerar för /data/kpi/…/municipality/…/year/….`);
  const out: KoladaValue[] = [];
  entries.forEach((entry: ApiEntry, i) => {
    const { kpi, municipality, period } = entry ?? {};
    if (typeof kpi !== 'string' || typeof municipality !== 'string' || typeof period !== 'number' || !Array.isArray(entry.values)) {
      throw new KoladaError(`${file}: värde nummer ${i + 1} saknar kpi, municipality, period eller values. Spara svaret från Kolada oförändrat.`);
    }
    const total = entry.values.find((v) => v?.gender === 'T');
    if (typeof total?.value === 'number') out.push({ kpi, municipality, year: period, value: total.value, file });
  });
  return out;
}

export function readKoladaFiles(files: readonly string[], cwd: string): KoladaValue[] {
  return files.flatMap((file) => {
    let text: string;
    try {
      text = readFileSync(path.resolve(cwd, file), 'utf8');
    } catch {
      throw new KoladaError(`Kolada-filen ${file} går inte att läsa. Kontrollera sökvägen.`);
    }
    return parseKolada(text, file);
  });
}

export type KoladaIndex = Map<string, KoladaValue>;

export const koladaKey = (kpi: string, year: number): string => `${kpi}/${year}`;

/**
 * One value per nyckeltal and year. Two different figures for the same one (another kommun's, or two
 * downloads that disagree) would make the report depend on file order, so that is refused.
 */
export function indexKolada(values: readonly KoladaValue[]): KoladaIndex {
  const index: KoladaIndex = new Map();
  for (const v of values) {
    const key = koladaKey(v.kpi, v.year);
    const seen = index.get(key);
    if (seen && (seen.value !== v.value || seen.municipality !== v.municipality)) {
      throw new KoladaError(
        `Kolada-filerna ger två olika värden för ${v.kpi} år ${v.year}: ${seen.value} för kommun ${seen.municipality} (${seen.file}) och ${v.value} för kommun ${v.municipality} (${v.file}). Ange bara filer med kommunens egna, aktuella värden.`,
      );
    }
    if (!seen) index.set(key, v);
  }
  return index;
}
