/**
 * `npx @11ty/eleventy --serve` (or --watch) previews the site as a clerk edits. A saved document is checked
 * and laid out again, a rule error is reported without stopping the preview, and the search index follows
 * each build, as on the published site. A plain `npx @11ty/eleventy` build makes no index (npm run site
 * makes it as a step of its own), and a failure of the index never stops the preview.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { previewSearchIndex } from '../../src/site/search-step.js';
import { eleventyBin, REPO_ROOT, runNode, SITE_TODAY } from '../helpers/build-site.js';

const made: string[] = [];
const running: ChildProcess[] = [];
afterAll(() => {
  for (const child of running) child.kill();
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});
function tempDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'styrdok-preview-'));
  made.push(dir);
  return dir;
}
const envFor = (out: string, corpus?: string): NodeJS.ProcessEnv => ({ ...process.env, STYRDOK_SITE_OUT: out, STYRDOK_TODAY: SITE_TODAY, STYRDOK_CACHE: '0', STYRDOK_HISTORY: '0', STYRDOK_CORPUS: corpus });

/** Eleventy in watch mode, and a way to wait for what it prints next. */
function watch(out: string, corpus?: string) {
  const child = spawn(process.execPath, [eleventyBin(), '--watch'], { cwd: REPO_ROOT, env: envFor(out, corpus), stdio: ['ignore', 'pipe', 'pipe'] });
  running.push(child);
  let log = '';
  const waiters: (() => void)[] = [];
  const seen = (chunk: Buffer) => {
    log += chunk.toString();
    for (const waiter of waiters.splice(0)) waiter();
  };
  child.stdout!.on('data', seen);
  child.stderr!.on('data', seen);
  /**
   * Waits until `done` holds of what it printed since the call, after Eleventy said it was watching again.
   * `save` is done now and again every two seconds until then: the file watcher may not be listening yet
   * when Eleventy first says it is watching.
   */
  const next = (done: (since: string) => boolean, save?: () => void): Promise<string> =>
    new Promise((resolve, reject) => {
      const start = log.length;
      save?.();
      const again = save ? setInterval(save, 2_000) : undefined;
      const timer = setTimeout(() => {
        clearInterval(again);
        reject(new Error(`Eleventy --watch kom aldrig dit:\n${log.slice(start).slice(-4000)}`));
      }, 60_000);
      const check = () => {
        const since = log.slice(start);
        if (/Watching/.test(since) && done(since)) {
          clearTimeout(timer);
          clearInterval(again);
          resolve(since);
        } else waiters.push(check);
      };
      check();
    });
  return { next, stop: () => child.kill() };
}

describe('the preview (`npx @11ty/eleventy --watch`, as --serve)', () => {
  it('lays out a saved document again, reports a rule error and keeps the site, and lays it out when fixed', async () => {
    const work = tempDir();
    cpSync(path.join(REPO_ROOT, 'strategy'), path.join(work, 'strategy'), { recursive: true });
    const doc = path.join(work, 'strategy/riktlinjer/riktlinje-kamerabevakning.md');
    const page = path.join(work, '_site/dokument/riktlinje-kamerabevakning/index.html');
    const text = readFileSync(doc, 'utf8');
    const preview = watch(path.join(work, '_site'), path.join(work, 'strategy'));
    await preview.next((since) => since.includes('Sökindexet omfattar'));
    const pageHas = (wanted: string) => () => existsSync(page) && readFileSync(page, 'utf8').includes(wanted);

    await preview.next(pageHas('(ny lydelse)'), () => writeFileSync(doc, text.replace(/^titel: (.*)$/m, 'titel: $1 (ny lydelse)')));

    const broken = await preview.next((since) => since.includes('Förhandsvisningen visar webbplatsen som den var'), () => writeFileSync(doc, text.replace(/^beslutande_organ: .*$/m, 'beslutande_organ: kommunstyrelsn')));
    expect(broken).toContain('Okänt beslutande organ «kommunstyrelsn». Menade du «kommunstyrelsen»?');
    expect(readFileSync(page, 'utf8')).toContain('(ny lydelse)');

    await preview.next(pageHas('(rättad)'), () => writeFileSync(doc, text.replace(/^titel: (.*)$/m, 'titel: $1 (rättad)')));
    preview.stop();
  }, 120_000);
});

describe('the search index of a preview', () => {
  it('is built after the build of `npx @11ty/eleventy --watch`, and searchable pages are in it', async () => {
    const out = tempDir();
    const preview = watch(out);
    const log = await preview.next((since) => since.includes('Sökindexet omfattar'));
    preview.stop();
    expect(log).toMatch(/\[styrdok\] Sökindexet omfattar 2\d sidor/);
    expect(existsSync(path.join(out, 'index.html'))).toBe(true);
    const indexes = readdirSync(out).filter((name) => name.startsWith('pagefind'));
    expect(indexes.length).toBeGreaterThan(0);
    expect(existsSync(path.join(out, indexes[0]!, 'pagefind-entry.json'))).toBe(true);
  }, 120_000);

  it('is not built by a plain `npx @11ty/eleventy` build', async () => {
    const out = tempDir();
    const build = await runNode([eleventyBin()], envFor(out));
    expect(build.code, build.stderr).toBe(0);
    expect(existsSync(path.join(out, 'index.html'))).toBe(true);
    expect(readdirSync(out).filter((name) => name.startsWith('pagefind'))).toEqual([]);
  }, 120_000);

  it('says a failure in Swedish and lets the preview go on', async () => {
    const said: string[] = [];
    const warned: string[] = [];
    const out = tempDir();
    await expect(previewSearchIndex('serve', out, envFor(out), REPO_ROOT, (t) => said.push(t), (t) => warned.push(t))).resolves.toBeUndefined();
    expect(said).toEqual([]);
    expect(warned.join('')).toMatch(/^Hittar ingen byggd webbplats i /);
    await previewSearchIndex('build', out, envFor(out), REPO_ROOT, (t) => said.push(t), (t) => warned.push(t));
    expect(warned).toHaveLength(1);
  });
});
