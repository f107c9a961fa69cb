import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { REPO_ROOT, runCli } from '../helpers/run-cli.js';

interface Step {
  name?: string;
  run?: string;
}

const workflow = parse(readFileSync(`${REPO_ROOT}.github/workflows/styrdok.yml`, 'utf8')) as { jobs: Record<string, { steps: Step[] }> };
/** Each `node dist/cli/main.js …` the workflow runs, with its arguments as the shell would split them (quotes and redirections left out). */
const calls = Object.values(workflow.jobs)
  .flatMap((job) => job.steps)
  .filter((step) => step.run?.includes('node dist/cli/main.js'))
  .map((step) => ({
    name: step.name ?? step.run!,
    args: step
      .run!.split('node dist/cli/main.js')[1]!
      .split(/>>|\|\|/)[0]!
      .trim()
      .split(/\s+/)
      .map((arg) => arg.replace(/^"(.*)"$/, '$1')),
  }));

describe('the pull request workflow (.github/workflows/styrdok.yml)', () => {
  it('runs the check, its summary and the comparison with the base branch', () => {
    expect(calls.map((c) => c.args[0])).toEqual(['check', 'check', 'changes']);
  });

  // CI on GitHub is not run here: this at least keeps every command and flag the workflow gives one the CLI knows.
  it.each(calls)('«$name» gives only commands and flags the CLI knows', async ({ args }) => {
    const result = await runCli([...args, '--help'], { cwd: REPO_ROOT });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });
});
