import { describe, expect, it } from 'vitest';
import { parseDocument, DomUtils } from 'htmlparser2';
import type { Element } from 'domhandler';
import { renderMarkdown } from '../../src/site/render-markdown.js';

const elements = (html: string): Element[] => DomUtils.findAll(() => true, parseDocument(html).children);

/** What must never come out of a clerk's text: script, event handlers, javascript:/data: URLs. */
function expectInert(html: string): void {
  for (const el of elements(html)) {
    expect(['script', 'iframe', 'object', 'embed', 'style', 'form', 'base', 'meta', 'link', 'svg', 'math']).not.toContain(el.name);
    for (const [name, value] of Object.entries(el.attribs)) {
      expect(name.startsWith('on'), `${el.name} ${name}`).toBe(false);
      expect(value.replace(/[\s\u0000-\u001f]/g, '').toLowerCase()).not.toMatch(/^(javascript|vbscript|data):/);
    }
  }
}

describe('renderMarkdown', () => {
  it('starts the body at h2 under the page h1 and gives headings stable, unique ids', () => {
    const { html, headings } = renderMarkdown('# Syfte\n\n## Bakgrund\n\n# Syfte\n\n### Ansvar för förskola & skola');
    expect(headings).toEqual([
      { depth: 2, id: 'syfte', text: 'Syfte' },
      { depth: 3, id: 'bakgrund', text: 'Bakgrund' },
      { depth: 2, id: 'syfte-2', text: 'Syfte' },
      { depth: 4, id: 'ansvar-for-forskola-skola', text: 'Ansvar för förskola & skola' },
    ]);
    expect(html).toContain('<h2 id="syfte">Syfte</h2>');
    expect(html).not.toMatch(/<h1/);
  });

  it('never gives a heading an id the page layout uses', () => {
    const { headings } = renderMarkdown('## Status\n\n## Relationer', { reservedIds: ['status', 'relationer'] });
    expect(headings.map((h) => h.id)).toEqual(['status-2', 'relationer-2']);
  });

  it('drops raw HTML and unsafe links but keeps the text a clerk wrote', () => {
    const body = [
      'Före {{ 7*7 }} och {% raw %}x{% endraw %} och {# kommentar #}.',
      '',
      '<script>alert(1)</script>',
      '',
      '<img src=x onerror="alert(2)">',
      '',
      '<a href="javascript:alert(3)">klicka</a>',
      '',
      '[länktext](javascript:alert(4)) och [data](data:text/html;base64,PHNjcmlwdD4=) och ![bild](javascript:alert(5))',
      '',
      '<div onclick="alert(6)">hovra</div>',
      '',
      '[ref][r]',
      '',
      '[r]: javascript:alert(7)',
      '',
      'Sista stycket.',
    ].join('\n');
    const { html } = renderMarkdown(body);
    expectInert(html);
    const text = DomUtils.textContent(parseDocument(html));
    for (const kept of ['{{ 7*7 }}', '{% raw %}x{% endraw %}', '{# kommentar #}', 'länktext', 'Sista stycket.']) expect(text).toContain(kept);
    expect(html).not.toContain('alert(');
  });

  it('leads links to other documents to their pages and drops links the site cannot follow', () => {
    const urlOfFile = new Map([['strategy/policyer/p.md', '/dokument/p/']]);
    const { html } = renderMarkdown('[policy](../policyer/p.md#syfte) [pdf](bilaga.pdf) [ute](https://example.org/) [abs](/etc/passwd) [här](#syfte)', {
      file: 'strategy/strategier/s.md',
      urlOfFile,
    });
    const links = DomUtils.findAll((el) => el.name === 'a', parseDocument(html).children).map((a) => [a.attribs.href, DomUtils.textContent(a)]);
    expect(links).toEqual([
      ['/dokument/p/#syfte', 'policy'],
      ['https://example.org/', 'ute'],
      ['#syfte', 'här'],
    ]);
    expect(html).toContain('pdf');
  });

  it('renders GitHub tables with column headers and footnotes that link both ways', () => {
    const { html } = renderMarkdown('| Fel | Tid |\n|---|---|\n| Lampa | 5 dagar |\n\nText[^1].\n\n[^1]: Not.');
    expect(html).toContain('<th scope="col">Fel</th>');
    const ids = new Set(elements(html).map((el) => el.attribs.id).filter(Boolean));
    const targets = elements(html)
      .map((el) => el.attribs.href)
      .filter((href): href is string => !!href?.startsWith('#'));
    expect(targets.length).toBeGreaterThan(0);
    for (const href of targets) expect(ids.has(href.slice(1)), href).toBe(true);
    expect(html).toContain('Fotnoter');
  });

  it('keeps a column alignment as a class, not an inline style or an obsolete attribute', () => {
    const { html } = renderMarkdown('| Område | Antal |\n|:--|--:|\n| Norr | 5 |');
    expect(html).toContain('<th class="justera-hoger" scope="col">Antal</th>');
    expect(html).toContain('<td class="justera-hoger">5</td>');
    for (const el of elements(html)) expect(Object.keys(el.attribs)).not.toContain('style');
    expect(html).not.toContain('align=');
  });

  it('wraps each top-level table in a focusable region named by its number', () => {
    const { html } = renderMarkdown('| a |\n|---|\n| 1 |\n\nText\n\n| b |\n|---|\n| 2 |');
    const regions = elements(html).filter((el) => el.name === 'section');
    expect(regions.map((el) => [el.attribs.class, el.attribs['aria-label'], el.attribs.tabindex])).toEqual([
      ['tabell-rulla', 'Tabell 1 i dokumentet', '0'],
      ['tabell-rulla', 'Tabell 2 i dokumentet', '0'],
    ]);
  });

  it('links web addresses, e-mail and telephone numbers, but not a bare domain name', () => {
    const { html } = renderMarkdown('Se www.solna.se, skriv till info@solna.se eller [ring](tel:+4687342000). Domänen solna.se är text.');
    const links = DomUtils.findAll((el) => el.name === 'a', parseDocument(html).children).map((a) => a.attribs.href);
    expect(links).toEqual(['http://www.solna.se', 'mailto:info@solna.se', 'tel:+4687342000']);
  });

  it('gives footnotes ids a heading slug can never take, and a task list no form controls', () => {
    const { html, headings } = renderMarkdown('## Fotnoter\n\nText[^a] och igen[^a].\n\n- [ ] uppgift\n\n[^a]: Not.');
    expect(headings.map((h) => h.id)).toEqual(['fotnoter']);
    const ids = elements(html).map((el) => el.attribs.id).filter(Boolean);
    expect(ids).toEqual(['fotnoter', 'fotnotsref--1', 'fotnotsref--1-2', 'fotnoter--rubrik', 'fotnot--1']);
    expect(elements(html).map((el) => el.name)).not.toContain('input');
  });

  it('shows the description of a picture that is not published', () => {
    const { html } = renderMarkdown('![Karta över Hagalund](karta.png) och ![extern](https://example.org/a.png)');
    expect(html).toContain('Karta över Hagalund');
    expect(html).not.toContain('karta.png');
    expect(html).toContain('<img src="https://example.org/a.png" alt="extern">');
  });

  it('draws a body of 200,000 headings, each with its own id, without overflowing the stack', () => {
    const { headings, html } = renderMarkdown('### Syfte\n'.repeat(200_000), {});
    expect(headings).toHaveLength(200_000);
    expect(headings[0]).toEqual({ depth: 2, id: 'syfte', text: 'Syfte' });
    expect(headings.at(-1)!.id).toBe('syfte-200000');
    expect(html.startsWith('<h2 id="syfte">Syfte</h2>')).toBe(true);
  });
});
