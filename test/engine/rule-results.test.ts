import { appendFileSync, cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkProject } from '../../src/engine/load-project.js';
import { RULE_CODE_DIRS } from '../../src/engine/rule-results.js';
import { INTERNAL_RULE_ID, runRules } from '../../src/engine/run-rules.js';
import { cacheKey, openParseCache } from '../../src/load/parse-cache.js';
import { rules } from '../../src/rules/index.js';
import { isDocumentRule, type Rule } from '../../src/rules/rule.js';
import { SCHEMA_DIR } from '../../src/schema/schema-files.js';
import { REPO_ROOT, tempProject, type TempProject } from '../helpers/run-cli.js';

const TODAY = '2026-11-25';
const POLICY = 'strategy/policyer/trygghetspolicy.md';

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

/** Every rule, counting the times any of them ran, and noting the documents the document rules were run on. */
function countedRules(): { rules: Rule[]; runs: () => number; documents: Set<string> } {
  let runs = 0;
  const documents = new Set<string>();
  return {
    rules: rules.map((rule): Rule =>
      isDocumentRule(rule)
        ? { ...rule, checkDocument: (document, context) => (runs++, documents.add(document.file), rule.checkDocument(document, context)) }
        : { ...rule, check: (context) => (runs++, rule.check(context)) },
    ),
    runs: () => runs,
    documents,
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
  return { diagnostics, rulesRan: counted.runs() > 0, documentsChecked: [...counted.documents] };
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

  it('are found again when the files that keep them are damaged', () => {
    const p = copyOfStrategy();
    checkWithCache(p);
    appendFileSync(p.path(POLICY), '\nEn mening till.\n');
    // Cut short, and valid JSON of the wrong shape under the right key.
    const whole = p.path('.styrdokcache/regler.json');
    writeFileSync(whole, readFileSync(whole, 'utf8').slice(0, 60));
    const perDocument = p.path('.styrdokcache/regler-dokument.json');
    const stored = JSON.parse(readFileSync(perDocument, 'utf8')) as { value: Record<string, { inputs: string; diagnostics?: unknown }> };
    for (const entry of Object.values(stored.value)) entry.diagnostics = 'inte en lista';
    writeFileSync(perDocument, JSON.stringify(stored));
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
