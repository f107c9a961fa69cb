/**
 * Plain text of a styrdokument (as copied out of a PDF or Word file) to Markdown. Plain text has no marked
 * headings, so they are recognised by shape: a numbered line ("4.1 Förebyggande insatser") is a heading at
 * its number's depth; a short line standing alone without closing punctuation, followed by running text, is
 * a heading one level below the last numbered one. Lists ("- ", "• ") and tab-separated tables survive.
 * A paragraph that starts in lower case continues the one before it (a page break in the original).
 */
export interface TextNote {
  line: number;
  message: string;
}

interface Block {
  lines: string[];
  /** 1-based line of the block's first line in the source. */
  line: number;
}

const BULLET = /^\s*(?:[-•–*▪●◦]|\d{1,2}[.)])\s+/;
const NUMBERED_HEADING = /^(\d{1,2}(?:\.\d{1,2}){0,4})\.?[\t ]+(\S.*)$/;
const TOC_LINE = /^\d{1,2}(?:\.\d{1,2})*\t.+\t\d+\s*$/;
const CLOSING = /[.,:;!?…)]$/;

function blocksOf(lines: string[], firstLine: number): Block[] {
  const blocks: Block[] = [];
  let current: Block | undefined;
  lines.forEach((raw, i) => {
    const line = raw.replace(/\s+$/, '');
    if (line.trim() === '') {
      current = undefined;
      return;
    }
    if (!current) {
      current = { lines: [], line: firstLine + i };
      blocks.push(current);
    }
    current.lines.push(line);
  });
  return blocks;
}

const isList = (b: Block) => b.lines.every((l) => BULLET.test(l));
const isTable = (b: Block) => b.lines.length >= 2 && b.lines.every((l) => l.includes('\t')) && new Set(b.lines.map((l) => l.split('\t').length)).size === 1;
const isToc = (b: Block) => b.lines.length >= 2 && b.lines.every((l) => TOC_LINE.test(l));

function headingShape(text: string): boolean {
  const words = text.trim().split(/\s+/);
  return text.length <= 90 && words.length <= 12 && /^[\p{Lu}\d]/u.test(text.trim()) && !CLOSING.test(text.trim()) && !text.includes('\t');
}

function escapeCell(text: string): string {
  return text.trim().replace(/\|/g, '\\|');
}

function table(lines: string[]): string {
  const rows = lines.map((l) => l.split('\t').map(escapeCell));
  const [head, ...rest] = rows;
  const width = head!.length;
  return [`| ${head!.join(' | ')} |`, `|${' --- |'.repeat(width)}`, ...rest.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

/** Text that Markdown would read as syntax at the start of a paragraph is escaped. */
function paragraph(lines: string[]): string {
  return lines.map((l) => l.trim().replace(/^(#{1,6}\s|>|\d+[.)]\s|[-+*]\s)/, '\\$1')).join('\n');
}

export function textToMarkdown(lines: string[], firstLine: number): { markdown: string; notes: TextNote[] } {
  const notes: TextNote[] = [];
  const blocks = blocksOf(lines, firstLine);
  const out: string[] = [];
  let depth = 0;
  let previousParagraph: number | undefined;

  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    const next = blocks[i + 1];
    const single = block.lines.length === 1 ? block.lines[0]!.trim() : undefined;

    // A table of contents: the site lists the headings itself.
    if (single && /^innehåll(sförteckning)?$/i.test(single) && next && isToc(next)) {
      notes.push({ line: block.line, message: `Innehållsförteckningen (rad ${block.line}–${next.line + next.lines.length - 1}) togs bort: webbplatsen visar rubrikerna.` });
      i++;
      previousParagraph = undefined;
      continue;
    }
    if (isToc(block)) {
      notes.push({ line: block.line, message: `Innehållsförteckningen (rad ${block.line}–${block.line + block.lines.length - 1}) togs bort: webbplatsen visar rubrikerna.` });
      previousParagraph = undefined;
      continue;
    }
    if (isList(block)) {
      out.push(block.lines.map((l) => l.replace(BULLET, (m) => (/\d/.test(m) ? m.trim() + ' ' : '- '))).join('\n'));
      previousParagraph = undefined;
      continue;
    }
    if (isTable(block)) {
      out.push(table(block.lines));
      previousParagraph = undefined;
      continue;
    }
    const numbered = single ? NUMBERED_HEADING.exec(single) : null;
    if (numbered && headingShape(numbered[2]!) && Number(numbered[1]!.split('.')[0]) <= 30 && next && !isList(next)) {
      depth = numbered[1]!.split('.').length;
      out.push(`${'#'.repeat(Math.min(6, depth + 1))} ${numbered[1]} ${numbered[2]!.trim()}`);
      previousParagraph = undefined;
      continue;
    }
    if (single && headingShape(single) && !/^\d/.test(single) && next && !isList(next) && !isTable(next)) {
      out.push(`${'#'.repeat(Math.min(6, depth + 2))} ${single}`);
      previousParagraph = undefined;
      continue;
    }
    // A paragraph cut by a page break: the part after the break starts in lower case.
    const text = paragraph(block.lines);
    if (previousParagraph !== undefined && /^\p{Ll}/u.test(text) && !CLOSING.test(out[previousParagraph]!)) {
      out[previousParagraph] = `${out[previousParagraph]} ${text}`;
      notes.push({ line: block.line, message: `Stycket på rad ${block.line} fortsätter stycket före (troligen en sidbrytning) och slogs ihop med det.` });
      continue;
    }
    out.push(text);
    previousParagraph = out.length - 1;
  }
  return { markdown: out.join('\n\n'), notes };
}
