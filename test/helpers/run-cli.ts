import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The built CLI. `npm test` runs `npm run build` first, so dist/ is there. */
export const CLI = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));
export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface CliResult {
  /** The exit code; null only if the process was killed. */
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `node dist/cli/main.js …args` as a child process in `cwd`, without a shell: arguments reach the
 * CLI exactly as given, spaces and å ä ö included. Colour is off, as in CI. Asynchronous, so the test
 * worker's event loop stays free while the CLI runs (a blocking spawnSync starves vitest's worker RPC).
 */
export function runCli(args: readonly string[], options: { cwd: string; env?: Record<string, string> }): Promise<CliResult> {
  if (!existsSync(CLI)) return Promise.reject(new Error(`${CLI} finns inte. Kör npm run build före testerna (npm test gör det).`));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd: options.cwd,
      shell: false,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', ...options.env },
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    const timer = setTimeout(() => child.kill(), 60_000);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8') });
    });
  });
}

/** A temporary folder (real path, so it equals the CLI's process.cwd()); removed by `dispose`. */
export interface TempProject {
  dir: string;
  /** Absolute path of a file or folder in the project. */
  path(...parts: string[]): string;
  run(args: readonly string[]): Promise<CliResult>;
  /** Every file under the project with its bytes, for checking that a run wrote nothing. */
  snapshot(): Map<string, Buffer>;
  dispose(): void;
}

export function tempProject(prefix = 'styrdok-cli-'): TempProject {
  const dir = realpathSync(mkdtempSync(path.join(os.tmpdir(), prefix)));
  return {
    dir,
    path: (...parts) => path.join(dir, ...parts),
    run: (args) => runCli(args, { cwd: dir }),
    snapshot: () => snapshotTree(dir),
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Copies a file or folder into the project (folders merge). */
export function copyInto(project: TempProject, from: string, to = ''): void {
  cpSync(from, project.path(to || path.basename(from)), { recursive: true });
}

export function snapshotTree(root: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir).sort()) {
      const abs = path.join(dir, entry);
      if (statSync(abs).isDirectory()) walk(abs);
      else files.set(path.relative(root, abs).split(path.sep).join('/'), readFileSync(abs));
    }
  };
  walk(root);
  return files;
}
