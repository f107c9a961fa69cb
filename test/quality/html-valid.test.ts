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
const REASONS: Record<string, string> = {};

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
