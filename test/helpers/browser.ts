/**
 * A real browser for the quality tests: Debian's Chromium driven by playwright-core, and a tiny static
 * server on 127.0.0.1 for the built site. Nothing else is ever contacted: every request that is not for
 * the local server is aborted and recorded.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';

export const CHROMIUM_PATH = process.env.STYRDOK_CHROMIUM ?? '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium saknas på ${CHROMIUM_PATH}. Installera det med: apt-get install -y chromium`);
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

// ---------------------------------------------------------------------------------------------------------
// Static server

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.pdf': 'application/pdf',
  '.wasm': 'application/wasm',
  '.webmanifest': 'application/manifest+json',
};

export interface StaticServer {
  /** e.g. http://127.0.0.1:41234 (no trailing slash). */
  origin: string;
  close(): Promise<void>;
}

/**
 * Serve `root` on 127.0.0.1 at a random port, like a plain static host: `/a/` serves `a/index.html`,
 * `/a` redirects to `/a/` when `a` is a folder, anything else is the file or a 404 (with 404.html if the
 * site has one).
 */
export function serveDir(root: string): Promise<StaticServer> {
  const base = path.resolve(root);
  const server = http.createServer((req, res) => {
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    } catch {
      res.writeHead(400).end('bad request');
      return;
    }
    const file = path.resolve(base, `.${path.posix.normalize(pathname)}`);
    if (file !== base && !file.startsWith(base + path.sep)) {
      res.writeHead(403).end('forbidden');
      return;
    }
    let target = file;
    const stat = statSync(target, { throwIfNoEntry: false });
    if (stat?.isDirectory()) {
      if (!pathname.endsWith('/')) {
        res.writeHead(301, { location: `${pathname}/` }).end();
        return;
      }
      target = path.join(target, 'index.html');
    }
    if (!statSync(target, { throwIfNoEntry: false })?.isFile()) {
      const notFound = path.join(base, '404.html');
      res.writeHead(404, { 'content-type': TYPES['.html']! });
      if (existsSync(notFound)) createReadStream(notFound).pipe(res);
      else res.end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(target).toLowerCase()] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    if (req.method === 'HEAD') res.end();
    else createReadStream(target).pipe(res);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        origin: `http://127.0.0.1:${port}`,
        close: () => new Promise<void>((done) => {
          server.closeAllConnections();
          server.close(() => done());
        }),
      });
    });
  });
}

// ---------------------------------------------------------------------------------------------------------
// Pages

export interface SitePage {
  context: BrowserContext;
  page: Page;
  /** Requests to anything but the local server: aborted, listed here. */
  blocked: string[];
  /** Uncaught errors thrown by the page's scripts. */
  pageErrors: string[];
  /** Messages of dialogs (alert, confirm, prompt, beforeunload) the page opened; each is dismissed. */
  dialogs: string[];
}

export interface PageOptions {
  width?: number;
  height?: number;
  /** Ignore the site's Content-Security-Policy, so that a test sees what the markup alone would do. */
  bypassCSP?: boolean;
  /** A contrast theme (Windows), as Chromium emulates it: the page is drawn in the theme's few colours. */
  forcedColors?: 'active' | 'none';
  colorScheme?: 'light' | 'dark';
}

export async function openContext(browser: Browser, origin: string, options: PageOptions = {}): Promise<SitePage> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1280, height: options.height ?? 900 },
    bypassCSP: options.bypassCSP ?? false,
    forcedColors: options.forcedColors ?? 'none',
    colorScheme: options.colorScheme ?? 'light',
    locale: 'sv-SE',
    serviceWorkers: 'block',
  });
  const blocked: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url === origin || url.startsWith(`${origin}/`)) return route.continue();
    // about:, data: and blob: never reach the network; the rest is outside this machine's loopback.
    blocked.push(url);
    return route.abort('blockedbyclient');
  });
  const page = await context.newPage();
  const pageErrors: string[] = [];
  const dialogs: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss().catch(() => undefined);
  });
  return { context, page, blocked, pageErrors, dialogs };
}

// ---------------------------------------------------------------------------------------------------------
// axe-core

const require = createRequire(import.meta.url);
export const AXE_PATH = require.resolve('axe-core/axe.min.js');
export const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export interface AxeNode {
  target: unknown[];
  html: string;
  failureSummary?: string;
}
export interface AxeViolation {
  id: string;
  impact?: string | null;
  help: string;
  helpUrl: string;
  nodes: AxeNode[];
}

/** Run axe-core's WCAG 2.1 A and AA rules on the page as it is now. */
export async function runAxe(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ path: AXE_PATH });
  return page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({ target: n.target, html: n.html, failureSummary: n.failureSummary })),
    }));
  }, WCAG_21_AA);
}

/** Violations as text a person can act on: rule, impact, what to fix, and each element at fault. */
export function formatViolations(where: string, violations: AxeViolation[]): string {
  const lines = [`${where}: ${violations.length} axe-regler bryts`];
  for (const v of violations) {
    lines.push(`  [${v.impact ?? '?'}] ${v.id}: ${v.help} (${v.helpUrl.replace(/\?.*$/, '')})`);
    for (const node of v.nodes.slice(0, 5)) {
      lines.push(`      ${node.target.map(String).join(' > ')}`);
      lines.push(`        ${node.html.replace(/\s+/g, ' ').slice(0, 200)}`);
      if (node.failureSummary) lines.push(...node.failureSummary.split('\n').map((l) => `        ${l.trim()}`).filter((l) => l.trim()));
    }
    if (v.nodes.length > 5) lines.push(`      … och ${v.nodes.length - 5} element till`);
  }
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------------------
// Shared test blocks

export interface ChromiumSession {
  readonly browser: Browser;
  readonly server: StaticServer;
}

/**
 * Serves the folder `root()` names (read when the block's tests start, after the build in an outer
 * beforeAll) and launches Chromium for the tests of the enclosing describe block; closes both after them.
 */
export function chromiumOn(root: () => string): ChromiumSession {
  const session = {} as { browser: Browser; server: StaticServer };
  beforeAll(async () => {
    session.server = await serveDir(root());
    session.browser = await launchBrowser();
  });
  afterAll(async () => {
    await session.browser?.close();
    await session.server?.close();
  });
  return session;
}

/**
 * One test per page and width: no WCAG 2.1 AA violation (axe-core) at 1,280 and 360 px, no sideways scrolling
 * of the whole page at 320 px (WCAG 1.4.10), and no script error.
 */
export function itIsAccessible(session: ChromiumSession, urls: readonly string[], name: (url: string) => string = (url) => url): void {
  for (const url of urls) {
    for (const width of [1280, 360]) {
      it(`${name(url)} has no WCAG 2.1 AA violations at ${width} px, and does not scroll sideways at 320 px`, async () => {
        const tab = await openContext(session.browser, session.server.origin, { width, height: 900 });
        try {
          await tab.page.goto(session.server.origin + url);
          const violations = await runAxe(tab.page);
          expect(violations.map((v) => v.id), formatViolations(`${url} (${width} px)`, violations)).toEqual([]);
          await tab.page.setViewportSize({ width: 320, height: 720 });
          const overflow = await tab.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
          expect(overflow).toBeLessThanOrEqual(0);
          expect(tab.pageErrors).toEqual([]);
        } finally {
          await tab.context.close();
        }
      });
    }
  }
}
