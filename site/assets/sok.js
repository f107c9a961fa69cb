// Search with the static Pagefind index written at build time. The page works without this script:
// it then points to the filterable list of all documents instead.
const form = document.getElementById('sokformular');
const input = document.getElementById('sokfalt');
const status = document.getElementById('sokstatus');
const list = document.getElementById('sokresultat');
const inForceOnly = document.getElementById('baragallande');
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
  const text = [result.meta?.typ, result.filters?.status?.[0]].filter(Boolean).join(' · ');
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

/** Shows the next PAGE hits of the current search; returns the first new link, for focus. */
async function showMore() {
  const shownFor = current;
  const { results } = shownFor;
  const query = `«${shownFor.query}»${shownFor.inForceOnly ? ' bland styrdokumenten som gäller' : ''}`;
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
  const hits = `${n} ${n === 1 ? 'träff' : 'träffar'} för ${query}`;
  if (n === 0) status.textContent = `Inga träffar för ${query}.`;
  else if (n <= PAGE) status.textContent = `${hits}.`;
  else if (shownFor.shown <= PAGE) status.textContent = `${hits}, de ${PAGE} bästa visas.`;
  else status.textContent = rest > 0 ? `${hits}, de ${shownFor.shown} bästa visas.` : `${hits}, alla visas.`;
  return first;
}

async function search(query) {
  const q = query.trim();
  list.replaceChildren();
  more.hidden = true;
  current = undefined;
  if (!q) {
    status.textContent = '';
    return;
  }
  status.textContent = 'Söker …';
  try {
    pagefind ??= await loadPagefind();
    // Document pages carry their status as a Pagefind filter (dokument.njk); nämnd pages have none.
    const found = await pagefind.search(q, inForceOnly.checked ? { filters: { status: 'Gällande' } } : {});
    current = { query: q, results: found.results, shown: 0, inForceOnly: inForceOnly.checked };
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

/** The address says what was searched for, so a search can be linked to and reloaded. */
function remember() {
  const url = new URL(location.href);
  url.searchParams.set('q', input.value);
  if (inForceOnly.checked) url.searchParams.set('gallande', 'ja');
  else url.searchParams.delete('gallande');
  history.replaceState(null, '', url);
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  remember();
  search(input.value);
});

inForceOnly.addEventListener('change', () => {
  if (!input.value.trim()) return;
  remember();
  search(input.value);
});

const params = new URLSearchParams(location.search);
inForceOnly.checked = params.get('gallande') === 'ja';
const initial = params.get('q');
if (initial) {
  input.value = initial;
  search(initial);
}
