// Compiles the JSON Schemas into one module of plain validation functions (ajv's standalone code), so a check
// starts without loading ajv or compiling a schema: ~0.15 s of every run, most of a re-check from the cache.
// Run by `npm run build` after tsc; writes dist/schema/validators.cjs. The module carries a hash of the schemas
// it was made from, and src/schema/validator.ts compiles at run time instead when the schemas have changed.
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const standaloneCode = require('ajv/dist/standalone').default;
const { createAjv, schemaFingerprint, validatorExportName } = await import('../dist/schema/ajv-instance.js');
const { readSchemaFiles, SCHEMA_BASE } = await import('../dist/schema/schema-files.js');

const ajv = createAjv({ source: true });
const exports = Object.fromEntries(readSchemaFiles().map(({ file }) => [validatorExportName(file), SCHEMA_BASE + file]));
const code = standaloneCode(ajv, exports);
const out = new URL('../dist/schema/validators.cjs', import.meta.url);
writeFileSync(out, `${code}\nexports.schemaFingerprint = ${JSON.stringify(schemaFingerprint())};\n`);
