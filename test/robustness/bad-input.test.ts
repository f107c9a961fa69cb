/**
 * Hostile and broken input: every class gets a Swedish finding at the right file, line and column, the
 * other files are still checked, the exit code says what happened, and nothing on disk changes.
 *
 * The committed files in test/fixtures/bad-input cover the text cases; binary, huge, non-UTF-8 and symlinked
 * files are written to a temporary folder here instead of being committed.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkProject } from '../../src/engine/load-project.js';
import type { Diagnostic } from '../../src/model/diagnostic.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const FIXTURES = path.join(ROOT, 'test/fixtures/bad-input');
const CLI = path.join(ROOT, 'dist/cli/main.js');
const TODAY = '2026-11-25';

/** Swedish words that every finding uses somewhere; and English that none may leak. */
function expectSwedish(message: string): void {
  expect(message, message).toMatch(/[åäöÅÄÖ]|\b(och|inte|ska|är|en|ett|till|den|det|som|från)\b/);
  expect(message, message).not.toMatch(/\b(the|is not|error|expected|unexpected|undefined|null|NaN|object Object)\b/i);
}

function hashTree(dir: string): Map<string, string> {
  const hashes = new Map<string, string>();
  const walk = (at: string) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const full = path.join(at, entry.name);
      // Links are recorded by their target and never followed (one of them points at its own folder).
      if (entry.isSymbolicLink()) hashes.set(path.relative(dir, full), `-> ${readlinkSync(full)}`);
      else if (entry.isDirectory()) walk(full);
      else hashes.set(path.relative(dir, full), createHash('sha256').update(readFileSync(full)).digest('hex'));
    }
  };
  walk(dir);
  return hashes;
}

interface Expected {
  ruleId: string;
  line: number;
  column: number;
  /** A fragment of the message: the part that says what is wrong. */
  says: string | RegExp;
}

/** Every committed fixture and the findings it must give: all of them, and no others. */
const EXPECTED: Record<string, Expected[]> = {
  'ok-policy.md': [{ ruleId: 'decision-record', line: 9, column: 3, says: 'har inte kommunens format' }],
  'yaml-syntax.md': [{ ruleId: 'yaml', line: 3, column: 36, says: 'avslutande citattecken' }],
  'yaml-duplicate-key.md': [{ ruleId: 'yaml', line: 13, column: 1, says: 'Nyckeln finns redan' }],
  'yaml-tab.md': [{ ruleId: 'yaml', line: 4, column: 1, says: 'Tabbtecken' }],
  'yaml-unknown-tag.md': [{ ruleId: 'yaml', line: 13, column: 12, says: 'Okänd YAML-tagg' }],
  'yaml-alias.md': [{ ruleId: 'yaml', line: 14, column: 17, says: 'Alias (*namn)' }],
  'yaml-self-alias.md': [{ ruleId: 'yaml', line: 13, column: 20, says: 'Alias (*namn)' }],
  // A hard space after the colon, as a word processor may write it: the line looks right, so the finding names it.
  'yaml-hard-space.md': [{ ruleId: 'yaml', line: 5, column: 18, says: /På raden står ett dolt tecken, hårt blanksteg \(U\+00A0\), på kolumn 18\..*räknar det inte som ett mellanslag/ }],
  'yaml-deep-nesting.md': [{ ruleId: 'yaml', line: 3, column: 76, says: 'djupare än 64 nivåer' }],
  'fence-unclosed.md': [{ ruleId: 'frontmatter', line: 1, column: 1, says: 'avslutas aldrig' }],
  'fence-blank-line.md': [{ ruleId: 'frontmatter', line: 2, column: 1, says: 'första rad' }],
  'fence-bom-blank-line.md': [{ ruleId: 'frontmatter', line: 2, column: 1, says: 'första rad' }],
  // A BOM, CRLF line endings and a `...` terminator are accepted: the deliberate findings prove the lines and
  // columns are counted as an editor shows them, in the frontmatter and in the body.
  'fence-bom.md': [{ ruleId: 'schema', line: 13, column: 1, says: 'Menade du «sammanfattning»' }],
  'fence-crlf.md': [
    { ruleId: 'decision-record', line: 9, column: 3, says: '«KF 2020/7»' },
    { ruleId: 'body-links', line: 15, column: 4, says: '«saknas.md»' },
  ],
  'fence-dots.md': [{ ruleId: 'body-links', line: 15, column: 4, says: '«saknas.md»' }],
  'fence-cr-only.md': [{ ruleId: 'frontmatter', line: 1, column: 1, says: 'slutar med bara CR' }],
  'fence-empty.md': [{ ruleId: 'frontmatter', line: 1, column: 1, says: 'Frontmatter är tom' }],
  'fence-comment-only.md': [{ ruleId: 'frontmatter', line: 1, column: 1, says: 'Frontmatter är tom' }],
  'fence-list.md': [{ ruleId: 'frontmatter', line: 2, column: 1, says: 'inte en lista' }],
  'fence-scalar.md': [{ ruleId: 'frontmatter', line: 2, column: 1, says: 'enskilt värde' }],
  'value-wrong-types.md': [{ ruleId: 'schema', line: 8, column: 3, says: 'ska vara ett heltal' }],
  'value-impossible-date.md': [{ ruleId: 'schema', line: 7, column: 3, says: 'inget giltigt datum' }],
  // Pasted from a word processor: the values look right, so the message shows and names what is hidden in them.
  'value-hidden-characters.md': [
    { ruleId: 'adopting-organ', line: 5, column: 1, says: '«kommunfullmaktige<U+00A0>». Menade du «kommunfullmaktige»?' },
    { ruleId: 'owner', line: 12, column: 1, says: /«<U\+200B>stadsledningsforvaltningen».*ett dolt tecken, nollbreddsblanksteg \(U\+200B\)/ },
  ],
  // A schema finding points at the first hidden character itself: the editor's cursor lands on it.
  'value-hidden-id.md': [{ ruleId: 'schema', line: 2, column: 17, says: /«value-hidden<U\+00AD>-id<U\+200E>».*mjukt bindestreck \(U\+00AD\) och tecken för skrivriktning \(U\+200E\)/ }],
  'value-site-keys.md': [
    { ruleId: 'schema', line: 13, column: 1, says: '«permalink» är reserverad' },
    { ruleId: 'schema', line: 14, column: 1, says: '«layout» är reserverad' },
    { ruleId: 'schema', line: 15, column: 1, says: '«eleventyComputed» är reserverad' },
    { ruleId: 'schema', line: 17, column: 1, says: '«tags» är reserverad' },
  ],
  'value-prototype-keys.md': [
    { ruleId: 'schema', line: 10, column: 3, says: '«constructor» är inte tillåten' },
    { ruleId: 'schema', line: 14, column: 1, says: '«__proto__» är inte tillåten' },
    { ruleId: 'schema', line: 16, column: 1, says: '«constructor» är inte tillåten' },
  ],
  'value-kind-constructor.md': [{ ruleId: 'schema', line: 3, column: 1, says: 'Värdet «constructor» är inte tillåtet för «dokumenttyp»' }],
  'empty.md': [{ ruleId: 'file', line: 1, column: 1, says: 'Filen är tom' }],
  'namn med mellanslag och åäö.md': [{ ruleId: 'decision-record', line: 9, column: 3, says: '«KF 2020 14»' }],
  'markdown-deep-nesting.md': [{ ruleId: 'file', line: 48, column: 1, says: 'för många nivåer' }],
  'links-body.md': [
    { ruleId: 'body-links', line: 15, column: 6, says: '«finns-inte.md» leder till en fil som inte finns' },
    { ruleId: 'body-links', line: 17, column: 7, says: '«../../../package.json» leder utanför förrådet' },
    { ruleId: 'body-links', line: 17, column: 45, says: 'leder utanför förrådet' },
    { ruleId: 'body-links', line: 18, column: 4, says: 'file:' },
    { ruleId: 'body-links', line: 18, column: 35, says: 'javascript:' },
    { ruleId: 'body-links', line: 18, column: 73, says: 'javascript:' },
  ],
  'ids-self.md': [
    { ruleId: 'references', line: 14, column: 5, says: 'pekar på sig självt' },
    { ruleId: 'references', line: 15, column: 5, says: 'inget dokument med id «finns-inte»' },
  ],
  'ids-cycle-a.md': [],
  'ids-cycle-b.md': [{ ruleId: 'hierarchy', line: 13, column: 12, says: 'går i cirkel: ids-cycle-a → ids-cycle-b → ids-cycle-a' }],
};

function check(cwd: string, paths = ['.']) {
  return checkProject({ cwd, paths, today: TODAY });
}

function findingsOf(diagnostics: Diagnostic[], file: string) {
  return diagnostics.filter((d) => d.file === file);
}

function expectFindings(diagnostics: Diagnostic[], file: string, expected: Expected[]) {
  const actual = findingsOf(diagnostics, file);
  const shown = actual.map((d) => `${d.span.start.line}:${d.span.start.column} ${d.ruleId} ${d.message}`).join('\n');
  expect(actual.length, `${file}:\n${shown}`).toBe(expected.length);
  expected.forEach((want, index) => {
    const got = actual[index]!;
    expect({ ruleId: got.ruleId, line: got.span.start.line, column: got.span.start.column }, `${file}:\n${shown}`).toEqual({ ruleId: want.ruleId, line: want.line, column: want.column });
    if (typeof want.says === 'string') expect(got.message).toContain(want.says);
    else expect(got.message).toMatch(want.says);
    expectSwedish(got.message);
  });
}

describe('committed bad input (test/fixtures/bad-input)', () => {
  let before: Map<string, string>;
  let diagnostics: Diagnostic[];
  let files: string[];

  beforeAll(() => {
    before = hashTree(FIXTURES);
    const project = check(FIXTURES);
    diagnostics = project.diagnostics;
    files = project.corpus.files;
  });

  it('reads every fixture', () => {
    const fixtures = readdirSync(FIXTURES).filter((f) => f.endsWith('.md')).sort();
    expect([...Object.keys(EXPECTED), 'yaml-alias-bomb.md'].sort()).toEqual(fixtures);
    expect(files.sort()).toEqual(fixtures);
  });

  for (const [file, expected] of Object.entries(EXPECTED)) {
    it(`${file}: ${expected.map((e) => `${e.ruleId} ${e.line}:${e.column}`).join(', ') || 'no finding of its own'}`, () => {
      expectFindings(diagnostics, file, expected);
    });
  }

  it('an alias bomb gives twenty findings and a count, not one per alias', () => {
    const bomb = findingsOf(diagnostics, 'yaml-alias-bomb.md');
    expect(bomb).toHaveLength(21);
    expect(bomb.every((d) => d.ruleId === 'yaml')).toBe(true);
    expect(bomb[0]!.span.start).toEqual({ line: 3, column: 8 });
    expect(bomb[20]!.message).toMatch(/^Ytterligare \d+ YAML-fel/);
    bomb.forEach((d) => expectSwedish(d.message));
  });

  it('nothing is reported outside the fixture files, and no finding is an internal error', () => {
    const known = new Set([...Object.keys(EXPECTED), 'yaml-alias-bomb.md']);
    expect(diagnostics.filter((d) => !known.has(d.file))).toEqual([]);
    expect(diagnostics.filter((d) => d.ruleId === 'internal')).toEqual([]);
  });

  it('a __proto__ key does not reach Object.prototype', () => {
    expect(({} as Record<string, unknown>)['förorenad']).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('förorenad');
  });

  it('the same input gives the same findings', () => {
    expect(check(FIXTURES).diagnostics).toEqual(diagnostics);
  });

  it('the CLI exits 1 on the fixtures and reports every broken file', () => {
    const run = spawnSync(process.execPath, [CLI, 'check', 'test/fixtures/bad-input', '--today', TODAY, '--format', 'json'], { cwd: ROOT, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    const results = JSON.parse(run.stdout) as { filePath: string; messages: { ruleId: string; line: number; column: number }[] }[];
    const withFindings = results.filter((r) => r.messages.length).map((r) => path.basename(r.filePath));
    expect(withFindings).toEqual(expect.arrayContaining(['ok-policy.md', 'yaml-syntax.md', 'fence-crlf.md', 'value-kind-constructor.md', 'namn med mellanslag och åäö.md', 'links-body.md']));
    const crlf = results.find((r) => r.filePath.endsWith('fence-crlf.md'))!;
    expect(crlf.messages.map((m) => [m.ruleId, m.line, m.column])).toEqual([
      ['decision-record', 9, 3],
      ['body-links', 15, 4],
    ]);
  });

  it('leaves every fixture byte as it was', () => {
    expect(hashTree(FIXTURES)).toEqual(before);
  });
});

describe('generated bad input (in a temporary folder)', () => {
  let dir: string;
  let outside: string;
  let before: Map<string, string>;
  let diagnostics: Diagnostic[];
  let files: string[];

  const OK = readFileSync(path.join(FIXTURES, 'ok-policy.md'), 'utf8').replace('KF-2020-1', 'KF/2020:1');

  beforeAll(() => {
    const base = mkdtempSync(path.join(tmpdir(), 'styrdok-bad-'));
    dir = path.join(base, 'repo');
    outside = path.join(base, 'utanfor');
    mkdirSync(path.join(dir, 'mapp'), { recursive: true });
    mkdirSync(outside);
    copyFileSync(path.join(FIXTURES, 'styrdok.config.yaml'), path.join(dir, 'styrdok.config.yaml'));
    writeFileSync(path.join(dir, 'ok.md'), OK);
    writeFileSync(path.join(dir, 'binary.md'), Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0x00, 0x01, 0x02, 0xff, 0xfe]));
    writeFileSync(path.join(dir, 'latin1.md'), Buffer.from('---\nid: latin1\ntitel: Sm\xe5land\n---\n', 'latin1'));
    writeFileSync(path.join(dir, 'utf16.md'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('---\nid: utf16\n---\n', 'utf16le')]));
    writeFileSync(path.join(dir, 'utf16-utan-bom.md'), Buffer.from('---\nid: utf16\n---\n', 'utf16le'));
    writeFileSync(path.join(dir, 'huge.md'), OK + 'Mycket text. '.repeat(Math.ceil((2.5 * 1048576) / 13)));
    const keywords = Array.from({ length: 10_000 }, (_, i) => `  - nyckelord ${i}`).join('\n');
    writeFileSync(path.join(dir, 'huge-array.md'), OK.replace('dokumentansvarig:', `nyckelord:\n${keywords}\ndokumentansvarig:`).replace('id: ok-policy', 'id: huge-array').replace('KF/2020:1', 'KF/2020:101'));
    writeFileSync(path.join(dir, 'huge-frontmatter.md'), `---\nid: huge-frontmatter\nnyckelord: [${Array.from({ length: 40_000 }, (_, i) => `k${i}`).join(', ')}]\n---\n\nText.\n`);
    writeFileSync(path.join(outside, 'hemlig.md'), OK.replace('id: ok-policy', 'id: hemlig'));
    symlinkSync(path.join(outside, 'hemlig.md'), path.join(dir, 'lank-ut.md'));
    symlinkSync(outside, path.join(dir, 'mapp-ut'));
    symlinkSync(path.join(dir, 'finns-inte.md'), path.join(dir, 'lank-trasig.md'));
    symlinkSync('..', path.join(dir, 'mapp', 'loop'));
    // Markdown that makes remark slow: deep quotes and lists, and long runs of brackets and emphasis. The
    // backticks and the HTML stop the fast link scanner, so the bounded remark path is what is exercised.
    const deep = Array.from({ length: 1200 }, (_, i) => `${'> '.repeat(i)}- [länk](saknas-${i}.md) \`kod\``).join('\n');
    writeFileSync(path.join(dir, 'markdown-deep.md'), OK.replace('id: ok-policy', 'id: markdown-deep').replace('KF/2020:1', 'KF/2020:102') + '\n' + deep + '\n');
    const brackets = `${'[a]'.repeat(100_000)} \`kod\` [länk](saknas.md)\n\n${'[a]('.repeat(50_000)} <span>\n\n${'*a _b '.repeat(60_000)}\`x\`\n`;
    writeFileSync(path.join(dir, 'markdown-brackets.md'), OK.replace('id: ok-policy', 'id: markdown-brackets').replace('KF/2020:1', 'KF/2020:103') + '\n' + brackets);
    before = hashTree(dir);
    const project = check(dir);
    diagnostics = project.diagnostics;
    files = project.corpus.files;
  }, 120_000);

  afterAll(() => rmSync(path.dirname(dir), { recursive: true, force: true }));

  const one = (file: string, ruleId: string, says: string) => () => expectFindings(diagnostics, file, [{ ruleId, line: 1, column: 1, says }]);

  it('the other files are still checked: ok.md has no finding and is in the corpus', () => {
    expect(findingsOf(diagnostics, 'ok.md')).toEqual([]);
    expect(files).toContain('ok.md');
  });
  it('a binary file', one('binary.md', 'file', 'Filen är binär'));
  it('a file that is not UTF-8, at the line and column of its first such character, named as Windows-1252 would show it', () =>
    expectFindings(diagnostics, 'latin1.md', [{ ruleId: 'file', line: 3, column: 10, says: 'inte sparad som UTF-8: på rad 3, kolumn 10 står byten 0xE5, som i Windows-1252 (ANSI) är «å»' }]));
  it('a UTF-16 file, as Notepad saves «Unicode»', one('utf16.md', 'file', 'Filen är sparad som UTF-16'));
  it('a UTF-16 file without a byte order mark is named as UTF-16, not as binary', one('utf16-utan-bom.md', 'file', 'Filen verkar vara sparad som UTF-16'));
  it('a file over the size limit', one('huge.md', 'file', 'större än gränsen 2,0 MB'));
  it('a symlink out of the repository is not read', () => {
    one('lank-ut.md', 'file', 'pekar utanför förrådet')();
    one('mapp-ut', 'file', 'pekar utanför förrådet')();
    expect(diagnostics.some((d) => d.documentId === 'hemlig')).toBe(false);
    expect(files.some((f) => f.includes('hemlig'))).toBe(false);
  });
  it('a broken symlink', one('lank-trasig.md', 'file', 'pekar på en fil som inte finns'));
  it('a symlink loop is read once, not until the path is too long', () => {
    expect(files.filter((f) => f.startsWith('mapp/'))).toEqual([]);
    expect(diagnostics.filter((d) => d.file.startsWith('mapp/'))).toEqual([]);
  });
  it('frontmatter over the size limit is refused before the YAML parser', () => {
    expectFindings(diagnostics, 'huge-frontmatter.md', [{ ruleId: 'frontmatter', line: 2, column: 1, says: 'större än gränsen' }]);
  });
  it('a long list in the frontmatter is read', () => {
    expect(findingsOf(diagnostics, 'huge-array.md')).toEqual([]);
    expect(files).toContain('huge-array.md');
  });
  it('deeply nested Markdown: one finding where it gets too deep, and no hang', () => {
    const found = findingsOf(diagnostics, 'markdown-deep.md');
    expect(found.filter((d) => d.ruleId === 'file')).toEqual([expect.objectContaining({ span: { start: { line: 49, column: 1 } } })]);
    // The body-links rule still reports the links it can see, each at its own line.
    const links = found.filter((d) => d.ruleId === 'body-links');
    expect(links.length).toBeGreaterThan(30);
    for (const link of links) expect(link.span.start.line).toBeGreaterThanOrEqual(17);
  });
  it('Markdown that is quadratic for remark is checked within the bound', () => {
    const found = findingsOf(diagnostics, 'markdown-brackets.md');
    expect(found.map((d) => d.ruleId)).toEqual(['body-links']);
    expect(found[0]!.span.start).toEqual({ line: 17, column: 300_008 });
  });
  it('changes nothing on disk', () => {
    expect(hashTree(dir)).toEqual(before);
  });
});

describe('exit codes of the real CLI', () => {
  const cli = (cwd: string) => spawnSync(process.execPath, [CLI, 'check', '--today', TODAY], { cwd, encoding: 'utf8' });
  let base: string;
  beforeAll(() => {
    base = mkdtempSync(path.join(tmpdir(), 'styrdok-exit-'));
  });
  afterAll(() => rmSync(base, { recursive: true, force: true }));

  const corpus = (name: string, files: Record<string, string | Buffer>, config = readFileSync(path.join(FIXTURES, 'styrdok.config.yaml'))) => {
    const dir = path.join(base, name);
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'styrdok.config.yaml'), config);
    for (const [file, text] of Object.entries(files)) writeFileSync(path.join(dir, file), text);
    return dir;
  };
  const ok = readFileSync(path.join(FIXTURES, 'ok-policy.md'), 'utf8').replace('KF-2020-1', 'KF/2020:1');

  it('0 for a clean corpus', () => {
    const run = cli(corpus('ren', { 'ok.md': ok }));
    expect(run.stdout + run.stderr).not.toMatch(/Internt fel/);
    expect(run.status).toBe(0);
  });
  it('1 for a binary file beside a clean one, and both are reported on', () => {
    const run = cli(corpus('binar', { 'ok.md': ok, 'binar.md': Buffer.from([0, 1, 2, 3]) }));
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('binar.md');
    expect(run.stdout).toContain('Filen är binär');
    expect(run.stdout).toMatch(/av 2 kontrollerade/);
  });
  it('1, not a crash, for a dokumenttyp that names an Object.prototype property', () => {
    const run = cli(corpus('proto', { 'ok.md': ok, 'proto.md': ok.replace('dokumenttyp: policy', 'dokumenttyp: __proto__').replace('id: ok-policy', 'id: proto') }));
    expect(run.stderr).not.toMatch(/Internt fel/);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('«__proto__» är inte tillåtet för «dokumenttyp»');
  });
  it('2 for a config that is not YAML', () => {
    const run = cli(corpus('trasig-konfiguration', { 'ok.md': ok }, Buffer.from('kommun: [Solna\n')));
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/Konfigurationen är felaktig/);
  });
  it.each([
    ['empty', '# Fylls i senare\n', '1:1  fel      Konfigurationen är tom.'],
    ['a list', '- Solna\n- Sundbyberg\n', '1:1  fel      Konfigurationen ska bestå av nycklar med värden (nyckel: värde), inte en lista'],
    ['a scalar', 'Solna stad\n', '1:1  fel      Konfigurationen ska bestå av nycklar med värden'],
    ['an alias', 'kommun: &k Solna\nnamn: *k\n', '2:7  fel      Alias (*namn) och ankare (&namn) stöds inte i konfigurationen.'],
    ['two YAML documents', 'kommun: Solna\n---\nkommun: Sundbyberg\n', '2:1  fel      Konfigurationen får bara innehålla ett YAML-dokument.'],
  ])('2 for a config that is %s, told as the configuration, not as frontmatter', (name, config, says) => {
    const run = cli(corpus(`konfiguration-${name.replace(/\W+/g, '-')}`, { 'ok.md': ok }, Buffer.from(config)));
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(says);
    expect(run.stderr).not.toMatch(/frontmatter|null|Internt fel/i);
  });
  it('2, not a hang, for a diarienummer pattern with a repetition inside a repetition', () => {
    const config = readFileSync(path.join(FIXTURES, 'styrdok.config.yaml'), 'utf8').replace(/^ {2}mönster: .*$/m, '  mönster: "^([A-Z]+/?)+\\\\d{4}:\\\\d+$"');
    // A diarienummer that almost matches: with the pattern in use, matching it would take hours.
    const run = cli(corpus('langsamt-monster', { 'ok.md': ok.replace('KF/2020:1', 'KFKFKFKFKFKFKFKFKFKFKFKFKFKFKF/2020:x') }, Buffer.from(config)));
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/\n\s+82:3\s+fel\s+Mönstret för diarienummer har en upprepning inuti en upprepning, som \(a\+\)\+\./);
  });
  it('0 for a symlink loop and a megabyte-long line of brackets: no hang, no crash', () => {
    const dir = corpus('loop', { 'ok.md': ok, 'klamrar.md': ok.replace('id: ok-policy', 'id: klamrar').replace('KF/2020:1', 'KF/2020:2') + '\n' + '[a]('.repeat(400_000) + ' `x`\n' });
    mkdirSync(path.join(dir, 'mapp'));
    symlinkSync('..', path.join(dir, 'mapp', 'loop'));
    const run = cli(dir);
    expect(run.status, run.stderr).toBe(0);
    expect(statSync(path.join(dir, 'klamrar.md')).size).toBeGreaterThan(1_000_000);
  });
});
