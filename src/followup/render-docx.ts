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
import { reportBlocks, type Block, type Run } from './report-blocks.js';

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
    styles: { default: { document: { run: { font: 'Calibri', size: 22, language: { value: 'sv-SE' } } } } },
    numbering: { config: [{ reference: BULLETS, levels: [{ level: 0, format: LevelFormat.BULLET, text: '•', alignment: AlignmentType.LEFT, style: { paragraph: { indent: { left: 360, hanging: 260 } } } }] }] },
    sections: [
      {
        // A4 landscape: the tables have a column per period, and the goals' names are long.
        properties: { page: { size: { orientation: PageOrientation.LANDSCAPE, width: 16838, height: 11906 }, margin: { top: 1134, bottom: 1134, left: 1134, right: 1134 } } },
        children: blocks.flatMap((block, i) => [...blockContent(block), ...(block.kind === 'table' && blocks[i + 1]?.kind === 'table' ? [new Paragraph({})] : [])]),
      },
    ],
  });
  return Packer.toBuffer(document);
}

const BULLETS = 'styrdok-punkter';
const HEADINGS = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3, 4: HeadingLevel.HEADING_4 } as const;
/** Table text in 9 points (half-points), the body in 11. */
const TABLE_SIZE = 18;

function blockContent(block: Block): (Paragraph | Table)[] {
  switch (block.kind) {
    case 'heading':
      return [new Paragraph({ heading: HEADINGS[block.level], children: [new TextRun(block.text)] })];
    case 'paragraph':
      return [new Paragraph({ children: block.lines.flatMap((line, i) => runs(line, { breakBefore: i > 0 })) })];
    case 'note':
      return [new Paragraph({ children: runs(block.runs), border: { left: { style: BorderStyle.SINGLE, size: 18, color: 'B00020', space: 8 } }, indent: { left: 240 } })];
    case 'list':
      return block.items.map((item) => new Paragraph({ numbering: { reference: BULLETS, level: 0 }, children: runs(item) }));
    case 'table':
      // Two tables in a row get an empty paragraph between them (renderDocx): Word would join them into one.
      return [tableOf(block)];
  }
}

function tableOf(block: Extract<Block, { kind: 'table' }>): Table {
  const cell = (content: Run[], header: boolean) =>
    new TableCell({
      children: [new Paragraph({ children: runs(content, { size: TABLE_SIZE, bold: header }) })],
      ...(header ? { shading: { fill: 'E7E6E6' } } : {}),
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    layout: TableLayoutType.AUTOFIT,
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: block.header.map((text) => cell([text], true)) }),
      ...block.rows.map((row) => new TableRow({ cantSplit: true, children: row.map((content) => cell(content, false)) })),
    ],
  });
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
