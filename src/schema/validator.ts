import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Ajv2020, ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import { SCHEMA_BASE, KIND_SCHEMA } from './schema-files.js';
import { schemaErrorsToProblems, type SchemaProblem } from './schema-messages.js';
import { createAjv, schemaFingerprint, validatorExportName } from './ajv-instance.js';

const require = createRequire(import.meta.url);
const PREBUILT = fileURLToPath(new URL('./validators.cjs', import.meta.url));

let ajv: Ajv2020 | undefined;
let prebuilt: Record<string, ValidateFunction> | null | undefined;
const compiled = new Map<string, ValidateFunction>();

/**
 * The validators `npm run build` compiled (scripts/generate-validators.mjs), when they were made from the
 * schemas on disk now; otherwise (tests run from src/, or a schema was edited since) null, and ajv compiles.
 */
function prebuiltValidators(): Record<string, ValidateFunction> | null {
  if (prebuilt === undefined) {
    const module = existsSync(PREBUILT) ? (require(PREBUILT) as Record<string, ValidateFunction> & { schemaFingerprint?: string }) : undefined;
    prebuilt = module && module.schemaFingerprint === schemaFingerprint() ? module : null;
  }
  return prebuilt;
}

function validatorFor(schemaFile: string): ValidateFunction {
  let validate = compiled.get(schemaFile);
  if (!validate) {
    validate = prebuiltValidators()?.[validatorExportName(schemaFile)] ?? (ajv ??= createAjv()).getSchema(SCHEMA_BASE + schemaFile);
    if (!validate) throw new Error(`Schemat ${schemaFile} saknas`);
    compiled.set(schemaFile, validate);
  }
  return validate;
}

/** Validates data against one schema file and returns Swedish problems located by path. */
export function validateAgainst(schemaFile: string, data: unknown): SchemaProblem[] {
  const validate = validatorFor(schemaFile);
  if (validate(data)) return [];
  return schemaErrorsToProblems((validate.errors ?? []) as ErrorObject[], data);
}

/** Validates a document's frontmatter against the schema of its dokumenttyp. */
export function validateDocument(data: unknown): SchemaProblem[] {
  const kind = typeof data === 'object' && data !== null ? (data as Record<string, unknown>).dokumenttyp : undefined;
  const schemaFile = typeof kind === 'string' ? KIND_SCHEMA[kind] : undefined;
  // Without a known kind, validate against the common schema: it reports the missing or unknown dokumenttyp.
  return validateAgainst(schemaFile ?? 'styrdokument.schema.json', data);
}
