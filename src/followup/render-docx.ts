import {
  AlignmentType,
  BorderStyle,
  Document,
  HeadingLevel,
  LevelFormat,
  Packer,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { swedishDate } from '../corpus/dates.js';
import type { FollowupReport } from './report-model.js';
import { plainText, reportBlocks, type Block, type Run } from './report-blocks.js';

/**
 * The stadsgemensam rapport as a Word file, for the ärende to kommunstyrelsen: the same headings, tables and
 * lists as the Markdown (report-blocks.ts), in Word's own heading styles (the navigation pane, a table of
 * contents and a screen reader find them), tables whose header row repeats on every page and is marked as
 * headers, Swedish as the document's language, and the title in the file's properties.
 */
export async function renderDocx(report: FollowupReport): Promise<Buffer> {
  const blocks = reportBlocks(report);
  const title = blocks[0]?.kind === 'heading' ? blocks[0].text : `Stadsgemensam uppföljning ${report.år}`;
  const document = new Document({
    title,
    creator: 'styrdok',
    description: `Sammanställd av styrdok ${swedishDate(report.idag)} ur nämndernas verksamhetsplaner för ${report.år}.`,
    // 6 points after a paragraph and 12 before a heading, so that the parts of a goal stand apart.
    styles: {
      default: {
        document: { run: { font: 'Calibri', size: 22, language: { value: 'sv-SE' } }, paragraph: { spacing: { after: 120 } } },
        ...Object.fromEntries([1, 2, 3, 4].map((level) => [`heading${level}`, { paragraph: { spacing: { before: 240, after: 120 } } }])),
      },
    },
    numbering: { config: [{ reference: BULLETS, levels: [{ level: 0, format: LevelFormat.BULLET, text: '•', alignment: AlignmentType.LEFT, style: { paragraph: { indent: { left: 360, hanging: 260 } } } }] }] },
    sections: [
      {
        // A4 landscape: the tables have a column per period, and the goals' names are long.
        // The size as portrait: the library turns it for a landscape page.
        properties: { page: { size: { orientation: PageOrientation.LANDSCAPE, width: A4_SHORT, height: A4_LONG }, margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN } } },
        children: blocks.flatMap((block, i) => [...blockContent(block, blocks[i - 1]?.kind === 'table'), ...(block.kind === 'table' && blocks[i + 1]?.kind === 'table' ? [new Paragraph({})] : [])]),
      },
    ],
  });
  return Packer.toBuffer(document);
}

const BULLETS = 'styrdok-punkter';
/** A4 in twentieths of a point, and 2 cm margins: a landscape page has 14,570 for its text. */
const A4_SHORT = 11906;
const A4_LONG = 16838;
const MARGIN = 1134;
const TEXT_WIDTH = A4_LONG - 2 * MARGIN;
const HEADINGS = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3, 4: HeadingLevel.HEADING_4 } as const;
/** Table text in 9 points (half-points), the body in 11. */
const TABLE_SIZE = 18;
/** About the width of a character of 9-point text with the cell's margins shared out, in twentieths of a point. */
const TABLE_CHAR = 100;

/** A block's paragraphs or table; text right after a table gets room above it, as a heading has. */
function blockContent(block: Block, afterTable: boolean): (Paragraph | Table)[] {
  const spacing = afterTable || (block.kind === 'paragraph' && block.opens) ? { spacing: { before: 200 } } : {};
  switch (block.kind) {
    case 'heading':
      return [new Paragraph({ heading: HEADINGS[block.level], children: [new TextRun(block.text)] })];
    case 'paragraph':
      return [new Paragraph({ ...spacing, children: block.lines.flatMap((line, i) => runs(line, { breakBefore: i > 0 })) })];
    case 'note':
      return [new Paragraph({ ...spacing, children: runs(block.runs), border: { left: { style: BorderStyle.SINGLE, size: 18, color: 'B00020', space: 8 } }, indent: { left: 240 } })];
    case 'list':
      return block.items.map((item, i) => new Paragraph({ ...(i === 0 ? spacing : {}), numbering: { reference: BULLETS, level: 0 }, children: runs(item) }));
    case 'table':
      // Two tables in a row get an empty paragraph between them (renderDocx): Word would join them into one.
      return [tableOf(block)];
  }
}

function tableOf(block: Extract<Block, { kind: 'table' }>): Table {
  const cell = (content: Run[], header: boolean) =>
    new TableCell({
      children: [new Paragraph({ spacing: { after: 0 }, children: runs(content, { size: TABLE_SIZE, bold: header }) })],
      ...(header ? { shading: { fill: 'E7E6E6' } } : {}),
    });
  const columnWidths = widthsOf(block);
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths,
    layout: TableLayoutType.FIXED,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: block.header.map((text) => cell([text], true)) }),
      ...block.rows.map((row) => new TableRow({ cantSplit: true, children: row.map((content) => cell(content, false)) })),
    ],
  });
}

/**
 * Column widths by what the columns hold, so that no word breaks in the middle where that can be helped. Each
 * column first gets room for its longest word (a heading's in bold, a third wider; at most 20 characters:
 * a file path breaks anyway), then the rest of the line is shared by how much more each column's longest
 * cell wants (up to 60 characters: a longer text wraps in any case).
 */
function widthsOf(block: Extract<Block, { kind: 'table' }>): number[] {
  const longestWord = (text: string) => Math.max(0, ...text.split(/\s+/).map((word) => word.length));
  const columns = block.header.map((heading, i) => {
    const cells = block.rows.map((row) => plainText(row[i] ?? []));
    const least = Math.min(20, Math.max(longestWord(heading) * 1.35 + 1, ...cells.map(longestWord)) + 1);
    const wanted = Math.max(least, Math.min(60, Math.max(8, ...cells.map((cell) => cell.length))));
    return { least: least * TABLE_CHAR, wanted: wanted * TABLE_CHAR };
  });
  const least = columns.reduce((sum, c) => sum + c.least, 0);
  const wanted = columns.reduce((sum, c) => sum + c.wanted, 0);
  if (least >= TEXT_WIDTH) return columns.map((c) => Math.floor((TEXT_WIDTH * c.least) / least));
  if (wanted <= TEXT_WIDTH) return columns.map((c) => Math.floor((TEXT_WIDTH * c.wanted) / wanted));
  return columns.map((c) => Math.floor(c.least + ((TEXT_WIDTH - least) * (c.wanted - c.least)) / (wanted - least)));
}

function runs(content: Run[], options: { size?: number; bold?: boolean; breakBefore?: boolean } = {}): TextRun[] {
  return content.map((run, i) => {
    const { text, bold, italic, code } = typeof run === 'string' ? { text: run, bold: undefined, italic: undefined, code: undefined } : run;
    return new TextRun({
      text,
      ...(bold || options.bold ? { bold: true } : {}),
      ...(italic ? { italics: true } : {}),
      ...(code ? { font: 'Consolas' } : {}),
      ...(options.size ? { size: options.size } : {}),
      ...(options.breakBefore && i === 0 ? { break: 1 } : {}),
    });
  });
}
