import { checkProject, type CheckedProject } from '../engine/load-project.js';
import { INTERNAL_RULE_ID } from '../engine/run-rules.js';
import { cacheFromOptions } from './cache-options.js';
import type { CommandIO } from './check-command.js';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE } from './exit-codes.js';
import { assertProjectHere } from './project-here.js';

interface ProjectValues {
  config?: string | undefined;
  cache?: boolean | undefined;
  'cache-location'?: string | undefined;
}

/** The checked project a command other than check reads (report, due): its paths, --config, --today and the cache flags. */
export function checkedProjectFor(command: string, paths: string[], values: ProjectValues, today: string | undefined, io: CommandIO): CheckedProject {
  assertProjectHere(command, paths, values.config, io.cwd);
  const cache = cacheFromOptions(values, io.cwd);
  const project = checkProject({ cwd: io.cwd, paths, ...(values.config ? { configFile: values.config } : {}), ...(today ? { today } : {}), ...(cache ? { cache } : {}) });
  cache?.save();
  return project;
}

/**
 * The exit code of a command that has written what it made (`what`: «rapporten», «listan») even though the check
 * found errors: a late report is worse than a flagged one, but the person reading it is told it may lack a document.
 */
export function exitAfterWriting(project: CheckedProject, io: CommandIO, what: string): number {
  if (project.diagnostics.some((d) => d.ruleId === INTERNAL_RULE_ID)) return EXIT_USAGE;
  const errors = project.diagnostics.filter((d) => d.severity === 'error').length;
  if (!errors) return EXIT_OK;
  io.stderr(`Varning: kontrollen av styrdokumenten hittade ${errors} fel, så ${what} kan vara ofullständig. Kör styrdok check och rätta felen.\n`);
  return EXIT_FINDINGS;
}
