import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain JavaScript script, without type declarations.
import { generateCorpus } from '../../scripts/generate-corpus.mjs';
import { buildCorpus, getDocument, type Corpus } from '../../src/corpus/corpus.js';
import fc from 'fast-check';
import { filesInKeys, idsInKeys, impliedReads, linksAny, namesAny } from '../../src/corpus/implied-reads.js';
import { EVERYTHING, fileKey, memoOn, providedKeys, trackReads } from '../../src/corpus/read-tracking.js';
import { checkProject } from '../../src/engine/load-project.js';
import { idNamedIn, namedIdsText } from '../../src/load/named-ids.js';
import { linksText } from '../../src/load/parse-cache.js';
import { perDocumentRunner } from '../../src/engine/run-rules.js';
import type { StyrDocument } from '../../src/model/document.js';
import { rules } from '../../src/rules/index.js';
import { isShapedRule } from '../../src/rules/rule.js';
import { REPO_ROOT } from '../helpers/run-cli.js';

const DAYS = ['2025-06-01', '2026-11-25', '2030-01-01'];
const load = (today: string, cwd = REPO_ROOT) => checkProject({ cwd, paths: ['strategy'], today, rules: [] });

// A generated corpus too: many plans trace to each strategy, and documents replace and implement each other.
const generated = mkdtempSync(path.join(os.tmpdir(), 'styrdok-reads-'));
generateCorpus({ n: 400, seed: 5, out: generated });
afterAll(() => rmSync(generated, { recursive: true, force: true }));
const CORPORA = DAYS.flatMap((day) => [
  ['strategy/', day, REPO_ROOT],
  ['a generated corpus of 400 documents', day, generated],
]);

describe('a tracked view of the corpus', () => {
  const { corpus } = load('2026-11-25');

  it('gives the same answers as the corpus, and notes each lookup by the id it is about', () => {
    const tracked = trackReads(corpus);
    const view = tracked.corpus;
    const { value, reads } = tracked.collect(() => [
      getDocument(view, 'trygghetspolicy')?.file,
      view.brokenIds.has('trasig'),
      view.targets.get('trygghetsstrategi-2024-2026#samverkan')?.title,
      view.replacedBy.get('trygghetspolicy')?.map((d) => d.data.id),
      view.implementedBy.get('trygghetsstrategi-2024-2026')?.length,
      view.root,
    ]);
    expect(value).toEqual([
      getDocument(corpus, 'trygghetspolicy')?.file,
      false,
      corpus.targets.get('trygghetsstrategi-2024-2026#samverkan')?.title,
      ['trygghetsstrategi-2024-2026'],
      corpus.implementedBy.get('trygghetsstrategi-2024-2026')?.length,
      corpus.root,
    ]);
    expect([...reads].sort()).toEqual(['ersätter:trygghetspolicy', 'genomför:trygghetsstrategi-2024-2026', 'id:trasig', 'id:trygghetspolicy', 'id:trygghetsstrategi-2024-2026']);
  });

  it.each([
    ['every id', (c: Corpus) => [...c.byId.keys()]],
    ['the number of targets', (c: Corpus) => c.targets.size],
    ['every document', (c: Corpus) => c.documents.length],
    ['every goal', (c: Corpus) => c.goals.length],
    ['which files there are', (c: Corpus) => c.files.length],
  ])('notes a read of the whole corpus for %s', (_, read) => {
    const tracked = trackReads(corpus);
    const { value, reads } = tracked.collect(() => read(tracked.corpus));
    expect(value).toEqual(read(corpus));
    expect([...reads]).toEqual([EVERYTHING]);
  });

  it('notes, of the files, which one a document rule asked for', () => {
    const tracked = trackReads(corpus);
    const { value, reads } = tracked.collect(() => [tracked.files.has('strategy/policyer/trygghetspolicy.md'), tracked.files.has('strategy/saknas.md')]);
    expect(value).toEqual([true, false]);
    expect([...reads].sort()).toEqual(['fil:strategy/policyer/trygghetspolicy.md', 'fil:strategy/saknas.md']);
  });

  it('notes nothing outside collect, and what an inner collect read in the outer one too', () => {
    const tracked = trackReads(corpus);
    tracked.corpus.byId.get('utanfor');
    const outer = tracked.collect(() => {
      tracked.corpus.byId.get('a');
      return tracked.collect(() => tracked.corpus.byId.get('b')).reads;
    });
    expect([...outer.value]).toEqual(['id:b']);
    expect([...outer.reads].sort()).toEqual(['id:a', 'id:b']);
  });

  it('notes what a memo read for every caller, not only the first', () => {
    const tracked = trackReads(corpus);
    const scope = {};
    const ask = () => memoOn(tracked.corpus, scope, 'antal', () => tracked.corpus.documents.length);
    const first = tracked.collect(ask);
    const second = tracked.collect(ask);
    expect(second.value).toBe(first.value);
    expect([...second.reads]).toEqual([EVERYTHING]);
  });

  it('says of a document whether it names a changed id exactly when its implied reads meet the changed keys', () => {
    let met = 0;
    for (const document of corpus.documents) {
      const implied = impliedReads(document);
      expect(implied.has(`id:${document.data.id}`)).toBe(true);
      for (const other of corpus.documents) {
        const changed = new Set(providedKeys(other.data));
        const meets = [...implied].some((key) => changed.has(key));
        if (meets) met++;
        expect(namesAny(document.data, idsInKeys(changed)), `${document.file} / ${other.file}`).toBe(meets);
      }
    }
    expect(met).toBeGreaterThan(corpus.documents.length);
  });

  it('says of a document whether it names one of some ids as its implied reads do, walking its data or looking in its named ids (fast-check)', () => {
    // Ids that begin like each other, and one with a # (a broken file may claim it), so that a reference to
    // «a-b#x» is not taken for one to «a», nor one to «a#b» for one to «a».
    const id = fc.constantFrom('a', 'a-b', 'a-bc', 'b', 'a#b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j');
    const ref = fc.tuple(id, fc.constantFrom('', '#m1', '#', '#a')).map(([i, tail]) => i + tail);
    const goal = fc.record({ id: fc.constant('m'), bidrar_till: fc.array(ref, { maxLength: 3 }), avstämd_mot: fc.dictionary(ref, fc.constant('2026-01-01'), { maxKeys: 2 }) });
    const data = fc.record({
      id,
      dokumenttyp: fc.constantFrom('verksamhetsplan', 'strategi'),
      ersätter: fc.array(id, { maxLength: 2 }),
      mål: fc.array(goal, { maxLength: 3 }),
      åtgärder: fc.array(goal, { maxLength: 2 }),
    });
    fc.assert(
      fc.property(data, fc.uniqueArray(id, { maxLength: 13 }), (documentData, ids) => {
        const implied = impliedReads({ file: 'strategy/a.md', links: [], data: documentData } as unknown as StyrDocument);
        const changed = new Set(ids.map((i) => `id:${i}`));
        const expected = [...changed].some((key) => implied.has(key));
        const data = documentData as unknown as StyrDocument['data'];
        expect(namesAny(data, idsInKeys(changed))).toBe(expected);
        // As a re-check asks it, of the named ids the parse cache keeps.
        expect(idNamedIn(namedIdsText(data), [...idsInKeys(changed)].map((i) => `\n${i}\n`))).toBe(expected);
      }),
      { numRuns: 3000, seed: 6 },
    );
  });

  it('says of a document whether a link may lead to a file that came or went exactly when its implied reads have the file (fast-check)', () => {
    const segment = fc.constantFrom('..', '.', '', 'a', 'b', 'policy.md', 'plan.md', 'a.md', 'x y.md', '%C3%A5.md', 'å.md');
    const url = fc
      .tuple(fc.constantFrom('', ' ', '\t'), fc.array(segment, { maxLength: 5 }), fc.constantFrom('', '#mål', '?x', ' ', '\u00a0', '#', '/', './#a', '/?b', '. '))
      .map(([head, parts, tail]) => head + parts.join('/') + tail);
    const files = fc.array(fc.array(segment, { minLength: 1, maxLength: 4 }).map((parts) => `strategy/${parts.join('/')}`), { maxLength: 4 });
    fc.assert(
      fc.property(fc.array(url, { maxLength: 6 }), files, fc.constantFrom('strategy/a/doc.md', 'strategy/doc.md', 'strategy/a/b/doc.md'), (urls, paths, file) => {
        const links = urls.map((u, i) => ({ url: u, line: i + 1, column: 1 }));
        const document = { file, links, data: { id: 'dok' } } as unknown as StyrDocument;
        // As read from the cache: the links kept as text too, which linksAny looks through first.
        const cached = { ...document, linksText: linksText(links) as string } as StyrDocument;
        const implied = impliedReads(document);
        // Also the files the links do lead to, so that the property is about hits as much as misses.
        const led = [...implied].filter((key) => key.startsWith('fil:')).slice(0, 2);
        const changed = new Set([...paths.map(fileKey), ...led]);
        const expected = [...changed].some((key) => implied.has(key));
        expect(linksAny(document, filesInKeys(changed))).toBe(expected);
        expect(linksAny(cached, filesInKeys(changed))).toBe(expected);
      }),
      { numRuns: 2000, seed: 4 },
    );
  });

  it('provides the keys of a document’s own id and of the ids it replaces and implements', () => {
    const strategy = getDocument(corpus, 'trygghetsstrategi-2024-2026')!;
    expect(providedKeys(strategy.data)).toEqual(['id:trygghetsstrategi-2024-2026', 'ersätter:trygghetspolicy']);
  });
});

describe('what a corpus rule’s per-document part reads of other documents', () => {
  const shaped = rules.filter(isShapedRule);
  const findingsOf = (corpus: Corpus, document: StyrDocument, today: string, config: ReturnType<typeof load>['config']) =>
    shaped.flatMap((rule) => rule.checkEach(document, { corpus, config, today }).map((f) => ({ rule: rule.id, ...f })));

  it.each(CORPORA)('is noted the same when a document is checked after others as when it is checked alone (%s, %s)', (_, today, cwd) => {
    const { corpus, config } = load(today, cwd);
    const inTurn = perDocumentRunner(rules, { corpus, config, today }, trackReads(corpus));
    for (const document of corpus.documents) {
      inTurn.run(document);
      const together = new Set(inTurn.lastReads);
      // A new view has no memos yet: whatever a memo read, this document's run reads itself.
      const alone = perDocumentRunner(rules, { corpus, config, today }, trackReads(corpus));
      alone.run(document);
      for (const key of alone.lastReads) expect(together.has(key), `${document.file}: ${key}`).toBe(true);
    }
  });

  it.each(CORPORA)('is all its findings depend on: without every document that provides none of it, they are the same (%s, %s)', (_, today, cwd) => {
    const { corpus, config } = load(today, cwd);
    const runner = perDocumentRunner(rules, { corpus, config, today }, trackReads(corpus));
    let narrowed = 0;
    for (const document of corpus.documents) {
      runner.run(document);
      const reads = new Set(runner.lastReads);
      if (reads.has(EVERYTHING)) continue;
      const kept = corpus.documents.filter((d) => d === document || providedKeys(d.data).some((key) => reads.has(key)));
      if (kept.length === corpus.documents.length) continue;
      narrowed++;
      const smaller = buildCorpus(kept.map((d) => ({ file: d.file, document: d, diagnostics: [] })), [], corpus.root);
      expect(findingsOf(smaller, document, today, config), document.file).toEqual(findingsOf(corpus, document, today, config));
    }
    expect(narrowed).toBeGreaterThan(10);
  });
});
