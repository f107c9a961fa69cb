import { loadSite } from '../dist/site/load-site.js';
const dir = process.argv[2];
const { model } = await loadSite({ STYRDOK_CORPUS: dir + '/strategy', STYRDOK_TODAY: '2026-06-01', STYRDOK_HISTORY: '0' });
for (const [k, v] of Object.entries(model)) {
  const s = JSON.stringify(v) ?? '';
  console.log(k.padEnd(16), Math.round(s.length / 1e6), 'MB', Array.isArray(v) ? v.length : '');
}
const d = model.documents;
const keys = {};
for (const doc of d) for (const [k, v] of Object.entries(doc)) keys[k] = (keys[k] || 0) + (JSON.stringify(v) ?? '').length;
console.log(Object.entries(keys).sort((a, b) => b[1] - a[1]).slice(0, 12).map(([k, v]) => `${k} ${Math.round(v / 1e6)}MB`).join(', '));
const f = model.followup;
for (const [k, v] of Object.entries(f)) console.log('followup.' + k, Math.round((JSON.stringify(v) ?? '').length / 1e6), 'MB');
