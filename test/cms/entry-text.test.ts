/**
 * How the CMS writes a document it saves (src/cms/entry-text.ts, bundled into cms/styrdok-cms.js): only
 * what the clerk changed, so a pull request from the CMS shows the reviewer that change and nothing else.
 * On the bundled corpus's own files; test/quality/cms.test.ts does the same through Decap in Chromium.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { parse } from 'yaml';
import { describe, expect, test } from 'vitest';
import { EntryReadError, readEntry, sameValue, writeEntry, type Entry } from '../../src/cms/entry-text.js';
import { documentText } from '../../src/authoring/frontmatter-text.js';
import { REPO_ROOT } from '../helpers/run-cli.js';

const STRATEGY = path.join(REPO_ROOT, 'strategy');
const SEED = Number(process.env.STYRDOK_FC_SEED ?? 20261205);
const RUNS = Number(process.env.STYRDOK_FC_RUNS ?? 1);

const files = (readdirSync(STRATEGY, { recursive: true }) as string[]).filter((f) => f.endsWith('.md')).sort();
const read = (file: string) => readFileSync(path.join(STRATEGY, file), 'utf8');

/** The field order the CMS gives a collection's entries: its fields in cms/config.yml. */
const config = parse(readFileSync(path.join(REPO_ROOT, 'cms/config.yml'), 'utf8')) as { collections: { filter?: { value: string }; name: string; fields: { name: string }[] }[] };
function fieldOrder(kind: string): string[] {
  const collection = config.collections.find((c) => (c.filter?.value ?? c.name) === kind || c.name === kind.replace(/[åä]/g, 'a').replace(/ö/g, 'o'));
  if (!collection) throw new Error(`Ingen samling för ${kind}`);
  return collection.fields.map((f) => f.name);
}

/** Lines of `after` that differ from `before`'s, and the other way round, as a line diff would show them. */
function changedLines(before: string, after: string): { removed: string[]; added: string[] } {
  const a = before.split('\n');
  const b = after.split('\n');
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let end = 0;
  while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end++;
  return { removed: a.slice(start, a.length - end), added: b.slice(start, b.length - end) };
}

describe('the CMS reads a document', () => {
  test.each(files)('%s: as its frontmatter and text', (file) => {
    const text = read(file);
    const entry = readEntry(text);
    const [, yaml, body] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text)!;
    expect({ ...entry, body: undefined }).toEqual({ ...parse(yaml!), body: undefined });
    expect(entry.body).toBe(body);
  });

  test('tells in Swedish why a file cannot be read', () => {
    expect(() => readEntry('---\nid: a\ntitel: utan slut\n')).toThrow(new EntryReadError('Frontmatter saknar sin avslutande rad med tre bindestreck (---).'));
    expect(() => readEntry('---\nid: [a\n---\n')).toThrow(/^Frontmatter går inte att läsa som YAML: /);
    expect(() => readEntry('---\n- a\n- b\n---\n')).toThrow('Frontmatter ska vara nycklar med värden, inte en lista eller ett ensamt värde.');
    expect(readEntry('Bara text.\n')).toEqual({ body: 'Bara text.\n' });
    const laughs = ['---', 'a: &a [x, x, x, x, x, x, x, x, x, x]', ...Array.from({ length: 8 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10).fill(`*${String.fromCharCode(97 + i)}`).join(', ')}]`), '---', ''].join('\n');
    expect(() => readEntry(laughs)).toThrow(/^Frontmatter går inte att läsa som YAML: /);
  });
});

describe('the CMS saves a document', () => {
  test.each(files)('%s: unchanged, byte for byte; a new title, that line alone', (file) => {
    const text = read(file);
    const entry = readEntry(text);
    expect(writeEntry(entry, { original: text })).toBe(text);
    const retitled = writeEntry({ ...entry, titel: `${String(entry.titel)} (ändrad)` }, { original: text });
    expect(changedLines(text, retitled)).toEqual({ removed: [`titel: ${String(entry.titel)}`], added: [`titel: ${String(entry.titel)} (ändrad)`] });
  });

  test('a changed text in a list of measures changes that line; a removed key takes its lines with it', () => {
    const file = 'overenskommelser/atgardsplan-trygghet-2024-2026.md';
    const text = read(file);
    const entry = readEntry(text) as Entry & { åtgärder: { text: string }[]; nyckelord: string[] };
    const measures = entry.åtgärder.map((m, i) => (i === 1 ? { ...m, text: 'Ta fram en samlad lägesbild varje kvartal.' } : m));
    expect(changedLines(text, writeEntry({ ...entry, åtgärder: measures }, { original: text }))).toEqual({
      removed: [`    text: ${entry.åtgärder[1]!.text}`],
      added: ['    text: Ta fram en samlad lägesbild varje kvartal.'],
    });
    const { nyckelord, ...withoutKeywords } = entry;
    expect(changedLines(text, writeEntry(withoutKeywords, { original: text }))).toEqual({ removed: ['nyckelord:', ...nyckelord.map((k) => `  - ${k}`)], added: [] });
  });

  test('a new key goes where the form has its field, not last', () => {
    const file = 'riktlinjer/riktlinje-kamerabevakning.md';
    const text = read(file);
    const entry = readEntry(text);
    expect(entry.ersätter).toBeUndefined();
    const order = fieldOrder('riktlinje');
    const saved = writeEntry({ ...entry, ersätter: ['trygghetspolicy'] }, { original: text, keyOrder: order });
    const { added } = changedLines(text, saved);
    expect(added).toEqual(['ersätter:', '  - trygghetspolicy']);
    const keys = saved.split('\n').filter((line) => /^[^\s#-][^:]*:/.test(line)).map((line) => line.slice(0, line.indexOf(':')));
    const known = keys.filter((k) => order.includes(k));
    expect(known).toEqual([...known].sort((a, b) => order.indexOf(a) - order.indexOf(b)));
  });

  test('a new first key goes below the modeline, which heads the frontmatter', () => {
    const text = '---\n# yaml-language-server: $schema=../../schemas/policy.schema.json\ntitel: Policy\n---\n\nText.\n';
    const saved = writeEntry({ ...readEntry(text), id: 'policy' }, { original: text, keyOrder: ['id', 'titel'] });
    expect(saved).toBe(text.replace('titel: Policy', 'id: policy\ntitel: Policy'));
  });

  test('keeps comments, quoting, a BOM and Windows line endings; a changed text keeps the frontmatter as it was', () => {
    const text = '\uFEFF---\r\n# yaml-language-server: $schema=../../schemas/policy.schema.json\r\nid: p\r\n# Titeln är beslutad av KF.\r\ntitel: "Policy: trygghet"\r\nnyckelord: [trygghet, polis]\r\n---\r\n\r\n## Syfte\r\n\r\nText.\r\n';
    const entry = readEntry(text);
    expect(entry).toMatchObject({ id: 'p', titel: 'Policy: trygghet', nyckelord: ['trygghet', 'polis'] });
    expect(writeEntry(entry, { original: text })).toBe(text);
    expect(writeEntry({ ...entry, nyckelord: ['trygghet', 'polis', 'skola'] }, { original: text })).toBe(text.replace('[trygghet, polis]', '[trygghet, polis, skola]'));
    const rewritten = writeEntry({ ...entry, body: '## Syfte\n\nNy text.\n' }, { original: text });
    expect(rewritten).toBe(text.replace('\r\nText.\r\n', '\r\nNy text.\r\n'));
  });

  test('a line wrapped by hand stays wrapped when another key changes; a changed value is written in the style of its document', () => {
    const text = [
      '---',
      'id: p',
      'titel: Policy',
      'sammanfattning: En lång sammanfattning som någon har brutit',
      '  över två rader för hand.',
      'beslut: { datum: 2024-01-15, paragraf: 3 }',
      '---',
      '',
      'Text.',
      '',
    ].join('\n');
    const entry = readEntry(text) as Entry & { beslut: Record<string, unknown> };
    expect(entry.sammanfattning).toBe('En lång sammanfattning som någon har brutit över två rader för hand.');
    const saved = writeEntry({ ...entry, titel: 'Ny policy', beslut: { ...entry.beslut, paragraf: 4 } }, { original: text });
    expect(saved).toBe(text.replace('titel: Policy', 'titel: Ny policy').replace('paragraf: 3 }', 'paragraf: 4 }'));
    // As in the README's example: a map with spaces inside its braces, a list without, each kept as written.
    const mixed = text.replace('titel: Policy\n', 'titel: Policy\nersätter: [trygghetspolicy]\n');
    const both = readEntry(mixed) as Entry & { beslut: Record<string, unknown> };
    const changed = writeEntry({ ...both, ersätter: ['trygghetspolicy', 'gammal-policy'], beslut: { ...both.beslut, paragraf: 5 } }, { original: mixed });
    expect(changed).toBe(mixed.replace('[trygghetspolicy]', '[trygghetspolicy, gammal-policy]').replace('paragraf: 3 }', 'paragraf: 5 }'));
  });

  test('a document with anchors and aliases, and one with 3,000 keys, are saved with the change alone', () => {
    const anchored = '---\nid: p\ntitel: Policy\nbeslut: &b { datum: 2024-01-15, paragraf: 3 }\ntidigare: *b\n---\n\nText.\n';
    const entry = readEntry(anchored);
    expect(entry.tidigare).toEqual({ datum: '2024-01-15', paragraf: 3 });
    expect(writeEntry({ ...entry, titel: 'Ny' }, { original: anchored })).toBe(anchored.replace('titel: Policy', 'titel: Ny'));
    const many = ['---', ...Array.from({ length: 3000 }, (_, i) => `nyckel${i}: värde ${i}`), '---', ''].join('\n');
    const big = readEntry(many);
    expect(writeEntry({ ...big, nyckel1500: 'ändrat' }, { original: many })).toBe(many.replace('nyckel1500: värde 1500\n', 'nyckel1500: ändrat\n'));
  });

  test('a new document is written as styrdok new writes one: the modeline, keys in the schema order, the text after a blank line', () => {
    const data = { id: 'riktlinje-lanecyklar', dokumenttyp: 'riktlinje', titel: 'Riktlinje för lånecyklar vid stadens skolor, i alla stadsdelar och för alla årskurser', beslutande_organ: 'kommunstyrelsen' };
    const modeline = '# yaml-language-server: $schema=../../schemas/riktlinje.schema.json';
    const saved = writeEntry({ titel: data.titel, beslutande_organ: data.beslutande_organ, id: data.id, dokumenttyp: data.dokumenttyp, body: 'Skolorna lånar ut cyklar.' }, { keyOrder: fieldOrder('riktlinje'), modeline });
    expect(saved).toBe(documentText({ kind: 'riktlinje', data, modeline, body: 'Skolorna lånar ut cyklar.' }));
  });

  test('a file whose frontmatter cannot be edited is written anew with every value, keeping its modeline', () => {
    const text = '---\n# yaml-language-server: $schema=../../schemas/policy.schema.json\nid: p\ntitel: [trasig\n---\n\nText.\n';
    const saved = writeEntry({ id: 'p', titel: 'Hel', body: '\nText.\n' }, { original: text, keyOrder: ['id', 'titel'] });
    expect(saved).toBe('---\n# yaml-language-server: $schema=../../schemas/policy.schema.json\nid: p\ntitel: Hel\n---\n\nText.\n');
  });

  test('never loses or changes a value: any edit of any bundled document reads back as the edit (fast-check)', () => {
    const value = fc.letrec((tie) => ({
      any: fc.oneof({ maxDepth: 3 }, fc.string(), fc.integer(), fc.boolean(), fc.constant(null), fc.array(tie('any'), { maxLength: 3 }), fc.dictionary(fc.string({ minLength: 1 }), tie('any'), { maxKeys: 3 })),
    })).any;
    const edit = fc.record({
      file: fc.constantFrom(...files),
      set: fc.array(fc.tuple(fc.oneof(fc.constantFrom('titel', 'sammanfattning', 'nyckelord', 'beslut', 'mål', 'åtgärder', 'giltighetstid'), fc.string({ minLength: 1 })), value), { maxLength: 3 }),
      remove: fc.array(fc.constantFrom('sammanfattning', 'nyckelord', 'genomför', 'uppföljning', 'giltighetstid'), { maxLength: 2 }),
      body: fc.option(fc.string(), { nil: undefined }),
    });
    fc.assert(
      fc.property(edit, ({ file, set, remove, body }) => {
        const text = read(file);
        const entry: Entry = { ...readEntry(text), ...Object.fromEntries(set) };
        for (const key of remove) delete entry[key];
        if (body !== undefined) entry.body = body;
        const saved = writeEntry(entry, { original: text, keyOrder: fieldOrder(String(readEntry(text).dokumenttyp)) });
        const back = readEntry(saved);
        const { body: savedBody, ...savedData } = back;
        const { body: wantedBody, ...wantedData } = entry;
        expect(sameValue(savedData, wantedData)).toBe(true);
        expect(String(savedBody ?? '').trim()).toBe(String(wantedBody ?? '').trim());
      }),
      { seed: SEED, numRuns: 200 * RUNS },
    );
  });
});
