/**
 * The report as a Word file (`styrdok report --format docx --out …`), written by the real CLI and read back
 * with mammoth (the library `styrdok import` reads Word files with) and from its XML: the same headings,
 * tables and lists as the Markdown, in Word's heading styles, with header rows, in Swedish.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { parseDocument, DomUtils } from 'htmlparser2';

type Element = Extract<ReturnType<typeof parseDocument>['children'][number], { name: string }>;
import mammoth from 'mammoth';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { copyInto, tempProject } from '../helpers/run-cli.js';
import { buildReport } from '../../src/followup/report-model.js';
import { reportBlocks, type Run } from '../../src/followup/report-blocks.js';
import { checkProject } from '../../src/engine/load-project.js';
import { cliProject, fixtureKolada, TODAY } from './fixture.js';

vi.setConfig({ testTimeout: 60_000 });

const project = cliProject;

const text = (runs: Run[]) => runs.map((run) => (typeof run === 'string' ? run : run.text)).join('');

/** The document's text, block by block, as mammoth reads it: «h2 Sammanfattning», a table as rows of cells, «li …», «p …». */
async function blocksOf(file: string): Promise<unknown[]> {
  const { value: html, messages } = await mammoth.convertToHtml({ path: file });
  expect(messages).toEqual([]);
  const root = parseDocument(html);
  return root.children.flatMap((node): unknown[] => {
    if (node.type !== 'tag') return [];
    const tag = node as Element;
    if (tag.name === 'table') return [DomUtils.findAll((el) => el.name === 'tr', [tag]).map((tr) => DomUtils.findAll((el) => el.name === 'td' || el.name === 'th', tr.children).map((c) => DomUtils.textContent(c)))];
    if (tag.name === 'ul') return DomUtils.findAll((el) => el.name === 'li', [tag]).map((li) => `li ${DomUtils.textContent(li)}`);
    return [`${tag.name} ${DomUtils.textContent(tag)}`];
  });
}

describe('styrdok report --format docx', () => {
  it('writes a Word file that says what the Markdown says: every heading, paragraph, table cell and list item, in order', async () => {
    const p = project();
    const result = await p.run(['report', '--period', '2026', '--today', TODAY, '--kolada', 'kolada.json', '--format', 'docx', '--out', 'uppfoljning.docx']);
    expect(result).toEqual({ code: 0, stdout: '', stderr: '' });
    // The report the CLI made, from the same files: the model the Markdown is written from.
    const checked = checkProject({ cwd: p.dir, paths: ['strategy'], today: TODAY });
    const expected = reportBlocks(buildReport(checked, 2026, { kolada: fixtureKolada() })).flatMap((block): unknown[] => {
      switch (block.kind) {
        case 'heading':
          return [`h${block.level} ${block.text}`];
        case 'paragraph':
          return [`p ${block.lines.map(text).join('')}`];
        case 'note':
          return [`p ${text(block.runs)}`];
        case 'list':
          return block.items.map((item) => `li ${text(item)}`);
        case 'table':
          return [[block.header, ...block.rows.map((row) => row.map(text))]];
      }
    });
    const actual = (await blocksOf(p.path('uppfoljning.docx'))).filter((b) => b !== 'p ');
    expect(actual).toEqual(expected);
    // The fixture has every part: goals with and without indicators, comments, the nämnd's assessments, missing reports.
    expect(actual).toContain('h2 Saknade rapporter');
    expect(actual.filter((b) => typeof b === 'string' && b.startsWith('li ')).length).toBeGreaterThan(5);
  });

  it('uses Word\'s heading styles, repeats and marks each table\'s header row, and is in Swedish with its title in the file', async () => {
    const p = project();
    await p.run(['report', '--period', '2026', '--today', TODAY, '--format', 'docx', '--out', 'u.docx']);
    const files = unzipSync(readFileSync(p.path('u.docx')));
    const xml = strFromU8(files['word/document.xml']!);
    const tables = xml.match(/<w:tbl>/g)?.length ?? 0;
    expect(tables).toBeGreaterThan(3);
    // The first row of every table, and only it, is a header row.
    expect(xml.match(/<w:tblHeader\/>/g)?.length).toBe(tables);
    expect([...new Set(xml.match(/<w:pStyle w:val="Heading\d"\/>/g))].sort()).toEqual(['Heading1', 'Heading2', 'Heading3', 'Heading4'].map((s) => `<w:pStyle w:val="${s}"/>`));
    // Landscape A4 with 2 cm margins; every table within them, each column wide enough for «Utgångsvärde» in bold.
    expect(xml).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"\/>/);
    const grids = [...xml.matchAll(/<w:tblGrid>(.*?)<\/w:tblGrid>/g)].map((m) => [...m[1]!.matchAll(/w:w="(\d+)"/g)].map((w) => Number(w[1])));
    expect(grids).toHaveLength(tables);
    for (const grid of grids) {
      expect(grid.reduce((sum, w) => sum + w, 0)).toBeLessThanOrEqual(16838 - 2 * 1134);
      expect(Math.min(...grid)).toBeGreaterThanOrEqual(900);
    }
    expect(strFromU8(files['word/styles.xml']!)).toContain('<w:lang w:val="sv-SE"/>');
    expect(strFromU8(files['docProps/core.xml']!)).toContain('<dc:title>Stadsgemensam uppföljning 2026 – Provstad</dc:title>');
  });

  it('is a file, never text on the screen: without --out it says so and writes nothing', async () => {
    const p = project();
    const result = await p.run(['report', '--period', '2026-delår', '--today', TODAY, '--format', 'docx']);
    expect(result).toEqual({ code: 2, stdout: '', stderr: 'Formatet docx är en fil: ange var den ska skrivas med --out, till exempel --out uppfoljning-2026.docx.\n' });
    const missing = await p.run(['report', '--period', '2026', '--today', TODAY, '--format', 'docx', '--out', 'finns-inte/u.docx']);
    expect([missing.code, missing.stderr]).toEqual([2, 'Kan inte skriva rapporten till finns-inte/u.docx: mappen finns inte.\n']);
  });
});
