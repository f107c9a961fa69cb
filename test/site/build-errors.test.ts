/**
 * Who a failed site build speaks to: the clerk, whoever runs the build, or styrdok's maintainers.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/engine/load-project.js';
import { KoladaError } from '../../src/followup/kolada.js';
import { describeFailure, machineErrorText } from '../../src/site/build-errors.js';
import { dateSetting, folderSetting, SettingError, switchSetting } from '../../src/site/settings.js';
import { tempDir } from './helpers.js';

/** An error of the file system as Node throws it. */
function systemError(code: string, file: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: något gick fel, open '${file}'`), { code, path: file, syscall: 'open' });
}

/** As Eleventy wraps an error thrown while it writes a page. */
function wrappedByEleventy(original: unknown): Error {
  const outer = new Error('Having trouble writing to "_site/dokument/x/index.html" from "./site/dokument.njk" (via EleventyTemplateError)');
  return Object.assign(outer, { originalError: Object.assign(new Error('Problem writing Eleventy templates'), { originalError: original }) });
}

describe('describeFailure', () => {
  it('tells a full disk anywhere in Eleventy\'s chain as the computer\'s, with the file, exit 1 and no stack', () => {
    const failure = describeFailure('Webbplatsbygget', wrappedByEleventy(systemError('ENOSPC', '/srv/_site/dokument/x/index.html')));
    expect(failure).toMatchObject({ exitCode: 1, internal: false });
    expect(failure.text).toBe(
      'Webbplatsbygget stannade vid «/srv/_site/dokument/x/index.html»: disken är full (ENOSPC). Felet ligger i datorn eller mappen, inte i styrdokumenten eller i styrdok. Frigör utrymme på disken och försök igen.\n',
    );
  });

  it('follows Node\'s cause too, and names a missing permission', () => {
    const failure = describeFailure('Sökindexet', new Error('kunde inte skriva', { cause: systemError('EACCES', '/srv/_site/pagefind') }));
    expect(failure.text).toMatch(/^Sökindexet stannade vid «\/srv\/_site\/pagefind»: behörighet saknas \(EACCES\)\. .*STYRDOK_SITE_OUT/);
    expect(failure.exitCode).toBe(1);
  });

  it('says the same to a user of the command line, without the site\'s setting', () => {
    expect(machineErrorText('styrdok new', systemError('EROFS', '/mnt/cd/strategy/riktlinjer/x.md'))).toBe(
      'styrdok new stannade vid «/mnt/cd/strategy/riktlinjer/x.md»: filsystemet är skrivskyddat (EROFS). Felet ligger i datorn eller mappen, inte i styrdokumenten eller i styrdok. Välj en mapp på en disk som går att skriva på.\n',
    );
    expect(machineErrorText('styrdok check', new Error('något annat'))).toBeUndefined();
  });

  it('prints a broken configuration as `styrdok check` does, with its position, exit 2', () => {
    const error = new ConfigError([{ file: 'strategy/styrdok.config.yaml', span: { start: { line: 4, column: 3 } }, ruleId: 'config', severity: 'error', message: 'Okänd nyckel «nämder».' }]);
    const failure = describeFailure('Webbplatsbygget', error);
    expect(failure).toMatchObject({ exitCode: 2, internal: false });
    expect(failure.text).toMatch(/^Konfigurationen är felaktig:\nstrategy\/styrdok\.config\.yaml\n\s+4:3\s+fel\s+Okänd nyckel «nämder»\./);
    expect(failure.text).not.toContain('Internt fel');
  });

  it('tells a Kolada file that cannot be read as the clerk\'s to fix, exit 1', () => {
    const failure = describeFailure('Webbplatsbygget', new KoladaError('strategy/uppfoljning/n00002.json:7:1: filen är inte giltig JSON: här väntades ] som avslutar listan. Spara svaret från Kolada oförändrat.'));
    expect(failure).toEqual({
      text: 'Uppföljningen kan inte byggas: strategy/uppfoljning/n00002.json:7:1: filen är inte giltig JSON: här väntades ] som avslutar listan. Spara svaret från Kolada oförändrat.\n',
      exitCode: 1,
      internal: false,
    });
  });

  it('gives a setting its own message only', () => {
    expect(describeFailure('Webbplatsbygget', new SettingError('STYRDOK_TODAY ska vara …'))).toEqual({ text: 'STYRDOK_TODAY ska vara …\n', exitCode: 1, internal: false });
  });

  it('reports anything else as a fault in styrdok, with the stack, exit 2', () => {
    const failure = describeFailure('Webbplatsbygget', new TypeError("Cannot read properties of undefined (reading 'id')"));
    expect(failure).toMatchObject({ exitCode: 2, internal: true });
    expect(failure.text).toMatch(/^Internt fel: Webbplatsbygget stannade på ett fel i styrdok/);
    expect(failure.text).toMatch(/Teknisk information:\nTypeError: Cannot read properties/);
  });

  it('does not take a code that is no error of the computer for one', () => {
    const failure = describeFailure('Webbplatsbygget', Object.assign(new Error('ingen fil'), { code: 'ENOENT', path: '/x' }));
    expect(failure.internal).toBe(true);
  });
});

describe('the site\'s settings from the environment', () => {
  it('takes a day that exists, and names a wrong one', () => {
    expect(dateSetting({}, 'STYRDOK_TODAY', '2026-12-03')).toBe('2026-12-03');
    expect(dateSetting({ STYRDOK_TODAY: '2024-02-29' }, 'STYRDOK_TODAY', 'x')).toBe('2024-02-29');
    for (const wrong of ['2026-02-30', '2026-13-01', 'igår', '2026-1-5', ' 2026-12-03']) {
      expect(() => dateSetting({ STYRDOK_TODAY: wrong }, 'STYRDOK_TODAY', 'x')).toThrow(new SettingError(`STYRDOK_TODAY ska vara ett datum som finns, skrivet ÅÅÅÅ-MM-DD, inte «${wrong}».`));
    }
  });

  it('takes 1 or 0 for a switch, and nothing else', () => {
    expect(switchSetting({}, 'STYRDOK_HISTORY', true)).toBe(true);
    expect(switchSetting({ STYRDOK_HISTORY: '0' }, 'STYRDOK_HISTORY', true)).toBe(false);
    expect(switchSetting({ STYRDOK_HISTORY: ' 1 ' }, 'STYRDOK_HISTORY', false)).toBe(true);
    expect(() => switchSetting({ STYRDOK_HISTORY: 'nej' }, 'STYRDOK_HISTORY', true)).toThrow('STYRDOK_HISTORY ska vara 1 (på) eller 0 (av), inte «nej».');
  });

  it('takes a folder that exists, and says when it is missing or a file', () => {
    const root = tempDir();
    mkdirSync(path.join(root, 'strategy'));
    writeFileSync(path.join(root, 'README.md'), '# x');
    expect(folderSetting({}, 'STYRDOK_CORPUS', 'strategy', root)).toBe(path.join(root, 'strategy'));
    expect(() => folderSetting({ STYRDOK_CORPUS: 'strategi' }, 'STYRDOK_CORPUS', 'strategy', root)).toThrow(`STYRDOK_CORPUS pekar på «strategi», som inte finns: ${path.join(root, 'strategi')}.`);
    expect(() => folderSetting({ STYRDOK_CORPUS: 'README.md' }, 'STYRDOK_CORPUS', 'strategy', root)).toThrow(/som är en fil och inte en mapp/);
    expect(() => folderSetting({}, 'STYRDOK_CORPUS', 'saknas', root)).toThrow(`Mappen «saknas» finns inte: ${path.join(root, 'saknas')}. Ange en annan med STYRDOK_CORPUS.`);
  });
});
