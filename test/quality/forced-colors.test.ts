/**
 * A contrast theme (Windows' forced colours) draws a page in the reader's few colours, but leaves an SVG's own
 * colours alone: the charts' dark ink would vanish on a dark theme. In Debian's Chromium, emulating a dark and a
 * light theme, every mark of the charts on an uppföljning year page and of the diagrams on the traceability page
 * must stand out from the theme's background: text in the theme's text colour, lines and outlines at 3:1 or more
 * (WCAG 1.4.11), and any filled area either the background itself or as distinct as a line.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { buildSite } from '../helpers/build-site.js';
import { launchBrowser, openContext, serveDir, type StaticServer } from '../helpers/browser.js';

let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  const site = await buildSite();
  server = await serveDir(site.dir);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

interface Mark {
  what: string;
  property: 'fill' | 'stroke';
  color: string;
  contrast: number;
}

/** Every painted fill and stroke of the SVG marks under `selector`, with its contrast against the page's background. */
async function marksOf(scheme: 'dark' | 'light', url: string, selector: string): Promise<{ background: string; text: string; marks: Mark[] }> {
  const tab = await openContext(browser, server.origin, { forcedColors: 'active', colorScheme: scheme });
  try {
    const response = await tab.page.goto(server.origin + url);
    expect(response?.status(), url).toBe(200);
    return await tab.page.evaluate((selector) => {
      const rgb = (color: string) => (/rgba?\(([^)]+)\)/.exec(color)?.[1] ?? '0,0,0').split(',').map((c) => Number(c.trim()));
      const luminance = (color: string) => {
        const [r, g, b] = rgb(color).map((c) => c / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
        return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
      };
      const contrast = (a: string, b: string) => {
        const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
        return (hi! + 0.05) / (lo! + 0.05);
      };
      const body = getComputedStyle(document.body);
      const marks = [...document.querySelectorAll(`${selector} :is(text, line, path, circle, polygon, rect)`)].flatMap((element) => {
        const style = getComputedStyle(element);
        return (['fill', 'stroke'] as const)
          .filter((property) => style[property] !== 'none' && !(property === 'stroke' && element.tagName === 'text'))
          .map((property) => ({ what: element.outerHTML.slice(0, 120), property, color: style[property], contrast: contrast(style[property], body.backgroundColor) }));
      });
      return { background: body.backgroundColor, text: body.color, marks };
    }, selector);
  } finally {
    await tab.context.close();
  }
}

describe.each(['dark', 'light'] as const)('in a %s contrast theme (forced colours)', (scheme) => {
  it.each([
    ['the charts of a nämnd\'s uppföljning page', '/uppfoljning/2026/barn-och-utbildningsnamnden/', '.graf svg'],
    ['the diagrams of the traceability page', '/sparbarhet/', '.diagram svg'],
  ])('%s take the reader\'s colours', async (_, url, selector) => {
    const { background, text, marks } = await marksOf(scheme, url, selector);
    expect(marks.length, `${url} har inga ${selector}`).toBeGreaterThan(20);
    const texts = marks.filter((m) => m.what.startsWith('<text'));
    expect(texts.length).toBeGreaterThan(5);
    for (const mark of texts) expect(mark.color, mark.what).toBe(text);
    for (const mark of marks.filter((m) => !m.what.startsWith('<text'))) {
      const blendsIn = mark.property === 'fill' && mark.color === background;
      expect(blendsIn || mark.contrast >= 3, `${mark.property} ${mark.color} på ${background} (${mark.contrast.toFixed(1)}:1): ${mark.what}`).toBe(true);
    }
  }, 60_000);
});
