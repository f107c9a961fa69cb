/**
 * Property-based tests: random and mutated documents, started from the real files in strategy/, never make
 * the check throw or hang, every finding points inside its file, and the same input gives the same output.
 *
 * The seed is fixed so that CI is repeatable; set STYRDOK_FC_SEED to explore other inputs, and
 * STYRDOK_FC_RUNS to run more of them.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, copyFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkProject } from '../../src/engine/load-project.js';
import { parseFile } from '../../src/load/parse-file.js';
import type { Diagnostic, Position } from '../../src/model/diagnostic.js';
import { documentText, SAMPLES } from './arbitraries.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SEED = Number(process.env.STYRDOK_FC_SEED ?? 20261125);
const RUNS = Number(process.env.STYRDOK_FC_RUNS ?? 1);

/** Lines as styrdok counts them: split at LF, a CR before the LF is not part of the line, the BOM is not a character. */
function linesOf(text: string): string[] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return body.split('\n').map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line));
}

function expectInside(position: Position, lines: string[], what: string): void {
  expect(Number.isInteger(position.line) && Number.isInteger(position.column), what).toBe(true);
  expect(position.line, what).toBeGreaterThanOrEqual(1);
  expect(position.line, what).toBeLessThanOrEqual(lines.length);
  expect(position.column, what).toBeGreaterThanOrEqual(1);
  expect(position.column, what).toBeLessThanOrEqual(lines[position.line - 1]!.length + 1);
}

/**
 * Every message is Swedish. "YAML-fel: …" is yaml-messages.ts falling back to the parser's English text for
 * the codes it has no wording for yet (ALIAS_PROPS, BAD_PROP_ORDER, IMPOSSIBLE, BAD_DIRECTIVE,
 * BAD_COLLECTION_TYPE): reported to the owner of that file, and let through here until then.
 */
function expectSwedish(d: Diagnostic): void {
  if (d.message.startsWith('YAML-fel: ')) return;
  expect(d.message, d.message).toMatch(/[åäöÅÄÖ]|\b(och|inte|ska|är|en|ett|till|den|det|som)\b/);
}

function expectAllInside(diagnostics: Diagnostic[], textOf: (file: string) => string | undefined): void {
  for (const d of diagnostics) {
    expectSwedish(d);
    const places = [{ file: d.file, span: d.span, what: `${d.file} ${d.ruleId}: ${d.message}` }, ...(d.related ?? []).map((r) => ({ ...r, what: `related ${r.file}: ${r.message}` }))];
    for (const place of places) {
      const text = textOf(place.file);
      if (text === undefined) continue; // the config file, or a file that could not be read as text
      const lines = linesOf(text);
      expectInside(place.span.start, lines, `${place.what} at ${JSON.stringify(place.span)}`);
      if (place.span.end) expectInside(place.span.end, lines, `${place.what} ends at ${JSON.stringify(place.span)}`);
    }
  }
}

describe('parseFile on random and mutated documents', () => {
  it('never throws, points inside the file, and is deterministic', () => {
    fc.assert(
      fc.property(documentText, (text) => {
        const raw = { file: 'dokument.md', absPath: '/dokument.md', text };
        const first = parseFile(raw);
        expectAllInside(first.diagnostics, () => text);
        const second = parseFile(raw);
        expect(JSON.stringify(second.diagnostics)).toBe(JSON.stringify(first.diagnostics));
        expect(JSON.stringify(second.document?.data)).toBe(JSON.stringify(first.document?.data));
      }),
      { numRuns: 400 * RUNS, seed: SEED },
    );
  });
});

describe('checkProject on a corpus with mutated documents', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'styrdok-prop-'));
    copyFileSync(path.join(ROOT, 'strategy/styrdok.config.yaml'), path.join(dir, 'styrdok.config.yaml'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('never throws, points inside every file, and gives the same findings twice', () => {
    // Three real documents stay as they are (so that references resolve and rules have something to say);
    // one to three more are mutated.
    const keep = ['trygghetsstrategi-2024-2026.md', 'trygghetspolicy.md', 'verksamhetsplan-2026-forskolenamnden.md'];
    for (const sample of SAMPLES.filter((s) => keep.includes(s.name))) writeFileSync(path.join(dir, sample.name), sample.text);
    fc.assert(
      fc.property(fc.array(documentText, { minLength: 1, maxLength: 3 }), (texts) => {
        for (const file of readdirSync(dir)) if (file.startsWith('mutated-')) rmSync(path.join(dir, file));
        texts.forEach((text, i) => writeFileSync(path.join(dir, `mutated-${i}.md`), text));
        const first = checkProject({ cwd: dir, paths: ['.'], today: '2026-11-25' });
        const textOf = (file: string) => {
          const full = path.join(dir, file);
          if (!file.endsWith('.md')) return undefined;
          try {
            if (statSync(full).size > 2 * 1024 * 1024) return undefined;
            return new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(full));
          } catch {
            return undefined;
          }
        };
        expectAllInside(first.diagnostics, textOf);
        expect(first.diagnostics.filter((d) => d.ruleId === 'internal')).toEqual([]);
        const second = checkProject({ cwd: dir, paths: ['.'], today: '2026-11-25' });
        expect(second.diagnostics).toEqual(first.diagnostics);
      }),
      { numRuns: 40 * RUNS, seed: SEED },
    );
  });
});
