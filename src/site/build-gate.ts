import type { CheckedProject } from '../engine/load-project.js';
import { pretty } from '../report/formatters/pretty.js';
import { ruleInfos } from '../cli/rule-infos.js';
import { VERSION } from '../cli/version.js';

/** The site is never built from documents that break a rule: the build stops with the check's own report. */
export class SiteBuildError extends Error {
  constructor(readonly report: string) {
    super(`Webbplatsen byggs inte: styrdokumenten bryter mot reglerna. Rätta felen och bygg igen.\n\n${report}`);
    this.name = 'SiteBuildError';
  }
}

/** The same text `styrdok check` prints for this project. */
export function checkReport(project: CheckedProject): string {
  return pretty(project.diagnostics, { files: project.corpus.files, rules: ruleInfos(), toolVersion: VERSION });
}

export function assertBuildable(project: CheckedProject): void {
  if (project.diagnostics.some((d) => d.severity === 'error')) throw new SiteBuildError(checkReport(project));
}
