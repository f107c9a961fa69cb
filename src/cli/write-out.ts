import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { machineMeaning } from '../report/machine-errors.js';
import { UsageError } from './exit-codes.js';

/** Writes what a command made to the file --out names (relative to cwd); a file that cannot be written is a usage error that says why. */
export function writeOut(cwd: string, given: string, text: string | Buffer, what: string): void {
  try {
    writeFileSync(path.resolve(cwd, given), text);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'mappen finns inte' : (machineMeaning(error) ?? (error as Error).message);
    throw new UsageError(`Kan inte skriva ${what} till ${given}: ${reason}.`);
  }
}
