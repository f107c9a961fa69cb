import * as pagefind from 'pagefind';
import { existsSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
const root = process.argv[2]; const K = Number(process.argv[3]); const C = Number(process.argv[4] ?? 16);
const files = [];
for (const sec of ['dokument','namnd']) for (const d of readdirSync(`${root}/${sec}`).sort().filter(d=>existsSync(`${root}/${sec}/${d}/index.html`))) files.push(`${sec}/${d}/index.html`);
const t0 = Date.now(); let add=0, write=0;
for (let i = 0; i < files.length; i += K) {
  const { index } = await pagefind.createIndex({});
  const a = Date.now();
  const part = files.slice(i, i + K); let next = 0;
  await Promise.all(Array.from({length: C}, async () => { while (next < part.length) { const f = part[next++];
    const r = await index.addHTMLFile({ url: '/' + f.replace(/index\.html$/, ''), content: await readFile(`${root}/${f}`, 'utf8') });
    if (r.errors.length) throw new Error(r.errors); } }));
  const b = Date.now();
  await index.writeFiles({ outputPath: '/tmp/pfout' + i });
  add += b-a; write += Date.now()-b;
  await index.deleteIndex();
}
await pagefind.close();
console.log(`K=${K} C=${C} files=${files.length} add ${add/1000} write ${write/1000} total ${(Date.now()-t0)/1000}`);
