import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { indexKolada, KoladaError, koladaKey, MAX_KOLADA_BYTES, MAX_KOLADA_DEPTH, parseKolada, readKoladaFiles } from '../../src/followup/kolada.js';
import { FIXTURE_DIR } from './fixture.js';

const SAMPLE = fileURLToPath(new URL('../../strategy/uppfoljning/kolada-N15419-solna.json', import.meta.url));

describe('parseKolada', () => {
  it('reads the totals (gender T) of a Kolada API v2 body and skips missing figures', () => {
    expect(readKoladaFiles(['kolada.json'], FIXTURE_DIR)).toEqual([
      expect.objectContaining({ kpi: 'N15419', municipality: '0184', year: 2026, value: 210, file: 'kolada.json' }),
      expect.objectContaining({ kpi: 'N15419', municipality: '0184', year: 2025, value: 99, file: 'kolada.json' }),
      expect.objectContaining({ kpi: 'N00945', municipality: '0184', year: 2026, value: 50, file: 'kolada.json' }),
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

  it('gives each value the line and column of its entry, after a byte order mark as an editor counts', () => {
    const text = '\uFEFF{\n  "values": [\n    {"kpi": "N1", "municipality": "0184", "period": 2025, "values": [{"gender": "T", "value": 3}]}\n  ]\n}';
    expect(parseKolada(text, 'a.json')).toEqual([{ kpi: 'N1', municipality: '0184', year: 2025, value: 3, file: 'a.json', line: 3, column: 5 }]);
  });

  it('refuses what is not a Kolada body, naming the file, line and column', () => {
    expect(() => parseKolada('{', 'a.json')).toThrow(KoladaError);
    expect(() => parseKolada('{"data":[]}', 'a.json')).toThrow('a.json:1:1: filen saknar listan "values"');
    expect(() => parseKolada('{"values": {}}', 'a.json')).toThrow('a.json:1:12: filen saknar listan "values"');
    expect(() => parseKolada('{"values":[\n  {"kpi":"N15419","period":"2025","values":[]}]}', 'a.json')).toThrow('a.json:2:3: värde nummer 1 saknar');
    expect(() => readKoladaFiles(['finns-inte.json'], FIXTURE_DIR)).toThrow('Kolada-filen finns-inte.json går inte att läsa.');
  });

  it('refuses lists nested past any Kolada answer, at the first level too deep, without overflowing the stack', () => {
    // 300,000 levels: jsonc-parser's own recursion stopped the report with an internal error.
    expect(() => parseKolada(`{"values":\n${'['.repeat(300_000)}`, 'a.json')).toThrow(
      `a.json:2:${MAX_KOLADA_DEPTH}: listor och objekt är nästlade i mer än ${MAX_KOLADA_DEPTH} nivåer, och så ser inget svar från Kolada ut.`,
    );
    const deepButAllowed = `{"values": [${'['.repeat(MAX_KOLADA_DEPTH - 2)}${']'.repeat(MAX_KOLADA_DEPTH - 2)}]}`;
    expect(() => parseKolada(deepButAllowed, 'a.json')).toThrow('a.json:1:13: värde nummer 1 saknar');
  });

  it('refuses a file larger than any Kolada answer before reading it', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'styrdok-kolada-'));
    try {
      writeFileSync(path.join(dir, 'stor.json'), Buffer.alloc(MAX_KOLADA_BYTES + 1024 * 1024, 0x20));
      expect(() => readKoladaFiles(['stor.json'], dir)).toThrow('stor.json: filen är 21,0 MB, större än gränsen 20,0 MB för en Kolada-fil. Spara ett svar från Kolada per fil.');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.each([
    ['', '1:1: filen är tom.'],
    ['{', '1:2: filen är inte giltig JSON: filen tar slut för tidigt, här väntades } som avslutar objektet.'],
    ['{"values": [\n  1,\n]}', '3:1: filen är inte giltig JSON: här väntades ett värde (ett kommatecken för mycket före?).'],
    ['{"values": [1 2]}', '1:15: filen är inte giltig JSON: här väntades ett kommatecken.'],
    ['// hämtad i dag\n{"values": []}', '1:1: filen är inte giltig JSON: JSON får inte innehålla kommentarer.'],
    ['{"values": []} x', '1:16: filen är inte giltig JSON: här står något som inte hör hemma i JSON.'],
    ['{"values": [], "a": "b', '1:21: filen är inte giltig JSON: en text saknar sitt avslutande citattecken.'],
    ['{"values": [\n  {"kpi": "N15419"', '2:19: filen är inte giltig JSON: filen tar slut för tidigt, här väntades } som avslutar objektet.'],
    ['<html>Kolada</html>', '1:1: filen är inte giltig JSON: här står något som inte hör hemma i JSON.'],
  ])('says in Swedish where the JSON of %j breaks', (text, says) => {
    expect(() => parseKolada(text, 'a.json')).toThrow(`a.json:${says} Spara svaret från Kolada oförändrat.`);
  });
});

describe('indexKolada', () => {
  const v = (municipality: string, value: number, file: string) => ({ kpi: 'N15419', municipality, year: 2025, value, file, line: 3, column: 5 });

  it('keeps one value per nyckeltal and year; the same value twice is fine', () => {
    const index = indexKolada([v('0184', 87.2, 'a.json'), v('0184', 87.2, 'b.json')]);
    expect(index.get(koladaKey('N15419', 2025))).toEqual(v('0184', 87.2, 'a.json'));
  });

  it('refuses two different values for the same nyckeltal and year', () => {
    expect(() => indexKolada([v('0184', 87.2, 'a.json'), v('0180', 80, 'b.json')])).toThrow(
      'Kolada-filerna ger två olika värden för N15419 år 2025: 87.2 för kommun 0184 (a.json:3:5) och 80 för kommun 0180 (b.json:3:5).',
    );
  });
});
