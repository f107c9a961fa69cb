import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { authoringProject, TODAY } from './helpers.js';

vi.setConfig({ testTimeout: 90_000 });

// A riktlinje written by hand: keys out of order, a loose date, a loosely written diarienummer, comments
// everywhere, a key the schema does not know, and a body that looks like YAML in places.
const MESSY = [
  '---',
  '# yaml-language-server: $schema=../../schemas/riktlinje.schema.json',
  'titel: Riktlinje för trygga skolvägar   # titeln från beslutet',
  'id: riktlinje-trygga-skolvagar',
  'dokumenttyp: riktlinje',
  '# Organet: se protokollet',
  'beslutande_organ: kommunstyrelsen',
  'dokumentansvarig: stadsledningsforvaltningen',
  'intern_notering: "fråga Anna om bilagan"',
  'beslut:',
  '  diarienummer: ks / 2023:310',
  '  # paragrafen står i protokollet',
  '  paragraf: 170',
  '  datum: 2023-12-8',
  'giltighetstid:',
  '  till: tills vidare',
  'nyckelord: [skolväg, trafik]',
  '---',
  '',
  '## Syfte   ',
  '',
  'titel: det här är text, inte frontmatter',
  '---',
  'datum: 2023-12-8 står kvar i texten.',
  '',
].join('\n');

const FIXED = [
  '---',
  '# yaml-language-server: $schema=../../schemas/riktlinje.schema.json',
  'id: riktlinje-trygga-skolvagar',
  'dokumenttyp: riktlinje',
  'titel: Riktlinje för trygga skolvägar   # titeln från beslutet',
  '# Organet: se protokollet',
  'beslutande_organ: kommunstyrelsen',
  'beslut:',
  '  datum: 2023-12-08',
  '  # paragrafen står i protokollet',
  '  paragraf: 170',
  '  diarienummer: KS/2023:310',
  'giltighetstid:',
  '  till: tills vidare',
  'dokumentansvarig: stadsledningsforvaltningen',
  'intern_notering: "fråga Anna om bilagan"',
  'nyckelord: [skolväg, trafik]',
  '---',
  '',
  '## Syfte   ',
  '',
  'titel: det här är text, inte frontmatter',
  '---',
  'datum: 2023-12-8 står kvar i texten.',
  '',
].join('\n');

const FILE = 'strategy/riktlinjer/riktlinje-trygga-skolvagar.md';
const OTHER = 'strategy/riktlinjer/annan-riktlinje.md';

describe('styrdok check --fix', () => {
  it('fixes key order, a loose date and a diarienummer, shows each change, and keeps comments, unknown keys and the body byte for byte', () => {
    const p = authoringProject();
    writeFileSync(p.path(FILE), MESSY);
    const before = p.snapshot();
    const result = p.runWith(['check', '--fix', FILE, '--today', TODAY]);
    expect(result.stdout.split('\n\n')[0]).toBe(
      [
        'styrdok check --fix rättade 4 saker i 1 fil:',
        `  ${FILE}:3: ordning: titel, id, dokumenttyp, beslutande_organ, dokumentansvarig, intern_notering, beslut, giltighetstid, nyckelord → id, dokumenttyp, titel, beslutande_organ, beslut, giltighetstid, dokumentansvarig, intern_notering, nyckelord`,
        `  ${FILE}:11: beslut.diarienummer (diarienummer): ks / 2023:310 → KS/2023:310`,
        `  ${FILE}:11: ordning i beslut: diarienummer, paragraf, datum → datum, paragraf, diarienummer`,
        `  ${FILE}:14: beslut.datum (datum): 2023-12-8 → 2023-12-08`,
      ].join('\n'),
    );
    expect(p.read(FILE)).toBe(FIXED);
    // The body, after the closing fence, is the same bytes.
    expect(p.read(FILE).split('\n---\n').slice(1).join('\n---\n')).toBe(MESSY.split('\n---\n').slice(1).join('\n---\n'));
    // Only the file that was asked for changed.
    const after = p.snapshot();
    for (const [file, bytes] of before) if (file !== FILE) expect(after.get(file)?.equals(bytes), file).toBe(true);
    expect([...after.keys()]).toEqual([...before.keys()]);
    // The unknown key is still there for the check to report; nothing else is wrong.
    expect(result.stdout).toContain('Okänd nyckel «intern_notering»');
    expect(result.code).toBe(1);
  });

  it('removes hidden characters pasted from Word from keys and values, keeps a hard space inside a text, and then the check passes', () => {
    const p = authoringProject();
    const pasted = FIXED.replace('intern_notering: "fråga Anna om bilagan"\n', '')
      .replace('dokumenttyp: riktlinje', 'dokumenttyp: riktlinje\u200b')
      .replace('beslutande_organ: kommunstyrelsen', 'beslutande_organ: \u00a0kommun\u00adstyrelsen\u00a0')
      .replace('  paragraf: 170', '  paragraf\u2060: 170')
      .replace('  datum: 2023-12-08', '  datum: "2023-12-8\u200b"')
      .replace('nyckelord: [skolväg, trafik]', 'nyckelord: ["skol\u200bväg\\u00ad", "§\u00a0170 \u202etrafik"]');
    writeFileSync(p.path(FILE), pasted);
    const result = p.runWith(['check', '--fix', FILE, '--today', TODAY]);
    expect(result.stdout.split('\n\n')[0]).toBe(
      [
        'styrdok check --fix rättade 6 saker i 1 fil:',
        `  ${FILE}:4: dokumenttyp (dolda tecken): riktlinje<U+200B> → riktlinje`,
        `  ${FILE}:7: beslutande_organ (dolda tecken): <U+00A0>kommun<U+00AD>styrelsen<U+00A0> → kommunstyrelsen`,
        `  ${FILE}:9: beslut.datum (datum): 2023-12-8<U+200B> → 2023-12-08`,
        `  ${FILE}:11: beslut.paragraf (dolda tecken): paragraf<U+2060> → paragraf`,
        `  ${FILE}:16: nyckelord.0 (dolda tecken): skol<U+200B>väg<U+00AD> → skolväg`,
        `  ${FILE}:16: nyckelord.1 (dolda tecken): §<U+00A0>170 <U+202E>trafik → §<U+00A0>170 trafik`,
      ].join('\n'),
    );
    // In the source, an escape (\u00ad written out) stays as it was written: only characters are removed.
    expect(p.read(FILE)).toBe(FIXED.replace('intern_notering: "fråga Anna om bilagan"\n', '').replace('  datum: 2023-12-08', '  datum: "2023-12-08"').replace('nyckelord: [skolväg, trafik]', 'nyckelord: ["skolväg\\u00ad", "§\u00a0170 trafik"]'));
    expect(result.code).toBe(0);
  });

  it('is idempotent: a second run has nothing to fix and changes nothing', () => {
    const p = authoringProject();
    writeFileSync(p.path(FILE), FIXED);
    const before = p.snapshot();
    const result = p.runWith(['check', '--fix', 'strategy', '--today', TODAY]);
    expect(result.stdout).toMatch(/^styrdok check --fix: inget att rätta automatiskt\.\n\n/);
    const after = p.snapshot();
    for (const [file, bytes] of before) expect(after.get(file)?.equals(bytes), file).toBe(true);
  });

  it('touches only the files it was asked to check', () => {
    const p = authoringProject();
    writeFileSync(p.path(FILE), MESSY);
    writeFileSync(p.path(OTHER), MESSY.replace('riktlinje-trygga-skolvagar', 'annan-riktlinje').replace('2023:310', '2023:311'));
    const result = p.runWith(['check', '--fix', FILE, '--today', TODAY]);
    expect(result.stdout).toContain(`${FILE}:14: beslut.datum`);
    expect(result.stdout).not.toContain(OTHER);
    expect(p.read(FILE)).toBe(FIXED);
    expect(p.read(OTHER)).toBe(MESSY.replace('riktlinje-trygga-skolvagar', 'annan-riktlinje').replace('2023:310', '2023:311'));
  });

  it('leaves what is not safe alone: an ambiguous date, a diarienummer that would not match the pattern, a broken file', () => {
    const p = authoringProject();
    const ambiguous = MESSY.replace('datum: 2023-12-8', 'datum: 8/12/2023').replace('ks / 2023:310', 'XYZ/2023:310');
    writeFileSync(p.path(FILE), ambiguous);
    const broken = '---\nid: trasig\ntitel: [inte stängd\n---\n\nText.\n';
    writeFileSync(p.path(OTHER), broken);
    const result = p.runWith(['check', '--fix', 'strategy', '--today', TODAY]);
    const text = p.read(FILE);
    expect(text).toContain('  datum: 8/12/2023\n');
    expect(text).toContain('  diarienummer: XYZ/2023:310\n');
    // Key order is still safe to fix.
    expect(text.split('\n').slice(2, 5)).toEqual(['id: riktlinje-trygga-skolvagar', 'dokumenttyp: riktlinje', 'titel: Riktlinje för trygga skolvägar   # titeln från beslutet']);
    expect(p.read(OTHER)).toBe(broken);
    expect(result.stdout).not.toContain('8/12/2023 →');
    expect(result.code).toBe(1);
  });

  it('leaves an alias bomb alone, fixes the other files and still checks them all', () => {
    const p = authoringProject();
    writeFileSync(p.path(FILE), MESSY);
    const bomb = readFileSync(new URL('../fixtures/bad-input/yaml-alias-bomb.md', import.meta.url), 'utf8');
    writeFileSync(p.path(OTHER), bomb);
    const result = p.runWith(['check', '--fix', 'strategy', '--today', TODAY]);
    expect(result.stdout + result.stderr).not.toMatch(/internt fel/i);
    expect(result.stdout).toContain(`${FILE}:14: beslut.datum`);
    expect(p.read(FILE)).toBe(FIXED);
    expect(p.read(OTHER)).toBe(bomb);
    // The check after the fixes still reads the bomb, and says what is wrong with it.
    expect(result.stdout).toContain(OTHER);
    expect(result.stdout).toContain('Alias (*namn) och ankare (&namn) stöds inte i frontmatter.');
    expect(result.code).toBe(1);
  });

  it('keeps Windows line ends and a quoted value quoted', () => {
    const p = authoringProject();
    const crlf = MESSY.replace('  datum: 2023-12-8', '  datum: "2023-12-8"').split('\n').join('\r\n');
    writeFileSync(p.path(FILE), crlf);
    p.runWith(['check', '--fix', FILE, '--today', TODAY]);
    expect(p.read(FILE)).toBe(FIXED.replace('  datum: 2023-12-08', '  datum: "2023-12-08"').split('\n').join('\r\n'));
  });

  it('with --format json the changes go to standard error and standard out stays JSON', () => {
    const p = authoringProject();
    writeFileSync(p.path(FILE), MESSY);
    const result = p.runWith(['check', '--fix', FILE, '--format', 'json', '--today', TODAY]);
    expect(() => JSON.parse(result.stdout)).not.toThrow();
    expect(result.stderr).toContain('styrdok check --fix rättade 4 saker i 1 fil:');
  });
});
