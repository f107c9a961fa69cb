import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { onTestFinished } from 'vitest';
import { checkProject } from '../../src/engine/load-project.js';
import { indexKolada, parseKolada } from '../../src/followup/kolada.js';
import { copyInto, tempProject } from '../helpers/run-cli.js';

/** test/fixtures/followup: `corpus/` (config, one strategy, plans for 2025 and 2026) and `kolada.json`. */
export const FIXTURE_DIR = fileURLToPath(new URL('../fixtures/followup/', import.meta.url));

/** 2026-delår (due 30 September 2026) has passed; 2026-helår (due 15 February 2027) has not. */
export const TODAY = '2026-11-25';

export function fixtureProject(today = TODAY) {
  return checkProject({ cwd: FIXTURE_DIR, paths: ['corpus'], today });
}

export function fixtureKolada() {
  return indexKolada(parseKolada(readFileSync(`${FIXTURE_DIR}kolada.json`, 'utf8'), 'kolada.json'));
}

/** The alfa plan of the fixture, whose lines the tests edit. */
export const ALFA_PLAN = 'corpus/verksamhetsplaner/alfa-2026.md';

/** A copy of the fixture with `from` in the alfa plan replaced by `to`, checked on TODAY; removed after the test. */
export function editedFixtureProject(from: string, to: string) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'styrdok-uppfoljning-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  cpSync(FIXTURE_DIR, dir, { recursive: true });
  const file = path.join(dir, ALFA_PLAN);
  const text = readFileSync(file, 'utf8');
  if (!text.includes(from)) throw new Error(`«${from}» finns inte i ${ALFA_PLAN}`);
  writeFileSync(file, text.replace(from, to));
  return checkProject({ cwd: dir, paths: ['corpus'], today: TODAY });
}

/** A temp copy for the CLI: the fixture corpus as strategy/ (config included) and kolada.json at the root; removed after the test. */
export function cliProject() {
  const p = tempProject('styrdok-report-');
  onTestFinished(() => p.dispose());
  copyInto(p, path.join(FIXTURE_DIR, 'corpus'), 'strategy');
  copyInto(p, path.join(FIXTURE_DIR, 'kolada.json'));
  return p;
}
