/**
 * Decap CMS for the tests, the very file cms/index.html loads: its version and integrity are read from there.
 * The npm package's dist/ is the whole browser bundle (its dependencies are built in), so it is fetched with
 * `npm pack` (one tarball, no install) into node_modules/.cache, checked against the integrity, and kept.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from './build-site.js';

export const CMS_FOLDER = path.join(REPO_ROOT, 'cms');

export interface DecapBundle {
  version: string;
  /** The folder holding decap-cms.js and the chunks it loads beside itself. */
  dist: string;
}

/** The version and integrity of the script tag in cms/index.html. */
export function pinnedDecap(): { version: string; integrity: string } {
  const html = readFileSync(path.join(CMS_FOLDER, 'index.html'), 'utf8');
  const tag = /<script src="https:\/\/unpkg\.com\/decap-cms@([\d.]+)\/dist\/decap-cms\.js" integrity="(sha384-[^"]+)"/.exec(html);
  if (!tag) throw new Error('cms/index.html laddar inte Decap CMS från unpkg med en bestämd version och integrity.');
  return { version: tag[1]!, integrity: tag[2]! };
}

export function decapBundle(): DecapBundle {
  const { version, integrity } = pinnedDecap();
  const dist = path.join(REPO_ROOT, 'node_modules', '.cache', 'styrdok-decap', version, 'dist');
  if (!existsSync(path.join(dist, 'decap-cms.js'))) fetchDecap(version, path.dirname(dist));
  const actual = `sha384-${createHash('sha384').update(readFileSync(path.join(dist, 'decap-cms.js'))).digest('base64')}`;
  if (actual !== integrity) throw new Error(`decap-cms ${version} ur npm har inte den integrity som cms/index.html anger (${actual}).`);
  return { version, dist };
}

function fetchDecap(version: string, into: string): void {
  const work = mkdtempSync(path.join(os.tmpdir(), 'styrdok-decap-'));
  try {
    const pack = spawnSync('npm', ['pack', `decap-cms@${version}`, '--pack-destination', work, '--silent'], { encoding: 'utf8', cwd: work });
    const tarball = readdirSync(work).find((name) => name.endsWith('.tgz'));
    if (pack.status !== 0 || !tarball) throw new Error(`npm pack decap-cms@${version} misslyckades: ${pack.stderr}`);
    const untar = spawnSync('tar', ['-xzf', tarball, 'package/dist'], { encoding: 'utf8', cwd: work });
    if (untar.status !== 0) throw new Error(`tar kunde inte packa upp ${tarball}: ${untar.stderr}`);
    mkdirSync(into, { recursive: true });
    rmSync(path.join(into, 'dist'), { recursive: true, force: true });
    cpSync(path.join(work, 'package', 'dist'), path.join(into, 'dist'), { recursive: true });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
