/**
 * Splits a Markdown file into its YAML frontmatter and body without parsing the body.
 * Written by hand rather than through remark-frontmatter because the check reads every file on its hot
 * path and only needs the fence positions; remark still parses bodies where a rule needs the mdast.
 */
export interface FrontmatterSplit {
  /** The YAML text between the fences, or undefined when the file has no frontmatter. */
  yaml: string | undefined;
  /** Lines before the YAML text (the opening fence): added to YAML positions to get file positions. */
  yamlLineOffset: number;
  body: string;
  /** 1-based line of the body's first line. */
  bodyStartLine: number;
  problem?: FrontmatterProblem;
}

export type FrontmatterProblem =
  | { kind: 'missing' }
  | { kind: 'not-at-start'; line: number }
  | { kind: 'unclosed' };

const FENCE = /^---[ \t]*$/;
const CLOSE = /^(---|\.\.\.)[ \t]*$/;

export function splitFrontmatter(source: string): FrontmatterSplit {
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  const lines = text.split('\n').map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line));
  if (!FENCE.test(lines[0] ?? '')) {
    const fenceLine = lines.findIndex((line) => FENCE.test(line));
    const onlyBlankBefore = fenceLine > 0 && lines.slice(0, fenceLine).every((line) => line.trim() === '');
    return {
      yaml: undefined,
      yamlLineOffset: 0,
      body: text,
      bodyStartLine: 1,
      problem: onlyBlankBefore ? { kind: 'not-at-start', line: fenceLine + 1 } : { kind: 'missing' },
    };
  }
  const closeIndex = lines.findIndex((line, index) => index > 0 && CLOSE.test(line));
  if (closeIndex < 0) {
    return { yaml: undefined, yamlLineOffset: 1, body: '', bodyStartLine: lines.length + 1, problem: { kind: 'unclosed' } };
  }
  return {
    yaml: lines.slice(1, closeIndex).join('\n'),
    yamlLineOffset: 1,
    body: lines.slice(closeIndex + 1).join('\n'),
    bodyStartLine: closeIndex + 2,
  };
}
