import type { Formatter } from '../formatter.js';
import { github } from './github.js';
import { json } from './json.js';
import { junit } from './junit.js';
import { pretty } from './pretty.js';
import { sarif } from './sarif.js';
import { summary } from './summary.js';

export type FormatName = 'pretty' | 'github' | 'json' | 'sarif' | 'junit' | 'summary';

/** Every formatter's output ends in one newline, so the CLI can write it as it is. */
export const formatters: Record<FormatName, Formatter> = { pretty, github, json, sarif, junit, summary };

export const formatNames = Object.keys(formatters) as FormatName[];

export function getFormatter(name: string): Formatter | undefined {
  // hasOwn, so that names like 'toString' are not found on the prototype.
  return Object.hasOwn(formatters, name) ? formatters[name as FormatName] : undefined;
}
