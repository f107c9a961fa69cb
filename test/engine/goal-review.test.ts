import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const repo = path.resolve(import.meta.dirname, '../..');
const cli = path.join(repo, 'dist/cli/main.js');
const strategy = 'strategy/strategier/trygghetsstrategi-2024-2026.md';
const plan = 'strategy/verksamhetsplaner/2026/verksamhetsplan-2026-socialnamnden.md';

function copyCorpus(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'styrdok-review-'));
  cpSync(path.join(repo, 'strategy'), path.join(dir, 'strategy'), { recursive: true });
  return dir;
}

function snapshot(dir: string): Map<string, string> {
  const files = readdirSync(path.join(dir, 'strategy'), { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
  return new Map(files.map((e) => [path.join(e.parentPath, e.name), readFileSync(path.join(e.parentPath, e.name), 'utf8')]));
}

function reviewFindings(dir: string): { line: number; message: string }[] {
  const run = spawnSync('node', [cli, 'check', '--today', '2026-11-25', '--format', 'json'], { cwd: dir, encoding: 'utf8' });
  const results = JSON.parse(run.stdout) as { filePath: string; messages: { ruleId: string; line: number; message: string }[] }[];
  return results.flatMap((r) => r.messages.filter((m) => m.ruleId === 'goal-review').map((m) => ({ line: m.line, message: m.message })));
}

describe('goals to re-review after a strategy revision', () => {
  it('a reworded target flags only the goals aligned with it, and confirming changes one line of one plan', () => {
    const dir = copyCorpus();
    // The bundled plans are aligned with the strategy as it reads today.
    expect(reviewFindings(dir)).toEqual([]);

    // A revision rewords one delområde.
    const strategyFile = path.join(dir, strategy);
    const text = readFileSync(strategyFile, 'utf8');
    writeFileSync(strategyFile, text.replace('rubrik: Stöd till avhoppare och stöd att bryta kriminell livsstil', 'rubrik: Stöd till den som vill lämna kriminalitet'));
    const flagged = reviewFindings(dir);
    expect(flagged).toHaveLength(1);
    expect(flagged[0]!.message).toMatch(/^Målet «stod-att-lamna-kriminalitet» behöver ses över/);
    expect(flagged[0]!.message).toContain('styrdok confirm verksamhetsplan-2026-socialnamnden#stod-att-lamna-kriminalitet');

    const before = snapshot(dir);
    const out = execFileSync('node', [cli, 'confirm', 'verksamhetsplan-2026-socialnamnden#stod-att-lamna-kriminalitet'], { cwd: dir, encoding: 'utf8' });
    expect(out).toMatch(/stod-att-lamna-kriminalitet: avstämt mot trygghetsstrategi-2024-2026#avhoppare \([0-9a-f]{8}\)/);
    const after = snapshot(dir);
    const changed = [...after].filter(([file, text]) => before.get(file) !== text).map(([file]) => path.relative(dir, file));
    expect(changed).toEqual([plan]);
    const oldLines = before.get(path.join(dir, plan))!.split('\n');
    const newLines = after.get(path.join(dir, plan))!.split('\n');
    expect(newLines.length).toBe(oldLines.length);
    const differing = newLines.filter((line, i) => line !== oldLines[i]);
    expect(differing).toHaveLength(1);
    expect(differing[0]).toMatch(/^ +trygghetsstrategi-2024-2026#avhoppare: [0-9a-f]{8}$/);
    expect(reviewFindings(dir)).toEqual([]);
  });

  it('an unknown goal is a usage error with a suggestion, and writes nothing', () => {
    const dir = copyCorpus();
    const before = snapshot(dir);
    const run = spawnSync('node', [cli, 'confirm', 'verksamhetsplan-2026-socialnamnden#vald-i-nara-relation'], { cwd: dir, encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('Hittar inget mål «vald-i-nara-relation» i «verksamhetsplan-2026-socialnamnden». Menade du «vald-i-nara-relationer»?');
    expect(snapshot(dir)).toEqual(before);
  });

  it('an unknown plan is named as one, and writes nothing', () => {
    const dir = copyCorpus();
    const before = snapshot(dir);
    const run = spawnSync('node', [cli, 'confirm', 'verksamhetsplan-2062-socialnamnden'], { cwd: dir, encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^Hittar ingen verksamhetsplan «verksamhetsplan-2062-socialnamnden»\./);
    expect(snapshot(dir)).toEqual(before);
  });
});
