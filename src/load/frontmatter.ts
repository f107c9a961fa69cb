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

/** The text of a line without its line ending (LF or CRLF). */
function lineAt(text: string, start: number, end: number): string {
  return end > start && text.charCodeAt(end - 1) === 13 ? text.slice(start, end - 1) : text.slice(start, end);
}

/** A run of lines joined with LF, as if each line had lost a trailing CR. */
function withoutCR(run: string): string {
  return run.includes('\r') ? run.replace(/\r(?=\n)|\r$/g, '') : run;
}

/**
 * Lines are what `text.split('\n')` gives, each without a trailing CR. The file is walked only up to the
 * closing fence and the body is taken as one slice: splitting a large body into lines and joining it again
 * is measurable on a corpus of thousands of files.
 */
export function splitFrontmatter(source: string): FrontmatterSplit {
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  let end = text.indexOf('\n');
  if (end < 0) end = text.length;
  if (!FENCE.test(lineAt(text, 0, end))) {
    // The first fence, if only blank lines stand before it, is a fence in the wrong place.
    let line = 0;
    for (let start = 0; start <= text.length; line++) {
      let stop = text.indexOf('\n', start);
      if (stop < 0) stop = text.length;
      const content = lineAt(text, start, stop);
      if (content.trim() !== '') {
        const misplaced = line > 0 && FENCE.test(content);
        return { yaml: undefined, yamlLineOffset: 0, body: text, bodyStartLine: 1, problem: misplaced ? { kind: 'not-at-start', line: line + 1 } : { kind: 'missing' } };
      }
      start = stop + 1;
    }
    return { yaml: undefined, yamlLineOffset: 0, body: text, bodyStartLine: 1, problem: { kind: 'missing' } };
  }
  const yamlStart = end + 1;
  let line = 1;
  for (let start = yamlStart; start <= text.length; line++) {
    let stop = text.indexOf('\n', start);
    if (stop < 0) stop = text.length;
    if (CLOSE.test(lineAt(text, start, stop))) {
      return {
        yaml: withoutCR(text.slice(yamlStart, Math.max(yamlStart, start - 1))),
        yamlLineOffset: 1,
        body: stop < text.length ? withoutCR(text.slice(stop + 1)) : '',
        bodyStartLine: line + 2,
      };
    }
    start = stop + 1;
  }
  return { yaml: undefined, yamlLineOffset: 1, body: '', bodyStartLine: line + 1, problem: { kind: 'unclosed' } };
}
