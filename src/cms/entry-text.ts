/**
 * The CMS's reading and writing of a document (Decap CMS's `fromFile` and `toFile` of a format, see
 * decap-setup.ts). Decap's own yaml-frontmatter format writes the whole frontmatter anew on every save:
 * it folds lines at 80 characters and drops the `# yaml-language-server` line, so a pull request that
 * changes one title showed 6–57 changed lines in the bundled documents. Here a save changes only the values the clerk changed,
 * through yaml's Document API on the file as it was read, and leaves every other line as it was written.
 *
 * Runs in the browser: imports nothing from Node.
 */
import { Document, isMap, isScalar, isSeq, Pair, parse, parseDocument, stringify, YAMLMap, type Node } from 'yaml';
import { splitFrontmatter } from '../load/frontmatter.js';

/** A document as the CMS's form holds it: the frontmatter's keys, and the Markdown text as `body`. */
export type Entry = Record<string, unknown> & { body?: unknown };

/** How yaml writes a value: never folded, list items indented under their key (as `styrdok new` writes them). */
const WRITE = { lineWidth: 0, indentSeq: true } as const;

export class EntryReadError extends Error {}

/**
 * The entry of a file, as Decap's yaml-frontmatter format reads it: the frontmatter's values and the text
 * after it as `body` (left out when there is no text). A file without frontmatter is all text.
 */
export function readEntry(text: string): Entry {
  const split = splitFrontmatter(text);
  if (split.yaml === undefined) {
    if (split.problem?.kind === 'unclosed') throw new EntryReadError('Frontmatter saknar sin avslutande rad med tre bindestreck (---).');
    return text.trim() ? { body: split.body } : {};
  }
  const document = parseDocument(split.yaml);
  const problem = document.errors[0];
  if (problem) throw new EntryReadError(`Frontmatter går inte att läsa som YAML: ${problem.message}`);
  let data: unknown;
  try {
    data = document.toJS() ?? {};
  } catch (error) {
    // yaml stops an alias that expands too far (a «billion laughs»), as the check does.
    throw new EntryReadError(`Frontmatter går inte att läsa som YAML: ${(error as Error).message}`);
  }
  if (!isRecord(data)) throw new EntryReadError('Frontmatter ska vara nycklar med värden, inte en lista eller ett ensamt värde.');
  return { ...data, ...(split.body.trim() ? { body: split.body } : {}) };
}

/**
 * The file text of `entry`. With the text it was read from (`original`), only what changed is written anew:
 * untouched values keep their lines, comments and quoting, an unchanged text keeps its bytes, and the file
 * keeps its line endings. Without one (a new document, or a file whose frontmatter cannot be edited in place)
 * the frontmatter is written as `styrdok new` writes it: `modeline` first, top-level keys in `keyOrder` (the
 * form's field order, which is the schema's), nothing folded.
 */
export function writeEntry(entry: Entry, options: { keyOrder?: readonly string[]; original?: string; modeline?: string } = {}): string {
  const { body, ...data } = entry;
  const text = typeof body === 'string' ? body : '';
  const keyOrder = options.keyOrder ?? [];
  const kept = options.original === undefined ? undefined : editedText(options.original, data, text, keyOrder);
  if (kept !== undefined) return kept;
  const ordered = Object.fromEntries(Object.entries(data).sort(([a], [b]) => rank(keyOrder, a) - rank(keyOrder, b)));
  const yaml = Object.keys(ordered).length ? stringify(ordered, WRITE).trimEnd() : '';
  const header = [options.modeline ?? modelineOf(options.original), yaml].filter(Boolean);
  return ['---', ...header, '---', '', ...(text.trim() ? [text.trim(), ''] : [])].join('\n');
}

/**
 * `original` with its frontmatter changed to `data` and its text to `body`, or undefined when the original's
 * frontmatter cannot be edited (none, or broken), or the edited YAML would not read back as `data`: then
 * the caller writes the file anew rather than risk a value.
 */
function editedText(original: string, data: Record<string, unknown>, body: string, keyOrder: readonly string[]): string | undefined {
  const split = splitFrontmatter(original);
  if (split.yaml === undefined) return undefined;
  // The whole frontmatter written by yaml only where the line-for-line edit cannot be made.
  let yaml: string | undefined;
  for (const edit of [splicedYaml, renderedYaml]) {
    const edited = edit(split.yaml, data, keyOrder);
    if (edited !== undefined && readsAs(edited, data)) {
      yaml = edited;
      break;
    }
  }
  if (yaml === undefined) return undefined;
  const newline = original.includes('\r\n') ? '\r\n' : '\n';
  const lines = original.split('\n');
  const head = lines.slice(0, split.yamlLineOffset).join('\n');
  const sameBody = body.trim() === split.body.trim();
  const fence = lines[split.bodyStartLine - 2] ?? '---';
  const newText = body.trim().replace(/\r?\n/g, newline);
  const tail = sameBody ? lines.slice(split.bodyStartLine - 2).join('\n') : [fence.replace(/\r$/, ''), '', ...(newText ? [newText, ''] : [])].join(newline);
  return `${head}\n${yaml.split('\n').join(newline)}${newline}${tail}`;
}

/** Whether `yaml` reads back as exactly `data`. */
function readsAs(yaml: string, data: Record<string, unknown>): boolean {
  try {
    return sameValue(parse(yaml) ?? {}, data);
  } catch {
    return false;
  }
}

/** How a document writes what is new in it: its flow lists with or without spaces inside the brackets, its lists indented under their key or not. */
function styleOf(yaml: string) {
  return { ...WRITE, flowCollectionPadding: /[:-] [[{] /.test(yaml), indentSeq: !/^([^\S\n]*)[^\s#-][^\n]*:[^\S\n]*\n\1- /m.test(yaml) };
}

/** A changed value written as it was: a document may write `[a, b]` and `{ a: 1 }` side by side. */
function flowStyleOf(text: string, style: ReturnType<typeof styleOf>): ReturnType<typeof styleOf> {
  return /: *[[{]/.test(text) ? { ...style, flowCollectionPadding: /[[{] /.test(text) } : style;
}

/**
 * The YAML with its top-level keys set to `data`'s, line for line: the lines of a key whose value is unchanged
 * are kept as they are (a long line someone wrapped by hand stays wrapped), a changed value is written anew
 * (from the node edited in place, so comments inside it stay), a removed key's lines go, and a new key goes
 * before the first key that comes after it in `keyOrder`. Comment lines above a key stay above it. Undefined
 * for a frontmatter whose keys are not each at the start of a line of their own.
 */
function splicedYaml(yaml: string, data: Record<string, unknown>, keyOrder: readonly string[]): string | undefined {
  const document = parseDocument(yaml);
  if (document.errors.length || !isMap(document.contents) || document.contents.flow) return undefined;
  const lines = yaml.split('\n');
  const pairs = document.contents.items;
  const keyLines = linesOf(lines, pairs.map((pair) => (isScalar(pair.key) && pair.key.range ? pair.key.range[0] : -1)));
  const before = document.toJS() as Record<string, unknown>;
  if (keyLines.some((line, i) => line < 0 || /^\s/.test(lines[line]!) || (i > 0 && line <= keyLines[i - 1]!))) return undefined;
  // Blank lines and comments at the start of a line, above a key, are that key's: they stay when its value changes.
  const aboveStart = (line: number, floor: number) => {
    while (line > floor && /^(#.*)?$/.test(lines[line - 1]!)) line--;
    return line;
  };
  const blockStarts = keyLines.map((line, i) => aboveStart(line, i ? keyLines[i - 1]! + 1 : 0));
  const end = pairs.length ? aboveStart(lines.length, keyLines.at(-1)! + 1) : lines.length;
  const style = styleOf(yaml);
  const out: string[] = lines.slice(0, blockStarts[0] ?? end);
  const present = new Set(pairs.map(keyOf));
  const added = Object.keys(data).filter((key) => data[key] !== undefined && !present.has(key));
  const addBefore = (key: string | undefined) => {
    while (added.length && (key === undefined || (keyOrder.includes(added[0]!) && rank(keyOrder, added[0]!) < rank(keyOrder, key)))) {
      const next = added.shift()!;
      out.push(renderedPair(document, document.createPair(next, data[next]) as Pair, style));
    }
  };
  added.sort((a, b) => rank(keyOrder, a) - rank(keyOrder, b));
  pairs.forEach((pair, i) => {
    const key = keyOf(pair);
    const stop = i + 1 < pairs.length ? blockStarts[i + 1]! : end;
    // The comments above the first key head the whole frontmatter (the modeline): a new key goes below them.
    if (i === 0) out.push(...lines.slice(blockStarts[i], keyLines[i]));
    addBefore(key);
    if (i > 0) out.push(...lines.slice(blockStarts[i], keyLines[i]));
    if (!(key in data) || data[key] === undefined) return;
    const value = pair.value as Node | null;
    if (sameValue(before[key], data[key])) out.push(...lines.slice(keyLines[i], stop));
    else out.push(renderedPair(document, new Pair(pair.key, updated(document, value, data[key])), flowStyleOf(lines.slice(keyLines[i], stop).join('\n'), style)));
  });
  addBefore(undefined);
  out.push(...lines.slice(end));
  return out.join('\n').trimEnd();
}

/** The line of each offset, in order (-1 stays -1): one pass over the lines, however many keys there are. */
function linesOf(lines: readonly string[], offsets: readonly number[]): number[] {
  let line = 0;
  let lineEnd = lines[0]!.length;
  return offsets.map((offset) => {
    if (offset < 0) return -1;
    while (offset > lineEnd && line + 1 < lines.length) lineEnd += 1 + lines[++line]!.length;
    return line;
  });
}

/** One key and its value as YAML lines, without the comments above the key (they are kept from the original). */
function renderedPair(document: Document, pair: Pair, style: ReturnType<typeof styleOf>): string {
  const key = isScalar(pair.key) ? Object.assign(pair.key.clone(), { commentBefore: undefined, spaceBefore: false }) : pair.key;
  const piece = new Document(null);
  const map = new YAMLMap(piece.schema);
  map.items.push(new Pair(key, pair.value));
  piece.contents = map;
  return piece.toString(style).trimEnd();
}

/** The whole YAML written by yaml from the document edited in place: for a frontmatter splicedYaml cannot take apart. */
function renderedYaml(yaml: string, data: Record<string, unknown>, keyOrder: readonly string[]): string | undefined {
  const document = parseDocument(yaml);
  if (document.errors.length || !isMap(document.contents)) return undefined;
  updateMap(document, document.contents, data, keyOrder);
  return document.toString(styleOf(yaml)).trimEnd();
}

/** Sets the map's keys to `value`'s: keys no longer there go, changed values are updated in place, new keys go in `keyOrder`'s place. */
function updateMap(document: Document, map: Node, value: Record<string, unknown>, keyOrder: readonly string[]): void {
  if (!isMap(map)) return;
  map.items = map.items.filter((pair) => keyOf(pair) in value && value[keyOf(pair)] !== undefined);
  for (const [key, item] of Object.entries(value)) {
    if (item === undefined) continue;
    const pair = map.items.find((p) => keyOf(p) === key);
    if (pair) {
      pair.value = updated(document, pair.value as Node | null, item);
      continue;
    }
    const created = document.createPair(key, item) as Pair;
    const before = map.items.findIndex((p) => rank(keyOrder, keyOf(p)) > rank(keyOrder, key));
    if (keyOrder.includes(key) && before >= 0) map.items.splice(before, 0, created);
    else map.items.push(created);
  }
}

/** The node for `value`: `node` itself when it already holds it, changed in place where it is a map or list, else a new node. */
function updated(document: Document, node: Node | null, value: unknown): Node {
  if (isMap(node) && isRecord(value)) {
    updateMap(document, node, value, []);
    return node;
  }
  if (isSeq(node) && Array.isArray(value)) {
    node.items = value.map((item, i) => (i < node.items.length ? updated(document, node.items[i] as Node | null, item) : document.createNode(item)));
    return node;
  }
  if (isScalar(node) && sameValue(node.toJSON(), value)) return node;
  return document.createNode(value);
}

function keyOf(pair: Pair): string {
  return String(isScalar(pair.key) ? pair.key.value : pair.key);
}

function rank(order: readonly string[], key: string): number {
  const index = order.indexOf(key);
  return index < 0 ? order.length : index;
}

/** The modeline an original file starts its frontmatter with, to keep when it is written anew. */
function modelineOf(original: string | undefined): string | undefined {
  const yaml = original === undefined ? undefined : splitFrontmatter(original).yaml;
  const first = yaml?.split('\n', 1)[0];
  return first?.startsWith('# yaml-language-server:') ? first : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Equal as data: the same keys with equal values in any order, lists item by item. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) || Array.isArray(b)) return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, i) => sameValue(item, b[i]));
  if (isRecord(a) || isRecord(b)) {
    if (!isRecord(a) || !isRecord(b)) return false;
    const keys = (record: Record<string, unknown>) => Object.keys(record).filter((key) => record[key] !== undefined);
    return keys(a).length === keys(b).length && keys(a).every((key) => key in b && sameValue(a[key], b[key]));
  }
  return Object.is(a, b) || (a === null && b === null);
}
