// Search with the static Pagefind index written at build time. The page works without this script:
// it then points to the filterable list of all documents instead.
const form = document.getElementById('sokformular');
const input = document.getElementById('sokfalt');
const status = document.getElementById('sokstatus');
const list = document.getElementById('sokresultat');
/** One select per facet of Alla styrdokument; its name is the Pagefind filter the document pages carry. */
const facets = [...form.querySelectorAll('.sokfilter select')];
document.documentElement.classList.add('js-sok');

let pagefind;

/**
 * Pagefind, with every index of the site merged in: a large site's pages are split over several indexes
 * (pagefind/, pagefind-2/ …), listed by the build in pagefind/styrdok-fler-index.json.
 */
async function loadPagefind() {
  const api = await import('/pagefind/pagefind.js');
  const response = await fetch('/pagefind/styrdok-fler-index.json');
  const bundles = response.ok ? await response.json() : [];
  for (const bundle of bundles) await api.mergeIndex(bundle);
  return api;
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

/** What a hit is, as the pages mark it for Pagefind: «Riktlinje · Gällande», «Nämnd»; nothing for a page that does not say. */
function aboutOf(result) {
  const text = [result.meta?.typ, result.meta?.status].filter(Boolean).join(' · ');
  if (!text) return [];
  const about = document.createElement('p');
  about.className = 'meta';
  about.textContent = text;
  return [about];
}

/** How many hits are shown at a time; "Visa fler träffar" shows as many more. */
const PAGE = 25;
const more = document.getElementById('flertraffar');
/** The current search: its words, all its results (loaded lazily by Pagefind) and how many are shown. */
let current;

/** The facets chosen: the Pagefind filters, and how they read («Dokumenttyp: Riktlinjer»). */
function chosen() {
  const filters = {};
  const words = [];
  for (const select of facets) {
    if (!select.value) continue;
    filters[select.name] = select.value;
    words.push(`${select.labels[0].textContent}: ${select.selectedOptions[0].textContent}`);
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
  const { results } = shownFor;
  const next = await Promise.all(results.slice(shownFor.shown, shownFor.shown + PAGE).map((r) => r.data()));
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
  const n = results.length;
  const rest = n - shownFor.shown;
  more.hidden = rest <= 0;
  more.textContent = `Visa ${Math.min(PAGE, rest)} till (${rest} kvar)`;
  const about = describe(shownFor);
  // Without search words the hits are every document that fits the choice, in the order of Alla styrdokument.
  const [one, many, best] = shownFor.query ? ['träff', 'träffar', 'bästa'] : ['styrdokument', 'styrdokument', 'första'];
  const hits = `${n} ${n === 1 ? one : many} ${about}`;
  if (n === 0) status.textContent = shownFor.query ? `Inga träffar ${about}.` : `Inga styrdokument ${about}.`;
  else if (n <= PAGE) status.textContent = `${hits}.`;
  else if (shownFor.shown <= PAGE) status.textContent = `${hits}, de ${PAGE} ${best} visas.`;
  else status.textContent = rest > 0 ? `${hits}, de ${shownFor.shown} ${best} visas.` : `${hits}, alla visas.`;
  return first;
}

async function search() {
  const q = input.value.trim();
  const { filters, words } = chosen();
  list.replaceChildren();
  more.hidden = true;
  current = undefined;
  if (!q && !words.length) {
    status.textContent = '';
    return;
  }
  status.textContent = 'Söker …';
  try {
    pagefind ??= await loadPagefind();
    // Document pages carry their facets as Pagefind filters (dokument.njk); nämnd pages have none, so a
    // choice keeps to documents. Without words Pagefind gives every page the filters allow, in no order.
    const found = await pagefind.search(q || null, q ? { filters } : { filters, sort: { ordning: 'asc' } });
    current = { query: q, words, results: found.results, shown: 0 };
    await showMore();
  } catch {
    status.textContent = 'Sökningen fungerar inte just nu. Använd Alla styrdokument i stället.';
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
