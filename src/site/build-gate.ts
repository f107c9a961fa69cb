import type { CheckedProject } from '../engine/load-project.js';
import { pretty } from '../report/formatters/pretty.js';
import { ruleInfos } from '../cli/rule-infos.js';
import { VERSION } from '../cli/version.js';

/**
 * The site is never built from documents that break a rule. The error carries the check's own report,
 * which the build prints as `styrdok check` does; its message only points there.
 */
export class SiteBuildError extends Error {
  /** Eleventy prints no stack trace for this error: the report says all there is. */
  readonly skipOriginalStack = true;

  constructor(
    readonly report: string,
    errors: number,
  ) {
    super(`Webbplatsen byggs inte: ${errors} fel i styrdokumenten. Rätta felen i rapporten ovan och bygg igen.`);
    this.name = 'SiteBuildError';
  }
}

/** The same text `styrdok check` prints for this project. */
export function checkReport(project: CheckedProject): string {
  // The files that were asked for, as the CLI counts them (older engines had only corpus.files).
  const files = (project as { files?: string[] }).files ?? project.corpus.files;
  return pretty(project.diagnostics, { files, rules: ruleInfos(), toolVersion: VERSION });
}

export function assertBuildable(project: CheckedProject): void {
  const errors = project.diagnostics.filter((d) => d.severity === 'error').length;
  if (errors) throw new SiteBuildError(checkReport(project), errors);
}
