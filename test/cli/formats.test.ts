import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { DomUtils, parseDocument } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { NEW_PERIOD, project, STRATEGY_FILE, SWEDISH_FILE, type Project } from './project.js';
import { xmlWellFormednessProblems } from './xml.js';

/**
 * Every format on the same corpus: the clean corpus plus one riktlinje with two errors (one with a related
 * location) in a file whose name has spaces and å ä ö, checked on the first day of the new mandatperiod, when
 * the strategi's revision is due (a warning). Each format is read back into the same normalised list.
 */
type Row = [file: string, line: number, column: number, ruleId: string, severity: 'error' | 'warning'];
const EXPECTED: Row[] = [
  [SWEDISH_FILE, 9, 3, 'decision-record', 'error'],
  [SWEDISH_FILE, 12, 5, 'hierarchy', 'error'],
  [STRATEGY_FILE, 14, 1, 'revision', 'warning'],
];
const FILES = [
  'strategy/anvisningar/anvisning-klottersanering.md',
  'strategy/policyer/trygghetspolicy.md',
  'strategy/riktlinjer/riktlinje-kamerabevakning.md',
  SWEDISH_FILE,
  STRATEGY_FILE,
];
const RELATED = 'se även strategy/anvisningar/anvisning-klottersanering.md:3:1: Dokumentets typ';
const SUMMARY = '✖ 3 problem (2 fel, 1 varning) i 2 filer av 5 kontrollerade.';

async function run(p: Project, format?: string) {
  const result = await p.check(['check', '--today', NEW_PERIOD, ...(format ? ['--format', format] : [])]);
  expect(result.code).toBe(1);
  expect(result.stderr).toBe('');
  expect(result.stdout.endsWith('\n')).toBe(true);
  return result.stdout;
}

const corpus = () => project(['clean', 'with-error']);

// The official OASIS SARIF 2.1.0 schema (draft-07), as the formatter's unit tests use it.
const sarifSchema = JSON.parse(readFileSync(new URL('../fixtures/sarif/sarif-schema-2.1.0.json', import.meta.url), 'utf8'));
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv) => void;
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
const validateSarif = ajv.compile(sarifSchema);

function expectValidSarif(log: unknown) {
  const valid = validateSarif(log);
  expect(validateSarif.errors ?? [], ajv.errorsText(validateSarif.errors)).toEqual([]);
  expect(valid).toBe(true);
}

describe('styrdok check --format', () => {
  it('pretty (the default): findings grouped by file, related locations, a Swedish summary', async () => {
    const p = corpus();
    const out = await run(p);
    expect(await run(p, 'pretty')).toBe(out);
    const blocks = out.slice(0, -1).split('\n\n');
    expect(blocks.at(-1)).toBe(SUMMARY);
    const groups = blocks.slice(0, -1).map((block) => block.split('\n'));
    // One block per file with findings, in file order, headed by the file's path.
    expect(groups.map((g) => g[0])).toEqual([SWEDISH_FILE, STRATEGY_FILE]);
    const rows: Row[] = groups.flatMap(([file, ...lines]) =>
      lines
        .filter((line) => !line.trimStart().startsWith('se även'))
        .map((line) => {
          const m = /^ {2}\s*(\d+):(\d+)\s+(fel|varning)\s+(\S.*\S)\s{2,}(\S+)$/.exec(line);
          expect(m, line).not.toBeNull();
          return [file!, Number(m![1]), Number(m![2]), m![5]!, m![3] === 'fel' ? 'error' : 'warning'] as Row;
        }),
    );
    expect(rows).toEqual(EXPECTED);
    expect(groups[0]).toContain(`      ${RELATED}`);
    // Line numbers right-aligned within a file, so the colons line up.
    expect(groups[0]![1]).toMatch(/^ {3}9:3 {2}fel {6}Diarienumret «KS 2025\/12» har inte kommunens format\. .*KS\/2023:309\. +decision-record$/);
    expect(groups[0]![2]).toMatch(/^ {2}12:5 {2}fel {6}En riktlinje kan inte genomföra en anvisning: .* +hierarchy$/);
    expect(groups[1]![1]).toMatch(/^ {2}14:1 {2}varning {2}Dokumentet ska revideras under den nya mandatperioden 2026–2030, som började 15 oktober 2026\. .* +revision$/);
    expect(out).not.toMatch(/\u001b\[/); // no colour when stdout is not a terminal
  });

  it('github: one workflow command per finding with file, line and col, then the summary', async () => {
    const lines = (await run(corpus(), 'github')).slice(0, -1).split('\n');
    expect(lines.at(-1)).toBe(SUMMARY);
    const commands = lines.slice(0, -1);
    const rows: Row[] = commands.map((line) => {
      const m = /^::(error|warning) file=([^,]+),line=(\d+),col=(\d+)(?:,endLine=\d+,endColumn=\d+)?,title=([^:]+)::(.+)$/.exec(line);
      expect(m, line).not.toBeNull();
      return [m![2]!, Number(m![3]), Number(m![4]), m![5]!, m![1] as Row[4]];
    });
    expect(rows).toEqual(EXPECTED);
    // The file property keeps spaces and å ä ö as they are (only % \r \n : , are escaped).
    expect(commands[0]).toMatch(/^::error file=strategy\/riktlinjer\/trygga mötesplatser för äldre\.md,line=9,col=3,/);
    // A message's line breaks, here the related location, are escaped as %0A so one finding stays one line.
    expect(commands[1]).toContain(`%0A${RELATED}`);
    expect(commands[0]).toMatch(/::Diarienumret «KS 2025\/12» har inte kommunens format\. Skriv det som i diariet, till exempel KS\/2023:309\.$/);
  });

  it("json: ESLint's results, one per checked file, with absolute paths", async () => {
    const p = corpus();
    const results = JSON.parse(await run(p, 'json')) as Record<string, unknown>[];
    expect(results.map((r) => r.filePath)).toEqual(FILES.map((f) => p.path(f)));
    const eslintKeys = ['filePath', 'messages', 'suppressedMessages', 'errorCount', 'fatalErrorCount', 'warningCount', 'fixableErrorCount', 'fixableWarningCount', 'usedDeprecatedRules'];
    for (const result of results) {
      expect(Object.keys(result)).toEqual(eslintKeys);
      expect(result).toMatchObject({ suppressedMessages: [], fatalErrorCount: 0, fixableErrorCount: 0, fixableWarningCount: 0, usedDeprecatedRules: [] });
      const messages = result.messages as { severity: number }[];
      expect(result.errorCount).toBe(messages.filter((m) => m.severity === 2).length);
      expect(result.warningCount).toBe(messages.filter((m) => m.severity === 1).length);
    }
    const rows: Row[] = results.flatMap((r) =>
      (r.messages as { ruleId: string; severity: number; message: string; line: number; column: number; endLine?: number; endColumn?: number }[]).map((m) => {
        expect(Object.keys(m)).toEqual(expect.arrayContaining(['ruleId', 'severity', 'message', 'line', 'column']));
        expect(m.message).not.toBe('');
        return [path.relative(p.dir, r.filePath as string), m.line, m.column, m.ruleId, m.severity === 2 ? 'error' : 'warning'] as Row;
      }),
    );
    expect(rows).toEqual(EXPECTED);
    expect(results[3]).toMatchObject({ errorCount: 2, warningCount: 0 });
    expect(results[4]).toMatchObject({ errorCount: 0, warningCount: 1 });
  });

  it('sarif: valid against the official SARIF 2.1.0 schema, with URIs that lead to the files', async () => {
    const p = corpus();
    const log = JSON.parse(await run(p, 'sarif'));
    expectValidSarif(log);
    expect(log.runs).toHaveLength(1);
    const [sarifRun] = log.runs;
    const srcRoot: string = sarifRun.originalUriBaseIds['%SRCROOT%'].uri;
    expect(srcRoot).toBe(`file://${p.dir}/`);
    const resolve = (location: { uri: string; uriBaseId?: string }) => {
      expect(location.uriBaseId).toBe('%SRCROOT%');
      return path.relative(p.dir, fileURLToPath(new URL(location.uri, srcRoot)));
    };
    const artifacts = sarifRun.artifacts.map((a: { location: { uri: string; uriBaseId: string } }) => resolve(a.location));
    expect(artifacts).toEqual(FILES);
    for (const file of artifacts) expect(existsSync(p.path(file)), file).toBe(true);
    // Spaces and å ä ö are percent-encoded in the URI.
    expect(sarifRun.artifacts[3].location.uri).toBe('strategy/riktlinjer/trygga%20m%C3%B6tesplatser%20f%C3%B6r%20%C3%A4ldre.md');

    const rules: { id: string }[] = sarifRun.tool.driver.rules;
    const rows: Row[] = sarifRun.results.map((r: { ruleId: string; ruleIndex: number; level: string; locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId: string; index: number }; region: { startLine: number; startColumn: number } } }[] }) => {
      const { artifactLocation, region } = r.locations[0]!.physicalLocation;
      expect(rules[r.ruleIndex]?.id).toBe(r.ruleId);
      expect(artifacts[artifactLocation.index]).toBe(resolve(artifactLocation));
      return [resolve(artifactLocation), region.startLine, region.startColumn, r.ruleId, r.level];
    });
    expect(rows).toEqual(EXPECTED);
    const related = sarifRun.results[1].relatedLocations;
    expect(related).toHaveLength(1);
    expect(resolve(related[0].physicalLocation.artifactLocation)).toBe('strategy/anvisningar/anvisning-klottersanering.md');
    expect(related[0].physicalLocation.region).toMatchObject({ startLine: 3, startColumn: 1 });
    expect(sarifRun.results[0].properties).toEqual({ documentId: 'riktlinje-trygga-motesplatser' });
  });

  it('junit: well-formed XML, one testsuite per file, a failure per finding and the right counts', async () => {
    const xml = await run(corpus(), 'junit');
    expect(xmlWellFormednessProblems(xml)).toEqual([]);
    const doc = parseDocument(xml, { xmlMode: true });
    const all = (name: string, node: Parameters<typeof DomUtils.getElementsByTagName>[1] = doc) => DomUtils.getElementsByTagName(name, node, true);
    expect(all('testsuites')).toHaveLength(1);
    expect(all('testsuites')[0]!.attribs).toEqual({ name: 'styrdok', tests: '6', failures: '3', errors: '0' });
    const suites = all('testsuite');
    expect(suites.map((s) => [s.attribs.name, s.attribs.tests, s.attribs.failures, s.attribs.errors])).toEqual([
      [FILES[0], '1', '0', '0'],
      [FILES[1], '1', '0', '0'],
      [FILES[2], '1', '0', '0'],
      [SWEDISH_FILE, '2', '2', '0'],
      [STRATEGY_FILE, '1', '1', '0'],
    ]);
    for (const suite of suites) {
      expect(all('testcase', suite)).toHaveLength(Number(suite.attribs.tests));
      expect(all('failure', suite)).toHaveLength(Number(suite.attribs.failures));
    }
    const rows: Row[] = all('failure').map((failure) => {
      const testcase = failure.parent as (typeof suites)[number];
      const m = /^(\S+) (\d+):(\d+)$/.exec(testcase.attribs.name ?? '');
      expect(m, testcase.attribs.name).not.toBeNull();
      return [testcase.attribs.classname!, Number(m![2]), Number(m![3]), m![1]!, failure.attribs.type as Row[4]];
    });
    expect(rows).toEqual(EXPECTED);
    expect(all('failure')[0]!.attribs.message).toBe('Diarienumret «KS 2025/12» har inte kommunens format. Skriv det som i diariet, till exempel KS/2023:309.');
    expect(DomUtils.textContent(all('failure')[1]!)).toBe(`${SWEDISH_FILE}:12:5 hierarchy\n${RELATED}`);
  });

  it('every format also reads back a corpus without findings (exit 0)', async () => {
    const p = project(['clean']);
    const ok = async (format: string) => {
      const result = await p.check(['check', '--today', '2025-06-01', '--format', format]);
      expect(result.code, format).toBe(0);
      expect(result.stderr).toBe('');
      return result.stdout;
    };
    expect(await ok('pretty')).toBe('✔ Inga problem i 4 filer.\n');
    expect(await ok('github')).toBe('✔ Inga problem i 4 filer.\n');
    const results = JSON.parse(await ok('json')) as { messages: unknown[] }[];
    expect(results).toHaveLength(4);
    expect(results.every((r) => r.messages.length === 0)).toBe(true);
    const log = JSON.parse(await ok('sarif'));
    expectValidSarif(log);
    expect(log.runs[0].results).toEqual([]);
    expect(log.runs[0].artifacts).toHaveLength(4);
    const xml = await ok('junit');
    expect(xmlWellFormednessProblems(xml)).toEqual([]);
    expect(xml).toContain('<testsuites name="styrdok" tests="4" failures="0" errors="0">');
  });

  it('the XML check bites: it rejects what a lenient parser would accept', async () => {
    expect(xmlWellFormednessProblems('<?xml version="1.0" encoding="UTF-8"?>\n<a x="1"><b/></a>\n')).toEqual([]);
    expect(xmlWellFormednessProblems('<a>Tom & Jerry</a>')).toHaveLength(1);
    expect(xmlWellFormednessProblems('<a x="<">b</a>')).toHaveLength(1);
    expect(xmlWellFormednessProblems('<a><b></a>')).not.toEqual([]);
    expect(xmlWellFormednessProblems('<a x="1" x="2"/>')).toHaveLength(1);
    expect(xmlWellFormednessProblems('<a>\u0001</a>')).toHaveLength(1);
    expect(xmlWellFormednessProblems('<a/><b/>')).toHaveLength(1);
    expect(xmlWellFormednessProblems('<a x=1/>')).toHaveLength(1);
  });
});
