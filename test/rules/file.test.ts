import { execFileSync } from 'node:child_process';
import { symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkProject } from '../../src/engine/load-project.js';
import { check, checkIn, lines, md, writeCorpus } from './helpers.js';

const valid = md`
  ---
  id: riktlinje-kamerabevakning
  dokumenttyp: riktlinje
  titel: Riktlinje för kamerabevakning
  beslutande_organ: kommunstyrelsen
  beslut: { datum: 2024-05-20, paragraf: 79, diarienummer: KS/2024:96 }
  giltighetstid: { till: tills vidare }
  dokumentansvarig: stadsledningsforvaltningen
  ---
`;

describe('file', () => {
  it('reports an empty file and a file of only blank lines', () => {
    expect(lines(check({ 'strategy/tom.md': '', 'strategy/blank.md': '  \n\n\t\n' }))).toEqual([
      'strategy/blank.md:1:1 error file Filen är tom. Ett styrdokument börjar med frontmatter mellan två rader med ---.',
      'strategy/tom.md:1:1 error file Filen är tom. Ett styrdokument börjar med frontmatter mellan två rader med ---.',
    ]);
  });

  it('reports a binary file and a file not saved as UTF-8, and reads the rest', () => {
    const files = {
      'strategy/bild.md': new Uint8Array([0x2d, 0x2d, 0x2d, 0x0a, 0x00, 0x01, 0x02]),
      'strategy/latin1.md': Buffer.from('---\nid: trygghetspolicy\ntitel: Trygghetspolicy f\xf6r Solna stad\n---\n', 'latin1'),
      'strategy/riktlinje.md': valid,
    };
    expect(lines(check(files))).toEqual([
      'strategy/bild.md:1:1 error file Filen är binär, inte text. Ett styrdokument ska vara en Markdown-fil (.md) i UTF-8.',
      'strategy/latin1.md:3:25 error file Filen är inte sparad som UTF-8: på rad 3, kolumn 25 står byten 0xF6, som i Windows-1252 (ANSI) är «ö». Spara filen som UTF-8 i din editor (ofta under Spara som → Kodning) och kontrollera sedan å, ä och ö.',
    ]);
  });

  it('reports a file larger than the limit, and reads files at the limit', () => {
    const big = valid + 'Text. '.repeat(300_000);
    const diagnostics = check({ 'strategy/stor.md': big }, { maxFileBytes: 1024 * 1024 });
    // A Swedish decimal comma.
    expect(lines(diagnostics)).toEqual(['strategy/stor.md:1:1 error file Filen är 1,7 MB, större än gränsen 1,0 MB. Dela upp dokumentet eller lägg bilagor utanför förrådet.']);
    expect(lines(check({ 'strategy/stor.md': big }, { maxFileBytes: Buffer.byteLength(big) }))).toEqual([]);
  });

  it('refuses a symbolic link that leads out of the repository, and one that leads nowhere', () => {
    const cwd = writeCorpus({ 'strategy/riktlinje.md': valid });
    const outside = writeCorpus({ 'hemligt.md': valid });
    symlinkSync(path.join(outside, 'hemligt.md'), path.join(cwd, 'strategy', 'ut.md'));
    symlinkSync(path.join(cwd, 'strategy', 'finns-inte.md'), path.join(cwd, 'strategy', 'trasig.md'));
    expect(lines(checkIn(cwd))).toEqual([
      'strategy/trasig.md:1:1 error file Länken pekar på en fil som inte finns. Ta bort länken eller rätta målet.',
      'strategy/ut.md:1:1 error file Länken pekar utanför förrådet och läses inte. Lägg dokumentet i förrådet i stället.',
    ]);
  });

  it('follows a symbolic link inside the repository', () => {
    // The target lies in a hidden folder, which is not read on its own.
    const cwd = writeCorpus({ '.arkiv/riktlinje.md': valid, 'strategy/.keep': '' });
    symlinkSync(path.join(cwd, '.arkiv', 'riktlinje.md'), path.join(cwd, 'strategy', 'riktlinje.md'));
    const diagnostics = checkIn(cwd, { rule: 'decision-record' });
    expect(lines(diagnostics)).toEqual([]);
    expect(lines(checkIn(cwd, { rule: 'decision-record', today: '2024-05-19' }))).toEqual([
      'strategy/riktlinje.md:6:11 error decision-record Beslutsdatumet 20 maj 2024 ligger i framtiden. Ett dokument får beslutsuppgifter först när beslutet är fattat; ta bort beslut så länge det är ett utkast.',
    ]);
  });

  it('reports a path on the command line that does not exist', () => {
    expect(lines(check({ 'strategy/riktlinje.md': valid }, { paths: ['strategy', 'strateiger'] }))).toEqual(['strateiger:1:1 error file Sökvägen strateiger finns inte.']);
  });

  it('reads only .md files in folders, and skips hidden folders, node_modules, _site and dist', () => {
    const files = {
      'strategy/riktlinje.md': valid,
      'strategy/bilaga.pdf': '%PDF',
      'strategy/anteckning.txt': '',
      'strategy/.utkast/tom.md': '',
      'strategy/node_modules/tom.md': '',
      'strategy/_site/tom.md': '',
      'strategy/dist/tom.md': '',
    };
    expect(lines(check(files))).toEqual([]);
  });

  it('reports a named pipe called .md instead of skipping it or waiting on it, and reads a folder called .md', () => {
    const inFolder = valid.replace('riktlinje-kamerabevakning', 'riktlinje-i-mapp').replace('KS/2024:96', 'KS/2024:97');
    const cwd = writeCorpus({ 'strategy/riktlinje.md': valid, 'strategy/mapp.md/riktlinje.md': inFolder });
    execFileSync('mkfifo', [path.join(cwd, 'strategy', 'ror.md'), path.join(cwd, 'ror-utanfor-mappen')]);
    const pipe = 'error file Sökvägen är en namngiven rörledning (FIFO), inte en vanlig fil, och läses inte. Ett styrdokument ska vara en vanlig Markdown-fil (.md).';
    expect(lines(checkIn(cwd, { paths: ['strategy', 'ror-utanfor-mappen'] }))).toEqual([`ror-utanfor-mappen:1:1 ${pipe}`, `strategy/ror.md:1:1 ${pipe}`]);
    const { files } = checkProject({ cwd, paths: ['strategy'], today: '2026-11-25' });
    expect(files).toEqual(['strategy/mapp.md/riktlinje.md', 'strategy/riktlinje.md']);
  });

  it('reads a file named on the command line even without the .md ending', () => {
    expect(lines(check({ 'strategy/anteckning.txt': '' }, { paths: ['strategy/anteckning.txt'] }))).toEqual([
      'strategy/anteckning.txt:1:1 error file Filen är tom. Ett styrdokument börjar med frontmatter mellan två rader med ---.',
    ]);
  });
});
