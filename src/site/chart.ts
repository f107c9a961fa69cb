/**
 * Small line charts drawn at build time as inline SVG: no script, no library, the same figures as a table
 * beside them on the page. Every text that goes into the SVG is escaped here; the caller gives plain text.
 */

/** One value on the x axis; no value draws a "saknas" note instead of a point. */
export interface ChartPoint {
  /** The axis label, one string per line, e.g. ["Delår", "2026"]. */
  label: string[];
  value?: number;
  /** A hollow marker (e.g. the utgångsvärde) instead of a filled one. */
  hollow?: boolean;
}

export interface LineChartSpec {
  /** Unique on the page; only [a-z0-9-] are kept. */
  id: string;
  /** The accessible name. */
  title: string;
  /** The accessible description: the trend in words. */
  desc: string;
  points: ChartPoint[];
  /** A horizontal reference line, e.g. the målvärde, named beside it. */
  reference?: { value: number; label: string; valueText: string };
  /** How a value is written beside its point, e.g. "8,6 %". */
  format: (value: number) => string;
  /** How an axis value is written (default: as `format`), e.g. "8,6" when the unit is in `axisLabel`. */
  tickFormat?: (value: number) => string;
  /** Written above the value axis, e.g. the unit. */
  axisLabel?: string;
}

// Narrow, so that the text stays readable when the picture shrinks to a phone's width.
const WIDTH = 380;
const HEIGHT = 250;
const MARGIN = { top: 28, right: 68, bottom: 60, left: 46 };
const FONT = 'system-ui, -apple-system, Segoe UI, Roboto, Helvetica, Arial, sans-serif';
// Contrast against white: text #1b1b1b 17:1, axis text #4a4a4a 8.9:1, line #1d3b5c 11:1, reference #8a1c12 9:1.
const INK = '#1b1b1b';
const META = '#4a4a4a';
const LINE = '#1d3b5c';
const REFERENCE = '#8a1c12';
const GRID = '#d5d8dc';

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Round axis steps (1, 2 or 5 × 10ⁿ) that cover [min, max] in about `count` steps. */
export function niceTicks(min: number, max: number, count = 4): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [0, 1];
  if (min === max) {
    const pad = Math.abs(min) > 0 ? Math.abs(min) * 0.1 : 1;
    min -= pad;
    max += pad;
  }
  const raw = (max - min) / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  const start = Math.floor(min / step) * step;
  const ticks: number[] = [];
  for (let v = start; v <= max + step * 1e-9; v += step) ticks.push(Math.round(v / step) * step);
  if (ticks[ticks.length - 1]! < max) ticks.push(ticks[ticks.length - 1]! + step);
  return ticks.map((t) => Number(t.toPrecision(12)));
}

const n = (value: number) => String(Math.round(value * 10) / 10);

/** The chart as an SVG string with role="img", a <title> and a <desc>; readable without JavaScript or colour. */
export function lineChart(spec: LineChartSpec): string {
  const id = spec.id.toLowerCase().replace(/[^a-z0-9-]+/g, '-');
  const values = spec.points.flatMap((p) => (p.value === undefined ? [] : [p.value]));
  const all = spec.reference ? [...values, spec.reference.value] : values;
  const ticks = niceTicks(all.length ? Math.min(...all) : 0, all.length ? Math.max(...all) : 1);
  const low = ticks[0]!;
  const high = ticks[ticks.length - 1]!;
  const plotW = WIDTH - MARGIN.left - MARGIN.right;
  const plotH = HEIGHT - MARGIN.top - MARGIN.bottom;
  const y = (v: number) => MARGIN.top + plotH - ((v - low) / (high - low || 1)) * plotH;
  // Every point in the middle of its own column, so each axis label has the column's width to itself.
  const column = plotW / Math.max(spec.points.length, 1);
  const x = (i: number) => MARGIN.left + (i + 0.5) * column;
  const tick = spec.tickFormat ?? spec.format;
  const text = (tx: number, ty: number, content: string, attrs = '') =>
    `<text x="${n(tx)}" y="${n(ty)}"${attrs}>${escapeXml(content)}</text>`;

  const parts: string[] = [];
  // Grid and y axis labels.
  for (const t of ticks) {
    parts.push(`<line class="graf-rutnat" x1="${MARGIN.left}" x2="${MARGIN.left + plotW}" y1="${n(y(t))}" y2="${n(y(t))}" stroke="${GRID}" stroke-width="1"/>`);
    parts.push(text(MARGIN.left - 6, y(t) + 4, tick(t), ` text-anchor="end" fill="${META}"`));
  }
  if (spec.axisLabel) parts.push(text(2, MARGIN.top - 12, spec.axisLabel, ` fill="${META}"`));
  parts.push(`<line x1="${MARGIN.left}" x2="${MARGIN.left}" y1="${MARGIN.top}" y2="${MARGIN.top + plotH}" stroke="${META}" stroke-width="1"/>`);
  parts.push(`<line x1="${MARGIN.left}" x2="${MARGIN.left + plotW}" y1="${MARGIN.top + plotH}" y2="${MARGIN.top + plotH}" stroke="${META}" stroke-width="1"/>`);

  // The reference line, dashed and named in words at its right end.
  if (spec.reference) {
    const ry = y(spec.reference.value);
    parts.push(`<line x1="${MARGIN.left}" x2="${MARGIN.left + plotW}" y1="${n(ry)}" y2="${n(ry)}" stroke="${REFERENCE}" stroke-width="2" stroke-dasharray="6 4"/>`);
    parts.push(text(MARGIN.left + plotW + 6, ry - 2, spec.reference.label, ` fill="${REFERENCE}" font-weight="600"`));
    // A long value would run out of the picture; the table and the description have it in any case.
    if (spec.reference.valueText.length <= 9) parts.push(text(MARGIN.left + plotW + 6, ry + 12, spec.reference.valueText, ` fill="${REFERENCE}"`));
  }

  // The line through the values there are, then a marker and the value in words at each point.
  const drawn = spec.points.map((p, i) => ({ p, i })).filter(({ p }) => p.value !== undefined);
  if (drawn.length > 1) {
    const d = drawn.map(({ p, i }, k) => `${k ? 'L' : 'M'}${n(x(i))} ${n(y(p.value!))}`).join(' ');
    parts.push(`<path d="${d}" fill="none" stroke="${LINE}" stroke-width="2.5"/>`);
  }
  const referenceY = spec.reference ? y(spec.reference.value) : undefined;
  spec.points.forEach((p, i) => {
    const px = x(i);
    if (p.value === undefined) {
      parts.push(text(px, MARGIN.top + plotH - 8, 'saknas', ` text-anchor="middle" fill="${META}" font-style="italic"`));
    } else {
      const py = y(p.value);
      const hollow = p.hollow ? ` class="graf-ihalig" fill="#fff"` : ` fill="${LINE}"`;
      parts.push(`<circle cx="${n(px)}" cy="${n(py)}" r="5"${hollow} stroke="${LINE}" stroke-width="2.5"/>`);
      // Above the point, or below it when the top of the plot or the reference line is in the way.
      const above = py - 10;
      const blocked = py - MARGIN.top < 18 || (referenceY !== undefined && referenceY < py && py - referenceY < 24);
      parts.push(text(px, blocked ? py + 22 : above, spec.format(p.value), ` text-anchor="middle" fill="${INK}" font-weight="600" font-size="13"`));
    }
    p.label.forEach((line, j) => parts.push(text(px, MARGIN.top + plotH + 17 + j * 14, line, ` text-anchor="middle" fill="${META}" font-size="11.5"`)));
  });

  const titleId = `${id}-titel`;
  const descId = `${id}-beskrivning`;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" role="img" aria-labelledby="${titleId} ${descId}" focusable="false" font-family="${FONT}" font-size="12">` +
    `<title id="${titleId}">${escapeXml(spec.title)}</title><desc id="${descId}">${escapeXml(spec.desc)}</desc>` +
    parts.join('') +
    '</svg>'
  );
}
