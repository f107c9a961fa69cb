import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { readSchemaFiles, SCHEMA_BASE, KIND_SCHEMA } from './schema-files.js';
import { schemaErrorsToProblems, type SchemaProblem } from './schema-messages.js';

// ajv-formats is CommonJS; under NodeNext its default export arrives wrapped.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv2020) => void;

let ajv: Ajv2020 | undefined;
const compiled = new Map<string, ValidateFunction>();

function instance(): Ajv2020 {
  if (!ajv) {
    ajv = new Ajv2020({ allErrors: true, verbose: true, strict: false, allowUnionTypes: true });
    addFormats(ajv);
    for (const { schema } of readSchemaFiles()) ajv.addSchema(schema);
  }
  return ajv;
}

function validatorFor(schemaFile: string): ValidateFunction {
  let validate = compiled.get(schemaFile);
  if (!validate) {
    validate = instance().getSchema(SCHEMA_BASE + schemaFile);
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
