import { parseArgs, type ParseArgsConfig } from 'node:util';
import { isIsoDate } from '../corpus/dates.js';
import { UsageError } from './exit-codes.js';
import { didYouMean } from '../rules/util/suggest.js';

/** parseArgs with Swedish errors: a wrong flag is a usage error (exit 2) that says what is wrong, never a crash. */
export function parseOptions<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(`${swedishArgumentError(error, options)} Se --help.`);
  }
}

/** What parseArgs refused, in Swedish, by its error code; the flag named as written. */
function swedishArgumentError(error: unknown, options: NonNullable<ParseArgsConfig['options']>): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: string }).code;
  // parseArgs names the flag in quotes, with « <value>» after it when it takes one.
  const flag = /'(-[^' ]+)/.exec(message)?.[1];
  if (!flag) return `Felaktiga argument: ${message}.`;
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const known = Object.keys(options).map((name) => `--${name}`);
    return `Okänd flagga: ${flag}.${flag.startsWith('--') ? didYouMean(flag, known) : ''}`;
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    if (/does not take an argument/.test(message)) return `Flaggan ${flag} tar inget värde.`;
    // A value that begins with a dash reads as a flag of its own.
    if (/ambiguous/.test(message)) return `Värdet efter ${flag} ser ut som en flagga. Skriv ${flag}=värde om värdet börjar med ett bindestreck.`;
    return `Flaggan ${flag} behöver ett värde.`;
  }
  return `Okänd eller felaktig flagga: ${flag}.`;
}

export function parseDateOption(value: string | undefined, flag: string): string | undefined {
  if (value === undefined) return undefined;
  if (!isIsoDate(value)) throw new UsageError(`${flag} ska vara ett datum som finns, skrivet ÅÅÅÅ-MM-DD, till exempel 2026-11-25, inte «${value}».`);
  return value;
}
