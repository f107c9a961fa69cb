/**
 * Property-based test of the site model: whatever mutated documents the check lets through (no errors),
 * the model is built and every page drawn without throwing, the same way twice, and no text a clerk wrote
 * becomes markup that runs. The real Eleventy build of hostile documents is in test/site/hostile.test.ts;
 * this reaches the many shapes of documents only a generator finds.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkProject } from '../../src/engine/load-project.js';
import { buildSite } from '../../src/site/site-model.js';
import { mutation, SAMPLES } from './arbitraries.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SEED = Number(process.env.STYRDOK_FC_SEED ?? 20261125);
const RUNS = Number(process.env.STYRDOK_FC_RUNS ?? 1);
const TODAY = '2026-11-25';

/**
 * What a clerk might paste into a body, meaning no harm or some. A Markdown link to javascript: or file: is
 * an error of the check (body-links), so the site never sees it; raw HTML is dropped by the renderer.
 */
const HOSTILE = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<a href="javascript:alert(1)" onclick="alert(1)">länk</a>',
  '![bild](bild.png "<script>")',
  '<javascript:alert(1)>',
  '{{ 7 * 7 }}',
  '{% include "../../package.json" %}',
  '{{ "x" | safe }}',
  '<iframe src="https://example.com"></iframe>',
  '<style>body{display:none}</style>',
  '[^1]\n\n[^1]: <script>alert(1)</script>',
  '| a | b |\n| - | - |\n| <script>x</script> | [y](javascript:y) |',
  '# Mål och nämndernas bidrag',
  '## innehall',
];

/** A body mutation: something hostile at a random place after the frontmatter. */
const hostileInBody = fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(...HOSTILE)).map(([f, snippet]) => (text: string) => {
  const bodyStart = text.indexOf('\n---', 4) + 4;
  if (bodyStart < 4) return `${text}\n${snippet}\n`;
  const lineStarts = [...text.slice(bodyStart).matchAll(/\n/g)].map((m) => bodyStart + m.index + 1);
  const at = lineStarts[Math.min(lineStarts.length - 1, Math.floor(f * lineStarts.length))] ?? text.length;
  return `${text.slice(0, at)}\n${snippet}\n\n${text.slice(at)}`;
});

/** What must never be in a drawn page's HTML, whatever the documents say. */
const RUNS_OR_ESCAPES = [/<script/i, /<iframe/i, /<style/i, /\son[a-z]+\s*=/i, /(href|src)\s*=\s*"\s*(javascript|file|data|vbscript):/i];

describe('the site model on a corpus with mutated documents', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'styrdok-site-prop-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('builds and draws every page for each corpus the check lets through, the same twice, with nothing that runs', () => {
    let built = 0;
    let runs = 0;
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...SAMPLES), fc.array(fc.oneof({ weight: 6, arbitrary: hostileInBody }, { weight: 1, arbitrary: mutation }), { minLength: 1, maxLength: 3 })), { minLength: 1, maxLength: 2 }),
        (edits) => {
          runs++;
          const corpus = path.join(dir, 'strategy');
          rmSync(corpus, { recursive: true, force: true });
          cpSync(path.join(ROOT, 'strategy'), corpus, { recursive: true });
          for (const [sample, ms] of edits) writeFileSync(path.join(corpus, sample.file), ms.reduce((t, m) => m(t), sample.text));
          const project = checkProject({ cwd: dir, paths: ['strategy'], today: TODAY });
          if (project.diagnostics.some((d) => d.severity === 'error')) return; // The build gate stops these.
          built++;
          const draw = () => {
            const site = buildSite(project, {});
            const pages = [
              ...site.model.documents.map((d) => site.documentPage(d.id)),
              ...site.model.followup.years.map((y) => site.followupYearPage(y.year)),
              ...site.model.followup.namndPages.map((n) => site.followupNamndPage(n.year, n.namnd)),
            ];
            return JSON.stringify({ model: site.model, pages });
          };
          const first = draw();
          expect(draw()).toBe(first);
          for (const pattern of RUNS_OR_ESCAPES) expect(first, String(pattern)).not.toMatch(pattern);
          expect(first).not.toContain('"49"');
        },
      ),
      { numRuns: 40 * RUNS, seed: SEED },
    );
    // Most hostile bodies are still valid documents: the property must have been tried on many corpora.
    expect(built).toBeGreaterThanOrEqual(runs / 4);
  }, 120_000);
});
