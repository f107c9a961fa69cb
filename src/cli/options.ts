import { parseArgs, type ParseArgsConfig } from 'node:util';
import { isIsoDate } from '../corpus/dates.js';
import { UsageError } from './exit-codes.js';

/** parseArgs with Swedish errors: an unknown flag is a usage error (exit 2), never a crash. */
export function parseOptions<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const flag = /'([^']+)'/.exec(message)?.[1];
    throw new UsageError(flag ? `Okänd eller felaktig flagga: ${flag}. Se --help.` : `Felaktiga argument: ${message}`);
  }
}

export function parseDateOption(value: string | undefined, flag: string): string | undefined {
  if (value === undefined) return undefined;
  if (!isIsoDate(value)) throw new UsageError(`${flag} ska vara ett datum som ÅÅÅÅ-MM-DD, till exempel 2026-11-25, inte «${value}».`);
  return value;
}
