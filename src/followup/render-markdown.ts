import type { FollowupReport } from './report-model.js';
import { reportBlocks, type Block, type Run } from './report-blocks.js';

/** The stadsgemensam rapport for the decision documents as Markdown: Swedish, tables, a heading per fokusområde. */
export function renderMarkdown(report: FollowupReport): string {
  return reportBlocks(report).map(blockText).join('\n\n') + '\n';
}

function blockText(block: Block): string {
  switch (block.kind) {
    case 'heading':
      return `${'#'.repeat(block.level)} ${cell(block.text)}`;
    case 'paragraph':
      // A line break inside a paragraph: two spaces at the end of the line.
      return block.lines.map(runsText).join('  \n');
    case 'note':
      return `> ${runsText(block.runs)}`;
    case 'list':
      return block.items.map((item) => `- ${runsText(item)}`).join('\n');
    case 'table': {
      const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
      return [line(block.header), line(block.header.map(() => '---')), ...block.rows.map((row) => line(row.map(runsText)))].join('\n');
    }
  }
}

function runsText(runs: Run[]): string {
  return runs.map(runText).join('');
}

function runText(run: Run): string {
  if (typeof run === 'string') return cell(run);
  if (run.code) return `\`${run.text}\``;
  const mark = run.bold ? '**' : run.italic ? '*' : '';
  return `${mark}${cell(run.text)}${mark}`;
}

/** Text from the documents must not break the table: escape pipes, fold line breaks. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s*\r?\n\s*/g, ' ');
}
