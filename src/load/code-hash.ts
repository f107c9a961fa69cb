import type { Hash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Adds to `hash` the name and bytes of every file in `folder` whose name ends in `ending`, in name order: the
 * caches hash the code they depend on this way, so that a fixed parser or rule never meets an old result.
 */
export function hashFolderFiles(hash: Hash, folder: string, ending: string, label = ''): void {
  for (const name of readdirSync(folder).filter((f) => f.endsWith(ending)).sort()) hash.update(`${label}${name}`).update(readFileSync(path.join(folder, name)));
}
