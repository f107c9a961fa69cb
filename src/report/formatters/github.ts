import type { Diagnostic } from '../../model/diagnostic.js';
import type { Formatter } from '../formatter.js';
import { position, sortDiagnostics, summarize, toPosix } from './common.js';

// Escaping as in @actions/core's command.ts (escapeData / escapeProperty).
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * The runner drops the whole annotation if col/endColumn are given for a span over several lines,
 * or if endColumn < col, so only positions it accepts are emitted.
 */
function locationProperties(d: Diagnostic): [string, number][] {
  const { start, end } = d.span;
  const props: [string, number][] = [['line', start.line]];
  if (end && end.line > start.line) {
    props.push(['endLine', end.line]);
    return props;
  }
  props.push(['col', start.column]);
  if (end && end.line === start.line && end.column >= start.column) {
    props.push(['endLine', end.line], ['endColumn', end.column]);
  }
  return props;
}

function command(d: Diagnostic): string {
  const props = [
    `file=${escapeProperty(toPosix(d.file))}`,
    ...locationProperties(d).map(([key, value]) => `${key}=${value}`),
    `title=${escapeProperty(d.ruleId)}`,
  ];
  // Annotations have no related locations; they go on extra lines of the message.
  const related = (d.related ?? []).map((r) => `\nse även ${toPosix(r.file)}:${position(r.span.start)}: ${r.message}`);
  return `::${d.severity} ${props.join(',')}::${escapeData(d.message + related.join(''))}`;
}

export const github: Formatter = (diagnostics, context) =>
  [...sortDiagnostics(diagnostics).map(command), summarize(diagnostics, context).text].join('\n') + '\n';

export default github;
