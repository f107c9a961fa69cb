import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { rules } from '../../src/rules/index.js';
import { NEW_PERIOD, project, STRATEGY_FILE } from './project.js';

/**
 * `check --timing`: the real CLI on the fixtures. The report on stdout is the same as without the flag; the
 * times go to stderr, every step in the order it ran and every rule from the slowest.
 */
interface Table {
  heading: string[];
  rows: { label: string; ms: number; share: number }[];
}

/** The two tables of the timing text, read back: label, milliseconds and share per row. */
function tables(stderr: string): Table[] {
  const blocks = stderr.trim().split('\n\n').slice(1);
  return blocks.map((block) => {
    const [heading, ...lines] = block.split('\n');
    return {
      heading: heading!.split(/\s{2,}/),
      rows: lines.map((line) => {
        const match = /^(.+?)\s{2,}([\d\s,]+) ms\s+(\d+) %$/.exec(line);
        expect(match, `a row of the timing table: «${line}»`).not.toBeNull();
        return { label: match![1]!, ms: Number(match![2]!.replace(/\s/g, '').replace(',', '.')), share: Number(match![3]) };
      }),
    };
  });
}

const RULE_IDS = rules.map((r) => r.id);

describe('check --timing', () => {
  it('leaves the report as it is and tells the time of each step and of every rule, the slowest rule first', async () => {
    const p = project(['clean', 'with-error']);
    const plain = await p.check(['check', '--today', NEW_PERIOD, '--format', 'json']);
    const timed = await p.check(['check', '--today', NEW_PERIOD, '--format', 'json', '--timing']);
    expect(timed.code).toBe(plain.code);
    expect(timed.stdout).toBe(plain.stdout);
    expect(plain.stderr).toBe('');

    expect(timed.stderr).toMatch(/^Tid för kontrollen \(--timing\): [\d\s,]+ ms för 5 filer\.\n/);
    const [steps, ruleTimes] = tables(timed.stderr);
    expect(steps!.heading).toEqual(['Steg', 'Tid', 'Andel']);
    expect(steps!.rows.map((r) => r.label)).toEqual([
      'starta Node och läsa in koden',
      'läsa konfigurationen',
      'läsa och tolka filerna',
      'bygga samlingen (id, länkar, versioner)',
      'köra reglerna',
      'skriva rapporten',
    ]);
    expect(ruleTimes!.heading).toEqual(['Regel', 'Tid', 'Andel av reglerna']);
    expect(ruleTimes!.rows.map((r) => r.label).sort()).toEqual([...RULE_IDS].sort());
    const ms = ruleTimes!.rows.map((r) => r.ms);
    expect(ms).toEqual([...ms].sort((a, b) => b - a));

    for (const table of [steps!, ruleTimes!]) {
      expect(table.rows.every((r) => r.ms >= 0 && r.share >= 0 && r.share <= 100)).toBe(true);
      // Each share is rounded to a whole per cent.
      const shares = table.rows.reduce((sum, r) => sum + r.share, 0);
      expect(Math.abs(shares - 100)).toBeLessThanOrEqual(table.rows.length / 2);
    }
    // The rules' own times add up to no more than the step that ran them.
    const rulesStep = steps!.rows.find((r) => r.label === 'köra reglerna')!.ms;
    expect(ms.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(rulesStep + ruleTimes!.rows.length);
  });

  it('names the reading and saving of the parse cache with --cache, and says when no rule had to run', async () => {
    const p = project(['clean']);
    const result = await p.run(['check', '--timing', '--cache']);
    expect(result.code).toBe(0);
    const labels = tables(result.stderr)[0]!.rows.map((r) => r.label);
    expect(labels.slice(0, 2)).toEqual(['starta Node och läsa in koden', 'läsa cachen (--cache)']);
    expect(labels).toContain('spara cachen');
    expect(labels).toContain('reglernas fynd ur cachen (--cache)');
    expect(labels).toContain('köra reglerna');

    // A new sentence in a document's text changes nothing the rules read: their findings come from the cache.
    appendFileSync(p.path(STRATEGY_FILE), '\nEn mening till.\n');
    const again = await p.run(['check', '--timing', '--cache']);
    expect(again.stdout).toBe(result.stdout);
    const [steps, noRules] = tables(again.stderr);
    expect(steps!.rows.map((r) => r.label)).not.toContain('köra reglerna');
    expect(noRules).toEqual({ heading: ['Ingen regel kördes: inget som reglerna läser hade ändrats sedan förra kontrollen, så deras fynd togs ur cachen.'], rows: [] });

    // A comment in a document's frontmatter: the rules run on that document, and their findings across
    // documents, which read nothing of a comment, come from the cache.
    writeFileSync(p.path(STRATEGY_FILE), readFileSync(p.path(STRATEGY_FILE), 'utf8').replace('---\n', '---\n# en kommentar\n'));
    const third = await p.run(['check', '--timing', '--cache']);
    const [thirdSteps, thirdRules, kept] = tables(third.stderr);
    expect(thirdSteps!.rows.map((r) => r.label)).toContain('köra reglerna');
    expect(thirdRules!.rows.length).toBeGreaterThan(0);
    expect(kept).toEqual({
      heading: ['Fynden över dokumenten (cirklar, dubbletter) från decision-record, hierarchy och references togs ur cachen: inget som de läser hade ändrats sedan förra kontrollen.'],
      rows: [],
    });
  });

  it('times the fixes of --fix as a step of their own, after the start', async () => {
    const p = project(['clean']);
    const result = await p.run(['check', '--timing', '--fix']);
    expect(result.code).toBe(0);
    const labels = tables(result.stderr.slice(result.stderr.indexOf('Tid för kontrollen')))[0]!.rows.map((r) => r.label);
    expect(labels.slice(0, 3)).toEqual(['starta Node och läsa in koden', 'rätta (--fix)', 'läsa konfigurationen']);
  });

  it('is refused with --at, which checks nothing', async () => {
    const p = project(['clean']);
    const result = await p.check(['check', '--at', '2025-01-01', '--timing']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('så --timing går inte att använda med den');
  });
});
