import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/model/diagnostic.js';
import { createSarifFormatter, sarif } from '../../src/report/formatters/sarif.js';
import { context, diagnostics } from './fixture.js';

// The official OASIS SARIF 2.1.0 schema (draft-07, $id .../oasis-tcs/sarif-spec/master/Schemata/sarif-schema-2.1.0.json).
// Taken from the npm package @datadog/datadog-ci-plugin-sarif@5.25.0, which embeds it in dist/bundle.js
// (src/json-schema/sarif-schema-2.1.0.json) for its own validation; turned back into JSON unchanged.
const schema = JSON.parse(readFileSync(new URL('../fixtures/sarif/sarif-schema-2.1.0.json', import.meta.url), 'utf8'));

// ajv-formats is CommonJS; under NodeNext its default export arrives wrapped.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv) => void;
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
const validate = ajv.compile(schema);

function expectValid(log: unknown): void {
  const ok = validate(log);
  expect(validate.errors ?? [], ajv.errorsText(validate.errors)).toEqual([]);
  expect(ok).toBe(true);
}

describe('sarif', () => {
  const log = JSON.parse(sarif(diagnostics, context));
  const run = log.runs[0];

  it('is valid against the official SARIF 2.1.0 schema', () => {
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expectValid(log);
    expectValid(JSON.parse(sarif([], context)));
    expectValid(JSON.parse(createSarifFormatter({ docsBaseUri: 'https://styrdok.se/' })(diagnostics, context)));
  });

  it('fails the schema when broken, so the check bites', () => {
    const broken = structuredClone(log);
    broken.runs[0].results[0].level = 'fel';
    expect(validate(broken)).toBe(false);
    const unencoded = structuredClone(log);
    unencoded.runs[0].artifacts[1].location.uri = 'strategy/policyer/långsiktig hållbarhet.md';
    expect(validate(unencoded)).toBe(false);
  });

  it('describes the tool and its rules', () => {
    expect(log.version).toBe('2.1.0');
    expect(run.tool.driver).toMatchObject({ name: 'styrdok', version: '0.1.0', informationUri: 'https://styrdok.se/' });
    expect(run.tool.driver.rules[2]).toEqual({
      id: 'rimligt-värde',
      shortDescription: { text: 'Målvärden ligger inom rimliga gränser.' },
      help: { text: 'Målvärden ligger inom rimliga gränser. Dokumentation: docs/regler/rimligt värde.md' },
    });
    const withBase = JSON.parse(createSarifFormatter({ docsBaseUri: 'https://styrdok.se/' })([], context));
    expect(withBase.runs[0].tool.driver.rules[2].helpUri).toBe('https://styrdok.se/docs/regler/rimligt%20v%C3%A4rde.md');
  });

  it('points results at encoded relative URIs under %SRCROOT%', () => {
    expect(run.originalUriBaseIds['%SRCROOT%'].uri).toBe(pathToFileURL(process.cwd()).href + '/');
    expect(run.results.map((r: { ruleId: string; ruleIndex: number }) => [r.ruleId, run.tool.driver.rules[r.ruleIndex].id])).toEqual([
      ['ersatt-dokument', 'ersatt-dokument'],
      ['agare-saknas', 'agare-saknas'],
      ['rimligt-värde', 'rimligt-värde'],
    ]);
    const [warning, error] = run.results;
    expect(error).toMatchObject({
      level: 'error',
      message: { text: 'Fältet "ägare" saknas.\nLägg till: ägare, t.ex. kommunstyrelsen.' },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: 'strategy/policyer/l%C3%A5ngsiktig%20h%C3%A5llbarhet.md', uriBaseId: '%SRCROOT%', index: 1 },
            region: { startLine: 12, startColumn: 3, endLine: 12, endColumn: 20 },
          },
        },
      ],
    });
    expect(warning.level).toBe('warning');
    expect(warning.properties).toEqual({ documentId: 'policy-hallbarhet' });
    expect(error.properties).toBeUndefined();
    expect(warning.relatedLocations).toEqual([
      {
        id: 0,
        physicalLocation: {
          artifactLocation: { uri: 'strategy/policyer/milj%C3%B6policy%202024.md', uriBaseId: '%SRCROOT%' },
          region: { startLine: 1, startColumn: 1 },
        },
        message: { text: 'Det ersättande dokumentet' },
      },
    ]);
    expect(run.results[2].locations[0].physicalLocation.region).toEqual({ startLine: 104, startColumn: 15 });
  });

  it('lists every checked file as an artifact, in the order artifactLocation.index uses', () => {
    expect(run.artifacts.map((a: { location: { uri: string } }) => decodeURIComponent(a.location.uri))).toEqual([
      'strategy/a.md',
      'strategy/policyer/långsiktig hållbarhet.md',
      'strategy/policyer/miljöpolicy 2024.md',
      'strategy/riktlinjer/avfall.md',
      'strategy/riktlinjer/städning.md',
    ]);
  });

  it('gives a finding from an unlisted rule a descriptor of its own', () => {
    const stray: Diagnostic = { file: 'x:y.md', span: { start: { line: 1, column: 1 } }, ruleId: 'okänd', severity: 'error', message: 'm' };
    const out = JSON.parse(sarif([stray], context));
    expectValid(out);
    const result = out.runs[0].results[0];
    expect(out.runs[0].tool.driver.rules[result.ruleIndex]).toEqual({ id: 'okänd', shortDescription: { text: 'okänd' } });
    // Encoding ':' keeps the path from reading as a URI scheme.
    expect(result.locations[0].physicalLocation.artifactLocation.uri).toBe('x%3Ay.md');
  });
});
