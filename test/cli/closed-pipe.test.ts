/**
 * A reader that stops early, as `styrdok check | head` does, closes the pipe before the CLI has written: the
 * CLI drops the rest of its output and exits with its own code, without a stack trace. A watch, which would run
 * on for no one, ends at its next output.
 */
import { spawn } from 'node:child_process';
import { appendFileSync, readdirSync } from 'node:fs';
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

describe('styrdok check --watch with a closed output pipe', () => {
  it('ends when it next writes, with the code of its last check, instead of watching for no one', async () => {
    const clean = project(['clean']);
    const child = spawn(process.execPath, [CLI, 'check', '--watch', '--today', OLD_PERIOD_LAST_DAY], { cwd: clean.dir, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
    const stderr: Buffer[] = [];
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
    // The reader takes the first line, as `| head -1` would, then goes.
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    child.stdout.destroy();
    // Saves until the watch notices (its first check may still be running when the pipe closes).
    const document = clean.path(`strategy/${readdirSync(clean.path('strategy')).find((f) => f.endsWith('.md'))}`);
    const saving = setInterval(() => appendFileSync(document, '\n'), 500);
    const killer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    const code = await closed.finally(() => {
      clearInterval(saving);
      clearTimeout(killer);
    });
    expect(code, 'the watch ended by itself, not killed').toBe(0);
    expect(Buffer.concat(stderr).toString('utf8')).toBe('');
  });
});
