import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node } from 'yaml';
import type { Span } from '../model/diagnostic.js';
import { yamlMessage } from './yaml-messages.js';

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

/** Deeper than any real frontmatter; bounds the recursive walks below on hostile input. */
const MAX_DEPTH = 64;

export function parseYamlSource(text: string, lineOffset: number): YamlSource {
  const lineCounter = new LineCounter();
  const toSpan = (start: number, end?: number): Span => {
    const a = lineCounter.linePos(start);
    const b = end === undefined ? undefined : lineCounter.linePos(end);
    return {
      start: { line: a.line + lineOffset, column: a.col },
      ...(b ? { end: { line: b.line + lineOffset, column: b.col } } : {}),
    };
  };
  const problems: YamlProblem[] = [];
  let document: Document.Parsed;
  try {
    document = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true });
  } catch {
    return { data: undefined, problems: [{ span: toSpan(0), message: yamlMessage('RESOURCE_EXHAUSTION', '') }], locate: () => toSpan(0) };
  }
  for (const error of [...document.errors, ...document.warnings]) {
    problems.push({ span: toSpan(error.pos[0], error.pos[1]), message: yamlMessage(error.code, error.message) });
  }

  const locate = (path: readonly PathSegment[]): Span => {
    let node: unknown = document.contents;
    let best: Span = toSpan(0);
    for (const segment of path) {
      if (isMap(node)) {
        const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && item.key.value === segment);
        const key = pair?.key as Node | undefined;
        if (!pair || !key?.range) return best;
        best = toSpan(key.range[0], key.range[1]);
        node = pair.value;
      } else if (isSeq(node) && typeof segment === 'number') {
        const item = node.items[segment] as Node | undefined;
        if (!item?.range) return best;
        best = toSpan(item.range[0], item.range[1]);
        node = item;
      } else {
        return best;
      }
    }
    return best;
  };

  if (problems.length > 0) return { data: undefined, problems, locate };

  // Aliases are refused outright: they allow circular data and alias bombs, and no clerk needs them.
  let depthProblem = false;
  try {
  visit(document, {
    Alias(_key, node) {
      if (node.range) problems.push({ span: toSpan(node.range[0], node.range[1]), message: 'Alias (*namn) och ankare (&namn) stöds inte i frontmatter. Skriv ut värdet där det behövs.' });
      return visit.SKIP;
    },
    Node(_key, node, path) {
      if (path.length > MAX_DEPTH * 2 && !depthProblem) {
        depthProblem = true;
        if (node.range) problems.push({ span: toSpan(node.range[0]), message: `Frontmatter är nästlad djupare än ${MAX_DEPTH} nivåer. Förenkla strukturen.` });
        return visit.BREAK;
      }
      return undefined;
    },
  });
  } catch {
    problems.push({ span: toSpan(0), message: yamlMessage('RESOURCE_EXHAUSTION', '') });
  }
  if (problems.length > 0) return { data: undefined, problems, locate };
  return { data: document.toJS({ maxAliasCount: 0 }), problems, locate };
}
