import { createRequire } from 'node:module';
import type { Root, Nodes } from 'mdast';
import type { Processor } from 'unified';
import { lineOf, startsOfLines } from './line-starts.js';

export interface BodyLink {
  url: string;
  line: number;
  column: number;
}

/** Web, mail and phone addresses: always fine in a body, so nothing about them is kept for the check. */
export const SAFE_SCHEMES = new Set(['http:', 'https:', 'mailto:', 'tel:']);

/** The scheme of a link (`https:`, `javascript:`), lower-cased, or undefined for a relative link. */
export function schemeOf(url: string): string | undefined {
  return /^\s*([a-z][a-z0-9+.-]*:)/i.exec(url)?.[1]?.toLowerCase();
}

/**
 * The links the checker judges: all but those to web, mail and phone addresses. In a large corpus half of
 * all links are to https: pages, and every one kept costs parse-cache space and a re-check's time.
 */
export function linksToJudge(links: readonly BodyLink[]): BodyLink[] {
  return links.filter((link) => !SAFE_SCHEMES.has(schemeOf(link.url) ?? ''));
}

/** A link's path: what comes before any anchor (#) or query (?). Not trimmed, not decoded. */
export function linkPath(url: string): string {
  const hash = url.indexOf('#');
  const query = url.indexOf('?');
  return url.slice(0, Math.min(hash < 0 ? url.length : hash, query < 0 ? url.length : query));
}

// remark loads a hundred modules; most runs never need it (the scanner below handles the common case), so it
// is loaded on first use. Node ≥ 20.19 requires ES modules synchronously.
let parser: Processor<Root> | undefined;
function remark(): Processor<Root> {
  if (!parser) {
    const require = createRequire(import.meta.url);
    const { unified } = require('unified') as typeof import('unified');
    const remarkParse = (require('remark-parse') as typeof import('remark-parse')).default;
    parser = unified().use(remarkParse) as unknown as Processor<Root>;
  }
  return parser;
}

/**
 * Container nesting (lists in lists, quotes in quotes) beyond which a body is refused: remark's cost grows
 * with depth × lines, and no real document comes close. parseFile reports such a body (ruleId file).
 */
export const MAX_MARKDOWN_DEPTH = 32;
/** Leading indentation, in columns, beyond which a line counts as nested too deep (2-space lists, 80 levels). */
export const MAX_MARKDOWN_INDENT = 160;
/** The largest block the remark fallback parses, and how much of one body it parses at most. */
const MAX_REMARK_CHUNK = 64 * 1024;
const MAX_REMARK_PER_BODY = 128 * 1024;

/**
 * Links and images in a Markdown body, in file coordinates, exactly as remark-parse (CommonMark) finds
 * them: `link`, `image` and `definition` nodes, in document order.
 *
 * A full mdast per file is the most expensive step of a large check and remark is quadratic on some inputs,
 * so the body is handled in three tiers:
 * 1. no link syntax at all: nothing to do;
 * 2. a linear scanner for the common case (inline links and autolinks in prose, lists, quotes and headings),
 *    which gives up (returns undefined) on anything it does not model exactly: code, HTML, escapes,
 *    entities in a destination, definitions, titles, tabs, links across lines;
 * 3. remark for the blocks the scanner gave up on, within a size budget. A block over the budget, or nested
 *    deeper than MAX_MARKDOWN_DEPTH, gets the scanner's best effort instead, so no body can hang a check.
 * test/robustness/body-links.test.ts proves tiers 2 and 3 give the same links as remark on the whole body.
 */
export function bodyLinks(body: string, bodyStartLine: number): BodyLink[] {
  if (!body.includes('](') && !body.includes(']:') && !body.includes('<')) return [];
  const lines = body.split('\n');
  const links: BodyLink[] = [];
  let budget = MAX_REMARK_PER_BODY;
  for (const chunk of independentChunks(body, lines)) {
    const chunkLines = lines.slice(chunk.start, chunk.end);
    const text = chunkLines.join('\n');
    if (!text.includes('](') && !text.includes(']:') && !text.includes('<')) continue;
    const offset = bodyStartLine + chunk.start;
    let found = scanLinks(chunkLines, false);
    if (!found) {
      if (text.length <= MAX_REMARK_CHUNK && text.length <= budget && markdownNestingLine(text) < 0) {
        budget -= text.length;
        found = remarkLinks(text);
      } else {
        found = scanLinks(chunkLines, true)!;
      }
    }
    for (const link of found) links.push({ url: link.url, line: link.line + offset, column: link.column });
  }
  return links;
}

/**
 * 0-based line of the first line nested deeper than the limits, or -1. Counts the container markers
 * (`>`, `-`, `*`, `+`, `1.`) and the indentation before a line's text. Linear, without splitting the text.
 */
export function markdownNestingLine(text: string): number {
  let line = 0;
  for (let start = 0; start <= text.length; line++) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const first = text.charCodeAt(start);
    // Most lines start with a letter: skip them without looking further.
    if (first === 32 || first === 9 || first === 62 || first === 45 || first === 42 || first === 43 || (first >= 48 && first <= 57)) {
      let markers = 0;
      let columns = 0;
      let i = start;
      while (i < end) {
        const c = text.charCodeAt(i);
        if (c === 32) {
          columns++;
          i++;
        } else if (c === 9) {
          columns += 4;
          i++;
        } else if (c === 62) {
          markers++;
          i++;
        } else if ((c === 45 || c === 42 || c === 43) && (i + 1 === end || text.charCodeAt(i + 1) === 32 || text.charCodeAt(i + 1) === 9)) {
          markers++;
          i++;
        } else if (c >= 48 && c <= 57) {
          let j = i;
          while (j < end && j - i < 9 && text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57) j++;
          const after = text.charCodeAt(j);
          if ((after === 46 || after === 41) && (j + 1 === end || text.charCodeAt(j + 1) === 32)) {
            markers++;
            i = j + 1;
          } else break;
        } else break;
        if (markers > MAX_MARKDOWN_DEPTH || columns > MAX_MARKDOWN_INDENT) return line;
      }
    }
    start = end + 1;
  }
  return -1;
}

interface Chunk {
  start: number;
  end: number;
}

const BLANK = /^[ \t]*$/;

/**
 * Splits the body into runs of lines that CommonMark parses independently of each other: a new run starts
 * at a line in column 1 after a blank line, which no paragraph, list item, quote or indented code block
 * continues into. Fenced code, HTML blocks that may span blank lines, and link definitions (which act on
 * the whole document) make the body one run.
 */
function independentChunks(body: string, lines: readonly string[]): Chunk[] {
  if (body.includes('```') || body.includes('~~~') || body.includes(']:') || body.includes('\r') || /<[!?]|<(?:script|pre|style|textarea)/i.test(body)) {
    return [{ start: 0, end: lines.length }];
  }
  const chunks: Chunk[] = [];
  let start = 0;
  for (let index = 1; index < lines.length; index++) {
    const line = lines[index]!;
    const first = line.charCodeAt(0);
    if (line.length > 0 && first !== 32 && first !== 9 && BLANK.test(lines[index - 1]!) && !BLANK.test(line)) {
      chunks.push({ start, end: index });
      start = index;
    }
  }
  chunks.push({ start, end: lines.length });
  return chunks;
}

/** A link found in a chunk: line 0-based within the chunk, column 1-based. */
interface ChunkLink {
  url: string;
  line: number;
  column: number;
}

/**
 * remark on one chunk, walked without recursion so that deep trees cannot overflow the stack. Positions come
 * from the node's offset, counted in lines split at LF only, as everywhere else in styrdok: remark also breaks
 * lines at a lone CR, which would put a finding below the file's last line.
 */
function remarkLinks(text: string): ChunkLink[] {
  // micromark drops a byte-order mark at the start of what it parses, but a chunk starts in the middle of the
  // body, where U+FEFF is an ordinary character: a blank line before it keeps it (and changes no block).
  const lead = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const tree = remark().parse(lead ? `\n${text}` : text);
  const links: ChunkLink[] = [];
  const stack: Nodes[] = [tree];
  let lineStarts: number[] | undefined;
  while (stack.length) {
    const node = stack.pop()!;
    if ((node.type === 'link' || node.type === 'image' || node.type === 'definition') && node.position) {
      const offset = node.position.start.offset === undefined ? undefined : node.position.start.offset - lead;
      if (offset === undefined) {
        links.push({ url: node.url, line: node.position.start.line - 1 - lead, column: node.position.start.column });
      } else {
        lineStarts ??= startsOfLines(text);
        const line = lineOf(lineStarts, offset);
        links.push({ url: node.url, line, column: offset - lineStarts[line]! + 1 });
      }
    }
    if ('children' in node) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as Nodes);
  }
  return links;
}

interface Opener {
  /** Index of `[`, or of `!` for an image. */
  at: number;
  image: boolean;
}

interface Formed extends ChunkLink {
  at: number;
  image: boolean;
}

/** A destination without title, parentheses, escapes, quotes or controls: the only kind the scanner reads. */
const SIMPLE_RESOURCE = /\( *([^\s\x00-\x1f\x7f()<>\\`'"[\]]*) *\)/y;
/** Only for the best-effort answer: a simple destination with a title, `[a](b "t")`, the commonest extra. */
const TITLED_RESOURCE = /\( *([^\s\x00-\x1f\x7f()<>\\`'"[\]]*) +(?:"[^"]*"|'[^']*'|\([^()]*\)) *\)/y;
const ENTITY = /&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{0,31});/;
const URI_AUTOLINK = /<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^\x00-\x20\x7f<>]*)>/y;
/** Only for the best-effort answer: the scanner leaves e-mail autolinks to remark. */
const EMAIL_AUTOLINK = /<([A-Za-z0-9.#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*)>/y;
/** Four spaces in the container prefix of a line: the line may be indented code. */
const INDENTED = /^[ >*+\-0-9.)]*? {4}/;

/**
 * The CommonMark "look for link or image" procedure over one chunk, line by line. Returns undefined when
 * the chunk holds something this scanner does not model (remark decides then), unless `lenient`, which
 * gives a best-effort answer for blocks too large or deep for remark.
 */
function scanLinks(lines: readonly string[], lenient: boolean): ChunkLink[] | undefined {
  if (!lenient) {
    for (const line of lines) {
      if (line.includes('`') || line.includes('\\') || line.includes('\t') || line.includes('\r') || line.includes('~~~') || line.includes(']:')) return undefined;
    }
  }
  const result: ChunkLink[] = [];
  for (let lineIndex = 0; lineIndex < lines.length; lineIndex++) {
    const line = lines[lineIndex]!;
    if (!line.includes('[') && !line.includes('<')) continue;
    if (!lenient && INDENTED.test(line)) return undefined;
    const openers: Opener[] = [];
    // Link openers below this index are inactive: a link has formed after them, and links do not nest.
    let barrier = 0;
    const formed: Formed[] = [];
    for (let i = 0; i < line.length; i++) {
      const c = line.charCodeAt(i);
      if (c === 91 /* [ */) {
        const image = i > 0 && line.charCodeAt(i - 1) === 33; /* ! */
        openers.push({ at: image ? i - 1 : i, image });
      } else if (c === 93 /* ] */) {
        const opener = openers.pop();
        if (!opener) continue;
        const inactive = !opener.image && openers.length < barrier;
        if (barrier > openers.length) barrier = openers.length;
        if (inactive) continue; // literal text
        if (line.charCodeAt(i + 1) !== 40 /* ( */) continue; // no definitions, so no reference links
        SIMPLE_RESOURCE.lastIndex = i + 1;
        let match = SIMPLE_RESOURCE.exec(line);
        if (!match && lenient) {
          TITLED_RESOURCE.lastIndex = i + 1;
          match = TITLED_RESOURCE.exec(line);
        }
        const url = match?.[1];
        if (url === undefined || (!lenient && ENTITY.test(url))) {
          if (lenient) continue;
          return undefined;
        }
        if (opener.image) {
          // mdast flattens an image's text to its alt string: links and images inside it disappear.
          while (formed.length && formed[formed.length - 1]!.at > opener.at) formed.pop();
        } else {
          barrier = openers.length;
        }
        formed.push({ url, line: lineIndex, column: opener.at + 1, at: opener.at, image: opener.image });
        i = match!.index + match![0].length - 1;
      } else if (c === 60 /* < */) {
        const next = line.charCodeAt(i + 1);
        const letter = (next >= 65 && next <= 90) || (next >= 97 && next <= 122);
        if (!letter && next !== 47 && next !== 33 && next !== 63) continue; // a plain less-than sign
        if (letter && (lenient || openers.length === 0)) {
          URI_AUTOLINK.lastIndex = i;
          const uri = URI_AUTOLINK.exec(line);
          if (uri) {
            formed.push({ url: uri[1]!, line: lineIndex, column: i + 1, at: i, image: false });
            i += uri[0].length - 1;
            continue;
          }
          EMAIL_AUTOLINK.lastIndex = i;
          const email = lenient ? EMAIL_AUTOLINK.exec(line) : null;
          if (email) {
            formed.push({ url: `mailto:${email[1]!}`, line: lineIndex, column: i + 1, at: i, image: false });
            i += email[0].length - 1;
            continue;
          }
        }
        if (!lenient) return undefined; // inline or block HTML
      }
    }
    // An opener still open may close on the next line of the same paragraph: only remark can say.
    if (!lenient && openers.length && lineIndex + 1 < lines.length && !BLANK.test(lines[lineIndex + 1]!)) return undefined;
    formed.sort((a, b) => a.at - b.at);
    for (const link of formed) result.push({ url: link.url, line: link.line, column: link.column });
  }
  return result;
}
