// Runs a Node script in this process and, when it exits, prints its peak memory (resident set size, in
// kilobytes) and the processor time of it and the processes it started on stderr for bench/run.mjs:
// node bench/with-rss.mjs <script> [arguments…]
//
// Peak memory is that of the whole build: this process plus any it starts (Pagefind runs as a process of
// its own). A worker thread, which runs while the script keeps the main thread busy, adds up the resident
// memory of the process and its descendants from /proc every 100 ms; the peak is the larger of that sampled
// sum and the kernel's exact peak for this process alone.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { isMainThread, Worker, workerData } from 'node:worker_threads';

if (isMainThread) {
  // The sampler's peak, shared so it can be read at exit even while the main thread was busy all along.
  // [0]: peak resident kB; [1]: processor time of the processes this one started, in clock ticks, as last seen.
  const peak = new Int32Array(new SharedArrayBuffer(8));
  new Worker(new URL(import.meta.url), { workerData: peak }).unref();
  const [script, ...args] = process.argv.slice(2);
  process.argv = [process.argv[0], path.resolve(script), ...args];
  process.on('exit', () => {
    const own = process.cpuUsage();
    // Pagefind's processes are not always waited for by this one, so the bench cannot count them from its own
    // children's times: they are read from /proc while they run (the last tenth of a second may be missed).
    const cpuSeconds = (own.user + own.system) / 1e6 + Atomics.load(peak, 1) / 100;
    process.stderr.write(`\nSTYRDOK_BENCH_RSS_KB ${Math.max(Atomics.load(peak, 0), process.resourceUsage().maxRSS)}\nSTYRDOK_BENCH_CPU_S ${cpuSeconds.toFixed(2)}\n`);
  });
  await import(pathToFileURL(path.resolve(script)).href);
} else {
  const rssKb = (pid) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  // The processes a process started, from the children lists of its threads (only this tree is read).
  const childrenOf = (pid) => readdirSync(`/proc/${pid}/task`).flatMap((tid) => readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number));
  const treeKb = (pid) => {
    try {
      return rssKb(pid) + childrenOf(pid).reduce((sum, child) => sum + treeKb(child), 0);
    } catch {
      return 0; // Ended while it was read.
    }
  };
  // Processor time (user + system) of every process started below this one, by pid, as last read: USER_HZ
  // ticks of 1/100 s, fields 14 and 15 of /proc/<pid>/stat. Each process's own time only: a grandchild is read
  // itself, and its parent's time for reaped children would count it twice.
  const ticks = new Map();
  const ticksOf = (pid) => {
    // The fields after the command name, which is in parentheses and may hold spaces.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /s, '').split(' ');
    return Number(fields[11]) + Number(fields[12]);
  };
  const readTicks = (pid) => {
    for (const child of childrenOf(pid)) {
      try {
        ticks.set(child, ticksOf(child));
        readTicks(child);
      } catch {
        // Ended while it was read.
      }
    }
  };
  setInterval(() => {
    const total = treeKb(process.pid);
    if (total > Atomics.load(workerData, 0)) Atomics.store(workerData, 0, total);
    try {
      readTicks(process.pid);
    } catch {
      // This process's own task list changed while it was read.
    }
    Atomics.store(workerData, 1, [...ticks.values()].reduce((sum, t) => sum + t, 0));
  }, 100);
}
