import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { indexKolada, KoladaError, koladaKey, parseKolada, readKoladaFiles } from '../../src/followup/kolada.js';
import { FIXTURE_DIR } from './fixture.js';

const SAMPLE = fileURLToPath(new URL('../../strategy/uppfoljning/kolada-N15419-solna.json', import.meta.url));

describe('parseKolada', () => {
  it('reads the totals (gender T) of a Kolada API v2 body and skips missing figures', () => {
    expect(readKoladaFiles(['kolada.json'], FIXTURE_DIR)).toEqual([
      { kpi: 'N15419', municipality: '0184', year: 2026, value: 210, file: 'kolada.json' },
      { kpi: 'N15419', municipality: '0184', year: 2025, value: 99, file: 'kolada.json' },
      { kpi: 'N00945', municipality: '0184', year: 2026, value: 50, file: 'kolada.json' },
    ]);
  });

  it('reads the bundled sample for Solna (0184)', () => {
    const values = parseKolada(readFileSync(SAMPLE, 'utf8'), 'sample.json');
    expect(values.map((v) => [v.kpi, v.municipality, v.year, v.value])).toEqual([
      ['N15419', '0184', 2024, 88.6],
      ['N15419', '0184', 2025, 87.2],
      ['N15419', '0184', 2026, 88.3],
    ]);
  });

  it('accepts a byte order mark', () => {
    expect(parseKolada('\uFEFF{"values":[]}', 'a.json')).toEqual([]);
  });

  it('refuses what is not a Kolada body, naming the file', () => {
    expect(() => parseKolada('{', 'a.json')).toThrow(KoladaError);
    expect(() => parseKolada('{', 'a.json')).toThrow(/^a\.json: filen är inte giltig JSON/);
    expect(() => parseKolada('{"data":[]}', 'a.json')).toThrow('a.json: filen saknar listan "values"');
    expect(() => parseKolada('{"values":[{"kpi":"N15419","period":"2025","values":[]}]}', 'a.json')).toThrow('a.json: värde nummer 1 saknar');
    expect(() => readKoladaFiles(['finns-inte.json'], FIXTURE_DIR)).toThrow('Kolada-filen finns-inte.json går inte att läsa.');
  });
});

describe('indexKolada', () => {
  const v = (municipality: string, value: number, file: string) => ({ kpi: 'N15419', municipality, year: 2025, value, file });

  it('keeps one value per nyckeltal and year; the same value twice is fine', () => {
    const index = indexKolada([v('0184', 87.2, 'a.json'), v('0184', 87.2, 'b.json')]);
    expect(index.get(koladaKey('N15419', 2025))).toEqual(v('0184', 87.2, 'a.json'));
  });

  it('refuses two different values for the same nyckeltal and year', () => {
    expect(() => indexKolada([v('0184', 87.2, 'a.json'), v('0180', 80, 'b.json')])).toThrow(
      'Kolada-filerna ger två olika värden för N15419 år 2025: 87.2 för kommun 0184 (a.json) och 80 för kommun 0180 (b.json).',
    );
  });
});
