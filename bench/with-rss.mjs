// Runs a Node script in this process and, when it exits, prints its peak memory (resident set size, in
// kilobytes) on stderr for bench/run.mjs: node bench/with-rss.mjs <script> [arguments…]
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [script, ...args] = process.argv.slice(2);
process.argv = [process.argv[0], path.resolve(script), ...args];
process.on('exit', () => process.stderr.write(`\nSTYRDOK_BENCH_RSS_KB ${process.resourceUsage().maxRSS}\n`));
await import(pathToFileURL(path.resolve(script)).href);
