import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { authoringProject, REPO_ROOT, TODAY } from './helpers.js';

vi.setConfig({ testTimeout: 60_000 });

/** .vscode files are JSON with whole-line // comments. */
function jsonc(file: string): any {
  return JSON.parse(readFileSync(path.join(REPO_ROOT, file), 'utf8').replace(/^\s*\/\/.*$/gm, ''));
}

describe('.vscode', () => {
  it('recommends the Red Hat YAML extension and maps the config schema', () => {
    expect(jsonc('.vscode/extensions.json').recommendations).toContain('redhat.vscode-yaml');
    expect(jsonc('.vscode/settings.json')['yaml.schemas']['./schemas/config.schema.json']).toContain('strategy/styrdok.config.yaml');
  });

  it("the watch task's problem matcher reads the check's findings: file, line, column, rule and message", () => {
    const tasks = jsonc('.vscode/tasks.json').tasks as { label: string; problemMatcher: any }[];
    const watch = tasks.find((t) => t.label === 'styrdok: kontrollera vid sparande')!;
    const regexp = new RegExp(watch.problemMatcher.pattern.regexp);
    const p = authoringProject();
    const file = 'strategy/riktlinjer/riktlinje för kameror, ny.md';
    writeFileSync(p.path(file), readFileSync(p.path('strategy/riktlinjer/riktlinje-kamerabevakning.md'), 'utf8').replace('id: riktlinje-kamerabevakning', 'id: riktlinje-kameror-ny').replace('KS/2024:112', 'KS 2024/112'));
    const result = p.runWith(['check', '--format', 'github', '--today', TODAY]);
    const lines = result.stdout.split('\n').filter((l) => l.startsWith('::'));
    expect(lines.length).toBeGreaterThan(0);
    const m = regexp.exec(lines[0]!);
    expect(m).not.toBeNull();
    expect(decodeURIComponent(m![2]!)).toBe(file);
    expect(m![1]).toBe('error');
    expect(m![3]).toBe('9');
    expect(m![5]).toBe('decision-record');
    expect(m![6]).toContain('Diarienumret «KS 2024/112» har inte kommunens format.');
    // The background markers are what check --watch prints around each round.
    expect(watch.problemMatcher.background.endsPattern).toBe('Bevakar ändringar');
  });

  it('every task runs a command with flags the CLI knows', async () => {
    const tasks = jsonc('.vscode/tasks.json').tasks as { label: string; command: string }[];
    expect(tasks.map((t) => t.label)).toContain('styrdok: vad gör min ändring? (changes)');
    // A task's ${input:…} must be one of the file's inputs, or VS Code stops before the command runs.
    const inputs = new Set((jsonc('.vscode/tasks.json').inputs as { id: string }[] | undefined)?.map((i) => i.id));
    for (const task of tasks) for (const [, id] of task.command.matchAll(/\$\{input:([^}]+)\}/g)) expect(inputs.has(id!), `${task.label}: \${input:${id}}`).toBe(true);
    for (const task of tasks) {
      const args = task.command.split('node dist/cli/main.js')[1]!.trim().split(/\s+/);
      const result = await runCli([...args, '--help'], { cwd: REPO_ROOT });
      expect(result.stderr, task.label).toBe('');
      expect(result.code, task.label).toBe(0);
    }
  });
});
