import { readFileSync } from 'node:fs';
import { validateWorkflow } from '@action-validator/core';
import { describe, expect, it, vi } from 'vitest';
import { parse } from 'yaml';
import { REPO_ROOT, runCli } from '../helpers/run-cli.js';

interface Step {
  name?: string;
  run?: string;
  uses?: string;
  if?: string;
  with?: Record<string, unknown>;
}

interface Job {
  if?: string;
  needs?: string | string[];
  permissions?: Record<string, string>;
  steps: Step[];
}

const workflowText = readFileSync(`${REPO_ROOT}.github/workflows/styrdok.yml`, 'utf8');
const workflow = parse(workflowText) as {
  on: { schedule?: { cron: string }[] };
  permissions: Record<string, string>;
  jobs: Record<string, Job>;
};
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
  // GitHub's own schema for workflows (action-validator bundles the one SchemaStore publishes): a misspelt key
  // would otherwise be found only when GitHub refuses the file.
  it('is a workflow as GitHub’s schema describes one', () => {
    // It warns that it cannot check the globs under `paths`; the test says nothing about those.
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      expect(validateWorkflow(workflowText).errors).toEqual([]);
      expect(validateWorkflow(workflowText.replace('    runs-on: ubuntu-latest', '    run-on: ubuntu-latest')).errors).not.toEqual([]);
    } finally {
      warn.mockRestore();
    }
  });

  it('runs the check, its summary, the comparison with the base branch and the decisions due', () => {
    expect(calls.map((c) => c.args[0])).toEqual(['check', 'check', 'changes', 'due']);
  });

  it('publishes the site built from main, after each merge and each night, and never from a pull request', () => {
    const publish = workflow.jobs.publicera!;
    const upload = workflow.jobs.kontroll!.steps.find((step) => step.uses?.startsWith('actions/upload-pages-artifact@'))!;
    const build = workflow.jobs.kontroll!.steps.findIndex((step) => step.run === 'npm run site');
    // The folder npm run site writes when STYRDOK_SITE_OUT is not set, uploaded after that step.
    expect(upload.with?.path).toBe('_site');
    expect(workflow.jobs.kontroll!.steps.indexOf(upload)).toBeGreaterThan(build);
    expect(build).toBeGreaterThan(-1);
    for (const condition of [upload.if, publish.if]) {
      expect(condition).toContain("github.event_name != 'pull_request'");
      expect(condition).toContain("github.ref == 'refs/heads/main'");
    }
    expect(publish.needs).toBe('kontroll');
    expect(publish.steps.map((step) => step.uses?.split('@')[0])).toEqual(['actions/deploy-pages']);
    // The CMS goes along under /admin/ when the kommun asks for it, into the folder that is then uploaded.
    const cms = workflow.jobs.kontroll!.steps.find((step) => step.run === 'cp -R cms _site/admin')!;
    expect(cms.if).toContain("vars.STYRDOK_CMS == 'ja'");
    expect(workflow.jobs.kontroll!.steps.indexOf(cms)).toBeGreaterThan(build);
    expect(workflow.jobs.kontroll!.steps.indexOf(cms)).toBeLessThan(workflow.jobs.kontroll!.steps.indexOf(upload));
    // A status is counted for the day of the build: the site is built again every night, also without a change.
    expect(workflow.on.schedule?.map((s) => s.cron)).toEqual(['30 2 * * *']);
  });

  it('gives the right to publish to the publishing job alone', () => {
    expect(workflow.permissions).toEqual({ contents: 'read' });
    for (const [name, job] of Object.entries(workflow.jobs)) {
      const writes = Object.entries(job.permissions ?? {}).filter(([, level]) => level === 'write').map(([scope]) => scope);
      expect(writes, name).toEqual(name === 'publicera' ? ['pages', 'id-token'] : []);
    }
  });

  it('keeps a cache entry per run, so the next run starts from the latest one also when main has not changed', () => {
    const cache = workflow.jobs.kontroll!.steps.find((step) => step.uses?.startsWith('actions/cache@'))!;
    expect(cache.with?.key).toContain('${{ github.run_id }}');
    expect(cache.with?.['restore-keys']).toBe('styrdok-');
  });

  // CI on GitHub is not run here: this at least keeps every command and flag the workflow gives one the CLI knows.
  it.each(calls)('«$name» gives only commands and flags the CLI knows', async ({ args }) => {
    const result = await runCli([...args, '--help'], { cwd: REPO_ROOT });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });
});
