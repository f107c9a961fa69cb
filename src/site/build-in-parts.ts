import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import Eleventy, { type EleventyResult } from '@11ty/eleventy';
import { configureEleventy, SITE_DIR, siteTemplates, type SitePart, type SiteTemplate } from './eleventy-setup.js';
import type { FollowupNamndEntry, FollowupYearEntry } from './followup-view.js';
import { writeOpenData, type LoadedSite } from './load-site.js';
import type { SiteModel } from './types.js';
import { OutputFolderError } from './output-folder.js';

/**
 * How much one Eleventy run writes, counted in document pages. Eleventy holds every page it writes until
 * its run ends: at 10,000 documents one run held 2.5 GB. Written a part at a time, it holds one part's
 * pages at a time. At 10,000 documents, 2,000 a part peaked at 0.73 GB after `check --cache` and 0.97 GB
 * without the parse cache (every file's text then held; 0.64 GB since documents are detached from their
 * texts, load/parse-cache.ts); 4,000 at 0.96 GB with the cache; 1,000 used 5–10 % more processor time than
 * 2,000 for its twice as many runs.
 */
export const DEFAULT_DOCS_PER_PART = 2000;

/**
 * The kinds of work the build tells the time of: the open data, the two sliced templates' pages, the pages of
 * any other run, and the whole site in one run. bench/run.mjs reads them back from the build's output.
 */
export const WORK_LABELS = {
  openData: 'öppna data',
  documents: 'dokumentsidor',
  followupYears: 'uppföljningens årssidor',
  followupNamnder: 'uppföljningens nämndsidor',
  other: 'övriga sidor',
  whole: 'alla sidor',
} as const;

/**
 * A template whose pages are written a slice at a time: the list its pagination reads, the global data
 * that gives a run only a slice of it, and the weight of one page in document pages.
 */
interface SlicedTemplate<T> {
  /** What its pages are, in the build's account of where the time went (buildSiteInParts). */
  label: string;
  items(model: SiteModel): readonly T[];
  data(model: SiteModel, slice: readonly T[]): Partial<SiteModel>;
  weight(item: T): number;
}

/** One entry of SLICED, typed by what its template pages over. */
const sliced = <T>(template: SlicedTemplate<T>) => template as SlicedTemplate<unknown>;

/**
 * A goal on the uppföljning pages, in document pages (20 kB each at 10,000 documents): about 7 kB of its
 * nämnd's page, with its indicators' charts and tables, and 1.3 kB of its year's page, as a row of a table.
 */
const GOAL_ON_NAMND_PAGE = 0.35;
const GOAL_ON_YEAR_PAGE = 0.07;

const SLICED: Record<string, SlicedTemplate<unknown>> = {
  'dokument.njk': sliced({ label: WORK_LABELS.documents, items: (m) => m.documents, data: (_, slice) => ({ documents: [...slice] }), weight: () => 1 }),
  'uppfoljning-ar.njk': sliced<FollowupYearEntry>({
    label: WORK_LABELS.followupYears,
    items: (m) => m.followup.years,
    data: (m, slice) => ({ followup: { ...m.followup, years: [...slice] } }),
    weight: (year) => year.goalCount * GOAL_ON_YEAR_PAGE,
  }),
  'uppfoljning-namnd.njk': sliced<FollowupNamndEntry>({
    label: WORK_LABELS.followupNamnder,
    items: (m) => m.followup.namndPages,
    data: (m, slice) => ({ followup: { ...m.followup, namndPages: [...slice] } }),
    weight: (page) => page.goalCount * GOAL_ON_NAMND_PAGE,
  }),
};

export interface PartsSummary {
  /** Files Eleventy wrote (pages, the feed, the 404 page…), not the copied assets. */
  files: number;
  /** Eleventy runs. */
  parts: number;
  /** Where the time went, in the order first met: the open data, then each kind of page (WORK_LABELS). */
  work: WorkTime[];
}

/** The time one kind of work took, summed over the runs that did it. */
export interface WorkTime {
  label: string;
  seconds: number;
  /** Files Eleventy wrote for it; absent for the open data, which is one file written outside Eleventy. */
  files?: number;
}

/** The label of a run's work: its sliced template's, else the other pages', or the whole site's in one run. */
function workLabel(part: SitePart): string {
  if (!part.templates) return WORK_LABELS.whole;
  const slicedTemplate = part.templates.length === 1 ? SLICED[part.templates[0]!] : undefined;
  return slicedTemplate?.label ?? WORK_LABELS.other;
}

/**
 * The Eleventy runs of a site: one when its sliced templates weigh at most `docsPerPart` document pages;
 * else one of every template that writes a single page (start page, lists of lists, the feed…), one of
 * each other paginated template (filter lists, nämnder, the timeline…), and the pages of each template in
 * SLICED in even slices of at most that weight.
 */
export function planParts(templates: readonly SiteTemplate[], model: SiteModel, docsPerPart: number): SitePart[] {
  const slicedNames = templates.filter((t) => SLICED[t.name]).map((t) => t.name);
  const weightOf = (t: string) => SLICED[t]!.items(model).reduce<number>((sum, item) => sum + SLICED[t]!.weight(item), 0);
  if (slicedNames.reduce((sum, t) => sum + weightOf(t), 0) <= docsPerPart) return [{ assets: true }];
  const single = templates.filter((t) => !t.paginated).map((t) => t.name);
  return [
    { templates: single, assets: true },
    ...templates.filter((t) => t.paginated && !SLICED[t.name]).map((t): SitePart => ({ templates: [t.name], assets: false })),
    ...slicedNames.flatMap((template) => {
      const { items, data, weight } = SLICED[template]!;
      return inSlices(items(model), weight, docsPerPart).map((slice): SitePart => ({ templates: [template], data: data(model, slice), assets: false }));
    }),
  ];
}

/**
 * Splits `items` in order into the fewest slices of at most `max` weight, as even as can be: each item goes
 * to the slice its middle falls in when the total is cut in equal shares. An item heavier than `max` is a
 * slice of its own.
 */
export function inSlices<T>(items: readonly T[], weight: (item: T) => number, max: number): T[][] {
  const weights = items.map(weight);
  const total = weights.reduce((sum, w) => sum + w, 0);
  const count = Math.max(1, Math.ceil(total / max));
  const share = total / count;
  const slices: T[][] = [];
  let before = 0;
  items.forEach((item, i) => {
    const w = weights[i]!;
    const n = share > 0 ? Math.min(count - 1, Math.floor((before + w / 2) / share)) : 0;
    (slices[n] ??= []).push(item);
    before += w;
  });
  const even = slices.filter((s) => s.length);
  const weightOf = (slice: T[]) => slice.reduce((sum, item) => sum + weight(item), 0);
  return even.every((s) => s.length === 1 || weightOf(s) <= max) ? even : filledSlices(items, weights, max);
}

/** Slices filled in order up to `max`: for weights too uneven to share out evenly. */
function filledSlices<T>(items: readonly T[], weights: number[], max: number): T[][] {
  const slices: T[][] = [];
  let filled = Infinity;
  items.forEach((item, i) => {
    if (filled + weights[i]! > max) {
      slices.push([]);
      filled = 0;
    }
    slices.at(-1)!.push(item);
    filled += weights[i]!;
  });
  return slices;
}

/** Writes the site from its one load: the open data, then Eleventy part by part (planParts). */
export async function buildSiteInParts(site: LoadedSite, outputDir: string, docsPerPart = DEFAULT_DOCS_PER_PART): Promise<PartsSummary> {
  const work = new WorkTimes();
  const openDataStarted = performance.now();
  await writeOpenData(site, outputDir);
  work.add(WORK_LABELS.openData, (performance.now() - openDataStarted) / 1000);
  const parts = planParts(siteTemplates(), site.model, docsPerPart);
  const heap = parts.length > 1 ? new HeapKeeper() : undefined;
  // Eleventy refuses two pages with one address within a run, but not across runs: there the later would
  // silently replace the earlier.
  const written = new Map<string, string>();
  let files = 0;
  for (const part of parts) {
    const started = performance.now();
    const results = await writePart(site, outputDir, part);
    files += results.length;
    for (const { inputPath, outputPath } of results) {
      if (outputPath === false) continue;
      const earlier = written.get(outputPath);
      if (earlier !== undefined) throw samePlace(outputDir, outputPath, earlier, inputPath);
      written.set(outputPath, inputPath);
    }
    heap?.afterPart();
    work.add(workLabel(part), (performance.now() - started) / 1000, results.length);
  }
  return { files, parts: parts.length, work: work.list() };
}

/** Time summed per kind of work, kept in the order each kind was first met. */
class WorkTimes {
  readonly #byLabel = new Map<string, WorkTime>();

  /** `files` is left out for work that is not Eleventy's (the open data). */
  add(label: string, seconds: number, files?: number): void {
    const sum = this.#byLabel.get(label) ?? this.#byLabel.set(label, { label, seconds: 0 }).get(label)!;
    sum.seconds += seconds;
    if (files !== undefined) sum.files = (sum.files ?? 0) + files;
  }

  list(): WorkTime[] {
    return [...this.#byLabel.values()];
  }
}

/**
 * Two pages for one file. The rule references refuses the usual cause, a document id that a list of the
 * site uses; a kommun that has turned that rule off gets this instead.
 */
function samePlace(outputDir: string, file: string, first: string, second: string): OutputFolderError {
  const address = `/${path.relative(outputDir, file).split(path.sep).join('/')}`.replace(/index\.html$/, '');
  return new OutputFolderError(
    `Två sidor skulle få samma adress, ${address} (från ${first} och ${second}), och den ena skulle försvinna. Oftast har ett dokument ett id som webbplatsen använder för en lista, som organ eller sida-2: byt dokumentets id (regeln references visar vilket).`,
  );
}

/** A file one Eleventy run wrote, and the template it came from. */
interface WrittenFile {
  inputPath: string;
  outputPath: string | false;
}

/** One Eleventy run; the files it wrote (not their contents, which Eleventy's results hold until let go). */
async function writePart(site: LoadedSite, outputDir: string, part: SitePart): Promise<WrittenFile[]> {
  // No config file: .eleventy.js would load the corpus again.
  const eleventy = new Eleventy(SITE_DIR, outputDir, { configPath: false, quietMode: true, config: (config) => configureEleventy(config, site, outputDir, part) });
  // Eleventy prints a line per run; build-main prints one for the whole build, and errors are thrown.
  eleventy.disableLogger();
  try {
    const [, results] = await eleventy.write();
    return results.map(({ inputPath, outputPath }: EleventyResult) => ({ inputPath, outputPath }));
  } catch (error) {
    throw samePlaceInOneRun(outputDir, error) ?? error;
  }
}

/** Eleventy's own refusal of two pages for one file within a run («Output conflict»), as samePlace tells it. */
function samePlaceInOneRun(outputDir: string, error: unknown): OutputFolderError | undefined {
  for (let cause = error; cause instanceof Error; cause = (cause as { originalError?: unknown }).originalError ?? cause.cause) {
    const conflict = /writing to `([^`]+)`[\s\S]*?1\. (\S+)\s+2\. (\S+)/.exec(cause.message);
    if (cause.constructor.name === 'DuplicatePermalinkOutputError' && conflict) return samePlace(outputDir, conflict[1]!, conflict[2]!, conflict[3]!);
  }
  return undefined;
}

/**
 * Collects the garbage of finished parts once it exceeds SLACK. Left to V8, the heap grew by every
 * part's pages until it was as large as in one run; a full collection after every part cost seconds.
 */
class HeapKeeper {
  static readonly SLACK = 128 * 1024 * 1024;
  readonly #gc: () => void;
  #live: number;

  constructor() {
    // V8's gc(), made available to this process without starting it with --expose-gc.
    v8.setFlagsFromString('--expose-gc');
    this.#gc = vm.runInNewContext('gc') as () => void;
    this.#live = this.#collect();
  }

  afterPart(): void {
    if (v8.getHeapStatistics().used_heap_size > this.#live + HeapKeeper.SLACK) this.#live = this.#collect();
  }

  #collect(): number {
    this.#gc();
    return v8.getHeapStatistics().used_heap_size;
  }
}
