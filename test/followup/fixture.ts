import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { checkProject } from '../../src/engine/load-project.js';
import { indexKolada, parseKolada } from '../../src/followup/kolada.js';

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
