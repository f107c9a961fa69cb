// The re-check of `styrdok check --watch`: one process keeps its parse cache in memory, one file changes,
// the whole corpus is checked again. Prints the full check's and each re-check's time as JSON.
// node bench/recheck-in-process.mjs <corpus folder> <runs> <today>
import { appendFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { checkProject } from '../dist/engine/load-project.js';
import { openCache } from '../dist/engine/project-cache.js';

const [corpus, runs, today] = process.argv.slice(2);
const cwd = path.dirname(corpus);
const cache = openCache(undefined);
const check = () => {
  const start = performance.now();
  const { diagnostics } = checkProject({ cwd, paths: [path.basename(corpus)], today, cache });
  cache.save();
  return { seconds: (performance.now() - start) / 1000, findings: diagnostics.length };
};
const full = check();
const policies = readdirSync(path.join(corpus, 'policyer')).sort();
const rechecks = [];
for (let run = 0; run < Number(runs); run++) {
  // Files saved in the last second are always read again; wait as an editor's user would between saves.
  await new Promise((resolve) => setTimeout(resolve, 1100));
  appendFileSync(path.join(corpus, 'policyer', policies[run % policies.length]), '\nEn mening till.\n');
  rechecks.push(check());
}
console.log(JSON.stringify({ full, rechecks, stats: cache.stats }));
