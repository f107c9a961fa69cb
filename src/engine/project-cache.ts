import { VERSION } from '../cli/version.js';
import { cacheKey, openParseCache, type ParseCache, type ParseCacheOptions } from '../load/parse-cache.js';
import { DEFAULT_MAX_FILE_BYTES } from '../load/read-files.js';
import { SCHEMA_DIR } from '../schema/schema-files.js';

/** Where `check --cache` and the site build keep the parse cache, relative to where they run. */
export const DEFAULT_CACHE_LOCATION = '.styrdokcache';

/** The parse cache keyed to this version of styrdok, kept in the folder `location`, or in memory without one. */
export function openCache(location: string | undefined, options: ParseCacheOptions = {}): ParseCache {
  return openParseCache(cacheKey(VERSION, SCHEMA_DIR, DEFAULT_MAX_FILE_BYTES), location, options);
}
