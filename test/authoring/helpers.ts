import { spawn, spawnSync } from 'node:child_process';
import { cpSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, onTestFinished } from 'vitest';
import { CLI, REPO_ROOT, snapshotTree, tempProject, type CliResult, type TempProject } from '../helpers/run-cli.js';

export { CLI, REPO_ROOT, snapshotTree };
export const FIXTURES = fileURLToPath(new URL('../fixtures/authoring/', import.meta.url));
/** The day the tests pretend it is: the fixtures' decisions lie before it. */
export const TODAY = '2026-11-25';

export interface AuthoringProject extends TempProject {
  /** Runs the CLI with `input` on standard input (a pipe, as a script would give it). */
  runWith(args: readonly string[], input?: string): CliResult;
  read(file: string): string;
  /** The check's findings for one file, as JSON (ESLint format), from a real `styrdok check` run. */
  findings(file: string): { ruleId: string; severity: number; message: string; line: number }[];
}

/** A temporary copy of test/fixtures/authoring/project: strategy/ with Solna's config and two documents. */
export function authoringProject(): AuthoringProject {
  const base = tempProject('styrdok-authoring-');
  onTestFinished(() => base.dispose());
  cpSync(path.join(FIXTURES, 'project'), base.dir, { recursive: true });
  const runWith = (args: readonly string[], input = ''): CliResult => {
    const result = spawnSync(process.execPath, [CLI, ...args], { cwd: base.dir, input, encoding: 'utf8', timeout: 60_000, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } });
    if (result.error) throw result.error;
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
  };
  return {
    ...base,
    runWith,
    read: (file) => readFileSync(base.path(file), 'utf8'),
    findings(file) {
      const result = runWith(['check', 'strategy', '--format', 'json', '--today', TODAY]);
      expect(result.code === 0 || result.code === 1, result.stderr).toBe(true);
      const report = JSON.parse(result.stdout) as { filePath: string; messages: { ruleId: string; severity: number; message: string; line: number }[] }[];
      const entry = report.find((r) => r.filePath === base.path(file));
      expect(entry, `${file} was checked`).toBeDefined();
      return entry!.messages;
    },
  };
}

/** Asserts that between two snapshots only `added` appeared and nothing else changed. */
export function expectOnlyAdded(before: Map<string, Buffer>, after: Map<string, Buffer>, added: string[]): void {
  expect([...after.keys()].filter((k) => !before.has(k)).sort()).toEqual([...added].sort());
  for (const [file, bytes] of before) expect(after.get(file)?.equals(bytes), `${file} changed`).toBe(true);
}

/** Starts the CLI in the background; `waitFor` resolves when stdout has matched. */
export function startCli(args: readonly string[], cwd: string) {
  const child = spawn(process.execPath, [CLI, ...args], { cwd, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  const waiters: { pattern: RegExp; from: number; resolve: () => void }[] = [];
  const poke = () => {
    for (const w of [...waiters]) {
      if (w.pattern.test(stdout.slice(w.from))) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve();
      }
    }
  };
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    poke();
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  onTestFinished(() => {
    if (child.exitCode === null) child.kill('SIGKILL');
  });
  return {
    child,
    exited,
    get stdout() {
      return stdout;
    },
    get stderr() {
      return stderr;
    },
    /** Output so far, as an offset to wait from. */
    mark: () => stdout.length,
    waitFor(pattern: RegExp, from = 0, timeoutMs = 30_000): Promise<void> {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`Timed out waiting for ${pattern}.\nstdout:\n${stdout}\nstderr:\n${stderr}`)), timeoutMs);
        waiters.push({ pattern, from, resolve: () => (clearTimeout(timer), resolve()) });
        poke();
      });
    },
  };
}

/** Solna stad's Trygghetsstrategi as plain text (a public document; seeds/004 in the project's sources). */
export const SEED_004 = path.resolve(REPO_ROOT, 'test/fixtures/authoring/trygghetsstrategi-solna.txt');
