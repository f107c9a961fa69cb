/**
 * A worker thread of writeSearchIndex (search-index.ts): it writes the search indexes it is handed, one at a
 * time, with a Pagefind process of its own, so two indexes are built at once on two cores.
 */
import { copyFileSync, linkSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { parentPort } from 'node:worker_threads';
import * as pagefind from 'pagefind';
import { keepIndex, type SearchCache } from './search-cache.js';

/** One index: these pages of the site (paths relative to outputDir) into outputDir/folder. */
export interface IndexJob {
  outputDir: string;
  files: string[];
  folder: string;
  /** An empty folder of the worker's own, where the job's pages are gathered for Pagefind to read. */
  staging: string;
  /** Where to keep a copy of the index, for later builds whose pages in this group are the same. */
  keep?: { cache: SearchCache; key: string };
}

export type WorkerReply = { done: true } | { error: string };

async function writeIndex(job: IndexJob): Promise<void> {
  stage(job);
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(errors.join('\n'));
  try {
    // Pagefind reads a folder in its own threads, many times faster than taking each page's HTML through
    // the Node API; the staging folder holds just this index's pages, at the same paths as on the site,
    // so their addresses come out right.
    const added = await index.addDirectory({ path: job.staging });
    if (added.errors.length) throw new Error(added.errors.join('\n'));
    // Pagefind adds to a folder and never clears it: without this, the text of a document taken off the
    // site would stay downloadable in an old fragment.
    rmSync(path.join(job.outputDir, job.folder), { recursive: true, force: true });
    const written = await index.writeFiles({ outputPath: path.join(job.outputDir, job.folder) });
    if (written.errors.length) throw new Error(written.errors.join('\n'));
    if (job.keep) keepIndex(job.keep.cache, job.keep.key, path.join(job.outputDir, job.folder));
  } finally {
    await index.deleteIndex();
    rmSync(job.staging, { recursive: true, force: true });
  }
}

/** Puts the job's pages in its staging folder: as hard links, or copies where a link cannot be made. */
function stage(job: IndexJob): void {
  mkdirSync(job.staging, { recursive: true });
  for (const file of job.files) {
    const target = path.join(job.staging, file);
    mkdirSync(path.dirname(target), { recursive: true });
    try {
      linkSync(path.join(job.outputDir, file), target);
    } catch {
      copyFileSync(path.join(job.outputDir, file), target);
    }
  }
}

parentPort?.on('message', (job: IndexJob | null) => {
  if (job === null) {
    void pagefind.close().finally(() => parentPort?.close());
    return;
  }
  writeIndex(job).then(
    () => parentPort?.postMessage({ done: true } satisfies WorkerReply),
    (error: unknown) => parentPort?.postMessage({ error: error instanceof Error ? error.message : String(error) } satisfies WorkerReply),
  );
});
