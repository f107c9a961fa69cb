// Search with the static Pagefind index written at build time. The page works without this script:
// it then points to the filterable list of all documents instead.
const form = document.getElementById('sokformular');
const input = document.getElementById('sokfalt');
const status = document.getElementById('sokstatus');
const list = document.getElementById('sokresultat');
/** One select per facet of Alla styrdokument; its name is the Pagefind filter the document pages carry. */
const facets = [...form.querySelectorAll('.sokfilter select')];
// Each option's own name, before a count is added to it (showCounts).
for (const select of facets) for (const option of select.options) option.dataset.namn = option.textContent;
document.documentElement.classList.add('js-sok');

let pagefind;
/** How many indexes the search merged; each carries its number as the filter delindex (loadPagefind). */
let indexCount = 1;

/**
 * Pagefind, with every index of the site merged in: a large site's pages are split over several indexes
 * (pagefind/, pagefind-2/ …), listed by the build in pagefind/styrdok-fler-index.json. Each index gets its
 * number as a filter, so that a listing can ask each index for its part (newestFirst).
 */
async function loadPagefind() {
  const api = await import('/pagefind/pagefind.js');
  const response = await fetch('/pagefind/styrdok-fler-index.json');
  const bundles = response.ok ? await response.json() : [];
  await api.options({ mergeFilter: { delindex: '1' } });
  for (const [i, bundle] of bundles.entries()) await api.mergeIndex(bundle, { mergeFilter: { delindex: String(i + 2) } });
  indexCount = bundles.length + 1;
  return api;
}

/** The hits of a search with words, best first (Pagefind's ranking over all indexes). */
function ranked(results) {
  let at = 0;
  return {
    total: results.length,
    next: (n) => Promise.all(results.slice(at, (at += n)).map((r) => r.data())),
  };
}

/** How many hits of an index's part load ahead of the one shown, so a page of hits takes a few round trips. */
const LOOKAHEAD = 4;

/**
 * Every document that fits a choice, newest decision first. Pagefind sorts within each index but interleaves
 * the indexes by rank, so each index's part is asked for on its own (its delindex) and the sorted parts are
 * merged here, loading the first not yet shown of each part to compare their decision dates.
 */
function newestFirst(parts) {
  const lists = parts.map((results) => ({ results, at: 0, loaded: [] }));
  const load = (list, i) => (list.loaded[i] ??= list.results[i].data());
  return {
    total: parts.reduce((sum, results) => sum + results.length, 0),
    async next(n) {
      const out = [];
      while (out.length < n) {
        const open = lists.filter((list) => list.at < list.results.length);
        if (!open.length) break;
        const heads = await Promise.all(open.map((list) => load(list, list.at)));
        let newest = 0;
        heads.forEach((head, i) => {
          if (head.meta.beslutad > heads[newest].meta.beslutad) newest = i;
        });
        const list = open[newest];
        out.push(heads[newest]);
        list.at += 1;
        // Loaded ahead, awaited when their turn comes; a failure then is the search's, not an unhandled one now.
        for (let i = list.at; i < Math.min(list.at + LOOKAHEAD, list.results.length); i++) load(list, i).catch(() => {});
      }
      return out;
    },
  };
}

/**
 * Pagefind's excerpt as a paragraph with the searched words marked. The excerpt is HTML: it is read in an inert
 * document and rebuilt from its text and its <mark> elements only, so nothing else in it reaches the page.
 */
function excerptOf(html) {
  const excerpt = document.createElement('p');
  for (const node of new DOMParser().parseFromString(html, 'text/html').body.childNodes) {
    if (node.nodeName !== 'MARK') {
      excerpt.append(node.textContent ?? '');
      continue;
    }
    const mark = document.createElement('mark');
    mark.textContent = node.textContent;
    excerpt.append(mark);
  }
  return excerpt;
}

/**
 * What a hit is, as the pages mark it for Pagefind: «Riktlinje · Gällande · Beslutat 20 oktober 2025», «Nämnd»;
 * nothing for a page that does not say.
 */
function aboutOf(result) {
  // The date as the lists write it, from the page (dokument.njk); a draft has none.
  const decided = result.meta?.beslutat ? `Beslutat ${result.meta.beslutat}` : '';
  const text = [result.meta?.typ, result.meta?.status, decided].filter(Boolean).join(' · ');
  if (!text) return [];
  const about = document.createElement('p');
  about.className = 'meta';
  about.textContent = text;
  return [about];
}

/** How many hits are shown at a time; "Visa fler träffar" shows as many more. */
const PAGE = 25;
const more = document.getElementById('flertraffar');
/** The current search: its words and choice, its hits (loaded a page at a time) and how many are shown. */
let current;

/** The facets chosen: the Pagefind filters, and how they read («Dokumenttyp: Riktlinjer»). */
function chosen() {
  const filters = {};
  const words = [];
  for (const select of facets) {
    if (!select.value) continue;
    filters[select.name] = select.value;
    words.push(`${select.labels[0].textContent}: ${select.selectedOptions[0].dataset.namn}`);
  }
  return { filters, words };
}

/** What the status says was searched for: «trygghet» (Dokumenttyp: Riktlinjer; Status: Gällande). */
function describe(search) {
  const what = search.query ? `för «${search.query}»` : '';
  const choice = search.words.length ? `(${search.words.join('; ')})` : '';
  return [what, choice].filter(Boolean).join(' ');
}

/** Shows the next PAGE hits of the current search; returns the first new link, for focus. */
async function showMore() {
  const shownFor = current;
  const next = await shownFor.hits.next(PAGE);
  // A new search started while these loaded: they belong to the old one.
  if (current !== shownFor) return undefined;
  let first;
  for (const result of next) {
    const item = document.createElement('li');
    const link = document.createElement('a');
    link.href = result.url;
    link.textContent = result.meta?.title ?? result.url;
    item.append(link, ...aboutOf(result), excerptOf(result.excerpt));
    list.append(item);
    first ??= link;
  }
  shownFor.shown += next.length;
  const n = shownFor.hits.total;
  const rest = n - shownFor.shown;
  more.hidden = rest <= 0;
  more.textContent = `Visa ${Math.min(PAGE, rest)} till (${rest} kvar)`;
  const about = describe(shownFor);
  // Without search words the hits are every document that fits the choice, newest decision first.
  const [one, many, best, order] = shownFor.query ? ['träff', 'träffar', 'bästa', ''] : ['styrdokument', 'styrdokument', 'senast beslutade', ', senast beslutade först'];
  const hits = `${n} ${n === 1 ? one : many} ${about}`;
  if (n === 0) status.textContent = shownFor.query ? `Inga träffar ${about}.` : `Inga styrdokument ${about}.`;
  else if (n <= PAGE) status.textContent = `${hits}${n > 1 ? order : ''}.`;
  else if (shownFor.shown <= PAGE) status.textContent = `${hits}, de ${PAGE} ${best} visas.`;
  else status.textContent = rest > 0 ? `${hits}, de ${shownFor.shown} ${best} visas.` : `${hits}${order}, alla visas.`;
  return first;
}

let filtersLoaded;

/** The options as they were written, without counts. */
function forgetCounts() {
  for (const select of facets) for (const option of select.options) option.textContent = option.dataset.namn;
}

/**
 * Says in each option how many documents it would give with the search words and the other choices:
 * «Riktlinjer (12)», so that no one has to try a choice to find it empty. A facet's own choice is left out
 * of its counts: its other options say what a switch would give, not (0), and «Alla» what leaving it would.
 */
async function showCounts(q, filters, forSearch) {
  // Pagefind loads a filter's values only when a search names it, and counts only those: load them all first
  // (once; after the hits are shown, so that they do not wait for it).
  // A failed load is tried again with the next search, not kept.
  filtersLoaded ??= pagefind.filters().catch((error) => {
    filtersLoaded = undefined;
    throw error;
  });
  await filtersLoaded;
  const countsWith = async (others) =>
    !q && !Object.keys(others).length ? pagefind.filters() : (await pagefind.search(q || null, { filters: others })).filters;
  const unchosen = await countsWith(filters);
  const counts = await Promise.all(
    facets.map((select) => {
      if (!filters[select.name]) return unchosen;
      const { [select.name]: _, ...others } = filters;
      return countsWith(others);
    }),
  );
  // A new search started meanwhile: these counts are for the old one.
  if (current !== forSearch) return;
  facets.forEach((select, i) => {
    const count = counts[i][select.name] ?? {};
    // «Alla» gives every document the other choices and the words give: each has exactly one dokumenttyp.
    const all = Object.values(counts[i].typ ?? {}).reduce((sum, n) => sum + n, 0);
    for (const option of select.options) option.textContent = `${option.dataset.namn} (${option.value ? (count[option.value] ?? 0) : all})`;
  });
}

/** Counts the searches started; a search that is not the latest when its hits come shows nothing. */
let searches = 0;

async function search() {
  const generation = ++searches;
  const q = input.value.trim();
  const { filters, words } = chosen();
  list.replaceChildren();
  more.hidden = true;
  current = undefined;
  if (!q && !words.length) {
    status.textContent = '';
    forgetCounts();
    return;
  }
  status.textContent = 'Söker …';
  let started;
  try {
    pagefind ??= await loadPagefind();
    // Document pages carry their facets as Pagefind filters (dokument.njk); nämnd pages have none, so a
    // choice keeps to documents. Without words, every document that fits is listed, newest decision first.
    let hits;
    if (q) hits = ranked((await pagefind.search(q, { filters })).results);
    else {
      const numbers = Array.from({ length: indexCount }, (_, i) => String(i + 1));
      const parts = await Promise.all(numbers.map((n) => pagefind.search(null, { filters: { ...filters, delindex: n }, sort: { beslutad: 'desc' } })));
      hits = newestFirst(parts.map((part) => part.results));
    }
    // Another choice was made while these were sought (two selects changed in a row): its search, started
    // later, decides what the page shows, even when these come last.
    if (generation !== searches) return;
    started = { query: q, words, hits, shown: 0 };
    current = started;
    await showMore();
  } catch {
    if (generation === searches) status.textContent = 'Sökningen fungerar inte just nu. Använd Alla styrdokument i stället.';
    return;
  }
  // The counts are a help beside the hits: if they cannot be had, the options stay without them.
  try {
    await showCounts(q, filters, started);
  } catch (error) {
    console.warn('styrdok: antalen i valen kunde inte räknas', error);
    if (current === started) forgetCounts();
  }
}

more.addEventListener('click', async () => {
  if (!current) return;
  // The new hits follow the old ones; focus moves to the first of them, so a keyboard or screen reader user
  // goes on reading where the list grew.
  const first = await showMore();
  first?.focus();
});

/** The address says what was searched for and chosen, so a search can be linked to and reloaded. */
function remember() {
  const url = new URL(location.href);
  url.searchParams.set('q', input.value);
  url.searchParams.delete('gallande');
  for (const select of facets) {
    if (select.value) url.searchParams.set(select.name, select.value);
    else url.searchParams.delete(select.name);
  }
  history.replaceState(null, '', url);
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  remember();
  search();
});

for (const select of facets) {
  select.addEventListener('change', () => {
    remember();
    search();
  });
}

const params = new URLSearchParams(location.search);
// «Bara styrdokument som gäller nu» was a checkbox (gallande=ja) before the facets; links to it still work.
if (params.get('gallande') === 'ja' && !params.has('status')) params.set('status', 'gallande');
let asked = false;
for (const select of facets) {
  const value = params.get(select.name);
  // A value the site no longer has (a removed organ) is left out, not searched for with no hits.
  if (value && [...select.options].some((o) => o.value === value)) {
    select.value = value;
    asked = true;
  }
}
input.value = params.get('q') ?? '';
if (input.value.trim() || asked) search();
