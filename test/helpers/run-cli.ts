import { spawnSync } from 'node:child_process';
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
 * CLI exactly as given, spaces and å ä ö included. Colour is off, as in CI.
 */
export function runCli(args: readonly string[], options: { cwd: string; env?: Record<string, string> }): CliResult {
  if (!existsSync(CLI)) throw new Error(`${CLI} finns inte. Kör npm run build före testerna (npm test gör det).`);
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd: options.cwd,
    encoding: 'utf8',
    shell: false,
    timeout: 60_000,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', ...options.env },
  });
  if (result.error) throw result.error;
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A temporary folder (real path, so it equals the CLI's process.cwd()); removed by `dispose`. */
export interface TempProject {
  dir: string;
  /** Absolute path of a file or folder in the project. */
  path(...parts: string[]): string;
  run(args: readonly string[]): CliResult;
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
