import * as pagefind from 'pagefind';
const globs = JSON.parse(process.argv[3]);
const t0 = Date.now();
let i = 0;
for (const glob of globs) {
  const { index } = await pagefind.createIndex({});
  const a = Date.now();
  const added = await index.addDirectory({ path: process.argv[2], glob });
  const b = Date.now();
  await index.writeFiles({ outputPath: '/tmp/pfout' + i++ });
  console.log(glob, added.page_count, 'add', (b-a)/1000, 'write', (Date.now()-b)/1000);
  await index.deleteIndex();
  if (process.argv[4]) await pagefind.close();
}
await pagefind.close();
console.log('total', (Date.now()-t0)/1000);
