import mammoth from 'mammoth';
import TurndownService from 'turndown';

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
      const rows = table ? Array.from(table.querySelectorAll('tr')) : [];
      const row = `|${content}\n`;
      if (rows[0] !== node) return row;
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

export async function docxToMarkdown(buffer: Buffer): Promise<DocxResult> {
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
  const notes = result.messages.map((m) => `Word: ${m.message}`);
  if (images) notes.push(`${images} bild${images === 1 ? '' : 'er'} i Word-filen följde inte med. Lägg in dem för hand om de behövs.`);
  const markdown = createTurndown().turndown(result.value).replace(/\n{3,}/g, '\n\n').trim();
  return { markdown, notes };
}
