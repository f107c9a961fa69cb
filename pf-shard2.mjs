import * as pagefind from 'pagefind';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
const root = process.argv[2]; const K = Number(process.argv[3]);
const files = [];
for (const sec of ['dokument','namnd']) for (const d of readdirSync(`${root}/${sec}`, {withFileTypes:true}).filter(e=>e.isDirectory()).map(e=>e.name).sort().filter(d=>existsSync(`${root}/${sec}/${d}/index.html`))) files.push(`${sec}/${d}/index.html`);
const t0 = Date.now(); let add=0, write=0;
for (let i = 0; i < files.length; i += K) {
  const { index } = await pagefind.createIndex({});
  const a = Date.now();
  for (const f of files.slice(i, i + K)) {
    const r = await index.addHTMLFile({ url: '/' + f.replace(/index\.html$/, ''), content: readFileSync(`${root}/${f}`, 'utf8') });
    if (r.errors.length) throw new Error(r.errors);
  }
  const b = Date.now();
  await index.writeFiles({ outputPath: '/tmp/pfout' + i });
  add += b-a; write += Date.now()-b;
  await index.deleteIndex();
}
await pagefind.close();
const u = process.resourceUsage();
console.log(`K=${K} files=${files.length} add ${add/1000} write ${write/1000} total ${(Date.now()-t0)/1000}`);
