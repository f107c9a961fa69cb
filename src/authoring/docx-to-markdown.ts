import { unzipSync } from 'fflate';
import mammoth from 'mammoth';
import TurndownService from 'turndown';
import { megabytes } from '../load/read-files.js';

/**
 * A Word file to Markdown: mammoth reads the .docx into clean HTML by paragraph style (Rubrik 1 → h1 …),
 * turndown writes that HTML as Markdown. mammoth's own Markdown output is deprecated; its README advises
 * this route. Tables become GFM tables; images do not come along (reported).
 */
export interface DocxResult {
  markdown: string;
  /** mammoth's warnings (unknown styles and such) and what was left out, in Swedish. */
  notes: string[];
}

const STYLE_MAP = ["p[style-name='Title'] => h1:fresh", "p[style-name='Rubrik'] => h1:fresh", "p[style-name='Subtitle'] => p:fresh", "p[style-name='Underrubrik'] => p:fresh"];

type Node = Parameters<Parameters<TurndownService['addRule']>[1]['replacement']>[1];

function tableOf(node: Node): Node | undefined {
  let current: Node | null = node.parentNode;
  while (current && current.nodeName !== 'TABLE') current = current.parentNode;
  return current ?? undefined;
}

function createTurndown(): TurndownService {
  const service = new TurndownService({ headingStyle: 'atx', bulletListMarker: '-', emDelimiter: '*', strongDelimiter: '**', codeBlockStyle: 'fenced' });
  service.addRule('listItem', {
    filter: 'li',
    replacement(content, node) {
      const parent = node.parentNode;
      let prefix = '- ';
      if (parent?.nodeName === 'OL') {
        const start = parent.getAttribute('start');
        const index = Array.prototype.indexOf.call(parent.children, node);
        prefix = `${start ? Number(start) + index : index + 1}. `;
      }
      const body = content.replace(/^\n+/, '').replace(/\n+$/, '').replace(/\n/g, '\n' + ' '.repeat(prefix.length));
      return prefix + body + (node.nextSibling ? '\n' : '');
    },
  });
  service.addRule('tableCell', {
    filter: ['th', 'td'],
    replacement(content) {
      return ` ${content.replace(/\s*\n+\s*/g, ' ').replace(/\|/g, '\\|').trim()} |`;
    },
  });
  service.addRule('tableRow', {
    filter: 'tr',
    replacement(content, node) {
      const table = tableOf(node);
      const row = `|${content}\n`;
      // The first row, found without listing every row for each row (a table of 10,000 rows).
      if (table?.querySelector('tr') !== node) return row;
      const cells = Array.from(node.children).filter((c) => c.nodeName === 'TD' || c.nodeName === 'TH').length;
      return `\n${row}|${' --- |'.repeat(Math.max(1, cells))}\n`;
    },
  });
  service.addRule('table', {
    filter: 'table',
    replacement(content) {
      return `\n\n${content.replace(/^\n+|\n+$/g, '')}\n\n`;
    },
  });
  service.addRule('tableSection', { filter: ['thead', 'tbody', 'tfoot'], replacement: (content) => content });
  service.addRule('image', { filter: 'img', replacement: () => '' });
  return service;
}

/** A Word file that cannot be imported; its message, in Swedish, says why and what to do. */
export class DocxError extends Error {
  override name = 'DocxError';
}

/**
 * The most text a Word file may unpack to (word/document.xml). mammoth needs some 150 times its size in
 * memory: 17 MB of XML took 23 s and 2.5 GB, and 117 MB (from a 0.3 MB file) stopped Node after two minutes.
 * 10 MB is far more than a styrdokument holds: as Markdown it would pass the 2 MB a document may be.
 */
export const MAX_DOCUMENT_XML_BYTES = 10 * 1024 * 1024;

const RESAVE = 'Öppna den i Word, spara som .docx och försök igen';

/** Reads the zip's directory only (nothing is unpacked), and refuses what is no .docx or too large to import. */
function assertImportable(buffer: Buffer): void {
  let documentXml: number | undefined;
  try {
    unzipSync(buffer, {
      filter: (file) => {
        if (file.name === 'word/document.xml') documentXml = file.originalSize;
        return false;
      },
    });
  } catch {
    throw new DocxError(`filen är inte en Word-fil (.docx) eller är skadad. ${RESAVE}`);
  }
  if (documentXml === undefined) throw new DocxError(`filen saknar Word-dokumentets text (word/document.xml) och är ingen Word-fil (.docx). ${RESAVE}`);
  if (documentXml > MAX_DOCUMENT_XML_BYTES) {
    throw new DocxError(
      `texten är ${megabytes(documentXml)} MB uppackad, mer än gränsen ${megabytes(MAX_DOCUMENT_XML_BYTES)} MB; som Markdown skulle den bli större än de 2 MB ett styrdokument får vara. Dela upp dokumentet i Word och importera delarna`,
    );
  }
}

/** mammoth's commonest warnings in Swedish; any other is kept as it is, after «Word:». */
export function swedishNote(message: string): string {
  const paragraph = /^Unrecognised paragraph style: '(.*)' \(Style ID: .*\)$/.exec(message);
  if (paragraph) return `Word: styckeformatet «${paragraph[1]}» känns inte igen, så stycket blev vanlig text.`;
  const run = /^Unrecognised run style: '(.*)' \(Style ID: .*\)$/.exec(message);
  if (run) return `Word: teckenformatet «${run[1]}» känns inte igen, så texten blev utan formatering.`;
  const element = /^An unrecognised element was ignored: (.*)$/.exec(message);
  if (element) return `Word: ett okänt element (${element[1]}) hoppades över.`;
  return `Word: ${message}`;
}

export async function docxToMarkdown(buffer: Buffer): Promise<DocxResult> {
  assertImportable(buffer);
  let images = 0;
  const result = await mammoth.convertToHtml(
    { buffer },
    {
      styleMap: STYLE_MAP,
      convertImage: mammoth.images.imgElement(async () => {
        images++;
        return { src: '' };
      }),
    },
  );
  const notes = result.messages.map((m) => swedishNote(m.message));
  if (images) notes.push(`${images} bild${images === 1 ? '' : 'er'} i Word-filen följde inte med. Lägg in dem för hand om de behövs.`);
  const markdown = createTurndown().turndown(result.value).replace(/\n{3,}/g, '\n\n').trim();
  return { markdown, notes };
}
