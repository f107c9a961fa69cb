import { copyFileSync, cpSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, onTestFinished, vi } from 'vitest';
import { tempProject, type CliResult, type TempProject } from '../helpers/run-cli.js';

// Every test starts the real CLI, half a second or more each on a busy machine.
vi.setConfig({ testTimeout: 60_000 });

export const FIXTURES = fileURLToPath(new URL('../fixtures/cli/', import.meta.url));

export type Corpus = 'clean' | 'with-error' | 'broken-yaml';

export interface Project extends TempProject {
  /** Runs the CLI and asserts that the run left every file in the project byte-identical and added none. */
  check(args: readonly string[]): Promise<CliResult>;
  write(file: string, text: string): void;
}

/**
 * A temporary copy of the fixtures: test/fixtures/cli/styrdok.config.yaml at the root (unless `config` is
 * false) and the named corpora merged, in order, into strategy/. Call it inside a test: it is removed when
 * the test finishes.
 */
export function project(corpora: Corpus[] = ['clean'], options: { config?: boolean } = {}): Project {
  const base = tempProject();
  onTestFinished(() => base.dispose());
  if (options.config !== false) copyFileSync(path.join(FIXTURES, 'styrdok.config.yaml'), base.path('styrdok.config.yaml'));
  mkdirSync(base.path('strategy'));
  for (const corpus of corpora) cpSync(path.join(FIXTURES, corpus), base.path('strategy'), { recursive: true });
  return {
    ...base,
    async check(args) {
      const before = base.snapshot();
      const result = await base.run(args);
      const after = base.snapshot();
      expect([...after.keys()], 'the check created or removed files').toEqual([...before.keys()]);
      for (const [file, bytes] of before) expect(after.get(file)?.equals(bytes), `the check changed ${file}`).toBe(true);
      return result;
    },
    write(file, text) {
      mkdirSync(path.dirname(base.path(file)), { recursive: true });
      writeFileSync(base.path(file), text);
    },
  };
}

/** The file with spaces and å ä ö in its name, in the with-error corpus. */
export const SWEDISH_FILE = 'strategy/riktlinjer/trygga mötesplatser för äldre.md';
export const STRATEGY_FILE = 'strategy/strategier/trygghetsstrategi-2023-2026.md';

/** The day the clean corpus's strategi (2023, revision "ny mandatperiod") becomes due: the new mandatperiod's first day. */
export const NEW_PERIOD = '2026-10-15';
export const OLD_PERIOD_LAST_DAY = '2026-10-14';

export type Row = [file: string, line: number, column: number, ruleId: string, severity: 'error' | 'warning'];

interface EslintResult {
  filePath: string;
  messages: { ruleId: string; severity: 1 | 2; message: string; line: number; column: number }[];
}

/** Findings from `--format json` output as [file, line, column, ruleId, severity], files relative to the project. */
export function jsonRows(stdout: string, p: TempProject): Row[] {
  return (JSON.parse(stdout) as EslintResult[]).flatMap((r) =>
    r.messages.map((m): Row => [path.relative(p.dir, r.filePath).split(path.sep).join('/'), m.line, m.column, m.ruleId, m.severity === 2 ? 'error' : 'warning']),
  );
}

/** The messages of `--format json` output, in order. */
export function jsonMessages(stdout: string): string[] {
  return (JSON.parse(stdout) as EslintResult[]).flatMap((r) => r.messages.map((m) => m.message));
}
