import { existsSync } from 'node:fs';
import path from 'node:path';
import { configsBelow, findConfigFile } from '../config/load-config.js';
import { RegionSearchStopped, regionParts, type ProjectPart } from '../engine/projects.js';
import { UsageError } from './exit-codes.js';

/**
 * Stops a command run where there is neither a strategy folder nor a styrdok.config.yaml, here or above:
 * the engine would report a missing config at a strategy folder that does not exist either. With paths or
 * --config given, the engine's own messages say what is wrong with them. A region's folder (kommuner with
 * their own configs below) is a place to run in: check takes them all, and the other commands say to pick one.
 */
export function assertProjectHere(command: string, paths: readonly string[], configFile: string | undefined, cwd: string): void {
  if (paths.length || configFile) return;
  const strategy = path.resolve(cwd, 'strategy');
  if (existsSync(strategy) || findConfigFile(strategy) || configsBelow(cwd).length) return;
  throw new UsageError(
    `Här finns ingen mapp strategy med styrdokument och ingen styrdok.config.yaml, varken i den här mappen eller i mapparna ovanför. Kör styrdok i projektets mapp, eller ange mappen med styrdokumenten: styrdok ${command} <mapp>.`,
  );
}

/** regionParts, with a search that stopped before the end said as a usage error (exit 2). */
export function kommunerOf(cwd: string, paths: string[]): ProjectPart[] | undefined {
  try {
    return regionParts(cwd, paths);
  } catch (error) {
    if (error instanceof RegionSearchStopped) throw new UsageError(error.message);
    throw error;
  }
}
