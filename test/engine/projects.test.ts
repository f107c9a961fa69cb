/**
 * How a check finds its kommuner (engine/projects.ts, config/load-config.ts configsBelow): on real folders.
 * A path belongs to the config at or above it; a folder with none there but configs below is a region.
 */
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { configsBelow, REGION_FOLDERS, searchConfigsBelow } from '../../src/config/load-config.js';
import { noConfigMessage, projectParts, RegionSearchStopped, regionParts } from '../../src/engine/projects.js';

let root: string;
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** A temporary tree: each path ending in styrdok.config.yaml or .md becomes a file, the rest folders. */
function tree(paths: string[]): string {
  root = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'styrdok-projects-')));
  for (const p of paths) {
    const abs = path.join(root, p);
    if (/\.(yaml|md)$/.test(p)) {
      mkdirSync(path.dirname(abs), { recursive: true });
      writeFileSync(abs, '');
    } else mkdirSync(abs, { recursive: true });
  }
  return root;
}
const rel = (files: string[]) => files.map((f) => path.relative(root, f).split(path.sep).join('/'));

describe('configsBelow', () => {
  it('finds each kommun once, at the first config on the way down, and sorts them', () => {
    tree(['b/strategy/styrdok.config.yaml', 'a/styrdok.config.yaml', 'a/strategy/styrdok.config.yaml', 'c/d/e/styrdok.config.yaml']);
    expect(rel(configsBelow(root))).toEqual(['a/styrdok.config.yaml', 'b/strategy/styrdok.config.yaml', 'c/d/e/styrdok.config.yaml']);
  });

  it('does not look in hidden folders, _site, node_modules, past three levels, or through symlinks', () => {
    tree(['.git/x/styrdok.config.yaml', '_site/k/styrdok.config.yaml', 'node_modules/p/styrdok.config.yaml', 'a/b/c/d/styrdok.config.yaml', 'real/styrdok.config.yaml']);
    symlinkSync(path.join(root, 'real'), path.join(root, 'link'));
    expect(rel(configsBelow(root))).toEqual(['real/styrdok.config.yaml']);
  });

  it('says when it stopped at its limit of folders, and what it found before', () => {
    tree(['a/strategy/styrdok.config.yaml', 'b/c', 'd/e', 'f/g']);
    expect(searchConfigsBelow(root, 100)).toEqual({ configs: [path.join(root, 'a/strategy/styrdok.config.yaml')], complete: true });
    // The root, a, b, d, f and a/strategy are six folders.
    expect(rel(searchConfigsBelow(root, 6).configs)).toEqual(['a/strategy/styrdok.config.yaml']);
    expect(searchConfigsBelow(root, 5).complete).toBe(false);
  });

  it('stops a region check whose search stopped, rather than check part of it without a word', () => {
    tree(['k/strategy/styrdok.config.yaml', ...Array.from({ length: REGION_FOLDERS }, (_, i) => `tomma/${i}`)]);
    expect(() => regionParts(root, ['.'])).toThrow(RegionSearchStopped);
    expect(() => regionParts(root, ['.'])).toThrow(
      'Sökningen efter kommuner under «.» stannade efter 2\u00a0000 mappar, så det går inte att säga att alla kommuner där blev kontrollerade. Ange kommunernas mappar, till exempel styrdok check k/strategy.',
    );
  });

  it("leaves the folder's own config to findConfigFile", () => {
    tree(['styrdok.config.yaml', 'k/styrdok.config.yaml']);
    expect(rel(configsBelow(root))).toEqual(['k/styrdok.config.yaml']);
  });
});

describe('projectParts and regionParts', () => {
  it('groups paths by the config at or above each, and a region folder into its kommuner', () => {
    tree(['region/a/strategy/styrdok.config.yaml', 'region/a/strategy/p.md', 'region/b/styrdok.config.yaml', 'lost/x.md']);
    const parts = projectParts(root, ['region/a/strategy/p.md', 'region', 'lost']);
    expect(parts.map((p) => [p.configFile && rel([p.configFile])[0], p.paths, p.below])).toEqual([
      ['region/a/strategy/styrdok.config.yaml', ['region/a/strategy/p.md', 'region/a/strategy'], true],
      ['region/b/styrdok.config.yaml', ['region/b'], true],
      [undefined, ['lost'], false],
    ]);
  });

  it('is the ordinary run of one project when every path has its config at or above it', () => {
    tree(['strategy/styrdok.config.yaml', 'strategy/p.md']);
    expect(regionParts(root, [])).toBeUndefined();
    expect(regionParts(root, ['strategy/p.md'])).toBeUndefined();
    // From the project's root, above strategy/, the config lies below: one kommun, found there.
    expect(regionParts(root, ['.'])?.map((p) => p.paths)).toEqual([['strategy']]);
  });

  it('takes the folder styrdok runs in as the region when no path is given and there is no strategy/ folder', () => {
    tree(['a/strategy/styrdok.config.yaml', 'b/strategy/styrdok.config.yaml']);
    expect(regionParts(root, [])?.map((p) => p.paths)).toEqual([['a/strategy'], ['b/strategy']]);
  });

  it('says where a config is when none is at or above the folder: one below, a region below, or none', () => {
    tree(['strategy/styrdok.config.yaml', 'region/a/styrdok.config.yaml', 'region/b/styrdok.config.yaml', 'tom/x.md']);
    const none = 'Hittar ingen styrdok.config.yaml i mappen eller mapparna ovanför';
    expect(noConfigMessage(root, 'tom')).toBe(`${none}. Skapa en, eller ange den med --config.`);
    expect(noConfigMessage(path.join(root, 'region'), 'a/..')).toMatch(new RegExp(`^${none}, men nedanför finns 2 kommuner med var sin \\(a, b\\)\\. `));
    expect(noConfigMessage(root, 'region/a/..')).toContain('men nedanför finns 2 kommuner med var sin (region/a, region/b).');
    rmSync(path.join(root, 'region'), { recursive: true });
    expect(noConfigMessage(root, '.')).toBe(`${none}, men det finns en i strategy: ange den mappen, eller konfigurationen med --config.`);
  });
});
