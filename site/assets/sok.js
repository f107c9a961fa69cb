// Search with the static Pagefind index written at build time. The page works without this script:
// it then points to the filterable list of all documents instead.
const form = document.getElementById('sokformular');
const input = document.getElementById('sokfalt');
const status = document.getElementById('sokstatus');
const list = document.getElementById('sokresultat');
document.documentElement.classList.add('js-sok');

let pagefind;

/**
 * Pagefind, with every index of the site merged in: a large site's pages are split over several indexes
 * (pagefind/, pagefind-2/ …), listed by the build in pagefind/styrdok-fler-index.json.
 */
async function loadPagefind() {
  const api = await import('/pagefind/pagefind.js');
  const response = await fetch('/pagefind/styrdok-fler-index.json');
  const more = response.ok ? await response.json() : [];
  for (const bundle of more) await api.mergeIndex(bundle);
  return api;
}

/** Pagefind's excerpt marks hits with <mark>; keep only its text, so nothing from it runs as HTML. */
function textOf(html) {
  return new DOMParser().parseFromString(html, 'text/html').body.textContent ?? '';
}

async function search(query) {
  const q = query.trim();
  list.replaceChildren();
  if (!q) {
    status.textContent = '';
    return;
  }
  status.textContent = 'Söker …';
  try {
    pagefind ??= await loadPagefind();
    const found = await pagefind.search(q);
    const results = await Promise.all(found.results.slice(0, 25).map((r) => r.data()));
    for (const result of results) {
      const item = document.createElement('li');
      const link = document.createElement('a');
      link.href = result.url;
      link.textContent = result.meta?.title ?? result.url;
      const excerpt = document.createElement('p');
      excerpt.textContent = textOf(result.excerpt);
      item.append(link, excerpt);
      list.append(item);
    }
    const n = found.results.length;
    status.textContent = n === 0 ? `Inga träffar för «${q}».` : `${n} ${n === 1 ? 'träff' : 'träffar'} för «${q}»${n > 25 ? ', de 25 bästa visas' : ''}.`;
  } catch {
    status.textContent = 'Sökningen fungerar inte just nu. Använd Alla styrdokument i stället.';
  }
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const url = new URL(location.href);
  url.searchParams.set('q', input.value);
  history.replaceState(null, '', url);
  search(input.value);
});

const initial = new URLSearchParams(location.search).get('q');
if (initial) {
  input.value = initial;
  search(initial);
}
