import type { ErrorObject } from 'ajv';
import { closest } from 'fastest-levenshtein';
import type { PathSegment } from '../load/yaml-source.js';
import { readSchemaFiles } from './schema-files.js';
import { didYouMean } from '../rules/util/suggest.js';
import { clip } from '../load/clip.js';

export interface SchemaProblem {
  /** Path of the key at fault in the frontmatter. */
  path: PathSegment[];
  message: string;
}

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  integer: 'ett heltal',
  number: 'ett tal',
  boolean: 'true eller false',
  array: 'en lista',
  object: 'en grupp av nycklar',
  null: 'tomt',
};

function pathOf(instancePath: string): PathSegment[] {
  if (!instancePath) return [];
  return instancePath
    .slice(1)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

function keyName(path: PathSegment[]): string {
  const last = [...path].reverse().find((segment) => typeof segment === 'string');
  return last === undefined ? 'frontmatter' : `«${String(last)}»`;
}

function show(value: unknown): string {
  if (typeof value === 'string') return `«${clip(value)}»`;
  return clip(JSON.stringify(value) ?? String(value));
}

function valueAt(data: unknown, path: PathSegment[]): unknown {
  let node: unknown = data;
  for (const segment of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[segment as string];
  }
  return node;
}

function help(schema: unknown): string {
  const description = (schema as { description?: string } | undefined)?.description;
  return description ? ` ${description}` : '';
}

function messageFor(error: ErrorObject, data: unknown): SchemaProblem {
  const path = pathOf(error.instancePath);
  const params = error.params as Record<string, unknown>;
  // A key its object's propertyNames refuses: report the key itself. A list of names (enum) gives names to
  // suggest; any other schema for the names (a pattern, as for avstämd_mot) can only say the form and why.
  if (typeof error.propertyName === 'string') {
    const key = error.propertyName;
    if (!Array.isArray(error.schema)) {
      const where = path.length ? ` under ${keyName(path)}` : '';
      return { path: [...path, key], message: `Nyckeln «${key}»${where} har inte den form som krävs.${help(error.parentSchema)}` };
    }
    const allowed = error.schema.map(String);
    return { path: [...path, key], message: `Okänd nyckel «${key}».${didYouMean(key, allowed)} Tillåtna: ${allowed.join(', ')}.` };
  }
  const value = valueAt(data, path);
  switch (error.keyword) {
    case 'required': {
      const missing = String(params.missingProperty);
      const where = path.length ? ` under ${keyName(path)}` : '';
      return { path, message: `Nyckeln «${missing}» saknas${where}. Lägg till den.` };
    }
    case 'additionalProperties':
    case 'unevaluatedProperties': {
      const key = String(params.additionalProperty ?? params.unevaluatedProperty);
      const parent = error.parentSchema as { properties?: object; $ref?: string } | undefined;
      const known = [...Object.keys(parent?.properties ?? {}), ...(parent?.$ref === 'styrdokument.schema.json' ? commonKeys() : [])];
      const suggestion = known.length ? closest(key, known) : undefined;
      const hint = suggestion && similar(key, suggestion) ? ` Menade du «${suggestion}»?` : ' Ta bort den eller kontrollera stavningen.';
      return { path: [...path, key], message: `Okänd nyckel «${key}».${hint}` };
    }
    case 'type': {
      const expected = String(params.type)
        .split(',')
        .map((type) => TYPE_WORDS[type] ?? type)
        .join(' eller ');
      return { path, message: `${keyName(path)} ska vara ${expected}, men är ${show(value)}.${help(error.parentSchema)}` };
    }
    case 'enum':
    case 'const': {
      const allowed = (params.allowedValues as unknown[] | undefined) ?? [params.allowedValue];
      return { path, message: `Värdet ${show(value)} är inte tillåtet för ${keyName(path)}. Tillåtna värden: ${allowed.map(show).join(', ')}.` };
    }
    case 'format':
      if (params.format === 'date') {
        return { path, message: `${show(value)} är inget giltigt datum. Skriv ett datum som finns, som ÅÅÅÅ-MM-DD, till exempel 2023-12-18.` };
      }
      return { path, message: `${show(value)} har fel format (${String(params.format)}).` };
    case 'pattern':
      return { path, message: `${show(value)} har fel form för ${keyName(path)}.${help(error.parentSchema)}` };
    case 'anyOf':
    case 'oneOf':
      if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
        return { path, message: `${show(value)} är inget giltigt datum: den dagen finns inte. Kontrollera månad och dag.` };
      }
      return { path, message: `${show(value)} är inget tillåtet värde för ${keyName(path)}.${help(error.parentSchema)}` };
    case 'minItems':
      return { path, message: `${keyName(path)} ska ha minst ${String(params.limit)} ${params.limit === 1 ? 'post' : 'poster'}.` };
    case 'maxItems':
      return { path, message: `${keyName(path)} får ha högst ${String(params.limit)} poster.` };
    case 'minLength':
      return { path, message: `${keyName(path)} får inte vara tom.` };
    case 'maxLength':
      return { path, message: `${keyName(path)} får vara högst ${String(params.limit)} tecken.` };
    case 'uniqueItems':
      return { path, message: `${keyName(path)} innehåller samma värde två gånger (post ${Number(params.j) + 1} och ${Number(params.i) + 1}). Ta bort dubbletten.` };
    case 'minimum':
    case 'maximum':
      return { path, message: `${keyName(path)} ska vara ${error.keyword === 'minimum' ? 'minst' : 'högst'} ${String(params.limit)}.` };
    case 'not':
      // A combination the schema rules out says in its description what is wrong (a prognos for a helår).
      return { path, message: (error.parentSchema as { description?: string } | undefined)?.description ?? `${keyName(path)} har en otillåten kombination av nycklar.` };
    default:
      return { path, message: `${keyName(path)}: ${error.message ?? 'ogiltigt värde'}.` };
  }
}

let common: string[] | undefined;
function commonKeys(): string[] {
  common ??= Object.keys((readSchemaFiles().find((f) => f.file === 'styrdokument.schema.json')?.schema.properties ?? {}) as object);
  return common;
}

function similar(a: string, b: string): boolean {
  return a.toLowerCase().slice(0, 3) === b.toLowerCase().slice(0, 3) || Math.abs(a.length - b.length) <= 2;
}

/**
 * Turns ajv's errors into one Swedish problem per fault. The branches of a failed anyOf are folded into
 * the anyOf's own message, which explains the allowed forms through the schema's description.
 */
export function schemaErrorsToProblems(errors: ErrorObject[], data: unknown): SchemaProblem[] {
  const unionPaths = errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf').map((e) => e.instancePath);
  const insideUnion = (e: ErrorObject) =>
    e.keyword !== 'anyOf' && e.keyword !== 'oneOf' && unionPaths.some((p) => e.instancePath === p || e.instancePath.startsWith(p + '/'));
  // ajv reports a bad property name twice: once for the name's own schema, once as propertyNames; and a failed
  // then both as its own error (told by the 'not' in it) and as the if's.
  const kept = errors.filter((e) => !insideUnion(e) && e.keyword !== 'propertyNames' && e.keyword !== 'if');
  const seen = new Set<string>();
  const problems: SchemaProblem[] = [];
  for (const error of kept) {
    const problem = messageFor(error, data);
    const key = JSON.stringify(problem);
    if (!seen.has(key)) {
      seen.add(key);
      problems.push(problem);
    }
  }
  return problems;
}
