import { ConfigError } from '../engine/load-project.js';
import { configErrorText } from '../report/config-error.js';
import { KoladaError } from '../followup/kolada.js';
import { pretty } from '../report/formatters/pretty.js';
import { VERSION } from '../cli/version.js';
import { EXIT_FINDINGS, EXIT_USAGE } from '../cli/exit-codes.js';
import { SiteBuildError } from './build-gate.js';
import { errorChain, EXIT_INTERNAL, internalErrorReport } from './internal-error.js';
import { OutputFolderError } from './output-folder.js';
import { SearchIndexError } from './search-index.js';
import { SettingError } from './settings.js';
import { MACHINE_ERRORS } from '../report/machine-errors.js';

/** What a step of the site's build prints when it stops, and its exit code. */
export interface BuildFailure {
  text: string;
  exitCode: number;
  /** A fault in styrdok or a template, which only its maintainers can fix. */
  internal: boolean;
}

/**
 * What to say when `step` stopped on an error of the computer (anywhere in the chain Eleventy or Node wraps),
 * or undefined when it is not one. `folderHint` names where the folder is chosen, for the errors a folder causes.
 */
export function machineErrorText(step: string, error: unknown, folderHint?: string): string | undefined {
  const machine = machineError(error);
  if (!machine) return undefined;
  const { means, fix, folder } = MACHINE_ERRORS[machine.code]!;
  const where = machine.path ? ` vid «${machine.path}»` : '';
  const hint = folder && folderHint ? ` ${folderHint}` : '';
  return `${step} stannade${where}: ${means} (${machine.code}). Felet ligger i datorn eller mappen, inte i styrdokumenten eller i styrdok. ${fix}${hint}\n`;
}

/**
 * Says why `step` («Webbplatsbygget», «Sökindexet») stopped, in Swedish, to the one who can act on it:
 * - the clerk: a rule error in the documents (the check's own report), or a Kolada file that cannot be read;
 * - whoever runs the build: a wrong setting, output folder or configuration, or a full or locked disk;
 * - styrdok's maintainers: anything else, with the stack (internal-error.ts).
 * The exit codes are the check's: 1 for what the user fixes, 2 for configuration (as `styrdok check`) and
 * for faults in styrdok.
 */
export function describeFailure(step: string, error: unknown): BuildFailure {
  if (error instanceof SiteBuildError) return { text: `${error.report}${error.message}\n`, exitCode: EXIT_FINDINGS, internal: false };
  if (error instanceof SettingError || error instanceof OutputFolderError || error instanceof SearchIndexError) {
    return { text: `${error.message}\n`, exitCode: EXIT_FINDINGS, internal: false };
  }
  if (error instanceof ConfigError) {
    return { text: configErrorText(error, pretty, [], VERSION), exitCode: EXIT_USAGE, internal: false };
  }
  if (error instanceof KoladaError) return { text: `Uppföljningen kan inte byggas: ${error.message}\n`, exitCode: EXIT_FINDINGS, internal: false };
  const machine = machineErrorText(step, error, 'Webbplatsens utmapp väljs med STYRDOK_SITE_OUT.');
  if (machine) return { text: machine, exitCode: EXIT_FINDINGS, internal: false };
  return { text: internalErrorReport(step, error), exitCode: EXIT_INTERNAL, internal: true };
}

/** The first error of the computer in the chain Eleventy wraps (originalError) or Node links (cause). */
function machineError(error: unknown): { code: string; path?: string } | undefined {
  for (const cause of errorChain(error)) {
    const { code, path } = cause as { code?: unknown; path?: unknown };
    if (typeof code === 'string' && Object.hasOwn(MACHINE_ERRORS, code)) return { code, ...(typeof path === 'string' ? { path } : {}) };
  }
  return undefined;
}
