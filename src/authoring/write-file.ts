import { closeSync, fsyncSync, linkSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';

export class FileExistsError extends Error {
  override name = 'FileExistsError';
  constructor(readonly file: string) {
    super(`${file} finns redan`);
  }
}

/**
 * Writes a whole file or nothing: the text goes to a temporary file beside the target, is flushed to disk and
 * then takes the target's name in one step. A crash or an error leaves the old file (or no file) in place.
 * With `overwrite: false` an existing file is never replaced, even one created by someone else a moment ago:
 * the temporary file is linked to the name, which fails if the name is taken.
 */
export function writeFileAtomic(target: string, text: string, options: { overwrite: boolean }): void {
  const dir = path.dirname(target);
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    // A file where a folder of the path should be: mkdir says EEXIST, as if the target itself were there.
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    throw Object.assign(new Error(`ENOTDIR: en del av sökvägen är en fil, mkdir '${dir}'`), { code: 'ENOTDIR', path: dir });
  }
  const temp = path.join(dir, `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    const fd = openSync(temp, 'wx');
    try {
      writeSync(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    if (options.overwrite) {
      renameSync(temp, target);
    } else {
      try {
        linkSync(temp, target);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new FileExistsError(target);
        throw error;
      }
    }
  } finally {
    rmSync(temp, { force: true });
  }
}
