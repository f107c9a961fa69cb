import { Unzip, UnzipInflate, unzipSync, zipSync, type UnzipFile } from 'fflate';
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

/**
 * The most all the Word file's XML may unpack to: the text and its styles, lists, footnotes, headers and
 * footers. Real files hold well under a megabyte besides the text.
 */
export const MAX_XML_BYTES = 3 * MAX_DOCUMENT_XML_BYTES;

const RESAVE = 'Öppna den i Word, spara som .docx och försök igen';

/** Compressed bytes unpacked at a time: deflate grows at most about 1,000-fold, so at most 16 MB a step. */
const UNPACK_STEP = 16 * 1024;

/** The text is too large: `bytes` when the file tells its size, else found while unpacking. */
const tooLargeText = (bytes?: number) =>
  new DocxError(
    `texten är ${bytes === undefined ? 'större än gränsen' : `${megabytes(bytes)} MB uppackad, mer än gränsen`} ${megabytes(MAX_DOCUMENT_XML_BYTES)} MB${bytes === undefined ? ' uppackad' : ''}; som Markdown skulle den bli större än de 2 MB ett styrdokument får vara. Dela upp dokumentet i Word och importera delarna`,
  );

/** Reads the zip's directory only (nothing is unpacked), and refuses what is no .docx or says it is too large to import. */
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
  if (documentXml > MAX_DOCUMENT_XML_BYTES) throw tooLargeText(documentXml);
}

/** The parts mammoth reads: the XML and the relationships. Images and fonts stay out of the import. */
const isReadPart = (name: string) => /(\.xml|\.rels)$/i.test(name);

/**
 * The Word file as mammoth gets it: its XML unpacked here a little at a time, counted, and packed again
 * (uncompressed). The directory's sizes can lie: a 15 MB file that said its text was 5 kB made mammoth's
 * zip reader unpack 4.5 GB before it noticed, in a minute. Here unpacking stops at the first part that
 * grows past what it said, or past the limits. Parts mammoth does not read are kept, empty.
 */
function unpackWithinLimits(buffer: Buffer): Uint8Array {
  const parts: Record<string, Uint8Array> = {};
  let total = 0;
  let refusal: DocxError | undefined;
  const unpack = (file: UnzipFile) => {
    const chunks: Uint8Array[] = [];
    let size = 0;
    file.ondata = (error, data, final) => {
      if (refusal) return;
      if (error) {
        refusal = new DocxError(`filen är skadad: ${file.name} går inte att packa upp. ${RESAVE}`);
        return;
      }
      size += data.length;
      total += data.length;
      if (file.originalSize !== undefined && size > file.originalSize) refusal = new DocxError(`filen är skadad: ${file.name} blir större uppackad än filen själv anger. ${RESAVE}`);
      else if (file.name === 'word/document.xml' && size > MAX_DOCUMENT_XML_BYTES) refusal = tooLargeText();
      else if (total > MAX_XML_BYTES) refusal = new DocxError(`Word-filens delar är mer än ${megabytes(MAX_XML_BYTES)} MB uppackade, mer än ett styrdokument kan hålla. Dela upp dokumentet i Word och importera delarna`);
      chunks.push(data);
      if (final) parts[file.name] = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
    };
    file.start();
  };
  const unzip = new Unzip((file) => {
    parts[file.name] = new Uint8Array(0);
    if (isReadPart(file.name)) unpack(file);
  });
  unzip.register(UnzipInflate);
  try {
    for (let at = 0; at < buffer.length && !refusal; at += UNPACK_STEP) unzip.push(buffer.subarray(at, at + UNPACK_STEP), at + UNPACK_STEP >= buffer.length);
  } catch {
    throw new DocxError(`filen är inte en Word-fil (.docx) eller är skadad. ${RESAVE}`);
  }
  if (refusal) throw refusal;
  return zipSync(parts, { level: 0 });
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
  const parts = unpackWithinLimits(buffer);
  let images = 0;
  const result = await mammoth.convertToHtml(
    { buffer: Buffer.from(parts.buffer, parts.byteOffset, parts.byteLength) },
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
