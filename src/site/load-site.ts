import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { openCache } from '../engine/project-cache.js';
import { checkProject, type CheckedProject } from '../engine/load-project.js';
import { todayIso } from '../corpus/dates.js';
import { indexKolada, readKoladaFiles, type KoladaIndex } from '../followup/kolada.js';
import { GitHistoryError, isShallowClone, readGitHistory, type FileRevision } from '../history/git-history.js';
import { assertBuildable } from './build-gate.js';
import { renderDiagrams } from './diagram.js';
import { openData, writeJsonFile } from './open-data.js';
import { excelCsv, renderCsv } from '../followup/render-csv.js';
import { DOCUMENT_REGISTER_URL } from './document-register.js';
import { followupCsvUrl } from './followup-view.js';
import { buildSite } from './site-model.js';
import { cacheSetting, dateSetting, folderSetting, switchSetting } from './settings.js';
import type { FollowupReport } from '../followup/report-model.js';
import type { FollowupYear } from './followup-view.js';
import type { FollowupNamndPage } from './followup-namnd-view.js';
import type { DocPage, SiteModel } from './types.js';

export type SiteEnv = {
  /** The corpus folder (with or under styrdok.config.yaml); default `strategy`. */
  STYRDOK_CORPUS?: string;
  /** The day statuses are computed for, YYYY-MM-DD; default today. */
  STYRDOK_TODAY?: string;
  /** "0": no versions from git history (large corpora, benchmarks). */
  STYRDOK_HISTORY?: string;
  /** The parse cache folder shared with `styrdok check --cache`; default .styrdokcache beside the corpus folder, "0" for none. */
  STYRDOK_CACHE?: string;
};

export interface LoadedSite {
  project: CheckedProject;
  model: SiteModel;
  /** The whole page of one document, drawn when Eleventy writes it (see SiteBuild). */
  documentPage(id: string): DocPage;
  /** The whole page of a year of uppföljning, drawn the same way. */
  followupYearPage(year: number): FollowupYear;
  /** The page of a nämnd's uppföljning of a year, drawn the same way. */
  followupNamndPage(year: number, namnd: string): FollowupNamndPage;
  /** Versions were read from a shallow clone, so the earlier ones are missing. */
  shallowHistory: boolean;
  /** Why the versions from git are missing, when git could not give them. */
  historyProblem?: string;
  /**
   * Gathers the open data when it is written, once, and lets it go after (it holds every document): see
   * writeOpenData.
   */
  openData?: (() => Record<string, unknown>) | undefined;
  /** Each year's report, newest first: the uppföljning's CSV files of the open data. */
  followupReports: FollowupReport[];
  /** The förteckning över styrdokument, a CSV file of the open data (document-register.ts). */
  documentRegister(): string[][];
}

/**
 * Checks the corpus once, exactly as `styrdok check` run beside it does, stops on any rule error, and
 * returns the site model with its diagrams drawn.
 */
export async function loadSite(env: SiteEnv = process.env, cwd = process.cwd()): Promise<LoadedSite> {
  const today = dateSetting(env, 'STYRDOK_TODAY', todayIso());
  const withHistory = switchSetting(env, 'STYRDOK_HISTORY', true);
  const corpus = folderSetting(env, 'STYRDOK_CORPUS', 'strategy', cwd);
  // Check from the corpus's parent, so file names in the report read as they do for `styrdok check`.
  // The same parse cache as `styrdok check --cache` from there: in `npm start` the check has just parsed every file.
  // Without a folder (STYRDOK_CACHE=0) the cache is in memory only: it is what keeps the documents apart from
  // their files' texts while the pages are written (load/parse-cache.ts, `detach`).
  const location = cacheSetting(env, cwd);
  const cache = openCache(location, { detach: true });
  const project = checkProject({ cwd: path.dirname(corpus), paths: [path.basename(corpus)], today, cache });
  cache.save();
  assertBuildable(project);
  // Git is asked once for the whole corpus (a few processes), never per document.
  const { history, historyProblem } = withHistory ? versionsFromGit(corpus) : { history: new Map<string, FileRevision[]>() };
  const kolada = readKolada(corpus);
  const { model, documentPage, followupYearPage, followupNamndPage, followupReports, documentRegister } = buildSite(project, { history, kolada });
  await renderDiagrams(model.traceability.diagrams);
  const shallowHistory = withHistory && isShallowClone(path.dirname(corpus));
  return {
    project,
    model,
    documentPage,
    followupYearPage,
    followupNamndPage,
    followupReports,
    documentRegister,
    shallowHistory,
    ...(historyProblem ? { historyProblem } : {}),
    openData: () => siteOpenData(project, model, followupReports),
  };
}

/**
 * The corpus's revisions from git. When git cannot give them, the site is built without versions and
 * says why (noticeLines), rather than stopping a publication over its history.
 */
function versionsFromGit(corpus: string): { history: Map<string, FileRevision[]>; historyProblem?: string } {
  try {
    return { history: readGitHistory(path.dirname(corpus), [path.basename(corpus)]) };
  } catch (error) {
    if (!(error instanceof GitHistoryError)) throw error;
    return { history: new Map(), historyProblem: error.message };
  }
}

/**
 * Writes the open data to <outputDir>/data/styrdok.json and lets it go: it holds every document's
 * frontmatter and Markdown, which no page needs. It is written as it is serialized, not rendered as one
 * string by a template. A second call writes nothing.
 */
export async function writeOpenData(site: LoadedSite, outputDir: string): Promise<void> {
  const gather = site.openData;
  site.openData = undefined;
  if (gather) await writeJsonFile(path.join(outputDir, 'data/styrdok.json'), gather());
  // Each year's uppföljning as `styrdok report --format csv` writes it, and the förteckning, for a spreadsheet.
  const writeCsv = (url: string, text: string) => {
    const file = path.join(outputDir, url);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  };
  for (const report of site.followupReports) writeCsv(followupCsvUrl(report.år), renderCsv(report));
  writeCsv(DOCUMENT_REGISTER_URL, excelCsv(site.documentRegister()));
}

/**
 * What the site's build tells besides its result: the corpus's warnings (errors stop it before), and a
 * history that is incomplete because the repository is a shallow clone (actions/checkout's default).
 */
export function noticeLines(site: LoadedSite): string[] {
  const lines: string[] = [];
  const warnings = site.project.diagnostics.length;
  if (warnings) lines.push(`[styrdok] ${warnings} ${warnings === 1 ? 'varning' : 'varningar'} i styrdokumenten; kör styrdok check för detaljer.`);
  if (site.historyProblem) lines.push(`[styrdok] Webbplatsen byggs utan tidigare lydelser: ${site.historyProblem}`);
  if (site.shallowHistory) {
    lines.push(
      '[styrdok] Förrådet är en grund klon utan de tidigare incheckningarna, så webbplatsens lydelser ur git-historiken blir ofullständiga. Hämta hela historiken med git fetch --unshallow, eller med fetch-depth: 0 i actions/checkout.',
    );
  }
  return lines;
}

/** Outcomes from Kolada saved as <corpus>/uppfoljning/*.json (Kolada API v2), as `styrdok report --kolada`. */
function readKolada(corpus: string): KoladaIndex | undefined {
  const folder = path.join(corpus, 'uppfoljning');
  if (!existsSync(folder)) return undefined;
  const parent = path.dirname(corpus);
  const files = readdirSync(folder)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => path.relative(parent, path.join(folder, f)).split(path.sep).join('/'));
  if (!files.length) return undefined;
  // A file that cannot be used stops the build with a KoladaError, which the build tells as the clerk's to fix.
  return indexKolada(readKoladaFiles(files, parent));
}

/** The open data, with the follow-up reports, the periods in force and the adopted versions added. */
function siteOpenData(project: CheckedProject, model: SiteModel, followupReports: FollowupReport[]): Record<string, unknown> {
  // Every page of each period, gathered once: a long period goes on over several pages.
  const pagesOf = new Map<string, SiteModel['timeline']['periodPages']>();
  for (const page of model.timeline.periodPages) (pagesOf.get(page.listUrl) ?? pagesOf.set(page.listUrl, []).get(page.listUrl)!).push(page);
  return {
    ...openData(project),
    uppföljning: followupReports,
    gällande_perioder: [...model.timeline.periods].reverse().map((p) => {
      const docs = (pagesOf.get(p.listUrl) ?? []).flatMap((page) => page.groups.flatMap((g) => g.docs));
      // In a coarse period (a month, quarter or year): the days of each document in force only part of it.
      const partly = docs.filter((d) => d.partDays).map((d) => [d.doc.id, { ...(d.partDays!.from ? { från: d.partDays!.from } : {}), ...(d.partDays!.to ? { till: d.partDays!.to } : {}) }]);
      return {
        från: p.from,
        ...(p.to ? { till: p.to } : {}),
        url: p.url,
        ...(p.coarse ? { indelning: p.coarse } : {}),
        dokument: docs.map((d) => d.doc.id),
        ...(partly.length ? { delvis: Object.fromEntries(partly) } : {}),
      };
    }),
    lydelser: Object.fromEntries(
      model.documents
        .filter((d) => d.versions)
        .map((d) => [d.id, [...d.versions!.rows].reverse().map((r) => ({ från: r.from.iso, ...(r.to ? { till: r.to.iso } : {}), beslut: { datum: r.decisionIso, ...(r.paragraph !== undefined ? { paragraf: r.paragraph } : {}), diarienummer: r.diarienummer } }))]),
    ),
  };
}
