import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Ajv2020 } from 'ajv/dist/2020.js';
import { readSchemaFiles, SCHEMA_DIR } from './schema-files.js';

// ajv and ajv-formats (both CommonJS) are loaded only when a schema is compiled at run time: with the
// validators `npm run build` compiled, a check never needs them.
const require = createRequire(import.meta.url);

/**
 * The one ajv setup, for compiling at run time and for scripts/generate-validators.mjs, which writes the
 * same validators as code (`source: true`) at build time.
 */
export function createAjv(code: { source?: boolean } = {}): Ajv2020 {
  const { Ajv2020 } = require('ajv/dist/2020') as typeof import('ajv/dist/2020.js');
  const addFormats = require('ajv-formats') as (ajv: Ajv2020) => void;
  const ajv = new Ajv2020({ allErrors: true, verbose: true, strict: false, allowUnionTypes: true, code });
  addFormats(ajv);
  for (const { schema } of readSchemaFiles()) ajv.addSchema(schema);
  return ajv;
}

/** A hash of the schema files as they are on disk: prebuilt validators are used only for the same schemas. */
export function schemaFingerprint(): string {
  const hash = createHash('sha256');
  for (const file of readdirSync(SCHEMA_DIR).filter((f) => f.endsWith('.schema.json')).sort()) hash.update(file).update('\0').update(readFileSync(SCHEMA_DIR + file));
  return hash.digest('hex');
}

/** policy.schema.json → policy_schema_json: the name a schema's validator is exported under. */
export function validatorExportName(schemaFile: string): string {
  return schemaFile.replace(/[^a-zA-Z0-9]/g, '_');
}
