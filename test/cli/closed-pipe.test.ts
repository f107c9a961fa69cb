/**
 * A reader that stops early, as `styrdok check | head` does, closes the pipe before the CLI has written: the
 * CLI drops the rest of its output and exits with its own code, without a stack trace.
 */
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { CLI } from '../helpers/run-cli.js';
import { OLD_PERIOD_LAST_DAY, project } from './project.js';

/** Runs the CLI with its stdout (and its stderr, if asked) closed by the reading side before it writes. */
function runWithClosedPipe(args: readonly string[], cwd: string, closeStderr = false): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
    child.stdout.destroy();
    const stderr: Buffer[] = [];
    if (closeStderr) child.stderr.destroy();
    else child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr: Buffer.concat(stderr).toString('utf8') }));
  });
}

describe('styrdok with a closed output pipe', () => {
  it('exits with the code of the check, 0 for a clean corpus and 1 for one with errors, and says nothing of the pipe', async () => {
    const clean = project(['clean']);
    expect(await runWithClosedPipe(['check', '--today', OLD_PERIOD_LAST_DAY], clean.dir)).toEqual({ code: 0, stderr: '' });
    expect(await runWithClosedPipe(['check', '--today', OLD_PERIOD_LAST_DAY, '--format', 'json'], clean.dir)).toEqual({ code: 0, stderr: '' });
    const broken = project(['clean', 'with-error']);
    expect(await runWithClosedPipe(['check', '--today', OLD_PERIOD_LAST_DAY], broken.dir)).toEqual({ code: 1, stderr: '' });
  });

  it('exits with the code of a usage error when stderr is closed too', async () => {
    const clean = project(['clean']);
    expect(await runWithClosedPipe(['check', '--fromat', 'json'], clean.dir, true)).toEqual({ code: 2, stderr: '' });
  });
});
