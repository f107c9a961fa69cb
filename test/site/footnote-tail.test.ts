import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import footnote from 'markdown-it-footnote';
import { describe, expect, it } from 'vitest';
import { footnoteTail } from '../../src/site/footnote-tail.js';
import { renderMarkdown } from '../../src/site/render-markdown.js';

const plugin = new MarkdownIt().use(footnote);
const ours = new MarkdownIt().use(footnote);
ours.core.ruler.at('footnote_tail', footnoteTail);

/** Text with footnotes of every kind: referenced once, twice or never, defined twice, undefined, inline, nested. */
const piece = fc.oneof(
  fc.constantFrom('Text', 'mer text', '**fet**', '[länk](https://solna.se)', '- punkt', '> citat', '\n', '\n\n', '    kod', '| a |\n|---|\n| b |'),
  fc.nat(6).map((n) => `[^${n}]`),
  fc.nat(6).map((n) => `\n\n[^${n}]: Fotnot ${n} med [^${(n + 1) % 7}] och **fetstil**\n`),
  fc.nat(6).map((n) => `\n\n[^${n}]:\n    Fotnot i flera stycken.\n\n    Andra stycket.\n`),
  fc.constantFrom('^[en infogad fotnot]', '^[infogad med [^2]]', '[^]', '[^ ]'),
);

describe('footnoteTail', () => {
  it('makes exactly the tokens of markdown-it-footnote, for any mix of footnotes', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const text = pieces.join(' ');
        expect(ours.parse(text, {})).toEqual(plugin.parse(text, {}));
        expect(ours.render(text)).toBe(plugin.render(text));
      }),
      { seed: 7, numRuns: 400 },
    );
  });

  it('draws 20,000 footnotes, each once in the list, with its way back', () => {
    const n = 20_000;
    const text = `${Array.from({ length: n }, (_, i) => `Mening[^${i}].`).join(' ')}\n\n${Array.from({ length: n }, (_, i) => `[^${i}]: Källa ${i}.`).join('\n')}\n`;
    const { html } = renderMarkdown(text, {});
    expect(html.match(/<li id="fotnot--\d+"/g)).toHaveLength(n);
    expect(html).toContain(`<li id="fotnot--${n}"`);
    expect(html.match(/href="#fotnotsref--\d+"/g)).toHaveLength(n);
  });
});
