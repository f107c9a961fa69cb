import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { freshOutput, lockText, OutputFolderError, parseLock, processIdentity } from '../../src/site/output-folder.js';
import { tempDir } from './helpers.js';

/** A folder with files (path → text) in a new temporary folder. */
function folderWith(files: Record<string, string>): string {
  const dir = path.join(tempDir('styrdok-output-'), '_site');
  mkdirSync(dir, { recursive: true });
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

const aSite = { 'data/styrdok.json': '{}', 'index.html': 'förra', 'dokument/borttaget/index.html': 'upphävt dokument' };

/** Writes a small site into the staging folder, as the build does. */
function writeNewSite(staging: string): void {
  mkdirSync(path.join(staging, 'data'), { recursive: true });
  writeFileSync(path.join(staging, 'data/styrdok.json'), '{}');
  writeFileSync(path.join(staging, 'index.html'), 'ny');
}

describe('the site is built in a new folder that replaces the output folder', () => {
  it('leaves no page of the old site behind, and no folder beside it', async () => {
    const out = folderWith(aSite);
    const output = freshOutput(out, []);
    expect(path.dirname(output.staging)).toBe(path.dirname(out));
    writeNewSite(output.staging);
    expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toBe('förra');
    await output.publish();
    expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toBe('ny');
    expect(existsSync(path.join(out, 'dokument/borttaget/index.html'))).toBe(false);
    expect(readdirSync(path.dirname(out))).toEqual(['_site']);
  });

  it('creates the output folder when there is none yet', async () => {
    const out = path.join(tempDir('styrdok-output-'), 'ny', '_site');
    mkdirSync(path.dirname(out));
    const output = freshOutput(out, []);
    writeNewSite(output.staging);
    await output.publish();
    expect(readdirSync(out).sort()).toEqual(['data', 'index.html']);
  });

  it('creates the folders above the output folder too, as for one site per kommun (_site/norrvik)', async () => {
    const out = path.join(tempDir('styrdok-output-'), 'webbplatser', 'norrvik');
    const output = freshOutput(out, []);
    writeNewSite(output.staging);
    await output.publish();
    expect(readdirSync(out).sort()).toEqual(['data', 'index.html']);
    expect(readdirSync(path.dirname(out))).toEqual(['norrvik']);
  });

  it('leaves the old site as it was when the build is discarded', () => {
    const out = folderWith(aSite);
    const output = freshOutput(out, []);
    writeNewSite(output.staging);
    output.discard();
    expect(readFileSync(path.join(out, 'dokument/borttaget/index.html'), 'utf8')).toBe('upphävt dokument');
    expect(readdirSync(path.dirname(out))).toEqual(['_site']);
  });

  it('clears what a stopped build left beside the output folder', async () => {
    const out = folderWith(aSite);
    const parent = path.dirname(out);
    mkdirSync(path.join(parent, '._site.styrdok-nytt/dokument'), { recursive: true });
    writeFileSync(path.join(parent, '._site.styrdok-nytt/dokument/halvfardig.html'), 'x');
    mkdirSync(path.join(parent, '._site.styrdok-gammalt-1'));
    const output = freshOutput(out, []);
    expect(existsSync(output.staging)).toBe(false);
    writeNewSite(output.staging);
    await output.publish();
    expect(readdirSync(parent)).toEqual(['_site']);
    expect(readdirSync(out).sort()).toEqual(['data', 'index.html']);
  });

  it('takes an empty folder', async () => {
    const out = folderWith({});
    const output = freshOutput(out, []);
    writeNewSite(output.staging);
    await output.publish();
    expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toBe('ny');
  });
});

describe('a folder that is not a styrdok site is never replaced', () => {
  it('refuses a folder with other files in it, in Swedish, and leaves it as it was', () => {
    const out = folderWith({ 'anteckningar.txt': 'mitt arbete' });
    expect(() => freshOutput(out, [])).toThrow(OutputFolderError);
    expect(() => freshOutput(out, [])).toThrow(/finns redan och innehåller annat än en webbplats från styrdok.*STYRDOK_SITE_OUT/);
    expect(readFileSync(path.join(out, 'anteckningar.txt'), 'utf8')).toBe('mitt arbete');
    expect(readdirSync(path.dirname(out))).toEqual(['_site']);
  });

  it('refuses a file', () => {
    const out = path.join(tempDir('styrdok-output-'), '_site');
    writeFileSync(out, 'en fil');
    expect(() => freshOutput(out, [])).toThrow(/finns redan/);
  });

  it('refuses the repository, the corpus or a folder that holds them, named in the message', () => {
    const root = tempDir('styrdok-output-');
    const corpus = path.join(root, 'strategy');
    mkdirSync(corpus);
    writeFileSync(path.join(corpus, 'styrdok.config.yaml'), 'kommun: x');
    const kept = [
      { path: root, name: 'förrådet' },
      { path: corpus, name: 'styrdokumenten' },
    ];
    expect(() => freshOutput(root, kept)).toThrow(/Utmappen «.*» är förrådet .*aldrig får skrivas över/);
    expect(() => freshOutput(corpus, kept)).toThrow(/är styrdokumenten/);
    expect(() => freshOutput(path.dirname(root), kept)).toThrow(/innehåller förrådet/);
    expect(() => freshOutput('/', kept)).toThrow(/filsystemets rot/);
    expect(existsSync(path.join(corpus, 'styrdok.config.yaml'))).toBe(true);
  });
});

describe('one build at a time writes to an output folder', () => {
  const lockOf = (out: string) => path.join(path.dirname(out), '._site.styrdok-las');

  it('refuses a second build while the first is running, names it, and lets go when the first is done', async () => {
    const out = folderWith(aSite);
    const first = freshOutput(out, []);
    expect(parseLock(readFileSync(lockOf(out), 'utf8'))).toEqual(processIdentity(process.pid));
    // Another running build holds the lock: this test's parent process stands in for it.
    writeFileSync(lockOf(out), lockText(processIdentity(process.ppid)));
    expect(() => freshOutput(out, [])).toThrow(OutputFolderError);
    expect(() => freshOutput(out, [])).toThrow(new RegExp(`Ett annat bygge av webbplatsen \\(process ${process.ppid}\\) skriver redan till «.*_site»`));
    expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toBe('förra');
    writeFileSync(lockOf(out), lockText(processIdentity(process.pid)));
    writeNewSite(first.staging);
    await first.publish();
    expect(readdirSync(path.dirname(out))).toEqual(['_site']);
    const second = freshOutput(out, []);
    second.discard();
    expect(readdirSync(path.dirname(out))).toEqual(['_site']);
  });

  it('takes over the lock of a build that was stopped', async () => {
    const out = folderWith(aSite);
    const gone = spawnSync(process.execPath, ['-e', '0']).pid;
    writeFileSync(lockOf(out), `${gone}\n`);
    const output = freshOutput(out, []);
    expect(parseLock(readFileSync(lockOf(out), 'utf8'))?.pid).toBe(process.pid);
    writeNewSite(output.staging);
    await output.publish();
    expect(readdirSync(path.dirname(out))).toEqual(['_site']);
  });

  // Linux tells a process's start and the boot in /proc; elsewhere the id alone decides (the test after).
  it.runIf(existsSync('/proc/self/stat'))('takes over a lock whose process id now belongs to another process, as after a restart', async () => {
    const out = folderWith(aSite);
    const parent = processIdentity(process.ppid);
    // The parent's id, but another start time, or another boot: the build that wrote it is gone.
    for (const stale of [{ ...parent, start: `${Number(parent.start) - 1}` }, { ...parent, boot: 'en-annan-start' }]) {
      writeFileSync(lockOf(out), lockText(stale));
      const output = freshOutput(out, []);
      expect(parseLock(readFileSync(lockOf(out), 'utf8'))?.pid).toBe(process.pid);
      output.discard();
    }
    // Where the system does not tell the start (an old lock, or no /proc), the id alone decides.
    writeFileSync(lockOf(out), `${process.ppid}\n`);
    expect(() => freshOutput(out, [])).toThrow(OutputFolderError);
  });

  it('reads a lock of its own format and of the older one, and refuses what is neither', () => {
    expect(parseLock('123 4567 abc-def\n')).toEqual({ pid: 123, start: '4567', boot: 'abc-def' });
    expect(parseLock('123\n')).toEqual({ pid: 123, start: undefined, boot: undefined });
    expect(parseLock('123 - -\n')).toEqual({ pid: 123, start: undefined, boot: undefined });
    expect(parseLock('')).toBeUndefined();
    expect(parseLock('inte ett nummer')).toBeUndefined();
  });
});

describe('an output folder that is a symbolic link', () => {
  it('replaces the folder the link leads to, and the link still leads there', async () => {
    const root = tempDir('styrdok-output-');
    const served = path.join(root, 'www', 'html');
    mkdirSync(served, { recursive: true });
    writeFileSync(path.join(served, 'index.html'), 'förra');
    writeFileSync(path.join(served, 'gammal.html'), 'borttagen');
    mkdirSync(path.join(served, 'data'));
    writeFileSync(path.join(served, 'data/styrdok.json'), '{}');
    const link = path.join(root, '_site');
    symlinkSync(served, link);
    const output = freshOutput(link, []);
    writeNewSite(output.staging);
    await output.publish();
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(path.join(link, 'index.html'), 'utf8')).toBe('ny');
    expect(existsSync(path.join(served, 'gammal.html'))).toBe(false);
    expect(readdirSync(path.dirname(served))).toEqual(['html']);
  });

  it('refuses a link to nothing, and a link that leads to the corpus', () => {
    const root = tempDir('styrdok-output-');
    symlinkSync(path.join(root, 'finns-inte'), path.join(root, '_site'));
    expect(() => freshOutput(path.join(root, '_site'), [])).toThrow(/är en symbolisk länk till «.*finns-inte», som inte finns/);
    const corpus = path.join(root, 'strategy');
    mkdirSync(corpus);
    writeFileSync(path.join(corpus, 'styrdok.config.yaml'), 'kommun: x');
    symlinkSync(corpus, path.join(root, 'ut'));
    expect(() => freshOutput(path.join(root, 'ut'), [{ path: corpus, name: 'styrdokumenten' }])).toThrow(/Utmappen «.*ut» är styrdokumenten/);
    // Reached through a link to a folder above it, the corpus is still the corpus.
    const through = path.join(tempDir('styrdok-output-'), 'genvag2');
    symlinkSync(root, through);
    expect(() => freshOutput(path.join(through, 'strategy'), [{ path: corpus, name: 'styrdokumenten' }])).toThrow(/Utmappen «.*genvag2\/strategy» är styrdokumenten/);
  });
});
