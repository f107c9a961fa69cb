import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The schemas folder at the package root; the same path from src/ (tests) and dist/ (CLI). */
export const SCHEMA_DIR = fileURLToPath(new URL('../../schemas/', import.meta.url));
export const SCHEMA_BASE = 'https://styrdok.se/schemas/';

export interface SchemaFile {
  file: string;
  schema: Record<string, unknown>;
}

export function readSchemaFiles(): SchemaFile[] {
  return readdirSync(SCHEMA_DIR)
    .filter((file) => file.endsWith('.schema.json'))
    .sort()
    .map((file) => ({ file, schema: JSON.parse(readFileSync(SCHEMA_DIR + file, 'utf8')) as Record<string, unknown> }));
}

/**
 * Schema file of each dokumenttyp, read from the schemas themselves (the one whose `dokumenttyp` is that
 * kind's `const`), so a new kind needs only its schema. scripts/generate-cms-config.mjs does the same.
 */
export const KIND_SCHEMA: Record<string, string> = Object.fromEntries(
  readSchemaFiles().flatMap(({ file, schema }) => {
    const kind = (schema.properties as { dokumenttyp?: { const?: unknown } } | undefined)?.dokumenttyp?.const;
    return typeof kind === 'string' ? [[kind, file]] : [];
  }),
);
