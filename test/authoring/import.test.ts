import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { parse } from 'yaml';
import { strToU8, Zip, ZipDeflate, zipSync } from 'fflate';
import { describe, expect, it, vi } from 'vitest';
import { swedishNote } from '../../src/authoring/docx-to-markdown.js';
import { authoringProject, expectOnlyAdded, SEED_004 } from './helpers.js';

vi.setConfig({ testTimeout: 90_000 });

function split(text: string): { data: Record<string, unknown>; yaml: string; body: string } {
  const m = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
  expect(m, 'the document starts with frontmatter').not.toBeNull();
  return { yaml: m![1]!, data: parse(m![1]!) as Record<string, unknown>, body: m![2]! };
}

const cell = (text: string) => new TableCell({ children: [new Paragraph(text)] });
const row = (...texts: string[]) => new TableRow({ children: texts.map(cell) });

/** A Word file as a clerk would have it: title, header block as a table, headings, a list and a table. */
async function sampleDocx(): Promise<Buffer> {
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({ text: 'Riktlinje för trygga evenemang', heading: HeadingLevel.TITLE }),
          new Table({
            rows: [
              row('Dokumenttyp:', 'Riktlinje'),
              row('Giltighetstid:', 'Tills vidare'),
              row('Beslutande organ:', 'Kommunstyrelsen'),
              row('Beslutsdatum:', '2024-3-4 § 41, ks/2024:57'),
              row('Antagen till följd av lag:', 'Nej'),
              row('Revisionsdatum:', '2027-03-01'),
              row('Dokumentansvarig:', 'Stadsledningsförvaltningen'),
              row('Uppföljning:', 'Årligen i årsredovisningen'),
              row('Gäller för:', 'Alla nämnder och bolag'),
            ],
          }),
          new Paragraph({ text: 'Bakgrund', heading: HeadingLevel.HEADING_1 }),
          new Paragraph({ children: [new TextRun('Solna har många evenemang på '), new TextRun({ text: 'offentlig plats', bold: true }), new TextRun('.')] }),
          new Paragraph({ text: 'Ansvar', heading: HeadingLevel.HEADING_2 }),
          new Paragraph('Arrangören ska:'),
          new Paragraph({ text: 'söka tillstånd hos polisen', bullet: { level: 0 } }),
          new Paragraph({ text: 'samråda med staden', bullet: { level: 0 } }),
          new Paragraph({ text: 'Tider', heading: HeadingLevel.HEADING_1 }),
          new Table({ rows: [row('Evenemang', 'Ansökan senast', 'Ansvarig'), row('Konsert', '8 veckor före', 'Kultur och fritid'), row('Marknad | torg', '4 veckor före', 'Tekniska')] }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

/** What the riktlinje «Riktlinje för kameror» in the text imports below carries over from its header. */
const KAMEROR = {
  id: 'riktlinje-for-kameror',
  dokumenttyp: 'riktlinje',
  titel: 'Riktlinje för kameror',
  beslut: { datum: '2024-12-16', paragraf: 201, diarienummer: 'KS/2024:390' },
  giltighetstid: { från: '2025-01-01', till: '2028-12-31' },
  dokumentansvarig: 'stadsledningsforvaltningen',
};

describe('styrdok import', () => {
  it('turns seeds/004 (plain text with the printed header block) into a document that passes the schema', () => {
    const p = authoringProject();
    writeFileSync(p.path('trygghetsstrategi.txt'), readFileSync(SEED_004));
    const out = 'strategy/strategier/trygghetsstrategi-2024-2026.md';
    const result = p.runWith(['import', 'trygghetsstrategi.txt', '--out', out, '--id', 'trygghetsstrategi-2024-2026']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe('');
    const { data, yaml, body } = split(p.read(out));
    expect(yaml.split('\n')[0]).toMatch(/^# yaml-language-server: \$schema=\S+strategi\.schema\.json$/);
    expect(data).toEqual({
      id: 'trygghetsstrategi-2024-2026',
      dokumenttyp: 'strategi',
      titel: 'Trygghetsstrategi – inriktning för det förebyggande trygghetsskapande arbetet 2024-2026',
      beslutande_organ: 'kommunstyrelsen',
      beslut: { datum: '2023-12-18', paragraf: 169, diarienummer: 'KS/2023:309' },
      antagen_till_följd_av_lag: false,
      giltighetstid: { till: 'tills vidare' },
      revisionsdatum: 'ny mandatperiod',
      dokumentansvarig: 'stadsledningsforvaltningen',
    });
    const headings = body.split('\n').filter((l) => l.startsWith('#'));
    expect(headings.slice(0, 8)).toEqual(['## Inledning', '## Övergripande inriktning', '## 1 Bakgrund', '### 1.1 Syfte', '### 1.2 Koppling till andra styrdokument', '### 1.3 Omfattning', '### 1.4 Ansvar, genomförande och spridning', '### 1.5 Styrning och uppföljning']);
    expect(headings).toContain('### 4.1 Förebyggande insatser');
    expect(headings).toContain('#### Socialtjänstens insatser');
    expect(headings).toContain('#### Ansvar hos förskola och skola');
    expect(headings.at(-1)).toBe('## 5 Uppföljning');
    // The list survives as a Markdown list; the table of contents is gone; the cover page stays as a comment.
    expect(body).toContain('\n- stärka samverkan mellan stadens förvaltningar och med externa aktörer,\n- fånga upp unga individer');
    expect(body).not.toMatch(/^1\t?Bakgrund\t5$/m);
    expect(body).toMatch(/^\n<!--\nText före dokumenthuvudet/);
    expect(body).toContain('STRATEGI – antas av kommunstyrelsen');
    // A paragraph cut by a page break is whole again.
    expect(body).toContain('Arbetet med ferie-jobb ska utvecklas för att skapa fler sommarjobbplatser');
    // What it reports, with lines of the source.
    expect(result.stderr).toContain('trygghetsstrategi.txt:59: obs: Innehållsförteckningen (rad 59–75) togs bort');
    expect(result.stderr).toContain('Alla uppgifter i dokumenthuvudet fördes över.');

    // The check reads it: no schema or YAML problems (the strategi's "tills vidare" is a real finding, a warning).
    const findings = p.findings(out);
    expect(findings.filter((f) => ['schema', 'yaml', 'frontmatter'].includes(f.ruleId))).toEqual([]);
    expect(findings.filter((f) => f.severity === 2)).toEqual([]);
    expect(findings.map((f) => f.ruleId)).toContain('validity');
  });

  it('reports header fields it cannot map, with their line, and keeps their text as YAML comments', () => {
    const p = authoringProject();
    const text = [
      'Riktlinje för kameror',
      '',
      'Dokumenttyp:\tRiktlinje',
      'Giltighetstid:\t2025-01-01 – 2028-12-31',
      'Beslutande organ:\tStadsfullmäktige',
      'Beslutsdatum:\t2024-12-16 § 201, KS/2024:390',
      'Gäller för:\tAlla nämnder',
      'Dokumentansvarig:\tStadsledningsförvaltningen',
      'Uppföljning:\t–',
      '',
      'Syfte',
      '',
      'Riktlinjen anger hur staden använder kameror.',
      '',
      'Plats\tAnsvarig',
      'Torget\tTekniska',
      'Skolgården\tBarn och utbildning',
      '',
    ].join('\n');
    writeFileSync(p.path('kameror.txt'), text);
    const before = p.snapshot();
    const result = p.runWith(['import', 'kameror.txt']);
    expect(result.code).toBe(1);
    expectOnlyAdded(before, p.snapshot(), []);
    const { data, yaml, body } = split(result.stdout);
    expect(data).toEqual(KAMEROR);
    expect(yaml).toContain('# Ej överfört från dokumenthuvudet (rad 5): Beslutande organ: Stadsfullmäktige');
    expect(yaml).toContain('# Ej överfört från dokumenthuvudet (rad 7): Gäller för: Alla nämnder');
    expect(result.stderr).toContain('kameror.txt:5: ej överfört: Organet «Stadsfullmäktige» finns inte bland organen eller cheferna i strategy/styrdok.config.yaml.');
    expect(result.stderr).toContain('kameror.txt:7: ej överfört: Fältet «Gäller för» har ingen motsvarighet i frontmatter.');
    expect(result.stderr).toContain('obs: Frontmatter klarar inte schemat än');
    expect(body).toBe('\n## Syfte\n\nRiktlinjen anger hur staden använder kameror.\n\n| Plats | Ansvarig |\n| --- | --- |\n| Torget | Tekniska |\n| Skolgården | Barn och utbildning |\n');
  });

  it("reads a header written in Word, with soft hyphens in its labels and values and a zero-width space, as if they were not there", () => {
    const p = authoringProject();
    const text = [
      'Riktlinje för kame\u00adror\u200b',
      '',
      'Dokumenttyp:\tRikt\u00adlinje',
      'Giltighetstid:\t2025-01-01 – 2028-12-31',
      'Beslutande organ:\tKommun\u00adstyrelsen',
      'Besluts\u00addatum:\t2024-12-16 § 201, KS/2024:390',
      'Dokumentansvarig:\tStadslednings\u00adförvaltningen\u200b',
      '',
      'Syfte',
      '',
      'Riktlinjen anger hur staden an\u00advänder kameror.',
      '',
    ].join('\n');
    writeFileSync(p.path('kameror.txt'), text);
    const result = p.runWith(['import', 'kameror.txt']);
    expect(result.stderr).toContain('Alla uppgifter i dokumenthuvudet fördes över.');
    const { data, body } = split(result.stdout);
    expect(data).toEqual({ ...KAMEROR, beslutande_organ: 'kommunstyrelsen' });
    // The text keeps its soft hyphens: there they say where a long word may break.
    expect(body).toBe('\n## Syfte\n\nRiktlinjen anger hur staden an\u00advänder kameror.\n');
  });

  it("reads a text file as Notepad saves it, «Unicode» (UTF-16 with a byte order mark) or «ANSI» (Windows-1252), as if it were UTF-8", () => {
    const p = authoringProject();
    const text = ['Riktlinje för kameror', '', 'Dokumenttyp:\tRiktlinje', 'Beslutande organ:\tKommunstyrelsen', 'Dokumentansvarig:\tStadsledningsförvaltningen', '', 'Syfte', '', 'Staden använder kameror på torget.', ''].join('\r\n');
    writeFileSync(p.path('utf8.txt'), text);
    writeFileSync(p.path('utf16le.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    writeFileSync(p.path('utf16be.txt'), Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]));
    writeFileSync(p.path('ansi.txt'), Buffer.from(text, 'latin1'));
    const expected = p.runWith(['import', 'utf8.txt']);
    expect(expected.code).toBe(0);
    expect(split(expected.stdout).data).toMatchObject({ titel: 'Riktlinje för kameror', beslutande_organ: 'kommunstyrelsen', dokumentansvarig: 'stadsledningsforvaltningen' });
    for (const file of ['utf16le.txt', 'utf16be.txt', 'ansi.txt']) {
      const result = p.runWith(['import', file]);
      expect(result.stdout, file).toBe(expected.stdout);
      expect(result.code, file).toBe(0);
    }
    // Only the guess says so: UTF-16 with its mark is what it says it is.
    expect(p.runWith(['import', 'ansi.txt']).stderr).toContain('ansi.txt: obs: Filen var inte UTF-8 och lästes som Windows-1252.');
    expect(p.runWith(['import', 'utf16le.txt']).stderr).not.toContain('obs:');
    // Cut off in the middle of a character: said, and nothing written.
    writeFileSync(p.path('avkortad.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le').subarray(0, 41)]));
    const cut = p.runWith(['import', 'avkortad.txt', '--out', 'strategy/riktlinjer/x.md']);
    expect(cut.stderr).toContain('avkortad.txt är sparad som UTF-16 men går inte att läsa som det');
    expect(cut.code).not.toBe(0);
  });

  it('turns a .docx built from known content into Markdown with frontmatter: header table, headings, list and table', async () => {
    const p = authoringProject();
    writeFileSync(p.path('evenemang.docx'), await sampleDocx());
    const out = 'strategy/riktlinjer/riktlinje-for-trygga-evenemang.md';
    const result = p.runWith(['import', 'evenemang.docx', '--out', out]);
    expect(result.code, result.stderr).toBe(1);
    const { data, yaml, body } = split(p.read(out));
    expect(yaml.split('\n')[0]).toMatch(/riktlinje\.schema\.json$/);
    expect(data).toEqual({
      id: 'riktlinje-for-trygga-evenemang',
      dokumenttyp: 'riktlinje',
      titel: 'Riktlinje för trygga evenemang',
      beslutande_organ: 'kommunstyrelsen',
      beslut: { datum: '2024-03-04', paragraf: 41, diarienummer: 'KS/2024:57' },
      antagen_till_följd_av_lag: false,
      giltighetstid: { till: 'tills vidare' },
      revisionsdatum: '2027-03-01',
      dokumentansvarig: 'stadsledningsforvaltningen',
      uppföljning: 'Årligen i årsredovisningen',
    });
    expect(yaml).toContain('# Ej överfört från dokumenthuvudet');
    expect(yaml).toContain('Gäller för: Alla nämnder och bolag');
    expect(body).toBe(
      [
        '',
        '## Bakgrund',
        '',
        'Solna har många evenemang på **offentlig plats**.',
        '',
        '### Ansvar',
        '',
        'Arrangören ska:',
        '',
        '- söka tillstånd hos polisen',
        '- samråda med staden',
        '',
        '## Tider',
        '',
        '| Evenemang | Ansökan senast | Ansvarig |',
        '| --- | --- | --- |',
        '| Konsert | 8 veckor före | Kultur och fritid |',
        '| Marknad \\| torg | 4 veckor före | Tekniska |',
        '',
      ].join('\n'),
    );
    expect(result.stderr).toMatch(/evenemang\.docx:\d+: ej överfört: Fältet «Gäller för» har ingen motsvarighet i frontmatter\./);
    // Apart from the comment, the frontmatter is complete: the check finds no error in it.
    expect(p.findings(out).filter((f) => f.severity === 2)).toEqual([]);
  });

  it('writes atomically: a broken .docx fails with exit 2 and leaves no file, not even a temporary one', () => {
    const p = authoringProject();
    writeFileSync(p.path('trasig.docx'), 'PK\u0003\u0004 inte en riktig zip');
    const before = p.snapshot();
    const result = p.runWith(['import', 'trasig.docx', '--out', 'strategy/riktlinjer/trasig.md']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('trasig.docx kan inte importeras: filen är inte en Word-fil (.docx) eller är skadad. Öppna den i Word, spara som .docx och försök igen.\n');
    expectOnlyAdded(before, p.snapshot(), []);
    expect(readdirSync(p.path('strategy/riktlinjer'))).toEqual(['riktlinje-kamerabevakning.md']);
  });

  it('gives a title like «Status» the type before its id, and says when --id names one of the site\'s lists', () => {
    const p = authoringProject();
    const head = 'Dokumenttyp:\tPolicy\nBeslutande organ:\tKommunfullmäktige\nDokumentansvarig:\tStadsledningsförvaltningen\n\nStatus\n\nEn mening.\n';
    writeFileSync(p.path('status.txt'), head);
    const plain = p.runWith(['import', 'status.txt']);
    expect(plain.code, plain.stderr).toBe(0);
    expect(plain.stdout).toMatch(/^id: policy-status$/m);
    const named = p.runWith(['import', 'status.txt', '--id', 'organ']);
    expect(named.stdout).toMatch(/^id: organ$/m);
    expect(named.stderr).toContain('status.txt: obs: Id «organ» används av webbplatsen för listorna per beslutande organ (/dokument/organ/). Ge dokumentet ett annat id med --id.');
  });

  it('refuses a text that would make a document larger than a document may be, and writes nothing', () => {
    const p = authoringProject();
    const head = 'Dokumenttyp:\tPolicy\nBeslutande organ:\tKommunfullmäktige\nDokumentansvarig:\tStadsledningsförvaltningen\n\nStor policy\n\n';
    writeFileSync(p.path('stor.txt'), head + 'En mening om trygghet i staden.\n'.repeat(80_000));
    const before = p.snapshot();
    const result = p.runWith(['import', 'stor.txt', '--out', 'strategy/policyer/stor.md']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^stor\.txt blir 2,\d MB som Markdown, mer än de 2,0 MB ett styrdokument får vara\. Dela upp dokumentet och importera delarna/);
    expectOnlyAdded(before, p.snapshot(), []);
  });

  it('refuses a zip that is no Word file, and one whose text would unpack past the limit, before unpacking it', () => {
    const p = authoringProject();
    writeFileSync(p.path('bilder.docx'), zipSync({ 'bild.txt': strToU8('inte Word') }));
    // 0.1 MB on disk, 11 MB unpacked: what made mammoth take minutes and gigabytes.
    writeFileSync(p.path('stor.docx'), zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': strToU8(wordText(220_000)) }, { level: 9 }));
    const before = p.snapshot();
    expectRefused(p, ['bilder.docx'], 'bilder.docx kan inte importeras: filen saknar Word-dokumentets text (word/document.xml) och är ingen Word-fil (.docx). Öppna den i Word, spara som .docx och försök igen.');
    expectRefused(
      p,
      ['stor.docx', '--out', 'strategy/riktlinjer/stor.md'],
      'stor.docx kan inte importeras: texten är 10,7 MB uppackad, mer än gränsen 10,0 MB; som Markdown skulle den bli större än de 2 MB ett styrdokument får vara. Dela upp dokumentet i Word och importera delarna.',
    );
    expectOnlyAdded(before, p.snapshot(), []);
  });

  it('refuses a Word file whose directory lies about its sizes, and stops unpacking at the limit', async () => {
    const p = authoringProject();
    // Said to be 5 kB in both its headers, 3 MB in fact: mammoth's zip reader would unpack all of it first.
    const saysSmall = statedSize(Buffer.from(zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': strToU8(wordText(60_000)) }, { level: 9 })), 'word/document.xml', 5000);
    writeFileSync(p.path('ljuger.docx'), saysSmall);
    // Written as a stream (no sizes before the data) and said to be 5 kB in the directory, 11 MB in fact.
    writeFileSync(p.path('strom.docx'), statedSize(await streamedZip({ '[Content_Types].xml': '<Types/>', 'word/document.xml': wordText(220_000) }), 'word/document.xml', 5000));
    const before = p.snapshot();
    expectRefused(
      p,
      ['ljuger.docx', '--out', 'strategy/riktlinjer/ljuger.md'],
      'ljuger.docx kan inte importeras: filen är skadad: word/document.xml blir större uppackad än filen själv anger. Öppna den i Word, spara som .docx och försök igen.',
    );
    expectRefused(
      p,
      ['strom.docx', '--out', 'strategy/riktlinjer/strom.md'],
      'strom.docx kan inte importeras: texten är större än gränsen 10,0 MB uppackad; som Markdown skulle den bli större än de 2 MB ett styrdokument får vara. Dela upp dokumentet i Word och importera delarna.',
    );
    expectOnlyAdded(before, p.snapshot(), []);
  });

  it('never overwrites --out, and refuses files it cannot read', () => {
    const p = authoringProject();
    writeFileSync(p.path('a.txt'), 'Dokumenttyp:\tPolicy\nBeslutande organ:\tKommunfullmäktige\nDokumentansvarig:\tStadsledningsförvaltningen\n');
    const before = p.snapshot();
    const exists = p.runWith(['import', 'a.txt', '--out', 'strategy/policyer/trygghetspolicy.md']);
    expect(exists.code).toBe(2);
    expect(exists.stderr).toContain('finns redan. styrdok import skriver aldrig över en fil');
    expect(p.runWith(['import', 'saknas.docx']).code).toBe(2);
    expect(p.runWith(['import']).code).toBe(2);
    expect(p.runWith(['import', 'strategy'])).toMatchObject({ code: 2, stderr: 'strategy är en mapp eller något annat än en fil. Ange dokumentets fil (.docx eller text).\n' });
    // --out through a file, not a folder: said as the computer's error, in Swedish, with no stack.
    const through = p.runWith(['import', 'a.txt', '--out', 'strategy/policyer/trygghetspolicy.md/ny.md']);
    expect(through.code).toBe(2);
    expect(through.stderr).toMatch(/^styrdok import stannade vid «.*trygghetspolicy\.md»: en del av sökvägen är en fil, inte en mapp \(ENOTDIR\)\. /);
    writeFileSync(p.path('gammal.doc'), 'x');
    expect(p.runWith(['import', 'gammal.doc']).stderr).toContain('äldre Word-fil (.doc)');
    expectOnlyAdded(before, p.snapshot(), ['gammal.doc']);
  });

  it('has Swedish --help', () => {
    const p = authoringProject();
    const result = p.runWith(['import', '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Användning: styrdok import FIL \[flaggor\]\n/);
    expect(result.stdout).toContain('--out FIL');
    expect(result.stdout).toContain('Slutkoder:');
  });
});

/** Word's text (word/document.xml) of `n` one-line paragraphs: 11 MB at 220,000. */
function wordText(n: number): string {
  return `<w:document><w:body>${'<w:p><w:r><w:t>Text i ett stycke.</w:t></w:r></w:p>'.repeat(n)}</w:body></w:document>`;
}

/** Runs `styrdok import args` and expects it refused: exit 2 and exactly `message` on stderr. */
function expectRefused(p: ReturnType<typeof authoringProject>, args: string[], message: string): void {
  const result = p.runWith(['import', ...args]);
  expect([result.code, result.stderr]).toEqual([2, `${message}\n`]);
}

/** The zip with `name`'s unpacked size set to `size` wherever a header states it: a zip that lies. */
function statedSize(zip: Buffer, name: string, size: number): Buffer {
  let end = zip.length - 22;
  while (zip.readUInt32LE(end) !== 0x06054b50) end--;
  let entry = zip.readUInt32LE(end + 16);
  for (let i = 0; i < zip.readUInt16LE(end + 10); i++) {
    const nameLength = zip.readUInt16LE(entry + 28);
    if (zip.toString('utf8', entry + 46, entry + 46 + nameLength) === name) {
      zip.writeUInt32LE(size, entry + 24);
      const local = zip.readUInt32LE(entry + 42);
      // A streamed entry's local header has no sizes (its flag bit 3); those stay unknown.
      if (!(zip.readUInt16LE(local + 6) & 8)) zip.writeUInt32LE(size, local + 22);
    }
    entry += 46 + nameLength + zip.readUInt16LE(entry + 30) + zip.readUInt16LE(entry + 32);
  }
  return zip;
}

/** A zip written as a stream, as some programs write them: each entry's sizes come after its data. */
function streamedZip(files: Record<string, string>): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    const zip = new Zip((error, data, final) => {
      if (error) return reject(error);
      chunks.push(data);
      if (final) resolve(Buffer.concat(chunks));
    });
    for (const [name, text] of Object.entries(files)) {
      const entry = new ZipDeflate(name, { level: 9 });
      zip.add(entry);
      entry.push(strToU8(text), true);
    }
    zip.end();
  });
}

describe('the notes of a Word import', () => {
  it('are in Swedish for mammoth\'s common warnings, and keep any other after «Word:»', () => {
    expect(swedishNote("Unrecognised paragraph style: 'Brödtext Solna' (Style ID: BrdtextSolna)")).toBe('Word: styckeformatet «Brödtext Solna» känns inte igen, så stycket blev vanlig text.');
    expect(swedishNote("Unrecognised run style: 'Betoning' (Style ID: Betoning)")).toBe('Word: teckenformatet «Betoning» känns inte igen, så texten blev utan formatering.');
    expect(swedishNote('An unrecognised element was ignored: w:sdt')).toBe('Word: ett okänt element (w:sdt) hoppades över.');
    expect(swedishNote('Something new')).toBe('Word: Something new');
  });
});
