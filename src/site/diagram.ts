import { instance } from '@viz-js/viz';
import type { Diagram } from './types.js';

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * Graphviz SVG made fit to inline in a page: no XML prolog or comments, no Graphviz ids or tooltips (two
 * diagrams on one page must not share ids), and the diagram's own accessible name and description.
 */
export function inlineSvg(raw: string, diagram: Pick<Diagram, 'id' | 'title' | 'desc'>): string {
  const body = raw
    .replace(/<\?xml[\s\S]*?\?>/g, '')
    .replace(/<!DOCTYPE[\s\S]*?>/g, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<title>[\s\S]*?<\/title>/g, '')
    .replace(/\s(id|class)="[^"]*"/g, '')
    .trim();
  const titleId = `${diagram.id}-titel`;
  const descId = `${diagram.id}-beskrivning`;
  return body.replace(
    /^<svg\b([^>]*)>/,
    (_, attrs: string) =>
      `<svg${attrs} role="img" aria-labelledby="${titleId} ${descId}" focusable="false">` +
      `<title id="${titleId}">${escapeHtml(diagram.title)}</title><desc id="${descId}">${escapeHtml(diagram.desc)}</desc>`,
  );
}

/**
 * The most boxes a diagram is drawn with. A few hundred boxes already shrink to unreadable text on a screen,
 * and Graphviz's layout time grows faster than the graph; a larger diagram is left to its list.
 */
export const MAX_DIAGRAM_NODES = 200;

/** Renders every diagram's DOT to inline SVG at build time, with Graphviz compiled to WebAssembly. */
export async function renderDiagrams(diagrams: Diagram[]): Promise<void> {
  const drawn = diagrams.filter((d) => (d.nodes ?? 0) <= MAX_DIAGRAM_NODES);
  if (!drawn.length) return;
  const viz = await instance();
  for (const diagram of drawn) {
    const result = viz.render(diagram.dot, { format: 'svg' });
    if (result.status !== 'success') {
      throw new Error(`Diagrammet «${diagram.title}» kunde inte ritas: ${result.errors.map((e) => e.message).join('; ')}`);
    }
    diagram.svg = inlineSvg(result.output, diagram);
  }
}
