/**
 * The site model: plain, JSON-able data built once from the checked project. Templates only display it;
 * every fact, link and status is decided here. Strings are text (the templates escape them) except
 * `html` and `svg`, which are sanitized or generated here and marked safe in the templates.
 */
import type { Heading } from './render-markdown.js';
import type { AssessmentView, FollowupSite } from './followup-view.js';
import type { DocVersions, VersionPage } from './history-view.js';
import type { TimelineSite } from './timeline-view.js';
import type { ListPage } from './paged-list.js';

/** Ids the page layout uses on a document page; a body heading never takes one. */
export const LAYOUT_IDS = ['huvudinnehall', 'huvudmeny', 'status', 'beslutsfakta', 'innehall', 'dokumentet', 'mal-och-bidrag', 'atgarder', 'namndmal', 'hierarki', 'relationer', 'lydelser'] as const;

export interface Link {
  url: string;
  title: string;
}

/** A document named by another: no url when the id is not in the corpus. */
export interface DocRef {
  id: string;
  title: string;
  url?: string;
  typeName?: string;
  statusLabel?: string;
}

export type StatusKind = 'gällande' | 'utkast' | 'kommande' | 'upphört' | 'ersatt' | 'upphävd';

/** One sentence of the status banner, with at most one link in it. */
export interface BannerLine {
  before: string;
  link?: Link;
  after?: string;
}

export interface DocSummary {
  id: string;
  url: string;
  title: string;
  summary?: string;
  type: string;
  typeName: string;
  /** The list of all documents of this type. */
  typeUrl: string;
  status: { kind: StatusKind; label: string; css: string };
  /** Set when a document in force is due or late for revision. */
  revision?: { kind: 'due' | 'overdue'; label: string };
  decided?: { iso: string; text: string };
  organ: { id: string; name: string };
  owner: { id: string; name: string };
}

export interface Fact {
  term: string;
  text: string;
  /** ISO date when the fact is a date, for `<time datetime>`. */
  datetime?: string;
}

export interface GoalLink {
  url: string;
  title: string;
  namnd: string;
  year: number;
}

export interface ActionLink {
  url: string;
  text: string;
  document: string;
}

export interface TargetView {
  ref: string;
  anchor: string;
  kindLabel: string;
  title: string;
  text?: string;
  section?: string;
  goals: GoalLink[];
  actions: ActionLink[];
  children: TargetView[];
}

export interface ActionView {
  anchor: string;
  text: string;
  responsible?: string;
  due?: string;
  priority?: string;
  contributesTo: TargetLink[];
}

/** A strategy target a goal or action traces to; no url when the reference is unknown. */
export interface TargetLink {
  title: string;
  url?: string;
  kindLabel?: string;
  document?: string;
}

export interface IndicatorView {
  id: string;
  name: string;
  unit: string;
  direction: string;
  baseline?: string;
  target: string;
  kolada?: string;
  /** One cell per period of the goal's table, undefined where nothing is reported. */
  results: (string | undefined)[];
  comments: { period: string; text: string }[];
}

export interface GoalView {
  ref: string;
  /** The verksamhetsplan's year. */
  year: number;
  anchor: string;
  url: string;
  title: string;
  description?: string;
  targets: TargetLink[];
  activities: { text: string; responsible?: string; due?: string }[];
  periods: string[];
  indicators: IndicatorView[];
  /** The nämnd's own assessments, oldest period first. */
  assessments: AssessmentView[];
}

export interface PlanView {
  doc: DocSummary;
  year: number;
  goals: GoalView[];
  /** The nämnd's page of the year's uppföljning, where the year is followed up. */
  followupUrl?: string;
}

/** A document as the model holds it: its summary, and its adopted versions for the open data. */
export interface DocEntry extends DocSummary {
  /** Adopted versions from git history; absent outside git or with STYRDOK_HISTORY=0. */
  versions?: DocVersions;
}

export interface DocPage extends DocEntry {
  file: string;
  /**
   * Whether search covers the whole text (body, goals, åtgärder): documents in force, coming or drafts. A
   * document no longer in force (upphört, ersatt, upphävd) is found by its title, summary and decision, so
   * that a search gives what applies now, and a large archive does not make the index many times larger.
   */
  searchFullText: boolean;
  /** The facet values the search page can narrow a search by (filter-pages.ts facetValuesOf). */
  searchFilters: { facet: string; value: string }[];
  facts: Fact[];
  banner: BannerLine[];
  body: { html: string; headings: Heading[] };
  toc: Heading[];
  keywords: string[];
  overallGoal?: string;
  parties: { name: string; representedBy?: string; orgNumber?: string }[];
  implements: DocRef[];
  implementedBy: DocRef[];
  /** For a verksamhetsplan: the documents its goals trace to. */
  contributesTo: DocRef[];
  replaces: DocRef[];
  replacedBy: DocRef[];
  complementedBy: DocRef[];
  complements: DocRef[];
  /** Inriktning points. */
  points: TargetView[];
  /** Fokusområden, with their delområden as children. */
  areas: TargetView[];
  actions: ActionView[];
  plan?: { namnd: Link; year: number; goals: GoalView[] };
}

export interface NamndPage {
  id: string;
  url: string;
  title: string;
  short?: string;
  goalCount: number;
  plans: PlanView[];
}

export interface FacetValue {
  key: string;
  label: string;
  url: string;
  count: number;
}

export interface Facet {
  key: string;
  label: string;
  values: FacetValue[];
  /**
   * A facet with more values than the filter menu shows (MAX_MENU_VALUES) has a page of its own listing
   * them all; the menu then links to it instead of repeating every value on every list page.
   */
  index?: { url: string; linkText: string };
}

/** The page of a facet too large for the filter menu: every value, with its count. */
export interface FacetPage {
  url: string;
  title: string;
  intro: string;
  values: FacetValue[];
}

export interface FilterPage {
  url: string;
  title: string;
  intro: string;
  facet: string;
  /** The facet value the page lists, for the menu of a facet too large to list every value. */
  value?: FacetValue;
  count: number;
  /** Groups by type, each with how many of its type the whole list holds (a page may show part of it). */
  groups: { title: string; count: number; docs: DocSummary[] }[];
  /** The address of the list's first page, which the filter menu marks as current. */
  listUrl: string;
  /** For a list longer than one page: where this page is among them. */
  pager?: Pager;
}

export interface Pager {
  current: number;
  total: number;
  /** The numbers, within the list, of the first and last document on this page. */
  first: number;
  last: number;
  prev?: string;
  next?: string;
  /** Links to pages by number; a long run of numbers is left out as a gap. */
  pages: ({ n: number; url: string; current: boolean } | { gap: true })[];
}

export interface MatrixRow {
  target: TargetLink & { depth: number };
  cells: { count: number; goals: GoalLink[] }[];
  covered: boolean;
}

export interface MatrixTable {
  doc: DocSummary;
  rows: MatrixRow[];
  gaps: number;
}

export interface TreeNode {
  title: string;
  url?: string;
  note?: string;
  children: TreeNode[];
}

export interface Diagram {
  id: string;
  title: string;
  desc: string;
  dot: string;
  /** Boxes in the graph. Above MAX_DIAGRAM_NODES no one can read it, so it is not drawn; the list beside it says the same. */
  nodes?: number;
  /** Filled in by the build (Graphviz is asynchronous); the model itself stays pure. */
  svg?: string;
}

export interface Traceability {
  year?: number;
  columns: { id: string; name: string; short: string; url: string }[];
  tables: MatrixTable[];
  hierarchy: TreeNode[];
  goalTree: TreeNode[];
  diagrams: Diagram[];
}

export interface FeedEntry {
  id: string;
  url: string;
  title: string;
  summary: string;
  updated: string;
}

/** A decision a document in force needs, as /kommande-beslut/ shows it (due-view.ts). */
export interface DueEntry {
  doc: DocSummary;
  /** The last day for it. */
  by: { iso: string; text: string };
  late: boolean;
  /** What is to be decided, in Swedish. */
  what: string;
}

/** A page of /kommande-beslut/: the late decisions first, then the coming ones, as groups of a paged list. */
export interface DuePage extends ListPage<DueEntry> {
  /** «Kommande beslut om styrdokument», with the page's number on every page but the first. */
  title: string;
  /** Decisions in the whole list. */
  count: number;
}

export interface DueSite {
  until: { iso: string; text: string };
  count: number;
  pages: DuePage[];
}

export interface SiteModel {
  site: {
    title: string;
    kommun: string;
    description: string;
    overallGoal?: string;
    contact?: string;
    baseUrl: string;
    today: string;
    todayText: string;
  };
  /**
   * Every document as its list entry. The page itself (DocPage, with the rendered body) is drawn only while
   * Eleventy writes it, by SiteBuild.documentPage: held for all documents at once, the pages took most of a
   * large site's memory.
   */
  documents: DocEntry[];
  home: { inForce: DocSummary[]; latest: DocSummary[]; counts: { documents: number; inForce: number; goals: number } };
  facets: Facet[];
  /** The facets too large for the filter menu, each with a page of its values. */
  facetPages: FacetPage[];
  filterPages: FilterPage[];
  namnder: NamndPage[];
  traceability: Traceability;
  feed: { updated: string; entries: FeedEntry[] };
  /** Uppföljning per year (/uppfoljning/). */
  followup: FollowupSite;
  /** Periods with the same documents in force (/gallande/). */
  timeline: TimelineSite;
  /** /dokument/<id>/versioner/ for documents with more than one adopted version. */
  versionPages: VersionPage[];
  /** Decisions the documents in force need in the coming year (/kommande-beslut/). */
  due: DueSite;
}
