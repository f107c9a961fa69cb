import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { configsBelow, findConfigFile, REGION_FOLDERS, searchConfigsBelow } from '../config/load-config.js';

/** One kommun's part of a run: its config (absolute; undefined when none was found) and the paths asked for in it. */
export interface ProjectPart {
  configFile: string | undefined;
  paths: string[];
  /** The config was found below a path asked for: the path is a region's folder, or a project's root above strategy/. */
  below: boolean;
}

/**
 * Which kommuner a check covers. A path belongs to the config in its folder or above it, as it always has. A
 * folder with no config there or above, but with configs below it, is a region: each config below is a
 * kommun of its own, checked with its own organs, nämnder and rules (a region's kommuner differ in all of
 * them). Paths without any config form one part without a config, so that its findings still say so.
 */
export function projectParts(cwd: string, paths: readonly string[]): ProjectPart[] {
  const parts = new Map<string | undefined, ProjectPart>();
  const add = (configFile: string | undefined, p: string, below = false) => {
    const part = parts.get(configFile) ?? parts.set(configFile, { configFile, paths: [], below }).get(configFile)!;
    part.below ||= below;
    if (!part.paths.includes(p)) part.paths.push(p);
  };
  for (const p of paths) {
    const abs = path.resolve(cwd, p);
    const above = findConfigFile(abs);
    if (above) {
      add(above, p);
      continue;
    }
    const search = existsSync(abs) && statSync(abs).isDirectory() ? searchConfigsBelow(abs) : { configs: [], complete: true };
    if (!search.complete) throw new RegionSearchStopped(stoppedMessage(cwd, p, search.configs));
    const below = search.configs;
    if (!below.length) add(undefined, p);
    for (const configFile of below) add(configFile, path.relative(cwd, path.dirname(configFile)) || '.', true);
  }
  return [...parts.values()];
}

/**
 * A folder asked for with so many folders below it that the search for its kommuner stopped: a check of
 * what was found would pass over the rest without a word, so it is not made.
 */
export class RegionSearchStopped extends Error {}

function stoppedMessage(cwd: string, folder: string, found: readonly string[]): string {
  const examples = found.slice(0, 3).map((file) => kommunFolder(cwd, file));
  const hint = examples.length ? `, till exempel styrdok check ${examples.join(' ')}` : '';
  return `Sökningen efter kommuner under «${folder}» stannade efter ${REGION_FOLDERS.toLocaleString('sv-SE')} mappar, så det går inte att säga att alla kommuner där blev kontrollerade. Ange kommunernas mappar${hint}.`;
}

/**
 * The kommuner of a check when some config lies below a path asked for (without paths: below the folder
 * styrdok runs in, when it has no strategy/ folder); undefined for the ordinary run of one project, whose
 * config is found from its first path upwards.
 */
export function regionParts(cwd: string, paths: readonly string[]): ProjectPart[] | undefined {
  const asked = paths.length ? paths : existsSync(path.resolve(cwd, 'strategy')) ? ['strategy'] : ['.'];
  const parts = projectParts(cwd, asked);
  return parts.some((part) => part.below) ? parts : undefined;
}

/** How a kommun's part is named in messages: its config's folder, relative to where styrdok runs. */
export function partName(cwd: string, part: ProjectPart): string {
  return part.configFile ? kommunFolder(cwd, part.configFile) : part.paths.join(', ');
}

/** A kommun's config's folder, relative to where styrdok runs, with forward slashes. */
function kommunFolder(cwd: string, configFile: string): string {
  return path.relative(cwd, path.dirname(configFile)).split(path.sep).join('/') || '.';
}

/** No config at or above `folder`; with configs below it, where they are (a region's: only a check takes them together). */
export function noConfigMessage(cwd: string, folder: string): string {
  const none = 'Hittar ingen styrdok.config.yaml i mappen eller mapparna ovanför';
  const below = configsBelow(path.resolve(cwd, folder)).map((file) => kommunFolder(cwd, file));
  if (!below.length) return `${none}. Skapa en, eller ange den med --config.`;
  if (below.length === 1) return `${none}, men det finns en i ${below[0]}: ange den mappen, eller konfigurationen med --config.`;
  return `${none}, men nedanför finns ${below.length} kommuner med var sin (${below.join(', ')}). Kör kommandot i en kommuns mapp eller ange den: bara styrdok check tar flera kommuner i en körning.`;
}
