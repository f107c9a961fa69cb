/**
 * Each test file gets a temporary folder of its own as the system's (TMPDIR), removed when the file is done.
 * The folders the tests make, and those of the processes they start (the CLI, Eleventy, Pagefind, Chromium),
 * all go in it, so a test run leaves nothing behind in /tmp: not a folder a helper keeps for the whole file,
 * nor one a failing test never reached the clean-up of. Before, a full run left some 200 folders there.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';

const systemTemp = os.tmpdir();
const fileTemp = mkdtempSync(path.join(systemTemp, 'styrdok-test-'));
// os.tmpdir() reads TMPDIR on every call, and the processes a test starts inherit it.
process.env.TMPDIR = fileTemp;

// Registered before any hook of the file, so with vitest's stacked hooks it runs after them all: after the
// browsers and servers the file started are closed.
// STYRDOK_KEEP_TEST_FILES=1 keeps it, to look at a site a test built; the folder is named on stderr.
afterAll(() => {
  process.env.TMPDIR = systemTemp;
  if (process.env.STYRDOK_KEEP_TEST_FILES) process.stderr.write(`Testfilernas mapp finns kvar: ${fileTemp}\n`);
  else rmSync(fileTemp, { recursive: true, force: true, maxRetries: 3 });
});
