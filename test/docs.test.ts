import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fixFrontmatter } from '../src/authoring/fix-frontmatter.js';
import { loadChecks, rules } from '../src/rules/index.js';
import { docsPath } from '../src/rules/rule.js';
import { readDocPage, renderDiagnostics, runGroup } from './rules/doc-examples.js';

const repo = fileURLToPath(new URL('../', import.meta.url));
const docsDir = fileURLToPath(new URL('../docs/rules/', import.meta.url));
const all = [...loadChecks, ...rules].map((r) => ({ id: r.id, description: r.description }));
const SECTIONS = ['Varför', 'Vad som kontrolleras', 'Exempel på fel', 'Så rättar du', 'Inställningar'];

describe('rule documentation (docs/rules)', () => {
  it('has a page for every rule and load check, where the CLI says it is, and no page for a rule that does not exist', () => {
    for (const { id } of all) expect(existsSync(repo + docsPath(id)), docsPath(id)).toBe(true);
    const pages = readdirSync(docsDir).filter((f) => f.endsWith('.md') && f !== 'README.md').map((f) => f.slice(0, -3));
    expect(pages.sort()).toEqual(all.map((r) => r.id).sort());
  });

  it('lists every rule in the index page', () => {
    const index = readDocPage(docsDir, 'README');
    const text = [...index.sectionText.values()].join('\n');
    for (const { id } of all) expect(text, id).toContain(`[${id}](${id}.md)`);
  });

  describe.each(all)('$id', ({ id, description }) => {
    const page = existsSync(`${docsDir}${id}.md`) ? readDocPage(docsDir, id) : undefined;

    it('starts with its id and the description from the code, and has the sections in order', () => {
      expect(page, `${docsPath(id)} is missing`).toBeDefined();
      expect(page!.nonEmpty[0]).toBe(`# ${id}`);
      expect(page!.nonEmpty[1]).toBe(description);
      expect(page!.sections).toEqual(SECTIONS);
    });

    it('says how to change its severity under regler', () => {
      const settings = page?.sectionText.get('Inställningar') ?? '';
      expect(settings).toContain('regler:');
      expect(settings).toContain(`${id}:`);
    });

    it('shows at least one example of its own findings and one fix', () => {
      const examples = page?.groups.filter((g) => g.section === 'Exempel på fel') ?? [];
      expect(examples.length).toBeGreaterThan(0);
      for (const g of examples) expect(g.expected, `example at line ${g.files[0]!.line} has no text block`).toBeDefined();
      expect(examples.some((g) => g.expected!.split('\n').some((line) => line.endsWith(` ${id}`)))).toBe(true);
      expect(page?.groups.some((g) => g.section === 'Så rättar du')).toBe(true);
    });

    const groups = page?.groups ?? [];
    if (groups.length === 0) return;
    it.each(groups.map((g) => ({ g, name: `${g.section}, line ${g.files[0]!.line}` })))('replays $name', ({ g }) => {
      const actual = renderDiagnostics(runGroup(g), g);
      expect(actual).toBe(g.section === 'Exempel på fel' ? g.expected : '');
    });

    // A clerk copies an example to start from: it should be what check --fix would leave as it is.
    it('writes each example\'s keys in the order check --fix writes them', () => {
      for (const file of groups.flatMap((g) => g.files)) {
        const yaml = /^---\n([\s\S]*?\n)---\n/.exec(file.content)?.[1];
        if (yaml === undefined) continue;
        const reordered = fixFrontmatter(yaml, 1, {}).changes.filter((change) => change.what.startsWith('ordning'));
        expect(reordered, `the example at line ${file.line}`).toEqual([]);
      }
    });
  });
});
