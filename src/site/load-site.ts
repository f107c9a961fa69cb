import path from 'node:path';
import { checkProject, type CheckedProject } from '../engine/load-project.js';
import { isIsoDate, todayIso } from '../corpus/dates.js';
import { assertBuildable } from './build-gate.js';
import { renderDiagrams } from './diagram.js';
import { openData } from './open-data.js';
import { buildSiteModel } from './site-model.js';
import type { SiteModel } from './types.js';

export interface SiteEnv {
  /** The corpus folder (with or under styrdok.config.yaml); default `strategy`. */
  STYRDOK_CORPUS?: string;
  /** The day statuses are computed for, YYYY-MM-DD; default today. */
  STYRDOK_TODAY?: string;
}

export interface LoadedSite {
  project: CheckedProject;
  model: SiteModel;
  openData: Record<string, unknown>;
}

/**
 * Checks the corpus once, exactly as `styrdok check` run beside it does, stops on any rule error, and
 * returns the site model with its diagrams drawn.
 */
export async function loadSite(env: SiteEnv = process.env, cwd = process.cwd()): Promise<LoadedSite> {
  const today = env.STYRDOK_TODAY || todayIso();
  if (!isIsoDate(today)) throw new Error(`STYRDOK_TODAY ska vara ett datum skrivet ÅÅÅÅ-MM-DD, inte «${today}».`);
  const corpus = path.resolve(cwd, env.STYRDOK_CORPUS || 'strategy');
  // Check from the corpus's parent, so file names in the report read as they do for `styrdok check`.
  const project = checkProject({ cwd: path.dirname(corpus), paths: [path.basename(corpus)], today });
  assertBuildable(project);
  const model = buildSiteModel(project);
  await renderDiagrams(model.traceability.diagrams);
  return { project, model, openData: openData(project) };
}
