import type { Diagnostic } from '../../model/diagnostic.js';
import type { Formatter } from '../formatter.js';
import { markHiddenCharacters } from '../../load/hidden-characters.js';
import { groupByFile, position, summarize } from './common.js';

export interface PrettyOptions {
  color: boolean;
}

const SEVERITY = { error: 'fel', warning: 'varning' } as const;
const SEVERITY_WIDTH = 7; // 'varning'

type Paint = (code: string, text: string) => string;
const ansi: Paint = (code, text) => `\u001b[${code}m${text}\u001b[0m`;
const plain: Paint = (_code, text) => text;

/**
 * Messages may quote document text: keep line breaks, drop other control characters so they cannot
 * steer the terminal, and drop blank lines, which would read as the gap between files.
 */
function lines(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/\t/g, ' ')
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '')
    .split('\n')
    .map((line) => line.trimEnd())
    .filter((line) => line !== '');
}

function oneLine(text: string): string {
  return lines(text).join(' ');
}

/** Columns as a terminal shows them: combining marks (å written as a + ring) take no room. */
function width(text: string): number {
  return [...text.replace(/\p{M}/gu, '')].length;
}

function padEnd(text: string, to: number): string {
  return text + ' '.repeat(Math.max(0, to - width(text)));
}

function formatFile(file: string, diagnostics: Diagnostic[], paint: Paint): string {
  // Widest of each, by a loop: Math.max(...list) overflows the stack for a file with 130,000 findings.
  const widest = (of: (d: Diagnostic) => number) => diagnostics.reduce((most, d) => Math.max(most, of(d)), 0);
  const lineWidth = widest((d) => String(d.span.start.line).length);
  const colWidth = widest((d) => String(d.span.start.column).length);
  const messageWidth = widest((d) => width(lines(d.message)[0] ?? ''));
  // Like ESLint's stylish: line numbers right-aligned, columns left-aligned, so the colons line up.
  const positionWidth = lineWidth + 1 + colWidth;
  const messageIndent = ' '.repeat(2 + positionWidth + 2 + SEVERITY_WIDTH + 2);

  // A file name may hold a hidden character (a hard space from a word processor, a direction override that
  // would turn the rest of the line around): written out, so the name reads as it is.
  const out = [paint('4', oneLine(markHiddenCharacters(file)))];
  for (const d of diagnostics) {
    const [first = '', ...rest] = lines(d.message);
    const pos =
      String(d.span.start.line).padStart(lineWidth) + ':' + String(d.span.start.column).padEnd(colWidth);
    const severity = padEnd(SEVERITY[d.severity], SEVERITY_WIDTH);
    out.push(
      `  ${paint('2', pos)}  ${paint(d.severity === 'error' ? '31' : '33', severity)}  ` +
        `${padEnd(first, messageWidth)}  ${paint('2', oneLine(d.ruleId))}`,
    );
    for (const line of rest) out.push(messageIndent + line);
    for (const r of d.related ?? []) {
      out.push(`      se även ${oneLine(markHiddenCharacters(r.file))}:${position(r.span.start)}: ${oneLine(r.message)}`);
    }
  }
  return out.join('\n');
}

export function createPrettyFormatter(options: PrettyOptions): Formatter {
  const paint = options.color ? ansi : plain;
  return (diagnostics, context) => {
    const blocks = [...groupByFile(diagnostics)].map(([file, group]) => formatFile(file, group, paint));
    const summary = summarize(diagnostics, context);
    const summaryColor = summary.errors > 0 ? '1;31' : summary.warnings > 0 ? '1;33' : '32';
    blocks.push(paint(summaryColor, summary.text));
    return blocks.join('\n\n') + '\n';
  };
}

export const pretty: Formatter = createPrettyFormatter({ color: false });
export default pretty;
