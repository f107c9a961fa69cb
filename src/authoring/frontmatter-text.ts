import { stringify } from 'yaml';
import { childNode, kindNode, propertyOrder, type SchemaNode } from './schema-info.js';

/** Copies `value` with the keys of every object in schema order; keys the schema does not know come last. */
export function orderBySchema(value: unknown, node: SchemaNode | undefined): unknown {
  if (Array.isArray(value)) return value.map((item, i) => orderBySchema(item, node ? childNode(node, i) : undefined));
  if (typeof value !== 'object' || value === null) return value;
  const record = value as Record<string, unknown>;
  const order = node ? propertyOrder(node) : [];
  const keys = Object.keys(record).sort((a, b) => rank(order, a) - rank(order, b));
  return Object.fromEntries(keys.map((key) => [key, orderBySchema(record[key], node ? childNode(node, key) : undefined)]));
}

function rank(order: string[], key: string): number {
  const index = order.indexOf(key);
  return index < 0 ? order.length : index;
}

/**
 * The text of a document: frontmatter with the schema modeline first, keys in schema order, then the body.
 * `comments` become YAML comment lines at the end of the frontmatter (what an import could not map).
 */
export function documentText(options: { kind: string; data: Record<string, unknown>; modeline: string; body: string; comments?: string[] }): string {
  const ordered = orderBySchema(options.data, kindNode(options.kind));
  const yaml = stringify(ordered, { lineWidth: 0, indentSeq: true });
  const comments = (options.comments ?? []).flatMap((c) => c.split('\n')).map((line) => `# ${line}`.trimEnd());
  const body = options.body.replace(/^\n+/, '').replace(/\s+$/, '');
  return ['---', options.modeline, yaml.trimEnd(), ...comments, '---', '', ...(body ? [body, ''] : [])].join('\n');
}
