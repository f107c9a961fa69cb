import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ValidateFunction } from 'ajv/dist/2020.js';
import { splitFrontmatter } from '../../src/load/frontmatter.js';
import { parseYamlSource } from '../../src/load/yaml-source.js';
import { createAjv, schemaFingerprint, validatorExportName } from '../../src/schema/ajv-instance.js';
import { readSchemaFiles, SCHEMA_BASE } from '../../src/schema/schema-files.js';
import { REPO_ROOT } from '../helpers/run-cli.js';

// `npm test` builds first, so dist/ holds the validators `npm run build` compiled from the schemas.
const prebuilt = createRequire(import.meta.url)(path.join(REPO_ROOT, 'dist/schema/validators.cjs')) as Record<string, ValidateFunction> & { schemaFingerprint: string };
const ajv = createAjv();

/** Every frontmatter in the bundled corpus and the fixtures, and each with one key removed, renamed and mistyped. */
function samples(): unknown[] {
  const files = ['strategy', 'test/fixtures'].flatMap((dir) =>
    readdirSync(path.join(REPO_ROOT, dir), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.md')).map((f) => path.join(REPO_ROOT, dir, f)),
  );
  const data = files.flatMap((file) => {
    const { yaml } = splitFrontmatter(readFileSync(file, 'utf8'));
    const value = yaml === undefined ? undefined : parseYamlSource(yaml, 0).data;
    return value && typeof value === 'object' && !Array.isArray(value) ? [value as Record<string, unknown>] : [];
  });
  return data.flatMap((d, i) => {
    const keys = Object.keys(d);
    const key = keys[i % keys.length]!;
    const { [key]: removed, ...without } = d;
    return [d, without, { ...without, [`${key}x`]: removed }, { ...d, [key]: i % 2 ? 42 : ['fel'] }];
  });
}

describe('the validators compiled at build time', () => {
  it('were made from the schemas on disk', () => {
    expect(prebuilt.schemaFingerprint).toBe(schemaFingerprint());
  });

  it('give the same verdicts and errors as ajv compiling the schemas at run time', () => {
    const data = samples();
    expect(data.length).toBeGreaterThan(100);
    let failures = 0;
    for (const { file } of readSchemaFiles()) {
      const built = prebuilt[validatorExportName(file)]!;
      const compiled = ajv.getSchema(SCHEMA_BASE + file)!;
      for (const sample of data) {
        const verdict = built(sample);
        expect(verdict, file).toBe(compiled(sample));
        expect(built.errors ?? null, file).toEqual(compiled.errors ?? null);
        if (!verdict) failures++;
      }
    }
    // The samples reach the error paths, not only the happy one.
    expect(failures).toBeGreaterThan(data.length);
  });
});
