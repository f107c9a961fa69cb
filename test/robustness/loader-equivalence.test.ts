/**
 * The loader's fast paths give exactly what the straightforward code gives:
 * - bodyLinks (linear scanner, independent chunks, bounded remark) = remark-parse on the whole body;
 * - splitFrontmatter (walks only to the closing fence) = splitting every line and joining them again;
 * - locate() over the compact span table = walking the YAML syntax tree.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { Nodes, Root } from 'mdast';
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { describe, expect, it } from 'vitest';
import { bodyLinks, linksToJudge, markdownNestingLine, type BodyLink } from '../../src/load/body-links.js';
import { splitFrontmatter, type FrontmatterSplit } from '../../src/load/frontmatter.js';
import { parseYamlSource, type PathSegment } from '../../src/load/yaml-source.js';
import type { Span } from '../../src/model/diagnostic.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SEED = Number(process.env.STYRDOK_FC_SEED ?? 20261125);
const RUNS = Number(process.env.STYRDOK_FC_RUNS ?? 1);

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return markdownFiles(full);
    return entry.name.endsWith('.md') ? [full] : [];
  });
}
const SAMPLES = [...markdownFiles(path.join(ROOT, 'strategy')), ...markdownFiles(path.join(ROOT, 'test/fixtures/bad-input'))].map((file) => readFileSync(file, 'utf8'));

/**
 * The reference: remark on the whole body, every link, image and definition, lines split at LF. A body is
 * the rest of a file after its frontmatter, where U+FEFF is an ordinary character; remark would drop it at
 * the start of what it parses, so the body is parsed after a blank line (which changes no block).
 */
const parser = unified().use(remarkParse);
function remarkBodyLinks(body: string, bodyStartLine: number): BodyLink[] {
  if (!body.includes('](') && !body.includes(']:') && !body.includes('<')) return [];
  const links: BodyLink[] = [];
  const walk = (node: Nodes) => {
    if ((node.type === 'link' || node.type === 'image' || node.type === 'definition') && node.position) {
      const before = body.slice(0, node.position.start.offset! - 1);
      links.push({ url: node.url, line: before.split('\n').length + bodyStartLine - 1, column: before.length - before.lastIndexOf('\n') });
    }
    if ('children' in node) for (const child of node.children) walk(child as Nodes);
  };
  walk(parser.parse(`\n${body}`) as Root);
  return links;
}

/**
 * bodyLinks against the reference. A block nested deeper than MAX_MARKDOWN_DEPTH gets the scanner's best
 * effort instead of remark, which may miss a link or take one inside HTML for a link (parseFile refuses such
 * a body with an error of its own): there every link found must start at a link's opening character inside
 * the body.
 */
function expectSameLinks(text: string, start: number): void {
  const ours = bodyLinks(text, start);
  if (markdownNestingLine(text) < 0) {
    expect(ours).toEqual(remarkBodyLinks(text, start));
    return;
  }
  const lines = text.split('\n');
  for (const link of ours) expect(lines[link.line - start]?.[link.column - 1] ?? '', JSON.stringify(link)).toMatch(/^[[!<]$/);
}

/** Markdown pieces that exercise every branch of the scanner and the chunking. */
const PIECES = [
  '[', ']', '[', ']', '(', ')', '(', ')', '!', '<', '>', '-', '*', '_', ' ', ' ', '  ', '    ', '\t', '\n', '\n', '\n\n', '\r',
  'a', 'å', '😀', 'b.md', '../x.md', 'http://e.se', 'https:', 'mailto:a@b.se', '#', ':', ';', '=', '"t"', "'", '&amp;', '&', '&#91;', '\\',
  '`', '```', '~~~', '1. ', '2) ', '- ', '+ ', '> ', '# ', '===', '---', '\u00a0', '\u0000', '\u007f',
  '<http://a.se>', '<a@b.se>', '<div>', '</div>', '<!-- c -->', '<a href="x">', 'x<y', '< 5', '[a](b)', '![i](c.png)', '[r]: d', '[a][r]', '[a](b "t")', '[a](<b c>)', '[a]( b )', '[]()',
];
const body = fc.array(fc.constantFrom(...PIECES), { maxLength: 80 }).map((parts) => parts.join(''));

/** Realistic bodies: the sample documents, cut at random places and with pieces inserted. */
const realisticBody = fc
  .tuple(fc.constantFrom(...SAMPLES), fc.double({ min: 0, max: 1, noNaN: true }), fc.array(fc.constantFrom(...PIECES), { maxLength: 10 }))
  .map(([text, at, parts]) => {
    const cut = Math.floor(at * text.length);
    return text.slice(0, cut) + parts.join('') + text.slice(cut);
  });

describe('bodyLinks gives exactly what remark gives', () => {
  it('on random Markdown', () => {
    fc.assert(
      fc.property(body, fc.integer({ min: 1, max: 50 }), (text, start) => {
        expect(bodyLinks(text, start)).toEqual(remarkBodyLinks(text, start));
      }),
      { numRuns: 3000 * RUNS, seed: SEED },
    );
  });

  it('on the sample documents and fixtures, whole and with pieces inserted', () => {
    for (const text of SAMPLES) expectSameLinks(text, 3);
    fc.assert(
      fc.property(realisticBody, (text) => expectSameLinks(text, 1)),
      { numRuns: 150 * RUNS, seed: SEED },
    );
  });

  // Cases the scanner decides itself; each is a rule of CommonMark that a naive scanner gets wrong.
  const cases: [string, string][] = [
    ['links do not contain links: the inner one wins', 'x [a [b](c) d](e)'],
    ['an image may contain a link, and mdast keeps only the image', '![a [b](c)](d)'],
    ['a link may contain an image', '[![a](b)](c)'],
    ['brackets balance inside link text', '[a [b] c](d)'],
    ['a closer without an opener is text', 'a] [b](c)'],
    ['a space before the parenthesis: no link', '[a] (b)'],
    ['an empty destination', '[a]() and [b]( )'],
    ['a link in a list, a quote and a heading', '- [a](b)\n> [c](d)\n# [e](f)\n1. [g](h)'],
    ['a link that spans lines goes to remark', '[a\nb](c)'],
    ['a link after an unclosed bracket on the line before', '[a\n\n[b](c)'],
    ['an autolink, and one inside link text', '<https://a.se> [x <https://b.se>](c)'],
    ['a less-than sign that is not HTML', 'a < b [c](d) 5<6'],
    ['inline HTML hides nothing but is left to remark', '<span title="[a](b)">[c](d)</span>'],
    ['code spans hide links', '`[a](b)` [c](d) ``[e](f)``'],
    ['fenced code across blank lines', '```\n[a](b)\n\n[c](d)\n```\n\n[e](f)'],
    ['indented code is not a link, a nested list item is', '    [a](b)\n\n- x\n  - y\n    - [c](d)'],
    ['a definition elsewhere turns [a][r] into a reference', '[a][r](x)\n\n[r]: https://r.se'],
    ['entities and escapes in destinations', '[a](b&amp;c) [d](e\\)f) [g](h&i)'],
    ['a title', '[a](b "c") [d](e \'f\') [g](h (i))'],
    ['tabs and a lone CR', 'a\t[b](c)\r[d](e)'],
    ['deep quotes over the nesting limit still give their links', `${'> '.repeat(40)}[a](b) \`c\``],
    ['a block over the nesting limit gives a link with a title too', `[a](b "t")\n${'> '.repeat(33)}x`],
    ['U+FEFF starting a block in the middle of a body is an ordinary character', 'a\n\n\ufeffx\n<a@b.se>\n\n\ufeff[a](b "t") [c](d)'],
    ['U+FEFF starting the body (after the frontmatter) is one too', '\ufeff[]() <a@b.se>'],
  ];
  for (const [name, text] of cases) {
    it(name, () => {
      expect(bodyLinks(text, 7)).toEqual(remarkBodyLinks(text, 7));
    });
  }
});

describe('linksToJudge', () => {
  it('keeps relative links and unsafe schemes, drops web, mail and phone addresses, in order', () => {
    const text = '[a](https://x.se) [b](../p.md) [c](HTTP://x.se) [d](mailto:a@b.se) [e](tel:+46) [f](javascript:alert(1)) [g](file:///etc) ![h](bild.png) <https://y.se>';
    expect(linksToJudge(bodyLinks(text, 1)).map((link) => link.url)).toEqual(['../p.md', 'javascript:alert(1)', 'file:///etc', 'bild.png']);
  });
});

/** The reference split: every line, CR removed, joined again (the original implementation). */
function referenceSplit(source: string): FrontmatterSplit {
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  const lines = text.split('\n').map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line));
  const FENCE = /^---[ \t]*$/;
  const CLOSE = /^(---|\.\.\.)[ \t]*$/;
  if (!FENCE.test(lines[0] ?? '')) {
    const fenceLine = lines.findIndex((line) => FENCE.test(line));
    const onlyBlankBefore = fenceLine > 0 && lines.slice(0, fenceLine).every((line) => line.trim() === '');
    return { yaml: undefined, yamlLineOffset: 0, body: text, bodyStartLine: 1, problem: onlyBlankBefore ? { kind: 'not-at-start', line: fenceLine + 1 } : { kind: 'missing' } };
  }
  const closeIndex = lines.findIndex((line, index) => index > 0 && CLOSE.test(line));
  if (closeIndex < 0) return { yaml: undefined, yamlLineOffset: 1, body: '', bodyStartLine: lines.length + 1, problem: { kind: 'unclosed' } };
  return { yaml: lines.slice(1, closeIndex).join('\n'), yamlLineOffset: 1, body: lines.slice(closeIndex + 1).join('\n'), bodyStartLine: closeIndex + 2 };
}

describe('splitFrontmatter gives exactly what splitting every line gives', () => {
  it('on fences, CR, BOM and blank lines in any order', () => {
    const piece = fc.constantFrom('---', '...', '\n', '\r\n', '\r', ' ', '\t', 'a: 1', '\ufeff', '----', '--- ', '... x', '', '\u00a0', '#', 'text');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }).map((p) => p.join('')), (text) => {
        expect(splitFrontmatter(text)).toEqual(referenceSplit(text));
      }),
      { numRuns: 5000 * RUNS, seed: SEED },
    );
  });
  it('on the sample documents, also with CRLF', () => {
    for (const text of SAMPLES) {
      expect(splitFrontmatter(text)).toEqual(referenceSplit(text));
      expect(splitFrontmatter(text.replace(/\n/g, '\r\n'))).toEqual(referenceSplit(text.replace(/\n/g, '\r\n')));
    }
  });
});

/** The reference locate(): walk the YAML syntax tree (the original implementation). */
function treeLocate(text: string, lineOffset: number): (path: readonly PathSegment[]) => Span {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, uniqueKeys: true, strict: true });
  const toSpan = (start: number, end?: number): Span => {
    const a = lineCounter.linePos(start);
    const b = end === undefined ? undefined : lineCounter.linePos(end);
    return { start: { line: a.line + lineOffset, column: a.col }, ...(b ? { end: { line: b.line + lineOffset, column: b.col } } : {}) };
  };
  return (path) => {
    let node: unknown = document.contents;
    let best = toSpan(0);
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
      } else return best;
    }
    return best;
  };
}

/** Every path into the data, and near misses: one segment too many, a number as a string, an index past the end. */
function pathsOf(data: unknown): PathSegment[][] {
  const paths: PathSegment[][] = [[]];
  const walk = (value: unknown, path: PathSegment[]) => {
    if (Array.isArray(value)) {
      value.forEach((item, i) => {
        paths.push([...path, i], [...path, String(i)]);
        walk(item, [...path, i]);
      });
      paths.push([...path, value.length]);
    } else if (value && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) {
        paths.push([...path, key], [...path, key, 'saknas'], [...path, key, 0]);
        walk(child, [...path, key]);
      }
    }
  };
  walk(data, []);
  return paths;
}

describe('locate() over the span table gives exactly what walking the YAML tree gives', () => {
  it('for every path of every sample document', () => {
    let checked = 0;
    for (const text of SAMPLES) {
      const split = splitFrontmatter(text);
      if (split.yaml === undefined) continue;
      const source = parseYamlSource(split.yaml, split.yamlLineOffset);
      if (source.problems.length || source.data === undefined) continue;
      const reference = treeLocate(split.yaml, split.yamlLineOffset);
      for (const path of pathsOf(source.data)) {
        expect(source.locate(path), JSON.stringify(path)).toEqual(reference(path));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(500);
  });
  it('for keys that are numbers, quoted numbers, empty or odd', () => {
    const yaml = "2024: a\n'2025': b\n'': c\n1.5: d\ntrue: e\nnull: f\nlista:\n  - [x, {y: z}]\n  - ~\n";
    const source = parseYamlSource(yaml, 1);
    const reference = treeLocate(yaml, 1);
    for (const path of [...pathsOf(source.data), [2024], ['2024'], [2025], ['2025'], [''], [1.5], ['true'], ['null'], ['lista', 0, 1, 'y'], ['lista', 1, 'x']]) {
      expect(source.locate(path), JSON.stringify(path)).toEqual(reference(path));
    }
  });
});
