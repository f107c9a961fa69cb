import path from 'node:path';
import { DEFAULT_CACHE_LOCATION, openCache } from '../engine/project-cache.js';
import { cacheLocationProblem } from '../load/cache-folder.js';
import type { ParseCache } from '../load/parse-cache.js';
import { UsageError } from './exit-codes.js';

/** The flags of the parse cache, for parseOptions: the same in check, check --at and report. */
export const CACHE_OPTIONS = {
  cache: { type: 'boolean' },
  'cache-location': { type: 'string' },
} as const;

/** The flags of every command that reads the project and its cache (check, report, due): --config, --today, the cache's and --help. */
export const PROJECT_OPTIONS = {
  config: { type: 'string' },
  today: { type: 'string' },
  ...CACHE_OPTIONS,
  help: { type: 'boolean', short: 'h' },
} as const;

/** The lines of --help for the cache flags. */
export const CACHE_HELP = `  --cache              spara tolkningen av varje fil och reglernas fynd, och tolka och
                       kontrollera bara om det som ändrats nästa gång (snabbare
                       kontroll av stora samlingar)
  --cache-location MAPP
                       mappen där cachen sparas (standard: .styrdokcache)`;

type CacheValues = { cache?: boolean | undefined; 'cache-location'?: string | undefined };

/** The parse cache the flags ask for, or undefined without --cache; a location that cannot be a folder is a usage error. */
export function cacheFromOptions(values: CacheValues, cwd: string): ParseCache | undefined {
  const location = cacheLocation(values, cwd);
  return location === undefined ? undefined : openCache(location);
}

/** The cache folder the flags ask for (absolute), or undefined without --cache. */
export function cacheLocation(values: CacheValues, cwd: string): string | undefined {
  const given = values['cache-location'];
  if (given !== undefined && !values.cache) throw new UsageError('--cache-location anger var cachen sparas och används tillsammans med --cache.');
  if (!values.cache) return undefined;
  const location = path.resolve(cwd, given ?? DEFAULT_CACHE_LOCATION);
  const problem = cacheLocationProblem(location);
  if (problem) throw new UsageError(`--cache-location ska vara en mapp, men «${given ?? DEFAULT_CACHE_LOCATION}» ${problem}. Välj en mapp som inte finns än.`);
  return location;
}
