import type { CheckedProject } from '../engine/load-project.js';
import { swedishDate } from '../corpus/dates.js';
import type { KoladaIndex } from '../followup/kolada.js';
import type { FileRevision } from '../history/git-history.js';
import { createContext } from './context.js';
import { documentPage } from './document-view.js';
import { filterPages } from './filter-pages.js';
import { followupSite } from './followup-view.js';
import { compareSv } from './format.js';
import { namndPages } from './goal-view.js';
import { documentVersions } from './history-view.js';
import { timeline } from './timeline-view.js';
import { traceability } from './traceability-view.js';
import type { DocSummary, FeedEntry, SiteModel } from './types.js';

const LATEST_DECISIONS = 6;

/** What the site shows beside the checked corpus, read once per build by load-site.ts. */
export interface SiteInputs {
  /** Every committed revision per corpus file (readGitHistory); empty outside git. */
  history?: ReadonlyMap<string, FileRevision[]>;
  /** Outcomes from the Kolada files under <corpus>/uppfoljning/. */
  kolada?: KoladaIndex;
}

/**
 * The site as data, from the one checked load of the corpus: a pure function of the project (and of the
 * git history and Kolada figures handed in), so the same corpus and day always give the same site.
 * Eleventy only lays this out.
 */
export function buildSiteModel(project: CheckedProject, inputs: SiteInputs = {}): SiteModel {
  const { config, corpus, today } = project;
  const ctx = createContext(project);
  // A duplicate id is a rule error and stops the build; keep the first so a page is never written twice.
  const docs = corpus.documents.filter((d) => corpus.byId.get(d.data.id)?.[0] === d);
  const urlOfFile = new Map(docs.map((d) => [d.file, ctx.docUrl(d.data.id)]));
  const versions = documentVersions(docs, ctx, inputs.history ?? new Map());
  const documents = docs
    .map((d) => {
      const page = documentPage(d, ctx, urlOfFile);
      const v = versions.byId.get(d.data.id);
      return v ? { ...page, versions: v } : page;
    })
    .sort((a, b) => compareSv(a.title, b.title));
  // Lists carry summaries, not whole pages: the model stays small and Eleventy's data cascade fast.
  const summaries = docs.map((d) => ctx.summary(d)).sort((a, b) => compareSv(a.title, b.title));
  const { facets, pages, facetPages } = filterPages(summaries, config);
  const namnder = namndPages(ctx);
  const web = config.data.webbplats ?? {};
  const baseUrl = (web.bas_url ?? '').replace(/\/+$/, '');
  const decided = summaries.filter((d) => d.decided).sort((a, b) => b.decided!.iso.localeCompare(a.decided!.iso) || compareSv(a.title, b.title));

  return {
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
    followup: followupSite(ctx, inputs.kolada),
    timeline: timeline(ctx, versions.byId),
    versionPages: versions.pages,
  };
}

/** Adopted documents, newest decision first, for the Atom feed. */
function feed(decided: DocSummary[], baseUrl: string, today: string): SiteModel['feed'] {
  const entries: FeedEntry[] = decided.map((d) => ({
    id: baseUrl ? `${baseUrl}${d.url}` : `urn:styrdok:dokument:${d.id}`,
    url: `${baseUrl}${d.url}`,
    title: d.title,
    summary: [d.typeName, `beslutad ${d.decided!.text} av ${d.organ.name}.`, d.summary ?? ''].join(' ').replace(/ +/g, ' ').trim(),
    updated: `${d.decided!.iso}T00:00:00Z`,
  }));
  return { updated: entries[0]?.updated ?? `${today}T00:00:00Z`, entries };
}
