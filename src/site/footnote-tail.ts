import type StateCore from 'markdown-it/lib/rules_core/state_core.mjs';
import type Token from 'markdown-it/lib/token.mjs';

/** What markdown-it-footnote notes of each footnote in `env.footnotes.list`. */
interface FootnoteEntry {
  label?: string;
  /** How often it is cited; an inline footnote has none, and is cited once. */
  count?: number;
  /** An inline footnote's (^[text]) parsed text; a referenced one's is between its reference tokens. */
  tokens?: Token[];
  content?: string;
}

/**
 * The last step of markdown-it-footnote (its core rule footnote_tail), built in one pass. The plugin's own
 * copies the whole token list once per footnote, so time grows with the square of their number: 8,000
 * footnotes took 6 s, and the 2 MB a document may hold fits 150,000. The tokens are the plugin's own, in its
 * order: the definitions taken out of the text, then the footnote block, each footnote with its text, as many
 * back-references as it is cited, and its paragraph closed after them.
 */
export function footnoteTail(state: StateCore): void {
  const footnotes = state.env.footnotes as { list?: FootnoteEntry[] } | undefined;
  if (!footnotes) return;
  const definitions = new Map<string, Token[]>();
  const out: Token[] = [];
  let definition: Token[] | undefined;
  let label = '';
  for (const token of state.tokens) {
    if (token.type === 'footnote_reference_open') {
      definition = [];
      label = String(token.meta.label);
    } else if (token.type === 'footnote_reference_close') {
      definitions.set(label, definition ?? []);
      definition = undefined;
    } else if (definition) {
      definition.push(token);
    } else {
      out.push(token);
    }
  }
  state.tokens = out;
  const list = footnotes.list;
  if (!list) return;

  const token = (type: string, tag: string, nesting: -1 | 0 | 1, meta?: unknown, block?: boolean) => {
    const made = new state.Token(type, tag, nesting);
    if (meta !== undefined) made.meta = meta;
    if (block) made.block = true;
    return made;
  };
  out.push(token('footnote_block_open', '', 1));
  // Kept from one footnote to the next as the plugin keeps it: a footnote with neither text nor label
  // (which its parser never makes) would repeat the one before.
  let text: Token[] | undefined;
  list.forEach((note, id) => {
    out.push(token('footnote_open', '', 1, { id, label: note.label }));
    if (note.tokens) {
      const inline = token('inline', '', 0);
      inline.children = note.tokens;
      inline.content = note.content as string;
      text = [token('paragraph_open', 'p', 1, undefined, true), inline, token('paragraph_close', 'p', -1, undefined, true)];
    } else if (note.label) {
      text = definitions.get(note.label);
    }
    if (text) for (const t of text) out.push(t);
    const lastParagraph = out[out.length - 1]!.type === 'paragraph_close' ? out.pop() : undefined;
    const cited = note.count !== undefined && note.count > 0 ? note.count : 1;
    for (let subId = 0; subId < cited; subId++) out.push(token('footnote_anchor', '', 0, { id, subId, label: note.label }));
    if (lastParagraph) out.push(lastParagraph);
    out.push(token('footnote_close', '', -1));
  });
  out.push(token('footnote_block_close', '', -1));
}
