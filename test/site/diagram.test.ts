import { describe, expect, it } from 'vitest';
import { parseDocument, DomUtils } from 'htmlparser2';
import { dotLabel, wrap } from '../../src/site/diagram-dot.js';
import { inlineSvg, renderDiagrams } from '../../src/site/diagram.js';
import type { Diagram } from '../../src/site/types.js';

describe('diagram', () => {
  it('escapes a title so it stays one label', () => {
    expect(dotLabel(['Titel "med" \\ och & ]; a -> b'])).toBe('"Titel \\"med\\" \\\\ och &amp; ]; a -> b"');
    expect(wrap('Trygghetsstrategi – inriktning för det förebyggande trygghetsskapande arbetet', 28)).toEqual([
      'Trygghetsstrategi –',
      'inriktning för det',
      'förebyggande',
      'trygghetsskapande arbetet',
    ]);
  });

  it('renders DOT to inline SVG at build time, with its own name and description and no Graphviz ids', async () => {
    const hostile = '<script>alert(1)</script> "x" {{ 7*7 }} &lt;';
    const diagrams: Diagram[] = [
      { id: 'd1', title: 'Första <b>', desc: 'Beskrivning', dot: `digraph { a [label=${dotLabel([hostile])}]; a -> b; }` },
      { id: 'd2', title: 'Andra', desc: 'Två', dot: 'digraph { a -> b; }' },
    ];
    await renderDiagrams(diagrams);
    const html = diagrams.map((d) => d.svg).join('\n');
    const doc = parseDocument(html);
    const svgs = DomUtils.findAll((el) => el.name === 'svg', doc.children);
    expect(svgs).toHaveLength(2);
    expect(svgs[0]!.attribs.role).toBe('img');
    expect(svgs[0]!.attribs['aria-labelledby']).toBe('d1-titel d1-beskrivning');
    const ids = DomUtils.findAll((el) => !!el.attribs.id, doc.children).map((el) => el.attribs.id);
    expect(ids).toEqual(['d1-titel', 'd1-beskrivning', 'd2-titel', 'd2-beskrivning']);
    expect(DomUtils.findAll((el) => el.name === 'script', doc.children)).toHaveLength(0);
    expect(DomUtils.textContent(doc)).toContain('<script>alert(1)</script> "x" {{ 7*7 }} &lt;');
    expect(DomUtils.textContent(svgs[0]!)).toContain('Första <b>');
    expect(html).not.toMatch(/<\?xml|<!DOCTYPE|<!--/);
  });

  it('adds a title and description to any SVG string', () => {
    const svg = inlineSvg('<?xml version="1.0"?>\n<svg width="10pt" viewBox="0 0 10 10"><g id="graph0" class="graph"><title>G</title></g></svg>', { id: 'x', title: 'T', desc: 'D' });
    expect(svg).toBe('<svg width="10pt" viewBox="0 0 10 10" role="img" aria-labelledby="x-titel x-beskrivning" focusable="false"><title id="x-titel">T</title><desc id="x-beskrivning">D</desc><g></g></svg>');
  });
});
