// Runs a Node script in this process and, when it exits, prints its peak memory (resident set size, in
// kilobytes) on stderr for bench/run.mjs: node bench/with-rss.mjs <script> [arguments…]
//
// Peak memory is that of the whole build: this process plus any it starts (Pagefind runs as a process of
// its own). A worker thread, which runs while the script keeps the main thread busy, adds up the resident
// memory of the process and its descendants from /proc every 50 ms; the peak is the larger of that sampled
// sum and the kernel's exact peak for this process alone.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { isMainThread, Worker, workerData } from 'node:worker_threads';

if (isMainThread) {
  // The sampler's peak, shared so it can be read at exit even while the main thread was busy all along.
  const peak = new Int32Array(new SharedArrayBuffer(4));
  new Worker(new URL(import.meta.url), { workerData: peak }).unref();
  const [script, ...args] = process.argv.slice(2);
  process.argv = [process.argv[0], path.resolve(script), ...args];
  process.on('exit', () => process.stderr.write(`\nSTYRDOK_BENCH_RSS_KB ${Math.max(Atomics.load(peak, 0), process.resourceUsage().maxRSS)}\n`));
  await import(pathToFileURL(path.resolve(script)).href);
} else {
  const self = process.pid;
  const rssKb = (pid) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  const sample = () => {
    const parents = new Map();
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        // The parent pid is the 4th field of /proc/<pid>/stat, after the command name in parentheses.
        parents.set(Number(entry), Number(readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1].split(' ')[1]));
      } catch {
        // The process ended while it was read.
      }
    }
    const inTree = (pid) => {
      for (let p = pid; p > 1; p = parents.get(p) ?? 0) if (p === self) return true;
      return false;
    };
    let total = 0;
    for (const pid of parents.keys()) {
      try {
        if (inTree(pid)) total += rssKb(pid);
      } catch {
        // Ended meanwhile.
      }
    }
    if (total > Atomics.load(workerData, 0)) Atomics.store(workerData, 0, total);
  };
  setInterval(sample, 50);
}
