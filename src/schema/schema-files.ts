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

/** Schema file of each dokumenttyp; file names are ASCII. */
export const KIND_SCHEMA: Record<string, string> = {
  policy: 'policy.schema.json',
  strategi: 'strategi.schema.json',
  riktlinje: 'riktlinje.schema.json',
  anvisning: 'anvisning.schema.json',
  rutin: 'rutin.schema.json',
  åtgärdsplan: 'atgardsplan.schema.json',
  överenskommelse: 'overenskommelse.schema.json',
  iop: 'iop.schema.json',
  verksamhetsplan: 'verksamhetsplan.schema.json',
};
