import path from 'node:path';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkRehype from 'remark-rehype';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import type { Root as MdRoot, Nodes as MdNodes } from 'mdast';
import type { Element, ElementContent, Root as HastRoot, RootContent } from 'hast';
import { createSlugger } from './slug.js';

export interface Heading {
  depth: number;
  id: string;
  text: string;
}

export interface RenderedBody {
  /** Sanitized HTML: pass it to a template only as data marked safe, never as template source. */
  html: string;
  headings: Heading[];
}

export interface RenderOptions {
  /** The document's file, relative like `corpus.files`, to resolve relative links against. */
  file?: string;
  /** Corpus file → site URL, so a link to `../policyer/x.md` leads to that document's page. */
  urlOfFile?: ReadonlyMap<string, string>;
  /** Ids the page layout itself uses; a heading never takes one. */
  reservedIds?: Iterable<string>;
}

// No allowDangerousHtml: raw HTML in a body never reaches the HTML tree. The sanitizer then drops
// javascript:/data: URLs and anything else outside GitHub's safe schema. Its id clobbering guards against
// ids in raw HTML, which cannot occur here, and would break the links remark-rehype makes to footnotes.
const schema = { ...defaultSchema, clobber: [] };
const toHast = unified()
  .use(remarkRehype, { footnoteLabel: 'Fotnoter', footnoteBackLabel: 'Tillbaka till texten' })
  .use(rehypeSanitize, schema);
const parser = unified().use(remarkParse).use(remarkGfm);
const stringifier = unified().use(rehypeStringify);

/** A clerk's Markdown as safe HTML for the document page: headings start at h2 under the page's h1. */
export function renderMarkdown(markdown: string, options: RenderOptions = {}): RenderedBody {
  const mdast = parser.runSync(parser.parse(markdown)) as MdRoot;
  shiftHeadings(mdast);
  const hast = toHast.runSync(mdast) as HastRoot;
  const headings: Heading[] = [];
  const slug = createSlugger(['footnote-label', ...(options.reservedIds ?? [])]);
  let tables = 0;
  hast.children = rewrite(hast.children, options, (el) => {
    const text = textOf(el).trim();
    el.properties.id = slug(text);
    headings.push({ depth: Number(el.tagName[1]), id: String(el.properties.id), text });
  }) as RootContent[];
  hast.children = hast.children.map((node) => (node.type === 'element' && node.tagName === 'table' ? scrollable(node, ++tables) : node));
  return { html: stringifier.stringify(hast), headings };
}

/** A wide table scrolls inside a region that keyboard users can focus and scroll, not the whole page. */
function scrollable(table: Element, n: number): Element {
  return {
    type: 'element',
    tagName: 'section',
    properties: { className: ['tabell-rulla'], ariaLabel: `Tabell ${n} i dokumentet`, tabIndex: 0 },
    children: [table],
  };
}

/** The page has the h1; the body's top heading level becomes h2, whatever level the clerk started at. */
function shiftHeadings(tree: MdRoot): void {
  const headings: Extract<MdNodes, { type: 'heading' }>[] = [];
  const walk = (node: MdNodes) => {
    if (node.type === 'heading') headings.push(node);
    if ('children' in node) for (const child of node.children) walk(child as MdNodes);
  };
  walk(tree);
  if (!headings.length) return;
  const shift = 2 - Math.min(...headings.map((h) => h.depth));
  for (const h of headings) h.depth = Math.min(6, Math.max(2, h.depth + shift)) as typeof h.depth;
}

function rewrite(nodes: (ElementContent | RootContent)[], options: RenderOptions, onHeading: (el: Element) => void): (ElementContent | RootContent)[] {
  const out: (ElementContent | RootContent)[] = [];
  for (const node of nodes) {
    if (node.type !== 'element') {
      out.push(node);
      continue;
    }
    node.children = rewrite(node.children, options, onHeading) as ElementContent[];
    if (/^h[2-6]$/.test(node.tagName) && !node.properties.id) onHeading(node);
    if (node.tagName === 'th' && !node.properties.scope) node.properties.scope = 'col';
    if (node.tagName === 'a') {
      const href = siteHref(node.properties.href, options);
      if (href === undefined) {
        // A link the site cannot follow (dropped by the sanitizer, or a file the site does not publish): keep its text.
        out.push(...node.children);
        continue;
      }
      node.properties.href = href;
    }
    if (node.tagName === 'img' && !/^https:\/\//i.test(String(node.properties.src ?? ''))) {
      // Pictures in the repository are not published; say what was there instead of a broken image.
      const alt = String(node.properties.alt ?? '').trim();
      if (alt) out.push({ type: 'text', value: alt });
      continue;
    }
    out.push(node);
  }
  return out;
}

/** Where a body link should lead on the site, or undefined to drop the link and keep its text. */
function siteHref(raw: unknown, options: RenderOptions): string | undefined {
  if (typeof raw !== 'string' || raw === '') return undefined;
  if (raw.startsWith('#')) return raw;
  if (/^(https?:|mailto:|tel:)/i.test(raw)) return raw;
  if (/^[a-z][a-z0-9+.-]*:/i.test(raw) || raw.startsWith('/')) return undefined;
  if (!options.file || !options.urlOfFile) return undefined;
  const [target = '', hash] = raw.split('#', 2);
  let decoded: string;
  try {
    decoded = decodeURIComponent(target.split('?')[0] ?? '');
  } catch {
    return undefined;
  }
  const resolved = path.posix.normalize(path.posix.join(path.posix.dirname(options.file), decoded));
  const url = options.urlOfFile.get(resolved);
  if (!url) return undefined;
  return hash ? `${url}#${hash}` : url;
}

function textOf(node: ElementContent | RootContent): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element') return node.children.map(textOf).join('');
  return '';
}
