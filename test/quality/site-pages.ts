/**
 * What the quality tests know about the built site: every page with its URL, <h1> and <title>, and the
 * page types that the tests must cover, found by what the page says about itself (its heading and URL),
 * so that a test names the page it wants and not a guess at a file name.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DomUtils, parseDocument } from 'htmlparser2';
import { htmlFiles, urlPathOf } from '../helpers/build-site.js';

export interface SitePageInfo {
  /** Path in the output folder, e.g. `dokument/trygghetspolicy/index.html`. */
  file: string;
  /** URL path, e.g. `/dokument/trygghetspolicy/`. */
  url: string;
  title: string;
  h1: string;
  hasSvg: boolean;
}

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

export function indexPages(dir: string): SitePageInfo[] {
  return htmlFiles(dir).map((file) => {
    const doc = parseDocument(readFileSync(path.join(dir, file), 'utf8'));
    const first = (name: string) => DomUtils.findOne((el) => el.name === name, doc.children, true);
    const title = first('title');
    const h1 = first('h1');
    return {
      file,
      url: urlPathOf(file),
      title: title ? squash(DomUtils.textContent(title)) : '',
      h1: h1 ? squash(DomUtils.textContent(h1)) : '',
      hasSvg: DomUtils.findOne((el) => el.name === 'svg', doc.children, true) !== null,
    };
  });
}

export interface PageType {
  /** Swedish name used in test titles. */
  name: string;
  /** Says whether a page is of this type; the first match in URL order wins. */
  match: (page: SitePageInfo) => boolean;
  /** Appended to the page's URL, e.g. a search query. */
  query?: string;
  /** A JavaScript expression the page must make true before it is tested (e.g. results rendered). */
  ready?: string;
}

const STRATEGY_TITLE = 'Trygghetsstrategi – inriktning för det förebyggande trygghetsskapande arbetet 2024–2026';
const REPLACED_POLICY_TITLE = 'Trygghetspolicy för Solna stad';
const NAMND = 'Barn- och utbildningsnämnden';

/** The page types of the site built from the repo's own corpus (strategy/) that every gate covers. */
export const PAGE_TYPES: PageType[] = [
  { name: 'startsidan', match: (p) => p.url === '/' },
  { name: 'alla styrdokument', match: (p) => /alla styrdokument/i.test(p.h1) },
  {
    // A list narrowed to one document type or one organ: a page of its own under the site's list, headed
    // with the type's plural: Strategier (/dokument/typ/strategi/).
    name: 'en filtrerad lista (dokumenttyp)',
    match: (p) => /^strategier\b/i.test(p.h1),
  },
  { name: 'en strategi', match: (p) => p.h1 === STRATEGY_TITLE },
  { name: 'en ersatt policy', match: (p) => p.h1 === REPLACED_POLICY_TITLE },
  { name: 'en nämnd', match: (p) => p.h1 === NAMND },
  { name: 'spårbarheten med diagram', match: (p) => /spårbarhet/i.test(p.h1) && p.hasSvg },
  { name: 'sök', match: (p) => /^sök\b/i.test(p.h1) },
  {
    // The same page once its script has searched the Pagefind index and listed the hits.
    name: 'sök med träffar',
    match: (p) => /^sök\b/i.test(p.h1),
    query: '?q=trygghet',
    ready: `/träff/.test(document.querySelector('main [role=status]')?.textContent ?? '') && document.querySelectorAll('main ol li a').length > 0`,
  },
  { name: 'tillgänglighetsredogörelsen', match: (p) => /tillgänglighetsredogörelse/i.test(p.h1) },
  // Not in the brief's list, but pages a resident reaches all the same.
  { name: 'nämnderna', match: (p) => p.url === '/namnd/' },
  { name: 'öppna data', match: (p) => /^öppna data\b/i.test(p.h1) },
  { name: 'kommande beslut', match: (p) => p.url === '/kommande-beslut/' },
  { name: 'sidan som inte finns (404)', match: (p) => p.url === '/404.html' },
  { name: 'uppföljningen', match: (p) => p.url.startsWith('/uppfoljning/') || /^(uppföljning|stadsgemensam rapport)/i.test(p.h1) },
];

export function findPage(pages: SitePageInfo[], type: PageType): SitePageInfo | undefined {
  return pages.find(type.match);
}

/** For a failure message: what the build holds, so that a missing page type is easy to diagnose. */
export function describePages(pages: SitePageInfo[]): string {
  return pages.map((p) => `  ${p.url}  «${p.h1 || '(ingen h1)'}»${p.hasSvg ? '  [svg]' : ''}`).join('\n');
}
