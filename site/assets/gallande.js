// "Vilka styrdokument gällde när?": a date field that opens the page of the period holding the date.
// The page works without this script: the timeline lists every period as a link, and the field stays
// hidden. The periods are read from the list itself, so nothing else is loaded.
const form = document.getElementById('datumval');
const input = document.getElementById('datumval-datum');
const status = document.getElementById('datumval-status');
const periods = [...document.querySelectorAll('.tidslinje [data-fran]')].map((item) => ({
  from: item.dataset.fran,
  to: item.dataset.till,
  url: item.querySelector('a')?.getAttribute('href'),
}));

const ISO = /^\d{4}-\d{2}-\d{2}$/;
const MONTHS = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'];
const swedish = (iso) => `${Number(iso.slice(8, 10))} ${MONTHS[Number(iso.slice(5, 7)) - 1]} ${iso.slice(0, 4)}`;

if (form && input && status && periods.length) {
  form.hidden = false;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    // 2022-05-01, or 20220501 and 2022 5 1 as people also type it.
    const digits = input.value.trim().match(/^(\d{4})\D?(\d{1,2})\D?(\d{1,2})$/);
    const date = digits ? `${digits[1]}-${digits[2].padStart(2, '0')}-${digits[3].padStart(2, '0')}` : input.value.trim();
    const day = new Date(`${date}T00:00:00Z`);
    if (!ISO.test(date) || Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== date) {
      status.textContent = 'Skriv datumet som år, månad och dag: ÅÅÅÅ-MM-DD, till exempel 2022-05-01.';
      input.focus();
      return;
    }
    const period = periods.find((p) => p.from <= date && (!p.to || date <= p.to));
    if (!period?.url) {
      status.textContent = `Inget av styrdokumenten gällde ${swedish(date)}. Välj ett annat datum eller en period i listan.`;
      input.focus();
      return;
    }
    status.textContent = `Öppnar perioden med ${swedish(date)} …`;
    location.assign(period.url);
  });
}
