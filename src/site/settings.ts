import { statSync } from 'node:fs';
import path from 'node:path';
import { isIsoDate } from '../corpus/dates.js';
import { DEFAULT_CACHE_LOCATION } from '../engine/project-cache.js';
import { cacheLocationProblem } from '../load/cache-folder.js';

/** A setting from the environment that is not what it must be; its message is for the person who set it. */
export class SettingError extends Error {
  override name = 'SettingError';
}

/**
 * A whole number of at least 1 from the environment, or `fallback` when it is not set. The raw text is
 * named in the message, so a typo («tusen», «1 000») is plain to see.
 */
export function countSetting(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const text = env[name];
  if (text === undefined || text.trim() === '') return fallback;
  if (!/^\s*\d+\s*$/.test(text)) throw new SettingError(`${name} ska vara ett heltal, inte «${text}».`);
  return Number(text);
}

/** A day from the environment, YYYY-MM-DD and one that exists (not 2026-02-30), or `fallback` when unset. */
export function dateSetting(env: NodeJS.ProcessEnv, name: string, fallback: string): string {
  const text = env[name];
  if (text === undefined || text === '') return fallback;
  if (!isIsoDate(text)) throw new SettingError(`${name} ska vara ett datum som finns, skrivet ÅÅÅÅ-MM-DD, inte «${text}».`);
  return text;
}

/** An on/off switch from the environment: 1 (on) or 0 (off), `fallback` when unset. */
export function switchSetting(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const text = env[name]?.trim();
  if (text === undefined || text === '') return fallback;
  if (text !== '0' && text !== '1') throw new SettingError(`${name} ska vara 1 (på) eller 0 (av), inte «${env[name]}».`);
  return text === '1';
}

/** A folder from the environment, or `fallback`, resolved against `cwd`; it must exist and be a folder. */
export function folderSetting(env: NodeJS.ProcessEnv, name: string, fallback: string, cwd: string): string {
  const text = env[name] || fallback;
  const folder = path.resolve(cwd, text);
  // Named as it was given: the setting when it was set, else the folder it defaults to.
  // Swedish puts «inte» before the verb in a clause with «som», after it in a main clause.
  const said = (asClause: string, asSentence: string) =>
    env[name] ? `${name} pekar på «${text}», som ${asClause}: ${folder}.` : `Mappen «${text}» ${asSentence}: ${folder}. Ange en annan med ${name}.`;
  let stats;
  try {
    stats = statSync(folder);
  } catch {
    throw new SettingError(said('inte finns', 'finns inte'));
  }
  if (!stats.isDirectory()) throw new SettingError(said('är en fil och inte en mapp', 'är en fil och inte en mapp'));
  return folder;
}

/**
 * The cache folder, as `check --cache-location` takes it: STYRDOK_CACHE, or .styrdokcache, resolved against
 * the corpus's parent (STYRDOK_CORPUS, or strategy, from `cwd`), as `styrdok check --cache` run there finds
 * it; a folder or none yet. Undefined for STYRDOK_CACHE=0, no cache. The parse cache and the search indexes
 * (search-cache.ts) are kept there, so CI keeps one folder between runs.
 */
export function cacheSetting(env: NodeJS.ProcessEnv, cwd: string): string | undefined {
  if (env.STYRDOK_CACHE?.trim() === '0') return undefined;
  const beside = path.dirname(path.resolve(cwd, env.STYRDOK_CORPUS || 'strategy'));
  const location = path.resolve(beside, env.STYRDOK_CACHE || DEFAULT_CACHE_LOCATION);
  const problem = cacheLocationProblem(location);
  if (problem) {
    throw new SettingError(`STYRDOK_CACHE ska vara en mapp, men «${env.STYRDOK_CACHE || DEFAULT_CACHE_LOCATION}» ${problem}: ${location}. Välj en mapp som inte finns än, eller 0 för ingen cache.`);
  }
  return location;
}
