/**
 * A test run gets a temporary folder of its own as the system's (TMPDIR), removed when the run ends. The
 * folders the tests make, and those of the processes they start (the CLI, Eleventy, Pagefind, Chromium), all
 * go in it, as the test workers are started after this and inherit it. A run so leaves nothing behind in /tmp:
 * not a folder a helper keeps for a whole file, nor one of a test that failed before its clean-up, nor one of
 * a file that did not even load. Before, a full run left some 200 folders there.
 * STYRDOK_KEEP_TEST_FILES=1 keeps the folder, to look at a site a test built; its path is then printed.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export default function setup(): () => void {
  const systemTemp = os.tmpdir();
  const runTemp = mkdtempSync(path.join(systemTemp, 'styrdok-test-'));
  process.env.TMPDIR = runTemp;
  return () => {
    process.env.TMPDIR = systemTemp;
    if (process.env.STYRDOK_KEEP_TEST_FILES) process.stderr.write(`Testernas tillfälliga mapp finns kvar: ${runTemp}\n`);
    else rmSync(runTemp, { recursive: true, force: true, maxRetries: 3 });
  };
}
