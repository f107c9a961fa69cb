import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import Eleventy from '@11ty/eleventy';
import { configureEleventy, DOCUMENT_TEMPLATE, SITE_DIR, siteTemplates, type SitePart } from './eleventy-setup.js';
import type { LoadedSite } from './load-site.js';
import { writeJsonFile } from './open-data.js';
import { inGroups } from './search-index.js';
import type { DocEntry } from './types.js';

/**
 * Documents per Eleventy run. Eleventy holds every page it writes until its run ends: at 10,000 documents
 * one run held 2.5 GB. In runs of 1,000 it holds one run's pages at a time (1.4 GB in all), in about the
 * same time.
 */
export const DEFAULT_DOCS_PER_PART = 1000;

export interface PartsSummary {
  /** Files Eleventy wrote (pages, the feed, the 404 page…), not the copied assets. */
  files: number;
  /** Eleventy runs. */
  parts: number;
}

/**
 * The Eleventy runs of a site: one for a site of at most `docsPerPart` documents; else one of every other
 * template (lists, nämnder, uppföljning…), then the document pages `docsPerPart` at a time.
 */
export function planParts(templates: readonly string[], documents: readonly DocEntry[], docsPerPart: number): SitePart[] {
  if (documents.length <= docsPerPart) return [{ assets: true }];
  return [
    { templates: templates.filter((t) => t !== DOCUMENT_TEMPLATE), assets: true },
    ...inGroups(documents, docsPerPart).map((docs): SitePart => ({ templates: [DOCUMENT_TEMPLATE], documents: docs, assets: false })),
  ];
}

/** Writes the site from its one load: the open data, then Eleventy part by part (planParts). */
export async function buildSiteInParts(site: LoadedSite, outputDir: string, docsPerPart = DEFAULT_DOCS_PER_PART): Promise<PartsSummary> {
  // The open data is written as it is serialized, not rendered as one string by a template, and then let
  // go: it holds every document's frontmatter and Markdown, which no page needs.
  if (site.openData) writeJsonFile(path.join(outputDir, 'data/styrdok.json'), site.openData);
  site.openData = undefined;
  const parts = planParts(siteTemplates(), site.model.documents, docsPerPart);
  let files = 0;
  for (const part of parts) {
    files += await writePart(site, outputDir, part);
    // The part's pages are garbage now. Collected at once, the next part reuses their memory; left to V8,
    // the heap grew by each part's pages until it was as large as in one run.
    if (parts.length > 1) collectGarbage();
  }
  return { files, parts: parts.length };
}

/** One Eleventy run; how many files it wrote. */
async function writePart(site: LoadedSite, outputDir: string, part: SitePart): Promise<number> {
  // No config file: .eleventy.js would load the corpus again.
  const eleventy = new Eleventy(SITE_DIR, outputDir, { configPath: false, quietMode: true, config: (config) => configureEleventy(config, site, outputDir, part) });
  // Eleventy prints a line per run; build-main prints one for the whole build, and errors are thrown.
  eleventy.disableLogger();
  const [, results] = await eleventy.write();
  return results.length;
}

let gc: (() => void) | undefined;

/** A full garbage collection, with V8's gc() made available to this process if it was not started with it. */
function collectGarbage(): void {
  if (!gc) {
    v8.setFlagsFromString('--expose-gc');
    gc = vm.runInNewContext('gc') as () => void;
  }
  gc();
}
