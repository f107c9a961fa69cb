/**
 * Every HTML page of the site built from strategy/ validates with html-validate's recommended rules.
 * .htmlvalidate.json may turn a rule off or soften it only with a reason, and since JSON holds no comments
 * the reasons live here, in REASONS; a test keeps the two in step.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { HtmlValidate, type ConfigData } from 'html-validate';
import { beforeAll, expect, test } from 'vitest';
import { REPO_ROOT, buildSite, htmlFiles } from '../helpers/build-site.js';

/** Why each rule that .htmlvalidate.json changes from html-validate:recommended is changed. */
const REASONS: Record<string, string> = {
  'doctype-style':
    'Kept on, set to lowercase: the templates write <!doctype html> as the HTML standard does; the rule still keeps every page the same.',
  'long-title':
    'A 70-character limit is a search-engine habit, not an HTML or WCAG rule. A <title> is the document\'s own title, which the kommun decided (e.g. "Trygghetsstrategi – inriktning för det förebyggande trygghetsskapande arbetet 2024–2026"), followed by the site name; WCAG 2.4.2 asks that it describe the page, which it does.',
  'no-trailing-whitespace':
    'The pages are generated: spaces at line ends come from the indentation of Nunjucks tags, are invisible and change nothing a browser or assistive technology does.',
  'valid-id':
    'Kept on, relaxed: HTML allows an id to start with a digit, and heading ids are slugs of the clerk\'s numbered headings ("1.1 Syfte" → 1-1-syfte), as on GitHub. The strict form only protects unescaped CSS selectors, which the site does not use for these ids. Ids with spaces or empty ids are still errors.',
};

const config = JSON.parse(readFileSync(path.join(REPO_ROOT, '.htmlvalidate.json'), 'utf8')) as ConfigData;

let dir: string;
beforeAll(async () => {
  dir = (await buildSite()).dir;
});

test('.htmlvalidate.json ändrar bara regler som har ett skäl i REASONS', () => {
  expect(config.extends).toEqual(['html-validate:recommended']);
  const changed = Object.keys(config.rules ?? {}).sort();
  expect(changed.filter((rule) => !REASONS[rule]), 'regler som ändrats utan skäl').toEqual([]);
  expect(Object.keys(REASONS).filter((rule) => !changed.includes(rule)), 'skäl för regler som inte längre ändras').toEqual([]);
});

test('varje HTML-sida i bygget är giltig enligt html-validate', async () => {
  const validator = new HtmlValidate({ ...config, root: true });
  const files = htmlFiles(dir);
  expect(files.length).toBeGreaterThan(0);
  const problems: string[] = [];
  const byRule = new Map<string, number>();
  for (const file of files) {
    const report = await validator.validateString(readFileSync(path.join(dir, file), 'utf8'), file);
    for (const result of report.results) {
      for (const m of result.messages) {
        problems.push(`${file}:${m.line}:${m.column}  ${m.ruleId}  ${m.message}${m.selector ? `  (${m.selector})` : ''}`);
        byRule.set(m.ruleId, (byRule.get(m.ruleId) ?? 0) + 1);
      }
    }
  }
  const summary = [...byRule].sort((a, b) => b[1] - a[1]).map(([rule, n]) => `${rule} ×${n}`).join(', ');
  expect(problems, `${problems.length} fel i ${files.length} sidor (${summary}):\n${problems.slice(0, 200).join('\n')}`).toEqual([]);
});
