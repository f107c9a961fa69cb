import type { CheckedProject } from '../engine/load-project.js';
import { swedishDate } from '../corpus/dates.js';
import type { KoladaIndex } from '../followup/kolada.js';
import type { FollowupReport } from '../followup/report-model.js';
import type { FileRevision } from '../history/git-history.js';
import { createContext } from './context.js';
import { documentRegister } from './document-register.js';
import { documentPage as documentPageOf } from './document-view.js';
import { filterPages } from './filter-pages.js';
import { followup as followupOf } from './followup-site.js';
import type { FollowupNamndPage } from './followup-namnd-view.js';
import type { FollowupYear } from './followup-view.js';
import { compareSv } from './format.js';
import { namndPages } from './goal-view.js';
import { documentVersions } from './history-view.js';
import { dueSite } from './due-view.js';
import { timeline } from './timeline-view.js';
import { traceability } from './traceability-view.js';
import type { DocEntry, DocPage, DocSummary, FeedEntry, SiteModel } from './types.js';

const LATEST_DECISIONS = 6;

/** What the site shows beside the checked corpus, read once per build by load-site.ts. */
export interface SiteInputs {
  /** Every committed revision per corpus file (readGitHistory); empty outside git. */
  history?: ReadonlyMap<string, FileRevision[]>;
  /** Outcomes from the Kolada files under <corpus>/uppfoljning/. */
  kolada?: KoladaIndex;
}

/** The site model, and the pages too large to hold at once, drawn only when they are written. */
export interface SiteBuild {
  model: SiteModel;
  /**
   * The whole page of the document with this id (one in model.documents), drawn anew on each call: Eleventy
   * asks for it while it writes that page, so only the pages being written are held, not 10,000 at once.
   */
  documentPage(id: string): DocPage;
  /** The whole page of a year of uppföljning in model.followup.years, drawn the same way. */
  followupYearPage(year: number): FollowupYear;
  /** The page of a nämnd's uppföljning of a year, one of model.followup.namndPages, drawn the same way. */
  followupNamndPage(year: number, namnd: string): FollowupNamndPage;
  /** Each year's report, newest first, for the open data. */
  followupReports: FollowupReport[];
  /** The förteckning över styrdokument for the open data, made when it is written (document-register.ts). */
  documentRegister(): string[][];
}

/**
 * The site as data, from the one checked load of the corpus: a pure function of the project (and of the
 * git history and Kolada figures handed in), so the same corpus and day always give the same site.
 * Eleventy only lays this out.
 */
export function buildSiteModel(project: CheckedProject, inputs: SiteInputs = {}): SiteModel {
  return buildSite(project, inputs).model;
}

/** The site model and its pages drawn on demand (see SiteBuild). */
export function buildSite(project: CheckedProject, inputs: SiteInputs = {}): SiteBuild {
  const { config, corpus, today } = project;
  const ctx = createContext(project);
  // A duplicate id is a rule error and stops the build; keep the first so a page is never written twice.
  const docs = corpus.documents.filter((d) => corpus.byId.get(d.data.id)?.[0] === d);
  const urlOfFile = new Map(docs.map((d) => [d.file, ctx.docUrl(d.data.id)]));
  const versions = documentVersions(docs, ctx, inputs.history ?? new Map());
  const withVersions = <T extends DocSummary>(entry: T, id: string): T & DocEntry => {
    const v = versions.byId.get(id);
    return v ? { ...entry, versions: v } : entry;
  };
  // Lists carry summaries, not whole pages: the model stays small and Eleventy's data cascade fast.
  const summaries = docs.map((d) => ctx.summary(d)).sort((a, b) => compareSv(a.title, b.title));
  const documents = summaries.map((s) => withVersions(s, s.id));
  const summaryById = new Map(summaries.map((s) => [s.id, s]));
  const documentPage = (id: string): DocPage => {
    const doc = corpus.byId.get(id)?.[0];
    if (!doc) throw new Error(`Dokumentet «${id}» finns inte i samlingen.`);
    return withVersions(documentPageOf(doc, ctx, urlOfFile), id);
  };
  const { facets, pages, facetPages } = filterPages(summaries, config);
  const followup = followupOf(ctx, inputs.kolada);
  const followupUrls = new Map(followup.site.namndPages.map((p) => [`${p.year}\n${p.namnd}`, p.url]));
  const namnder = namndPages(ctx, (namnd, year) => followupUrls.get(`${year}\n${namnd}`));
  const web = config.data.webbplats ?? {};
  const baseUrl = (web.bas_url ?? '').replace(/\/+$/, '');
  const decided = summaries.filter((d) => d.decided).sort((a, b) => b.decided!.iso.localeCompare(a.decided!.iso) || compareSv(a.title, b.title));

  const model: SiteModel = {
    site: {
      title: web.titel ?? `${config.data.kommun}s styrdokument`,
      kommun: config.data.kommun,
      description: web.beskrivning ?? `${config.data.kommun}s styrdokument och nämndernas mål som genomför dem.`,
      ...(web.övergripande_mål ? { overallGoal: web.övergripande_mål } : {}),
      ...(web.kontakt ? { contact: web.kontakt } : {}),
      baseUrl,
      today,
      todayText: swedishDate(today),
    },
    documents,
    home: {
      inForce: summaries.filter((d) => d.type === 'strategi' && d.status.kind === 'gällande'),
      latest: decided.slice(0, LATEST_DECISIONS),
      counts: { documents: documents.length, inForce: documents.filter((d) => d.status.kind === 'gällande').length, goals: corpus.goals.length },
    },
    facets,
    facetPages,
    filterPages: pages,
    namnder,
    traceability: traceability(ctx, namnder),
    feed: feed(decided, baseUrl, today),
    followup: followup.site,
    timeline: timeline(ctx, versions.byId),
    versionPages: versions.pages,
    due: dueSite(project, (id) => summaryById.get(id)),
  };
  return {
    model,
    documentPage,
    followupYearPage: followup.yearPage,
    followupNamndPage: followup.namndPage,
    followupReports: followup.reports,
    documentRegister: () => documentRegister(summaries, project, baseUrl),
  };
}

/**
 * The decisions the Atom feed holds. A feed reader asks for the whole file again and again to see what is
 * new: at 10,000 documents every decision made it 6 MB. The newest hundred is months of decisions for a
 * kommun; the site's lists hold the rest.
 */
export const MAX_FEED_ENTRIES = 100;

/** Adopted documents, newest decision first, for the Atom feed: the newest MAX_FEED_ENTRIES. */
function feed(decided: DocSummary[], baseUrl: string, today: string): SiteModel['feed'] {
  const entries: FeedEntry[] = decided.slice(0, MAX_FEED_ENTRIES).map((d) => ({
    id: baseUrl ? `${baseUrl}${d.url}` : `urn:styrdok:dokument:${d.id}`,
    url: `${baseUrl}${d.url}`,
    title: d.title,
    summary: [d.typeName, `beslutad ${d.decided!.text} av ${d.organ.name}.`, d.summary ?? ''].join(' ').replace(/ +/g, ' ').trim(),
    updated: `${d.decided!.iso}T00:00:00Z`,
  }));
  return { updated: entries[0]?.updated ?? `${today}T00:00:00Z`, entries };
}
