import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { EleventyUserConfig } from '@11ty/eleventy';
import type { LoadedSite } from './load-site.js';
import type { FollowupNamndEntry, FollowupYearEntry } from './followup-view.js';
import type { DocEntry, SiteModel } from './types.js';
import { SettingError } from './settings.js';

/** The templates' folder, from the repository root (where npm runs every script). */
export const SITE_DIR = 'site';

/**
 * What one Eleventy run writes. A whole site is one run (.eleventy.js); a large one is written in several
 * (build-in-parts.ts), each a part of the templates, so Eleventy never holds every page at once.
 */
export interface SitePart {
  /** File names in site/ this run writes; every template when absent. */
  templates?: readonly string[];
  /** Global data in place of the model's, such as the slice of documents dokument.njk pages over. */
  data?: Partial<SiteModel>;
  /** Copies site/assets and the schemas: once per build. */
  assets: boolean;
}

/** A template of the site (a .njk file directly in site/). */
export interface SiteTemplate {
  name: string;
  /** Whether it writes a page per item of a list (`pagination:` in its front matter). */
  paginated: boolean;
}

/**
 * Stops with a message when the build runs outside the repository root: Eleventy finds the templates, the
 * assets and the schemas from the folder it runs in, as npm scripts always do.
 */
export function assertSiteFolder(cwd = process.cwd()): void {
  const folders = [
    { name: SITE_DIR, what: 'Webbplatsens mallar' },
    { name: SCHEMA_FOLDER, what: 'Dokumenttypernas scheman' },
  ];
  const missing = folders.find((f) => !statSync(path.join(cwd, f.name), { throwIfNoEntry: false })?.isDirectory());
  if (!missing) return;
  throw new SettingError(
    `${missing.what} (mappen ${missing.name}/) finns inte i «${cwd}». Bygg webbplatsen från förrådets rot, där package.json ligger, med npm run site.`,
  );
}

/** The schemas, published with the site for editors that check frontmatter as it is typed. */
const SCHEMA_FOLDER = 'schemas';

/** The file names of the site's templates, sorted. */
function templateNames(): string[] {
  return readdirSync(SITE_DIR)
    .filter((f) => f.endsWith('.njk'))
    .sort();
}

/** Every template of the site, sorted by name. */
export function siteTemplates(): SiteTemplate[] {
  return templateNames().map((name) => ({ name, paginated: /^---\r?\n(?:.*\r?\n)*?pagination:/.test(readFileSync(path.join(SITE_DIR, name), 'utf8')) }));
}

/**
 * Sets Eleventy up to lay out the site model: Nunjucks only, so no Markdown or other template engine ever
 * sees a clerk's text, and the model's parts as global data. Shared by .eleventy.js and the build in parts.
 * The site may be given as a function: the preview (.eleventy.js) loads it again when a document is saved,
 * and each build then asks for the site of the moment.
 */
export function configureEleventy(eleventyConfig: EleventyUserConfig, given: LoadedSite | (() => LoadedSite), outputDir: string, part: SitePart = { assets: true }): void {
  const site = typeof given === 'function' ? given : () => given;
  eleventyConfig.setInputDirectory(SITE_DIR);
  eleventyConfig.setOutputDirectory(outputDir);
  eleventyConfig.setIncludesDirectory('_includes');
  eleventyConfig.setTemplateFormats(['njk']);
  eleventyConfig.setNunjucksEnvironmentOptions({ autoescape: true, throwOnUndefined: false, trimBlocks: true, lstripBlocks: true });

  for (const [name, value] of Object.entries({ ...site().model, ...part.data })) {
    const key = name as keyof LoadedSite['model'];
    eleventyConfig.addGlobalData(name, typeof given === 'function' && !(part.data && name in part.data) ? () => site().model[key] : value);
  }
  // The largest pages are drawn as Eleventy writes them (sidor/dokument.njk, sidor/uppfoljning-ar.njk, sidor/uppfoljning-namnd.njk), never
  // held for all at once.
  eleventyConfig.addFilter('dokumentsida', (entry: DocEntry) => site().documentPage(entry.id));
  eleventyConfig.addFilter('uppfoljningsar', (entry: FollowupYearEntry) => site().followupYearPage(entry.year));
  eleventyConfig.addFilter('uppfoljningsnamnd', (entry: FollowupNamndEntry) => site().followupNamndPage(entry.year, entry.namnd));
  // These filters draw whole pages, so they always take much of a run, and Eleventy warns of that even when
  // quiet (its quiet mode does not reach the group that times filters): a clerk would read it as a fault.
  eleventyConfig.benchmarks?.config?.setIsVerbose?.(false);
  // A paginated page's address is its model entry's url. A function, not a Nunjucks string in the front
  // matter, which Eleventy would render anew for every page: a quarter of a millisecond each, some 6 % of the
  // pages' time. A template's own front-matter permalink (every single page has one) wins over global data.
  eleventyConfig.addGlobalData('permalink', () => pageUrl);
  eleventyConfig.addGlobalData('schemaFiles', readdirSync(SCHEMA_FOLDER).filter((f) => f.endsWith('.schema.json')).sort());

  if (part.assets) eleventyConfig.addPassthroughCopy({ [`${SITE_DIR}/assets`]: 'assets', [SCHEMA_FOLDER]: 'schemas' });
  if (part.templates) {
    const wanted = new Set(part.templates);
    for (const name of templateNames()) if (!wanted.has(name)) eleventyConfig.ignores.add(`${SITE_DIR}/${name}`);
  }
}

/** The address of a paginated page: its entry's url, which the model gives every paged item. */
function pageUrl(data: { item?: { url?: unknown } }): string {
  const url = data.item?.url;
  if (typeof url !== 'string') throw new Error('En sida utan egen permalink måste vara en sida per post i modellen (pagination med alias item och en url).');
  return url;
}
