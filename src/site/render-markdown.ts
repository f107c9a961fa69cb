import path from 'node:path';
import MarkdownIt from 'markdown-it';
import footnote from 'markdown-it-footnote';
import Token from 'markdown-it/lib/token.mjs';
import { createSlugger } from './slug.js';
import { footnoteTail } from './footnote-tail.js';
import { joinLink } from '../load/join-link.js';

export interface Heading {
  depth: number;
  id: string;
  text: string;
}

export interface RenderedBody {
  /** Safe HTML: pass it to a template only as data marked safe, never as template source. */
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

/**
 * Eleventy's own Markdown renderer (markdown-it) with GitHub's tables, strikethrough, autolinks and footnotes.
 * Raw HTML is parsed only so that it can be dropped whole, as GitHub's sanitizer would: no html token is ever
 * rendered. Every link and picture address is decided by siteHref/picture below, an allowlist, so
 * markdown-it's own validateLink (kept as a second check there) must not turn an unsafe link into literal
 * Markdown: the clerk's link text stays, the address goes.
 */
const md = new MarkdownIt({ html: true, linkify: true, typographer: false }).use(footnote);
// The plugin's last step takes time with the square of the footnotes (see footnote-tail.ts).
md.core.ruler.at('footnote_tail', footnoteTail);
const markdownItValidateLink = md.validateLink.bind(md);
md.validateLink = () => true;
// linkify-it finds bare "solna.se" too; GitHub links only www., scheme and e-mail literals (see isGfmAutolink).
md.linkify.set({ fuzzyLink: true, fuzzyEmail: true, fuzzyIP: false });
// linkify-it's own quick test runs a large Unicode pattern over every run of text, for bare domains that are
// dropped anyway. Any link isGfmAutolink keeps holds www., a scheme's ://, mailto: or an e-mail address's @.
md.linkify.pretest = (text: string) => /www\.|:\/\/|mailto:|@/i.test(text);

const FOOTNOTE_HEADING_ID = 'fotnoter--rubrik';
// Ids the renderer makes hold "--", which a heading slug never does (slug.ts), so they cannot collide.
const footnoteId = (token: Token) => `fotnot--${Number(token.meta.id) + 1}`;
const footnoteRefId = (token: Token) => `fotnotsref--${Number(token.meta.id) + 1}${token.meta.subId > 0 ? `-${token.meta.subId + 1}` : ''}`;

const rules = md.renderer.rules;
rules.html_block = () => '';
rules.html_inline = () => '';
rules.table_open = (tokens, idx, options, _env, self) => {
  const n = tokens[idx]!.meta?.scrollable as number | undefined;
  const table = self.renderToken(tokens, idx, options);
  // A wide table scrolls inside a region that keyboard users can focus and scroll, not the whole page.
  return n ? `<section class="tabell-rulla" aria-label="Tabell ${n} i dokumentet" tabindex="0">${table}` : table;
};
rules.table_close = (tokens, idx, options, _env, self) => `${self.renderToken(tokens, idx, options).replace(/\n$/, '')}${tokens[idx]!.meta?.scrollable ? '</section>' : ''}\n`;
rules.footnote_ref = (tokens, idx) => {
  const token = tokens[idx]!;
  return `<sup><a href="#${footnoteId(token)}" id="${footnoteRefId(token)}" aria-describedby="${FOOTNOTE_HEADING_ID}">${Number(token.meta.id) + 1}</a></sup>`;
};
rules.footnote_block_open = () => `<section class="fotnoter"><h2 class="visuellt-dold" id="${FOOTNOTE_HEADING_ID}">Fotnoter</h2>\n<ol>\n`;
rules.footnote_block_close = () => '</ol>\n</section>\n';
rules.footnote_open = (tokens, idx) => `<li id="${footnoteId(tokens[idx]!)}">\n`;
rules.footnote_close = () => '</li>\n';
rules.footnote_anchor = (tokens, idx) => {
  const token = tokens[idx]!;
  const n = token.meta.subId > 0 ? `<sup>${token.meta.subId + 1}</sup>` : '';
  return ` <a href="#${footnoteRefId(token)}" aria-label="Tillbaka till texten" class="fotnot-tillbaka">↩${n}</a>`;
};

const ALIGN_CLASS: Record<string, string> = { left: 'justera-vanster', center: 'justera-mitten', right: 'justera-hoger' };

/** A clerk's Markdown as safe HTML for the document page: headings start at h2 under the page's h1. */
export function renderMarkdown(markdown: string, options: RenderOptions = {}): RenderedBody {
  const env: Record<string, unknown> = {};
  const tokens = md.parse(markdown.replace(/^\uFEFF/, ''), env);
  const headingTokens: { open: Token; close: Token; inline: Token | undefined }[] = [];
  let tables = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    switch (token.type) {
      case 'inline':
        token.children = rewriteInline(token.children ?? [], options);
        break;
      case 'heading_open': {
        let close = i + 1;
        while (tokens[close]!.type !== 'heading_close') close++;
        headingTokens.push({ open: token, close: tokens[close]!, inline: tokens[i + 1]?.type === 'inline' ? tokens[i + 1] : undefined });
        break;
      }
      case 'table_open':
        // Only tables at the top level scroll on their own, as before; a table in a list or quote scrolls with it.
        if (token.level === 0) {
          token.meta = { scrollable: ++tables };
          let close = i + 1;
          while (!(tokens[close]!.type === 'table_close' && tokens[close]!.level === 0)) close++;
          tokens[close]!.meta = { scrollable: tables };
        }
        break;
      case 'th_open':
      case 'td_open': {
        const align = /^text-align:(left|center|right)$/.exec(token.attrGet('style') ?? '')?.[1];
        if (token.attrs) token.attrs = token.attrs.filter(([name]) => name !== 'style');
        if (align) token.attrJoin('class', ALIGN_CLASS[align]!);
        if (token.type === 'th_open') token.attrSet('scope', 'col');
        break;
      }
    }
  }

  // The page has the h1; the body's top heading level becomes h2, whatever level the clerk started at.
  const headings: Heading[] = [];
  const slug = createSlugger(options.reservedIds ?? []);
  // By a loop: Math.min(...list) overflows the stack for a body of 200,000 headings.
  const shift = 2 - headingTokens.reduce((least, h) => Math.min(least, Number(h.open.tag.slice(1))), Infinity);
  for (const h of headingTokens) {
    const depth = Math.min(6, Math.max(2, Number(h.open.tag.slice(1)) + shift));
    h.open.tag = h.close.tag = `h${depth}`;
    const text = plainText(h.inline?.children ?? []).trim();
    const id = slug(text);
    h.open.attrSet('id', id);
    headings.push({ depth, id, text });
  }
  return { html: md.renderer.render(tokens, md.options, env).trimEnd(), headings };
}

/** Links the site can follow get their site address; other links keep only their text, pictures their description. */
function rewriteInline(children: Token[], options: RenderOptions): Token[] {
  const out: Token[] = [];
  const open: boolean[] = [];
  for (let i = 0; i < children.length; i++) {
    const token = children[i]!;
    if (token.type === 'link_open') {
      const href = isGfmAutolink(token, children[i + 1]) ? siteHref(token.attrGet('href'), options) : undefined;
      open.push(href !== undefined);
      if (href === undefined) continue;
      token.attrSet('href', href);
    } else if (token.type === 'link_close') {
      if (!open.pop()) continue;
    } else if (token.type === 'image') {
      const src = token.attrGet('src') ?? '';
      if (!/^https:\/\//i.test(src) || !markdownItValidateLink(src)) {
        // Pictures in the repository are not published; say what was there instead of a broken image.
        const alt = plainText(token.children ?? []).trim();
        if (alt) out.push(Object.assign(new Token('text', '', 0), { content: alt }));
        continue;
      }
    } else if (token.type === 'html_inline') {
      continue;
    }
    out.push(token);
  }
  return out;
}

/** linkify-it also finds bare domains ("solna.se"); like GitHub, link only www., scheme and e-mail literals. */
function isGfmAutolink(token: Token, text: Token | undefined): boolean {
  if (token.markup !== 'linkify') return true;
  const raw = text?.content ?? '';
  return /^(www\.|https?:\/\/|mailto:)/i.test(raw) || (raw.includes('@') && !raw.includes('/'));
}

/** The text a reader sees in inline content (a heading's, a picture's description). */
function plainText(children: Token[]): string {
  let text = '';
  for (const token of children) {
    if (token.type === 'text' || token.type === 'code_inline') text += token.content;
    else if (token.type === 'softbreak') text += '\n';
  }
  return text;
}

/** Where a body link should lead on the site, or undefined to drop the link and keep its text. */
function siteHref(raw: string | null, options: RenderOptions): string | undefined {
  if (!raw || !markdownItValidateLink(raw)) return undefined;
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
  const resolved = joinLink(path.posix.dirname(options.file), decoded);
  const url = options.urlOfFile.get(resolved);
  if (!url) return undefined;
  return hash ? `${url}#${hash}` : url;
}
