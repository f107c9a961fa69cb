import { isDeepStrictEqual } from 'node:util';
import { parseYamlSource } from '../load/yaml-source.js';
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, Scalar, type Node, type Pair, type YAMLMap } from 'yaml';
import { acceptsDate, childNode, kindNode, propertyOrder, type SchemaNode } from './schema-info.js';
import { normalizeDate, normalizeDiarienummer } from './values.js';
import { markHiddenCharacters, withoutHiddenCharacters } from '../load/hidden-characters.js';

/**
 * The safe, mechanical fixes of `styrdok check --fix`, on one document's frontmatter:
 *
 * - keys in the order of the schema's properties (the shared ones first, then the kind's own);
 * - a date written 2023-12-8 (year first, so unambiguous) as 2023-12-08;
 * - a diarienummer written ks/2023:309 or KS / 2023:309 as KS/2023:309, when that matches the kommun's pattern;
 * - hidden characters pasted into a key or a value (load/hidden-characters.ts) removed.
 *
 * The yaml package's Document API finds the nodes and their exact source ranges; the edits are then made on
 * the text itself: a fixed value replaces only its own characters, and reordering moves whole lines (a key
 * with its value and the comments just above it). Re-stringifying the document would also re-format lines
 * that were not asked for (folded long lines, re-indented lists), so it is not done. The result is parsed
 * again and must hold the same data (but for the fixed values) and the same comments, or nothing is changed.
 */
export interface FixChange {
  /** 1-based line in the file. */
  line: number;
  what: string;
  before: string;
  after: string;
}

export interface FixResult {
  text: string;
  changes: FixChange[];
  /** Why a fix that looked possible was not made. */
  skipped: FixChange[];
}

interface Edit {
  start: number;
  end: number;
  text: string;
}

type Path = (string | number)[];

function quoteLike(scalar: Scalar, value: string): string {
  if (scalar.type === Scalar.QUOTE_DOUBLE) return `"${value}"`;
  if (scalar.type === Scalar.QUOTE_SINGLE) return `'${value}'`;
  return value;
}

type EditableScalar = Scalar & { value: string; range: NonNullable<Scalar['range']> };

function isEditable(node: unknown): node is EditableScalar {
  return isScalar(node) && typeof node.value === 'string' && !!node.range && (node.type === Scalar.PLAIN || node.type === Scalar.QUOTE_DOUBLE || node.type === Scalar.QUOTE_SINGLE);
}

/**
 * The scalar's source without its hidden characters, or undefined when it has none (or would be left empty).
 * Edited in the source, not re-quoted from the value: a double-quoted value may hold escapes that must stay.
 */
function withoutHiddenInSource(yamlText: string, node: EditableScalar): string | undefined {
  const raw = yamlText.slice(node.range[0], node.range[1]);
  const quoted = node.type !== Scalar.PLAIN && raw.length >= 2;
  const inner = quoted ? raw.slice(1, -1) : raw;
  const cleaned = withoutHiddenCharacters(inner);
  if (cleaned === inner || cleaned.trim() === '') return undefined;
  return quoted ? raw[0] + cleaned + raw.at(-1) : cleaned;
}

/** Value fixes: hidden characters in keys and values, dates and diarienummer, found by walking the document beside its schema. */
function valueEdits(doc: ReturnType<typeof parseDocument>, yamlText: string, lc: LineCounter, lineOffset: number, schema: SchemaNode | undefined, pattern: RegExp | undefined) {
  const edits: Edit[] = [];
  const changes: FixChange[] = [];
  const lineOf = (node: EditableScalar) => lc.linePos(node.range[0]).line + lineOffset;
  const hidden = (node: EditableScalar, path: Path) => {
    const text = withoutHiddenInSource(yamlText, node);
    if (text === undefined) return;
    edits.push({ start: node.range[0], end: node.range[1], text });
    // Shown marked: a hard space kept inside a value reads as one, not as an ordinary space.
    changes.push({ line: lineOf(node), what: `${path.join('.')} (dolda tecken)`, before: markHiddenCharacters(node.value), after: markHiddenCharacters(withoutHiddenCharacters(node.value)) });
  };
  const visit = (node: unknown, schemaNode: SchemaNode | undefined, path: Path) => {
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isScalar(pair.key)) continue;
        const key = String(pair.key.value);
        const known = withoutHiddenCharacters(key);
        if (isEditable(pair.key)) hidden(pair.key, [...path, known]);
        visit(pair.value, schemaNode ? childNode(schemaNode, known) : undefined, [...path, known]);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => visit(item, schemaNode ? childNode(schemaNode, i) : undefined, [...path, i]));
    } else if (isEditable(node)) {
      const value = withoutHiddenCharacters(node.value);
      let fixed: string | undefined;
      let what = '';
      if (schemaNode && acceptsDate(schemaNode) && /^\s*\d{4}[-./]\d{1,2}[-./]\d{1,2}\s*$/.test(value)) {
        fixed = normalizeDate(value);
        what = 'datum';
      } else if (pattern && path[path.length - 1] === 'diarienummer') {
        fixed = normalizeDiarienummer(value, pattern);
        what = 'diarienummer';
      }
      if (fixed !== undefined && fixed !== value) {
        edits.push({ start: node.range[0], end: node.range[1], text: quoteLike(node, fixed) });
        changes.push({ line: lineOf(node), what: `${path.join('.')} (${what})`, before: markHiddenCharacters(node.value), after: fixed });
      } else {
        hidden(node, path);
      }
    }
  };
  visit(doc.contents, schema, []);
  return { edits, changes };
}

function applyEdits(text: string, edits: Edit[]): string {
  let out = text;
  for (const edit of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  return out;
}

/** Known keys sorted by the schema; a key the schema does not know stays right after the key it followed. */
function desiredOrder(keys: string[], order: string[]): string[] {
  const groups: string[][] = [];
  for (const key of keys) {
    if (order.includes(key) || !groups.length) groups.push([key]);
    else groups[groups.length - 1]!.push(key);
  }
  const rank = (group: string[]) => {
    const i = order.indexOf(group[0]!);
    return i < 0 ? -1 : i;
  };
  return groups
    .map((group, index) => ({ group, index }))
    .sort((a, b) => rank(a.group) - rank(b.group) || a.index - b.index)
    .flatMap((g) => g.group);
}

interface Misordered {
  map: YAMLMap;
  pairs: Pair[];
  keys: string[];
  desired: string[];
  path: Path;
}

/** The first block map (depth first) whose keys are not in schema order. */
function findMisordered(doc: ReturnType<typeof parseDocument>, schema: SchemaNode | undefined, skip: Set<string>): Misordered | undefined {
  let found: Misordered | undefined;
  const visit = (node: unknown, schemaNode: SchemaNode | undefined, path: Path) => {
    if (found || !schemaNode) return;
    if (isMap(node)) {
      const pairs = node.items.filter((p): p is Pair => isPair(p) && isScalar(p.key));
      const keys = pairs.map((p) => String((p.key as Scalar).value));
      if (!node.flow && pairs.length === node.items.length && !skip.has(path.join('.'))) {
        const desired = desiredOrder(keys, propertyOrder(schemaNode));
        if (!isDeepStrictEqual(desired, keys)) {
          found = { map: node, pairs, keys, desired, path };
          return;
        }
      }
      pairs.forEach((pair, i) => visit(pair.value, childNode(schemaNode, keys[i]!), [...path, keys[i]!]));
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => visit(item, childNode(schemaNode, i), [...path, i]));
    }
  };
  visit(doc.contents, schema, []);
  return found;
}

/**
 * Reorders one map by moving whole lines: each key's block runs from its line (with the comment lines right
 * above it) to the next key's block. Undefined when the map cannot be reordered line by line.
 */
function reorderLines(text: string, lc: LineCounter, target: Misordered): string | undefined {
  const lines = text.split('\n');
  const lineOf = (offset: number) => lc.linePos(offset).line - 1;
  const keyLines = target.pairs.map((p) => lineOf((p.key as Node).range![0]));
  // Every key must start its own line at the same column (a map inside a list item starts after "- ").
  const columns = target.pairs.map((p) => lc.linePos((p.key as Node).range![0]).col - 1);
  const indent = columns[0]!;
  if (new Set(keyLines).size !== keyLines.length || columns.some((c) => c !== indent)) return undefined;
  const sharesLine = lines[keyLines[0]!]!.slice(0, indent).trim() !== '';
  if (sharesLine && target.desired[0] !== target.keys[0]) return undefined;

  // A comment line at the keys' own indentation belongs to the key below it; a deeper one (or a line of a
  // block scalar that starts with #) belongs to the value above.
  const isComment = (line: string) => /^\s*#/.test(line) && /^\s*/.exec(line)![0].length === indent;
  const starts = keyLines.map((line, i) => {
    if (i === 0) return line;
    let start = line;
    while (start - 1 > keyLines[i - 1]! && isComment(lines[start - 1]!)) start--;
    return start;
  });
  // The last key's block ends with its deeper-indented lines; blank lines and shallower comments after it stay.
  let end = keyLines[keyLines.length - 1]! + 1;
  while (end < lines.length && (lines[end]!.trim() === '' || /^\s*/.exec(lines[end]!)![0].length > indent)) end++;
  while (end > keyLines[keyLines.length - 1]! + 1 && lines[end - 1]!.trim() === '') end--;

  const blocks = new Map<string, string[]>();
  target.keys.forEach((key, i) => blocks.set(key, lines.slice(starts[i], i + 1 < starts.length ? starts[i + 1] : end)));
  // A block that ends without its own value line (the file's last line) gets no special care: lines are joined back with \n.
  const reordered = target.desired.flatMap((key) => blocks.get(key)!);
  return [...lines.slice(0, starts[0]), ...reordered, ...lines.slice(end)].join('\n');
}

function commentsOf(text: string): string[] {
  const out: string[] = [];
  const doc = parseDocument(text);
  const collect = (value: unknown) => {
    if (typeof value === 'string' && value) for (const line of value.split('\n')) out.push(line.trim());
  };
  collect(doc.commentBefore);
  collect(doc.comment);
  const walk = (node: unknown) => {
    if (!node || typeof node !== 'object') return;
    const n = node as { commentBefore?: string; comment?: string; items?: unknown[]; key?: unknown; value?: unknown };
    collect(n.commentBefore);
    collect(n.comment);
    if (isPair(node)) {
      walk(node.key);
      walk(node.value);
    }
    if (Array.isArray(n.items)) n.items.forEach(walk);
  };
  walk(doc.contents);
  return out.sort();
}

/** Fixes one frontmatter (the YAML between the fences). `lineOffset`: lines in the file before the YAML. */
export function fixFrontmatter(yamlText: string, lineOffset: number, options: { pattern?: RegExp }): FixResult {
  const skipped: FixChange[] = [];
  // Only frontmatter the check reads without a problem: aliases (and alias bombs), tags and deep nesting are the
  // clerk's to fix by hand, and yaml's toJS below would throw on an alias bomb.
  if (parseYamlSource(yamlText, lineOffset).problems.length) return { text: yamlText, changes: [], skipped };
  const lc = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter: lc, uniqueKeys: true, strict: true });
  if (doc.errors.length || !isMap(doc.contents)) return { text: yamlText, changes: [], skipped };
  const original = doc.toJS() as Record<string, unknown>;
  // A dokumenttyp pasted with a hidden character in its key or value still names its schema: the fix removes it.
  const kindKey = Object.keys(original).find((key) => withoutHiddenCharacters(key) === 'dokumenttyp');
  const kindValue = kindKey === undefined ? undefined : original[kindKey];
  const kind = typeof kindValue === 'string' ? withoutHiddenCharacters(kindValue) : undefined;
  const schema = kind ? kindNode(kind) : undefined;
  if (!schema) return { text: yamlText, changes: [], skipped };

  const values = valueEdits(doc, yamlText, lc, lineOffset, schema, options.pattern);
  let text = applyEdits(yamlText, values.edits);
  const changes = [...values.changes];

  const cannot = new Set<string>();
  for (let round = 0; round < 200; round++) {
    const roundLc = new LineCounter();
    const current = parseDocument(text, { lineCounter: roundLc });
    const target = findMisordered(current, schema, cannot);
    if (!target) break;
    const next = reorderLines(text, roundLc, target);
    // Lines are those of the file as it was, like the value fixes' lines.
    const line = originalLine(doc, lc, target.path) + lineOffset;
    const change = { line, what: `ordning${target.path.length ? ` i ${target.path.join('.')}` : ''}`, before: target.keys.join(', '), after: target.desired.join(', ') };
    if (next === undefined) {
      cannot.add(target.path.join('.'));
      skipped.push(change);
      continue;
    }
    text = next;
    changes.push(change);
  }
  if (!changes.length) return { text: yamlText, changes, skipped };
  changes.sort((a, b) => a.line - b.line);

  // The proof: the same data but for the fixed values, the same comments, and still valid YAML.
  const check = parseDocument(text, { uniqueKeys: true, strict: true });
  const expected = parseDocument(applyEdits(yamlText, values.edits)).toJS();
  const sameData = !check.errors.length && isDeepStrictEqual(sortKeys(check.toJS()), sortKeys(expected));
  if (!sameData || !isDeepStrictEqual(commentsOf(text), commentsOf(yamlText))) {
    return { text: yamlText, changes: [], skipped: [...skipped, ...changes] };
  }
  return { text, changes, skipped };
}

/** The line of the first key of the map at `path` in the document as parsed from the original text. */
function originalLine(doc: ReturnType<typeof parseDocument>, lc: LineCounter, path: Path): number {
  let node: unknown = doc.contents;
  for (const segment of path) {
    if (isMap(node)) node = node.items.find((p) => isScalar(p.key) && p.key.value === segment)?.value;
    else if (isSeq(node) && typeof segment === 'number') node = node.items[segment];
    else break;
  }
  const first = isMap(node) ? (node.items[0]?.key as Node | undefined) : undefined;
  return first?.range ? lc.linePos(first.range[0]).line : 1;
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') return Object.fromEntries(Object.keys(value).sort().map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]));
  return value;
}
