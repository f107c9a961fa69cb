/**
 * Random and mutated documents for the property-based tests, started from the real files in strategy/:
 * bytes, lines, keys and values, and Markdown that is hard to parse or links that go wrong.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** The real documents of the sample corpus, as mutation seeds. */
function sampleFiles(): { name: string; file: string; text: string }[] {
  const found: { name: string; file: string; text: string }[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.md')) found.push({ name: entry.name, file: path.relative(path.join(ROOT, 'strategy'), full), text: readFileSync(full, 'utf8') });
    }
  };
  walk(path.join(ROOT, 'strategy'));
  return found.sort((a, b) => a.name.localeCompare(b.name));
}

export const SAMPLES = sampleFiles();

/** Characters that mean something to YAML, Markdown, the fences or the decoder. */
const NASTY = ['\t', '\r', '\n', '\r\n', ':', ': ', '-', '- ', '[', ']', '{', '}', '&a ', '*a', '!', '!!str ', '|', '>', '#', '"', "'", '\u00a0', '\ufeff', '\u200b', '\u00ad', '\u202e', 'å', 'Ö', '😀', '\u0000', '`', '<', '\\', '%', '](', '](x.md)', '<http://a.se>', '...', '---', '? ', ',', '\u2028'];
const KEYS = ['id', 'dokumenttyp', 'titel', 'beslut', 'datum', 'permalink', 'layout', 'tags', '__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'eleventyComputed', 'mål', 'bidrar_till', 'ersätter', 'genomför', 'giltighetstid', 'till', ''];
const VALUES = ['constructor', '__proto__', '2026-02-30', '2026-13-01', 'tills vidare', '~', 'null', '.nan', '.inf', '-0', '0x10', 'true', '[]', '{}', '&x [*x]', '*x', '!egen x', "'", '"', '1e999', 'ja', 'löpande', 'KS/2023:309', 'trygghetsstrategi-2024-2026#samverkan', 'trygghetsstrategi-2024-2026'];
export const SNIPPETS = ['[länk](saknas.md)', '[själv](./)', '[ut](../../../x.md)', '[fil](file:///etc/passwd)', '[js](javascript:alert(1))', '<https://styrdok.se>', '![bild](bild.png)', '[def]: ../x.md', '`kod [a](b)`', '```\n[a](b)\n```', '> '.repeat(40) + 'djupt', '- '.repeat(40) + 'lista', '[a]'.repeat(200), '*a '.repeat(200), '<div>[a](b)</div>', '\\[a](b)', '[a](b "titel")', '[a](<b c>)', '[a](%zz)'];

export type Mutation = (text: string) => string;

/** Where in the text a mutation applies: a fraction, so that it scales with the document. */
const at = fc.double({ min: 0, max: 1, noNaN: true });
const index = (text: string, f: number) => Math.min(text.length, Math.floor(f * text.length));
const lineIndex = (lines: string[], f: number) => Math.min(lines.length - 1, Math.floor(f * lines.length));

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  // Bytes: insert, delete or replace characters.
  fc.tuple(at, fc.constantFrom(...NASTY)).map(([f, s]) => (t: string) => t.slice(0, index(t, f)) + s + t.slice(index(t, f))),
  fc.tuple(at, fc.integer({ min: 1, max: 40 })).map(([f, n]) => (t: string) => t.slice(0, index(t, f)) + t.slice(index(t, f) + n)),
  fc.tuple(at, fc.string({ unit: 'binary', maxLength: 8 })).map(([f, s]) => (t: string) => t.slice(0, index(t, f)) + s + t.slice(index(t, f) + s.length)),
  // Lines: duplicate, delete, swap, indent, dedent, insert a fence.
  fc.tuple(at).map(([f]) => (t: string) => {
    const lines = t.split('\n');
    const i = lineIndex(lines, f);
    lines.splice(i, 0, lines[i]!);
    return lines.join('\n');
  }),
  fc.tuple(at).map(([f]) => (t: string) => {
    const lines = t.split('\n');
    lines.splice(lineIndex(lines, f), 1);
    return lines.join('\n');
  }),
  fc.tuple(at, at).map(([f, g]) => (t: string) => {
    const lines = t.split('\n');
    const i = lineIndex(lines, f);
    const j = lineIndex(lines, g);
    [lines[i], lines[j]] = [lines[j]!, lines[i]!];
    return lines.join('\n');
  }),
  fc.tuple(at, fc.constantFrom(' ', '  ', '   ', '\t', ' \t')).map(([f, pad]) => (t: string) => {
    const lines = t.split('\n');
    const i = lineIndex(lines, f);
    lines[i] = pad + lines[i];
    return lines.join('\n');
  }),
  fc.tuple(at).map(([f]) => (t: string) => {
    const lines = t.split('\n');
    const i = lineIndex(lines, f);
    lines[i] = lines[i]!.replace(/^ {1,2}/, '');
    return lines.join('\n');
  }),
  fc.tuple(at, fc.constantFrom('---', '...', '--- ', '\ufeff---', '', '---\r')).map(([f, fence]) => (t: string) => {
    const lines = t.split('\n');
    lines.splice(lineIndex(lines, f), 0, fence);
    return lines.join('\n');
  }),
  // Keys and values: rename a key, replace a value (with anchors, aliases, tags, prototype names).
  fc.tuple(at, fc.constantFrom(...KEYS)).map(([f, key]) => (t: string) => {
    const lines = t.split('\n');
    const i = lineIndex(lines, f);
    lines[i] = lines[i]!.replace(/^(\s*(?:- )?)[^\s:#][^:]*:/, `$1${key}:`);
    return lines.join('\n');
  }),
  fc.tuple(at, fc.constantFrom(...VALUES)).map(([f, value]) => (t: string) => {
    const lines = t.split('\n');
    const i = lineIndex(lines, f);
    lines[i] = lines[i]!.replace(/^(\s*(?:- )?[^\s:#][^:]*:) .*$/, `$1 ${value}`);
    return lines.join('\n');
  }),
  // Body: Markdown that is hard to parse or links that go wrong.
  fc.tuple(at, fc.constantFrom(...SNIPPETS)).map(([f, s]) => (t: string) => t.slice(0, index(t, f)) + s + t.slice(index(t, f))),
  fc.constantFrom(...SNIPPETS).map((s) => (t: string) => `${t}\n${s}\n`),
);

/** A document: a real file after one to six mutations, or a document made of random pieces. */
export const documentText: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(fc.constantFrom(...SAMPLES), fc.array(mutation, { minLength: 1, maxLength: 6 })).map(([sample, ms]) => ms.reduce((t, m) => m(t), sample.text)) },
  {
    weight: 1,
    arbitrary: fc
      .array(fc.oneof(fc.constantFrom(...NASTY, ...SNIPPETS, '---\n', 'id: x\n', 'dokumenttyp: policy\n', '  '), fc.string({ maxLength: 6 })), { maxLength: 60 })
      .map((parts) => parts.join('')),
  },
);
