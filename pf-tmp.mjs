import * as pagefind from 'pagefind';
const t0 = Date.now();
const { index } = await pagefind.createIndex({maxFragments:500});
const added = await index.addDirectory({ path: process.argv[2], glob: process.argv[3] ?? '{dokument/*/index.html,namnd/*/index.html}' });
const t1 = Date.now();
console.log('add', added.page_count, (t1-t0)/1000);
if (!process.argv[4]) { await index.writeFiles({ outputPath: '/tmp/pfout' }); console.log('write', (Date.now()-t1)/1000); }
await pagefind.close();
