import { appendFileSync, cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkProject } from '../../src/engine/load-project.js';
import { buildCorpus, type Corpus } from '../../src/corpus/corpus.js';
import { OWN_KEYS } from '../../src/load/shape.js';
import type { StyrDocument } from '../../src/model/document.js';
import { RULE_CODE_DIRS } from '../../src/engine/rule-results.js';
import { INTERNAL_RULE_ID, runRules } from '../../src/engine/run-rules.js';
import { latin1Json } from '../../src/load/cache-folder.js';
import { cacheKey, openParseCache } from '../../src/load/parse-cache.js';
import { rules } from '../../src/rules/index.js';
import { isDocumentRule, isShapedRule, type Rule, type RuleContext, type ShapedRule } from '../../src/rules/rule.js';
import { keepsAcross } from '../../src/engine/kept-across.js';
import { SCHEMA_DIR } from '../../src/schema/schema-files.js';
import { REPO_ROOT, tempProject, type TempProject } from '../helpers/run-cli.js';

const TODAY = '2026-11-25';
const POLICY = 'strategy/policyer/trygghetspolicy.md';
/** The one document that names the policy: it replaces it. */
const STRATEGY = 'strategy/strategier/trygghetsstrategi-2024-2026.md';

let project: TempProject | undefined;
afterEach(() => {
  project?.dispose();
  project = undefined;
});

function copyOfStrategy(): TempProject {
  project = tempProject('styrdok-rule-results-');
  cpSync(path.join(REPO_ROOT, 'strategy'), project.path('strategy'), { recursive: true });
  return project;
}

/**
 * Every rule, counting the times any of them ran, and noting the documents the document rules were run on
 * and those the corpus rules' per-document parts (ShapedRule.checkEach) were run on.
 */
function countedRules(): { rules: Rule[]; runs: () => number; documents: Set<string>; shaped: Set<string>; across: Set<string> } {
  let runs = 0;
  const documents = new Set<string>();
  const shaped = new Set<string>();
  const across = new Set<string>();
  return {
    rules: rules.map((rule): Rule => {
      if (isDocumentRule(rule)) return { ...rule, checkDocument: (document, context) => (runs++, documents.add(document.file), rule.checkDocument(document, context)) };
      if (!isShapedRule(rule)) return { ...rule, check: (context) => (runs++, rule.check(context)) };
      return {
        ...rule,
        check: (context) => (runs++, rule.check(context)),
        checkEach: (document, context) => (runs++, shaped.add(document.file), rule.checkEach(document, context)),
        ...(rule.checkAcross ? { checkAcross: (context: RuleContext) => (runs++, across.add(rule.id), rule.checkAcross!(context)) } : {}),
      };
    }),
    runs: () => runs,
    documents,
    shaped,
    across,
  };
}

/**
 * A check as a new process runs it with --cache: a cache opened from the folder, saved afterwards. Returns
 * its findings and whether the rules ran.
 */
function checkWithCache(p: TempProject, options: { today?: string } = {}) {
  const counted = countedRules();
  const cache = openParseCache(cacheKey('test', SCHEMA_DIR, 2 * 1024 * 1024), p.path('.styrdokcache'));
  const { diagnostics } = checkProject({ cwd: p.dir, paths: ['strategy'], today: options.today ?? TODAY, rules: counted.rules, cache });
  cache.save();
  return { diagnostics, rulesRan: counted.runs() > 0, documentsChecked: [...counted.documents], shapedChecked: [...counted.shaped].sort(), acrossRan: [...counted.across].sort() };
}

const uncached = (p: TempProject, today = TODAY) => checkProject({ cwd: p.dir, paths: ['strategy'], today }).diagnostics;

const edit = (p: TempProject, file: string, change: (text: string) => string) => writeFileSync(p.path(file), change(readFileSync(p.path(file), 'utf8')));

describe('the rules’ findings in the cache', () => {
  it('are taken from the cache when only a document’s text (or a comment in the config) changed, and are exactly an uncached check’s', () => {
    const p = copyOfStrategy();
    const first = checkWithCache(p);
    expect(first.rulesRan).toBe(true);
    expect(first.diagnostics.length).toBeGreaterThan(0);
    expect(first.diagnostics).toEqual(uncached(p));

    appendFileSync(p.path(POLICY), '\nEn mening till i policyn.\n');
    appendFileSync(p.path('strategy/styrdok.config.yaml'), '\n# En kommentar ändrar inget som reglerna läser.\n');
    const second = checkWithCache(p);
    expect(second.rulesRan).toBe(false);
    expect(second.diagnostics).toEqual(uncached(p));
  });

  it.each([
    ['the frontmatter of a document', (p: TempProject) => edit(p, POLICY, (t) => t.replace('\n---', '\n# en kommentar flyttar raderna under den\n---'))],
    ['a link in a document’s text', (p: TempProject) => appendFileSync(p.path(POLICY), '\nSe [riktlinjen](../riktlinjer/finns-inte.md).\n')],
    ['the config', (p: TempProject) => edit(p, 'strategy/styrdok.config.yaml', (t) => t.replace('kommun: Solna stad', 'kommun: Solna'))],
    ['which files there are', (p: TempProject) => rmSync(p.path('strategy/riktlinjer/riktlinje-kamerabevakning.md'))],
  ])('run again when %s changed, and then give what an uncached check gives', (_, change) => {
    const p = copyOfStrategy();
    checkWithCache(p);
    change(p);
    const again = checkWithCache(p);
    expect(again.rulesRan).toBe(true);
    expect(again.diagnostics).toEqual(uncached(p));
  });

  it('run the document rules only on a document whose frontmatter changed, and keep the others’ findings', () => {
    const p = copyOfStrategy();
    // A finding of a document rule (owner) in one document, to be kept while another document changes.
    const plan = 'strategy/verksamhetsplaner/2026/verksamhetsplan-2026-socialnamnden.md';
    edit(p, plan, (t) => t.replace(/dokumentansvarig: .*/, 'dokumentansvarig: ingen-sadan-forvaltning'));
    const first = checkWithCache(p);
    expect(first.documentsChecked.length).toBeGreaterThan(10);
    expect(first.diagnostics.filter((d) => d.ruleId === 'owner').map((d) => d.file)).toEqual([plan]);

    edit(p, POLICY, (t) => t.replace('\n---', '\n# en kommentar flyttar raderna under den\n---'));
    const second = checkWithCache(p);
    expect(second.documentsChecked).toEqual([POLICY]);
    expect(second.diagnostics).toEqual(uncached(p));
    expect(second.diagnostics.filter((d) => d.ruleId === 'owner').map((d) => d.file)).toEqual([plan]);

    // And the changed document's own finding comes and goes with its frontmatter.
    edit(p, POLICY, (t) => t.replace(/dokumentansvarig: .*/, 'dokumentansvarig: stadsledningsforvaltningenn'));
    const third = checkWithCache(p);
    expect(third.documentsChecked).toEqual([POLICY]);
    expect(third.diagnostics).toEqual(uncached(p));
    expect(third.diagnostics.filter((d) => d.ruleId === 'owner').map((d) => d.file).sort()).toEqual([POLICY, plan].sort());
  });

  it('run the corpus rules’ per-document parts only on the changed documents while every shape stays, and on those that read a changed shape', () => {
    const p = copyOfStrategy();
    const plan = 'strategy/verksamhetsplaner/2026/verksamhetsplan-2026-socialnamnden.md';
    const first = checkWithCache(p);
    expect(first.shapedChecked.length).toBeGreaterThan(10);

    // What only the document itself reads: a comment that moves every key, a goal's title.
    edit(p, POLICY, (t) => t.replace('\n---', '\n# en kommentar flyttar raderna under den\n---'));
    edit(p, plan, (t) => t.replace(/(\n  - id: [^\n]+\n    titel: [^\n"]+)\n/, '$1 i hela staden\n'));
    const second = checkWithCache(p);
    expect(second.shapedChecked).toEqual([plan, POLICY].sort());
    expect(second.diagnostics).toEqual(uncached(p));

    // A date that other documents read: the policy again, and the one document that names it (the strategy
    // replaces it), not the rest.
    edit(p, POLICY, (t) => t.replace(/datum: 20\d\d-/, 'datum: 2019-'));
    const third = checkWithCache(p);
    expect(third.shapedChecked).toEqual([POLICY, STRATEGY].sort());
    expect(third.diagnostics).toEqual(uncached(p));
  });

  it('check again the documents that pointed at an id that is gone, and those that point at it once it is back', () => {
    const p = copyOfStrategy();
    checkWithCache(p);
    edit(p, POLICY, (t) => t.replace('id: trygghetspolicy', 'id: trygghetspolicyn'));
    const renamed = checkWithCache(p);
    expect(renamed.shapedChecked).toEqual([POLICY, STRATEGY].sort());
    expect(renamed.diagnostics.filter((d) => d.ruleId === 'references').map((d) => d.file)).toContain(STRATEGY);
    expect(renamed.diagnostics).toEqual(uncached(p));

    edit(p, POLICY, (t) => t.replace('id: trygghetspolicyn', 'id: trygghetspolicy'));
    const back = checkWithCache(p);
    expect(back.shapedChecked).toEqual([POLICY, STRATEGY].sort());
    expect(back.diagnostics).toEqual(uncached(p));
  });

  it('check again, when a document comes or goes, only the documents that name it or link to it', () => {
    const p = copyOfStrategy();
    const riktlinje = 'strategy/riktlinjer/riktlinje-kamerabevakning.md';
    const anvisning = 'strategy/anvisningar/anvisning-klottersanering.md';
    edit(p, riktlinje, (t) => `${t}\nSe även [anvisningen](../anvisningar/anvisning-klottersanering.md).\n`);
    const first = checkWithCache(p);
    const text = readFileSync(p.path(anvisning), 'utf8');

    rmSync(p.path(anvisning));
    const gone = checkWithCache(p);
    expect(gone.shapedChecked).toEqual([riktlinje]);
    expect(gone.diagnostics.filter((d) => d.ruleId === 'body-links').map((d) => d.file)).toEqual([riktlinje]);
    expect(gone.diagnostics).toEqual(uncached(p));

    writeFileSync(p.path(anvisning), text);
    const back = checkWithCache(p);
    expect(back.shapedChecked).toEqual([riktlinje, anvisning].sort());
    expect(back.diagnostics).toEqual(first.diagnostics);
    expect(back.diagnostics).toEqual(uncached(p));

    // A new riktlinje that implements the strategy: itself alone, since no finding about another document
    // reads which documents implement the strategy, or the new id.
    const added = 'strategy/riktlinjer/riktlinje-ny.md';
    writeFileSync(p.path(added), readFileSync(p.path(riktlinje), 'utf8').replace('id: riktlinje-kamerabevakning', 'id: riktlinje-ny').replace(/diarienummer: KS\/2025:211/, 'diarienummer: KS/2025:212'));
    const more = checkWithCache(p);
    expect(more.shapedChecked).toEqual([added]);
    expect(more.diagnostics).toEqual(uncached(p));
  });

  it('check again, after any change to a shape, a document whose findings read the whole corpus', () => {
    const p = copyOfStrategy();
    // Goals without bidrar_till in two plans: each finding names an example found among every target in the
    // corpus, once per run (the second plan's finding takes the first one's).
    const plans = ['strategy/verksamhetsplaner/2026/verksamhetsplan-2026-socialnamnden.md', 'strategy/verksamhetsplaner/2026/verksamhetsplan-2026-tekniska-namnden.md'];
    for (const plan of plans) edit(p, plan, (t) => t.replace(/\n    bidrar_till:\n(      - [^\n]+\n)+/, '\n'));
    const first = checkWithCache(p);
    for (const plan of plans) expect(first.diagnostics.some((d) => d.ruleId === 'traceability' && d.file === plan && d.message.includes('till exempel'))).toBe(true);

    const riktlinje = 'strategy/riktlinjer/riktlinje-kamerabevakning.md';
    edit(p, riktlinje, (t) => t.replace(/datum: 20\d\d-/, 'datum: 2019-'));
    const second = checkWithCache(p);
    expect(second.shapedChecked).toEqual(expect.arrayContaining(plans));
    expect(second.shapedChecked.length).toBeLessThan(first.shapedChecked.length);
    expect(second.diagnostics).toEqual(uncached(p));

    // The strategy's new id is in both examples.
    edit(p, STRATEGY, (t) => t.replace(/\nid: .*/, '\nid: trygghetsstrategin'));
    const third = checkWithCache(p);
    expect(third.diagnostics.filter((d) => d.ruleId === 'traceability' && d.message.includes('till exempel trygghetsstrategin#')).map((d) => d.file)).toEqual(expect.arrayContaining(plans));
    expect(third.diagnostics).toEqual(uncached(p));
  });

  it('keep the findings across documents while nothing they read changed, and find them again where it did', () => {
    const p = copyOfStrategy();
    // A diarienummer used twice: a finding of decision-record across documents, in the riktlinje and pointing
    // into the policy.
    const riktlinje = 'strategy/riktlinjer/riktlinje-kamerabevakning.md';
    edit(p, riktlinje, (t) => t.replace('diarienummer: KS/2025:211', 'diarienummer: KS/2008:15'));
    const first = checkWithCache(p);
    expect(first.acrossRan).toEqual(['decision-record', 'hierarchy', 'references']);
    const twice = (d: { diagnostics: { ruleId: string; message: string; file: string }[] }) => d.diagnostics.filter((f) => f.ruleId === 'decision-record' && f.message.includes('används redan'));
    expect(twice(first).map((d) => d.file)).toEqual([riktlinje]);

    // A new decision date for the strategy changes its shape, but nothing that the parts across documents read.
    edit(p, STRATEGY, (t) => t.replace('datum: 2023-12-18', 'datum: 2023-12-19'));
    const second = checkWithCache(p);
    expect(second.acrossRan).toEqual([]);
    expect(second.shapedChecked.length).toBeGreaterThan(0);
    expect(second.diagnostics).toEqual(uncached(p));
    expect(twice(second)).toHaveLength(1);

    // A comment at the top of the policy moves the line that the finding points to: that rule runs again.
    edit(p, POLICY, (t) => t.replace('\n---', '\n# en kommentar flyttar raderna under den\n---'));
    const third = checkWithCache(p);
    expect(third.acrossRan).toEqual(['decision-record']);
    expect(third.diagnostics).toEqual(uncached(p));

    // A new id for the riktlinje is read by every part across documents.
    edit(p, riktlinje, (t) => t.replace(/\nid: .*/, '\nid: riktlinje-kamerabevakning-ny'));
    const fourth = checkWithCache(p);
    expect(fourth.acrossRan).toEqual(['decision-record', 'hierarchy', 'references']);
    expect(fourth.diagnostics).toEqual(uncached(p));

    // As does a new document, even one that changes no finding.
    writeFileSync(p.path('strategy/riktlinjer/kopia.md'), readFileSync(p.path(riktlinje), 'utf8').replace(/\nid: .*/, '\nid: kopia').replace('KS/2008:15', 'KS/2025:999'));
    const fifth = checkWithCache(p);
    expect(fifth.acrossRan).toEqual(['decision-record', 'hierarchy', 'references']);
    expect(fifth.diagnostics).toEqual(uncached(p));
  });

  it('find again a kept finding that points into a file whose lines have moved', () => {
    const p = copyOfStrategy();
    const riktlinje = 'strategy/riktlinjer/riktlinje-kamerabevakning.md';
    const anvisning = 'strategy/anvisningar/anvisning-klottersanering.md';
    // A riktlinje that implements an anvisning: a hierarchy finding in the riktlinje, pointing at the anvisning's type.
    edit(p, riktlinje, (t) => t.replace('genomför:\n', 'genomför:\n  - anvisning-klottersanering\n'));
    const first = checkWithCache(p);
    const finding = first.diagnostics.find((d) => d.ruleId === 'hierarchy' && d.file === riktlinje);
    expect(finding?.related?.[0]?.file).toBe(anvisning);

    edit(p, anvisning, (t) => t.replace(/^---\n/, '---\n# två rader\n# till\n'));
    const second = checkWithCache(p);
    expect(second.shapedChecked).toEqual([riktlinje, anvisning].sort());
    const moved = second.diagnostics.find((d) => d.ruleId === 'hierarchy' && d.file === riktlinje);
    expect(moved?.related?.[0]?.span.start.line).toBe(finding!.related![0]!.span.start.line + 2);
    expect(second.diagnostics).toEqual(uncached(p));
  });

  it('are found again when the files that keep them are damaged', () => {
    const p = copyOfStrategy();
    checkWithCache(p);
    // A change to a shape, so that what each document read is asked for.
    edit(p, POLICY, (t) => t.replace(/datum: 20\d\d-/, 'datum: 2019-'));
    // Cut short, and valid JSON of the wrong shape under the right key.
    const whole = p.path('.styrdokcache/regler.json');
    writeFileSync(whole, readFileSync(whole, 'latin1').slice(0, 60));
    const perDocument = p.path('.styrdokcache/regler-dokument.json');
    const stored = JSON.parse(readFileSync(perDocument, 'latin1')) as { value: { documents: Record<string, Record<string, unknown>>; across: Record<string, Record<string, unknown>> } };
    for (const [i, entry] of Object.values(stored.value.documents).entries()) entry[i % 2 ? 'diagnostics' : 'reads'] = i % 2 ? 'inte en lista' : ['inte en rad'];
    // The findings across documents, which the policy's new date would otherwise keep.
    expect(Object.keys(stored.value.across).sort()).toEqual(['decision-record', 'hierarchy', 'references']);
    stored.value.across['hierarchy']!.diagnostics = 'inte en lista';
    stored.value.across['references']!.files = null;
    // As styrdok writes it: one byte per character, anything past U+00FF escaped.
    writeFileSync(perDocument, latin1Json(stored), 'latin1');
    const again = checkWithCache(p);
    expect(again.rulesRan).toBe(true);
    expect(again.diagnostics).toEqual(uncached(p));
  });

  it('run again on another day: a revision falls due as the calendar moves on', () => {
    const p = copyOfStrategy();
    checkWithCache(p);
    const later = checkWithCache(p, { today: '2030-01-01' });
    expect(later.rulesRan).toBe(true);
    expect(later.diagnostics).toEqual(uncached(p, '2030-01-01'));
    expect(later.diagnostics).not.toEqual(uncached(p));
  });

  const broken = () => {
    throw new Error('trasig regel');
  };
  it.each([
    ['a corpus rule', { id: 'owner', description: 'fel', defaultSeverity: 'error', check: broken } satisfies Rule, 'strategy/styrdok.config.yaml'],
    ['a document rule', { id: 'owner', description: 'fel', defaultSeverity: 'error', checkDocument: broken } satisfies Rule, 'strategy/anvisningar/anvisning-klottersanering.md'],
  ])('are never kept when %s failed: its internal error is said once, where it happened, and met again in the next run', (_, failing, where) => {
    const p = copyOfStrategy();
    for (let run = 0; run < 2; run++) {
      const cache = openParseCache(cacheKey('test', SCHEMA_DIR, 2 * 1024 * 1024), p.path('.styrdokcache'));
      const { diagnostics } = checkProject({ cwd: p.dir, paths: ['strategy'], today: TODAY, rules: [failing], cache });
      cache.save();
      const internal = diagnostics.filter((d) => d.ruleId === INTERNAL_RULE_ID);
      expect(internal.map((d) => [d.file, d.message])).toEqual([[where, 'Internt fel i regeln owner: trasig regel. Rapportera felet till styrdoks förvaltare.']]);
    }
  });
});

describe('what the rules read', () => {
  it('is never a document’s body, which their cache key leaves out (load/rule-inputs.ts)', () => {
    const { corpus, config, today } = checkProject({ cwd: REPO_ROOT, paths: ['strategy'], today: TODAY });
    for (const document of corpus.documents) {
      Object.defineProperty(document, 'body', {
        get() {
          throw new Error(`en regel läste brödtexten i ${document.file}`);
        },
      });
    }
    const internal = runRules(rules, { corpus, config, today }).filter((d) => d.ruleId === INTERNAL_RULE_ID);
    expect(internal.map((d) => d.message)).toEqual([]);
  });

  it.each(['2025-06-01', TODAY, '2030-01-01'])(
    'of other documents, in a corpus rule’s per-document part, is only their shape: their own keys (load/shape.ts) can be anything (%s)',
    (day) => {
      const { corpus, config } = checkProject({ cwd: REPO_ROOT, paths: ['strategy'], today: day, rules: [] });
      const shaped = rules.filter(isShapedRule);
      const findingsAbout = (c: Corpus, document: StyrDocument) =>
        shaped.flatMap((rule) => rule.checkEach(document, { corpus: c, config, today: day }).map((f) => ({ rule: rule.id, ...f })));
      // What a document's own keys hold makes no difference to another document's findings.
      const scrambled = (document: StyrDocument): StyrDocument => {
        const data = { ...document.data } as Record<string, unknown>;
        for (const key of OWN_KEYS) if (key in data) data[key] = key === 'mål' || key === 'åtgärder' || key === 'nyckelord' ? [] : 'förvanskat';
        return { ...document, data: data as unknown as StyrDocument['data'], locate: document.locate };
      };
      let findings = 0;
      for (const document of corpus.documents) {
        const others = buildCorpus(corpus.documents.map((d) => ({ file: d.file, document: d === document ? d : scrambled(d), diagnostics: [] })), [], corpus.root);
        const expected = findingsAbout(corpus, document);
        findings += expected.length;
        expect(findingsAbout(others, document), document.file).toEqual(expected);
      }
      if (day === '2030-01-01') expect(findings).toBeGreaterThan(10);
    },
  );

  it('across documents is only what acrossReads says: a change to any other key of any document keeps the findings', () => {
    const { corpus, config } = checkProject({ cwd: REPO_ROOT, paths: ['strategy'], today: TODAY, rules: [] });
    // Findings to keep: a diarienummer used twice, an id used twice, and a cycle of genomför.
    const [a, b, c] = corpus.documents.filter((d) => d.data.beslut) as [StyrDocument, StyrDocument, StyrDocument];
    const edited = new Map<StyrDocument, Record<string, unknown>>([
      [b, { ...b.data, beslut: { ...b.data.beslut!, diarienummer: a.data.beslut!.diarienummer } }],
      [c, { ...c.data, id: a.data.id, genomför: [b.data.id] }],
    ]);
    edited.set(b, { ...edited.get(b)!, genomför: [a.data.id] });
    edited.set(a, { ...a.data, genomför: [b.data.id] });
    const base = corpus.documents.map((d) => ({ ...d, data: (edited.get(d) ?? d.data) as StyrDocument['data'] }));
    const across = (documents: StyrDocument[], rule: ShapedRule) => rule.checkAcross!({ corpus: buildCorpus(documents.map((d) => ({ file: d.file, document: d, diagnostics: [] })), [], corpus.root), config, today: TODAY }).map((f) => ({ file: f.document.file, path: f.path, message: f.message, related: f.related }));
    // Other values of the same kind, as the schema would let through; optional keys also left out.
    const OPTIONAL = new Set(['beslut', 'genomför', 'ersätter', 'kompletteras_med', 'upphävd', 'nyckelord', 'revisionsdatum']);
    const changedValues = (key: string, value: unknown): unknown[] => [
      ...(OPTIONAL.has(key) ? [undefined] : []),
      ...(typeof value === 'string' ? ['förvanskat'] : []),
      ...(Array.isArray(value) || (value === undefined && key !== 'beslut' && key !== 'upphävd') ? [[], ['trygghetspolicy'], [...((value as string[]) ?? []), 'inriktning-trygghetsarbetet-2021']] : []),
      ...(typeof value === 'object' && value !== null && !Array.isArray(value) ? [{ ...value, datum: '2001-01-01', paragraf: 1 }] : []),
      ...(value === undefined && (key === 'beslut' || key === 'upphävd') ? [{ datum: '2001-01-01', paragraf: 1, diarienummer: 'KS/2001:1' }] : []),
    ];
    let compared = 0;
    for (const rule of rules.filter(keepsAcross)) {
      const expected = across(base, rule);
      expect(expected.length, rule.id).toBeGreaterThan(0);
      for (const document of base) {
        for (const key of new Set([...Object.keys(document.data), 'beslut', 'genomför', 'ersätter', 'kompletteras_med', 'upphävd'])) {
          for (const value of changedValues(key, (document.data as Record<string, unknown>)[key])) {
            const data = { ...document.data, [key]: value } as StyrDocument['data'];
            if (JSON.stringify(rule.acrossReads(data)) !== JSON.stringify(rule.acrossReads(document.data))) continue;
            compared++;
            expect(across(base.map((d) => (d === document ? { ...d, data } : d)), rule), `${rule.id}: ${document.file} ${key}`).toEqual(expected);
          }
        }
      }
    }
    expect(compared).toBeGreaterThan(500);
  });

  it('is code only in the folders whose files the cache key hashes (RULE_CODE_DIRS)', () => {
    const src = path.join(REPO_ROOT, 'src');
    const seen = new Set<string>();
    const queue = ['rules/index.ts', 'config/config.ts', 'engine/run-rules.ts'];
    while (queue.length) {
      const file = queue.pop()!;
      if (seen.has(file)) continue;
      seen.add(file);
      // Type-only imports are erased when compiled: they run no code.
      for (const match of readFileSync(path.join(src, file), 'utf8').matchAll(/^import (?!type )[^;]*? from '(\.[^']+)\.js';/gm)) {
        queue.push(path.posix.normalize(path.posix.join(path.posix.dirname(file), `${match[1]}.ts`)));
      }
    }
    const folders = new Set([...seen].map((file) => path.posix.dirname(file)));
    expect([...folders].filter((folder) => !RULE_CODE_DIRS.includes(folder))).toEqual([]);
    // And each listed folder exists, so that a rename cannot leave the key hashing nothing.
    for (const folder of RULE_CODE_DIRS) expect(readdirSync(path.join(src, folder)).some((f) => f.endsWith('.ts'))).toBe(true);
  });
});
