import { readSchemaFiles, KIND_SCHEMA } from '../schema/schema-files.js';

/**
 * Read-only questions about the document schemas that the authoring tools ask: in what order the keys of an
 * object come, and whether a value is a date. $refs between the schema files are followed here, so callers
 * never see them.
 */
type Json = Record<string, unknown>;

export interface SchemaNode {
  schema: Json;
  /** The file the schema came from, for resolving relative $refs. */
  file: string;
}

let files: Map<string, Json> | undefined;

function schemaFiles(): Map<string, Json> {
  files ??= new Map(readSchemaFiles().map(({ file, schema }) => [file, schema]));
  return files;
}

function pointer(root: Json, fragment: string): Json | undefined {
  let node: unknown = root;
  for (const part of fragment.split('/').filter(Boolean)) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Json)[decodeURIComponent(part).replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return typeof node === 'object' && node !== null ? (node as Json) : undefined;
}

function follow(ref: string, from: string): SchemaNode | undefined {
  const [filePart, fragment = ''] = ref.split('#');
  const file = filePart ? filePart : from;
  const root = schemaFiles().get(file);
  if (!root) return undefined;
  const target = pointer(root, fragment);
  return target ? { schema: target, file } : undefined;
}

/** The schemas a node stands for: itself and, through $ref, what it refers to (nearest first). */
function chain(node: SchemaNode): SchemaNode[] {
  const out: SchemaNode[] = [];
  let current: SchemaNode | undefined = node;
  while (current && out.length < 16) {
    out.push(current);
    const ref: unknown = current.schema.$ref;
    current = typeof ref === 'string' ? follow(ref, current.file) : undefined;
  }
  return out;
}

export function kindNode(kind: string): SchemaNode | undefined {
  const file = KIND_SCHEMA[kind];
  const schema = file ? schemaFiles().get(file) : undefined;
  return file && schema ? { schema, file } : undefined;
}

/** The property names of an object schema in schema order: the shared ones first, then the kind's own. */
export function propertyOrder(node: SchemaNode): string[] {
  const order: string[] = [];
  for (const part of [...chain(node)].reverse()) {
    const properties = part.schema.properties;
    if (typeof properties !== 'object' || properties === null) continue;
    for (const key of Object.keys(properties)) if (!order.includes(key)) order.push(key);
  }
  return order;
}

/** The schema of one child: a property of an object, or the items of an array. */
export function childNode(node: SchemaNode, segment: string | number): SchemaNode | undefined {
  for (const part of chain(node)) {
    if (typeof segment === 'number') {
      const items = part.schema.items;
      if (typeof items === 'object' && items !== null) return { schema: items as Json, file: part.file };
    } else {
      const properties = part.schema.properties as Json | undefined;
      const property = properties?.[segment];
      if (typeof property === 'object' && property !== null && Object.keys(property).some((k) => k !== 'const')) {
        return { schema: property as Json, file: part.file };
      }
    }
  }
  return undefined;
}

export function nodeAt(kind: string, path: readonly (string | number)[]): SchemaNode | undefined {
  let node = kindNode(kind);
  for (const segment of path) {
    if (!node) return undefined;
    node = childNode(node, segment);
  }
  return node;
}

/** Whether the value may be a date written ÅÅÅÅ-MM-DD: a date, or a choice of which a date is one. */
export function acceptsDate(node: SchemaNode): boolean {
  for (const part of chain(node)) {
    if (part.schema.format === 'date') return true;
    const anyOf = part.schema.anyOf;
    if (Array.isArray(anyOf) && anyOf.some((option) => typeof option === 'object' && option !== null && acceptsDate({ schema: option as Json, file: part.file }))) return true;
  }
  return false;
}

/** Title and description of a node, the nearest that has one (a property's own title wins over its $ref's). */
export function describe(node: SchemaNode): { title?: string; description?: string } {
  const parts = chain(node);
  const title = parts.map((p) => p.schema.title).find((t): t is string => typeof t === 'string');
  const description = parts.map((p) => p.schema.description).find((d): d is string => typeof d === 'string');
  return { ...(title ? { title } : {}), ...(description ? { description } : {}) };
}
