import { CST, isMap, isPair, isScalar, isSeq, Lexer, parseDocument, visit, type Document, type Node, type YAMLError } from 'yaml';
import type { Span } from '../model/diagnostic.js';
import { yamlMessage, type ErrorLines } from './yaml-messages.js';

export type PathSegment = string | number;

export interface YamlProblem {
  span: Span;
  message: string;
}

/** Parsed frontmatter that remembers where every key came from, for diagnostics. */
export interface YamlSource {
  data: unknown;
  problems: YamlProblem[];
  /** Span of the key (or list item) at `path`; falls back to the nearest ancestor that exists. */
  locate(path: readonly PathSegment[]): Span;
}

/**
 * Where every key and list item of a parsed frontmatter is, in file coordinates: a compact stand-in for the
 * YAML syntax tree. A document keeps only this (a tree per document would hold ~100 KB per 10 KB file, over a
 * gigabyte for a large corpus), and it is plain data, so the parse cache can store it.
 */
export interface SpanTable {
  /** File line of the YAML text's first line: the span when no key of a path exists. */
  firstLine: number;
  /** Per entry: index of the parent entry, -1 at the top. Entries come in document order. */
  parents: number[];
  /** Per entry: the map key (string or number) or the list index. */
  segments: PathSegment[];
  /** Per entry, four numbers: start line, start column, end line, end column. */
  positions: number[];
}

/**
 * Line and column (1-based) of an offset, counting lines at LF as everywhere in styrdok. yaml's own
 * LineCounter only learns the lines its lexer walks through, so after some syntax errors it put the end of a
 * problem hundreds of columns past the end of its line.
 */
class Lines {
  private readonly starts: number[] = [0];
  constructor(private readonly text: string) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }
  linePos(offset: number): { line: number; col: number } {
    const at = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid]! <= at) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, col: at - this.starts[low]! + 1 };
  }
}

/** Deeper than any real frontmatter; bounds the recursive walks below on hostile input. */
const MAX_DEPTH = 64;
/** More YAML problems than this in one file are summed up in one last finding. */
const MAX_PROBLEMS = 20;

const aliasMessage = (place: string) => `Alias (*namn) och ankare (&namn) stöds inte i ${place}. Skriv ut värdet där det behövs.`;

/** Where the YAML is, as the messages name it: a document's frontmatter, or the configuration file. */
export type YamlPlace = 'frontmatter' | 'konfigurationen';

const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** Parser errors that are each a mistake of their own in the text, however confused the parser is around them. */
const INDEPENDENT = new Set<string>(['DUPLICATE_KEY', 'TAB_AS_INDENT']);
/** Of those, the ones found after the structure is read, which confuse nothing after them. */
const AFTER_PARSING = new Set<string>(['DUPLICATE_KEY']);
/** At one position, the parser's follow-up complaint: a key that runs on because the error before it ended nothing. */
const FOLLOW_UP = new Set<string>(['MULTILINE_IMPLICIT_KEY']);

const tables = new WeakMap<YamlSource['locate'], SpanTable>();

/** The span table behind a locate function made by parseYamlSource or locateIn, for the parse cache. */
export function spanTableOf(locate: YamlSource['locate']): SpanTable | undefined {
  return tables.get(locate);
}

/**
 * locate() over a span table, with the same answers as walking the YAML tree: the deepest key or list item of
 * the path that exists, else the start of the frontmatter. Defined apart from parseYamlSource so that the
 * closure cannot keep a syntax tree alive.
 */
export function locateIn(table: SpanTable): YamlSource['locate'] {
  let children: Map<number, Map<PathSegment, number>> | undefined;
  const spanOf = (entry: number): Span => {
    const p = table.positions;
    const i = entry * 4;
    return { start: { line: p[i]!, column: p[i + 1]! }, end: { line: p[i + 2]!, column: p[i + 3]! } };
  };
  const locate = (path: readonly PathSegment[]): Span => {
    if (!children) {
      children = new Map();
      table.parents.forEach((parent, entry) => {
        let map = children!.get(parent);
        if (!map) children!.set(parent, (map = new Map()));
        const segment = table.segments[entry]!;
        if (!map.has(segment)) map.set(segment, entry);
      });
    }
    let best: Span = { start: { line: table.firstLine, column: 1 } };
    let parent = -1;
    for (const segment of path) {
      const entry = children.get(parent)?.get(segment);
      if (entry === undefined) return best;
      best = spanOf(entry);
      parent = entry;
    }
    return best;
  };
  tables.set(locate, table);
  return locate;
}

export function parseYamlSource(text: string, lineOffset: number, place: YamlPlace = 'frontmatter'): YamlSource {
  const lineCounter = new Lines(text);
  const toSpan = (start: number, end?: number): Span => {
    const a = lineCounter.linePos(start);
    const b = end === undefined ? undefined : lineCounter.linePos(end);
    return {
      start: { line: a.line + lineOffset, column: a.col },
      ...(b ? { end: { line: b.line + lineOffset, column: b.col } } : {}),
    };
  };
  const problems: YamlProblem[] = [];
  const deep = tooDeepAt(text);
  if (deep !== undefined) {
    const line = text.slice(0, deep).split('\n');
    const span = { start: { line: line.length + lineOffset, column: line[line.length - 1]!.length + 1 } };
    return { data: undefined, problems: [{ span, message: `${capitalized(place)} är nästlad djupare än ${MAX_DEPTH} nivåer. Förenkla strukturen.` }], locate: () => span };
  }
  let document: Document.Parsed;
  try {
    // resolveKnownTags: false keeps YAML 1.1 types (!!binary, !!set, !!timestamp) out of the data, which stays
    // plain JSON for the schema and the cache; such tags are unknown tags. logLevel: 'error' keeps yaml from
    // printing its own English warnings on the CLI's stderr.
    document = parseDocument(text, { uniqueKeys: true, prettyErrors: false, strict: true, resolveKnownTags: false, logLevel: 'error' });
  } catch {
    return { data: undefined, problems: [{ span: toSpan(0), message: yamlMessage('RESOURCE_EXHAUSTION', '') }], locate: () => toSpan(0) };
  }
  let quotes: QuotedRanges | undefined;
  for (const error of withoutCascades([...document.errors, ...document.warnings], lineCounter)) {
    const opening = error.code === 'MISSING_CHAR' && error.message.includes('quote') ? (quotes ??= quotedRanges(document)).openingAt(error.pos[0]) : undefined;
    // The parser finds a missing closing quote where the text ends, often many lines further down: the quote
    // belongs at the end of the line where it opens.
    const span = opening === undefined ? toSpan(error.pos[0], error.pos[1]) : toSpan(endOfLine(text, opening));
    problems.push({ span, message: yamlMessage(error.code, error.message, linesAt(text, error.pos[0]), capitalized(place)) });
  }

  // Frontmatter with problems has no data, so no key of it is ever located: every path falls back to its start.
  const locate = (): Span => toSpan(0);

  if (problems.length > 0) return { data: undefined, problems: capped(problems, place), locate };

  // Aliases are refused outright: they allow circular data and alias bombs, and no clerk needs them. An anchor
  // that no alias uses is refused too (an alias is reported where it is, and the message names both).
  let depthProblem = false;
  const aliased = new Set<string>();
  const anchored: Node[] = [];
  try {
  visit(document, {
    Pair(_key, pair) {
      // A list or map as a key (`? [a, b]`) becomes a string in the data, and turning nested ones into strings
      // takes time exponential in their depth.
      const key = pair.key as Node | null;
      if (key && !isScalar(key) && key.range) {
        problems.push({ span: toSpan(key.range[0], key.range[1]), message: yamlMessage('NON_STRING_KEY', '') });
        return visit.SKIP;
      }
      return undefined;
    },
    Alias(_key, node) {
      aliased.add(node.source);
      if (node.range) problems.push({ span: toSpan(node.range[0], node.range[1]), message: aliasMessage(place) });
      return visit.SKIP;
    },
    Node(_key, node, path) {
      if (path.length > MAX_DEPTH * 2 && !depthProblem) {
        depthProblem = true;
        if (node.range) problems.push({ span: toSpan(node.range[0]), message: `${capitalized(place)} är nästlad djupare än ${MAX_DEPTH} nivåer. Förenkla strukturen.` });
        return visit.BREAK;
      }
      if (node.anchor) anchored.push(node);
      return undefined;
    },
  });
  } catch {
    problems.push({ span: toSpan(0), message: yamlMessage('RESOURCE_EXHAUSTION', '') });
  }
  for (const node of anchored) {
    if (aliased.has(node.anchor!) || !node.range) continue;
    // A node's range starts at its value; the &anchor stands before it (after a tag, if any).
    const at = text.lastIndexOf(`&${node.anchor}`, node.range[0]);
    const start = at < 0 ? node.range[0] : at;
    problems.push({ span: toSpan(start, start + 1 + node.anchor!.length), message: aliasMessage(place) });
  }
  if (problems.length > 0) return { data: undefined, problems: capped(problems, place), locate };
  let data: unknown;
  try {
    data = document.toJS({ maxAliasCount: 0 });
  } catch {
    return { data: undefined, problems: [{ span: toSpan(0), message: yamlMessage('RESOURCE_EXHAUSTION', '') }], locate };
  }
  return { data, problems, locate: locateIn(spanTable(document, lineCounter, lineOffset)) };
}

/**
 * Offset where the text nests deeper than MAX_DEPTH, or undefined. The YAML composer recurses once per level
 * and meets the end of the stack somewhere around a thousand `[`: where it gives up then depends on how deep
 * the caller's stack already was (so the finding moved between runs), and an overflow inside V8's regular
 * expression compiler even ended the process. The lexer is a loop, so its tokens are counted instead: flow
 * collections (`[`, `{`) and block indicators on one line (`- - -`, `? ? ?`). A cheap count of the characters
 * comes first; real frontmatter never needs the lexer.
 */
function tooDeepAt(text: string): number | undefined {
  let brackets = 0;
  let indicators = 0;
  let suspicious = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 91 || c === 123) brackets++;
    else if (c === 45 || c === 63 || c === 58) indicators++;
    else if (c === 10) indicators = 0;
    if (brackets > MAX_DEPTH || indicators > MAX_DEPTH) {
      suspicious = true;
      break;
    }
  }
  if (!suspicious) return undefined;
  let offset = 0;
  let flow = 0;
  let block = 0;
  for (const token of new Lexer().lex(text)) {
    const type = CST.tokenType(token);
    if (type === 'flow-map-start' || type === 'flow-seq-start') flow++;
    else if (type === 'flow-map-end' || type === 'flow-seq-end') flow = Math.max(0, flow - 1);
    else if (type === 'seq-item-ind' || type === 'explicit-key-ind' || type === 'map-value-ind') block++;
    else if (type === 'newline') block = 0;
    if (flow > MAX_DEPTH || block > MAX_DEPTH) return offset;
    // The lexer adds marker tokens of its own that stand for no source text.
    if (type !== 'doc-mode' && type !== 'scalar' && type !== 'flow-error-end') offset += token.length;
  }
  return undefined;
}

/**
 * One finding per distinct problem, at most MAX_PROBLEMS of them and then a count: an unclosed `[` ten
 * thousand levels deep gives the parser's same complaint hundreds of times.
 */
function capped(problems: YamlProblem[], place: YamlPlace): YamlProblem[] {
  const seen = new Set<string>();
  const distinct = problems.filter((p) => {
    const key = `${p.span.start.line}:${p.span.start.column}:${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  if (distinct.length <= MAX_PROBLEMS) return distinct;
  const rest = distinct.length - MAX_PROBLEMS;
  return [
    ...distinct.slice(0, MAX_PROBLEMS),
    { span: distinct[MAX_PROBLEMS]!.span, message: `Ytterligare ${rest} YAML-fel i ${place} visas inte. Rätta felen ovan och kontrollera igen.` },
  ];
}

/**
 * The parser's first error and not the cascade after it. Once the parser has lost track of the structure (a
 * tab as indent, a colon in a value) it complains again on the same line and on the lines its confused reading
 * runs into: a tab before `datum:` gave five findings on two lines. An error on a line that an earlier error
 * already reaches is dropped. Duplicate keys and tabs are always kept, since each is a mistake of its own, and a
 * duplicate key hides nothing: the parser has read the line well enough to find the key.
 */
function withoutCascades(errors: YAMLError[], lines: Lines): YAMLError[] {
  const ordered = errors
    .map((error, index) => ({ error, index }))
    .sort((a, b) => a.error.pos[0] - b.error.pos[0] || Number(FOLLOW_UP.has(a.error.code)) - Number(FOLLOW_UP.has(b.error.code)) || a.index - b.index)
    .map(({ error }) => error);
  const kept: YAMLError[] = [];
  let reached = 0;
  for (const error of ordered) {
    const [start, end] = error.pos;
    const line = lines.linePos(start).line;
    if (INDEPENDENT.has(error.code) || line > reached) kept.push(error);
    if (!AFTER_PARSING.has(error.code)) reached = Math.max(reached, lines.linePos(Math.max(start, end - 1)).line);
  }
  return kept;
}

interface QuotedRanges {
  /** Offset of the opening quote of the quoted value that the parser found unclosed at `offset`, if any. */
  openingAt(offset: number): number | undefined;
}

/** The quoted values of a document, which never overlap, in document order. */
function quotedRanges(document: Document.Parsed): QuotedRanges {
  const ranges: [number, number][] = [];
  visit(document, {
    Scalar(_key, node) {
      if ((node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') && node.range) ranges.push([node.range[0], node.range[1]]);
    },
  });
  ranges.sort((a, b) => a[0] - b[0]);
  return {
    openingAt(offset) {
      let low = 0;
      let high = ranges.length - 1;
      let found = -1;
      while (low <= high) {
        const mid = (low + high) >> 1;
        if (ranges[mid]![0] < offset) {
          found = mid;
          low = mid + 1;
        } else high = mid - 1;
      }
      return found >= 0 && offset <= ranges[found]![1] ? ranges[found]![0] : undefined;
    },
  };
}

/** Offset just after the last character on the line of `offset` that is not a space. */
function endOfLine(text: string, offset: number): number {
  let end = text.indexOf('\n', offset);
  if (end < 0) end = text.length;
  while (end > offset + 1 && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
  return end;
}

/** The span table of a parsed document without problems (so no aliases, and at most MAX_DEPTH deep). */
function spanTable(document: Document.Parsed, lineCounter: Lines, lineOffset: number): SpanTable {
  const table: SpanTable = { firstLine: 1 + lineOffset, parents: [], segments: [], positions: [] };
  const add = (parent: number, segment: PathSegment, range: readonly number[]): number => {
    const a = lineCounter.linePos(range[0]!);
    const b = lineCounter.linePos(range[1]!);
    table.parents.push(parent);
    table.segments.push(segment);
    table.positions.push(a.line + lineOffset, a.col, b.line + lineOffset, b.col);
    return table.parents.length - 1;
  };
  const walk = (node: unknown, parent: number): void => {
    if (isMap(node)) {
      for (const item of node.items) {
        // locate() matches a path segment against a scalar key's value with ===: only strings and numbers can match.
        if (!isPair(item) || !isScalar(item.key) || !item.key.range) continue;
        const value = item.key.value;
        if (typeof value !== 'string' && typeof value !== 'number') continue;
        walk(item.value, add(parent, value, item.key.range));
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, index) => {
        const range = (item as Node | null)?.range;
        if (range) walk(item, add(parent, index, range));
      });
    }
  };
  walk(document.contents, -1);
  return table;
}

/** The line of `text` that holds offset `at`, and the last non-blank line before it, without line ends. */
function linesAt(text: string, at: number): ErrorLines {
  const start = text.lastIndexOf('\n', at - 1) + 1;
  const end = text.indexOf('\n', at);
  const line = text.slice(start, end === -1 ? text.length : end).replace(/\r$/, '');
  // Backwards, line by line, to the first that is not blank.
  for (let lineEnd = start - 1; lineEnd > 0; ) {
    const lineStart = text.lastIndexOf('\n', lineEnd - 1) + 1;
    const previous = text.slice(lineStart, lineEnd).replace(/\r$/, '');
    if (previous.trim() !== '') return { line, previous };
    lineEnd = lineStart - 1;
  }
  return { line };
}
