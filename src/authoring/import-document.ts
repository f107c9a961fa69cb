import type { Config } from '../config/config.js';
import type { Dokumenttyp } from '../model/document.js';
import { validateDocument } from '../schema/validator.js';
import { idFor, parseKind } from './conventions.js';
import { listAt } from '../model/site-addresses.js';
import { withoutFormatCharacters } from '../load/hidden-characters.js';
import { documentText } from './frontmatter-text.js';
import { findHeaderBlock, mapHeader } from './header-block.js';
import { textToMarkdown } from './text-to-markdown.js';

/** What the import says about its result: each with a line of the source when there is one. */
export interface ImportNote {
  line?: number;
  /** 'omappat': a header field that did not become frontmatter (its text is kept as a YAML comment). */
  kind: 'omappat' | 'obs';
  message: string;
}

export interface ImportOptions {
  config: Config;
  /** 'text': plain text with the printed header block; 'markdown': what the .docx became. */
  source: 'text' | 'markdown';
  titel?: string;
  id?: string;
  typ?: string;
  /** Name of the source file, the last resort for a title. */
  fileName: string;
  /** `# yaml-language-server: $schema=…` for the kind, given the kind. */
  modeline: (kind: Dokumenttyp | undefined, id: string) => string;
}

export interface ImportResult {
  text: string;
  data: Record<string, unknown>;
  kind?: Dokumenttyp;
  notes: ImportNote[];
}

const isCaps = (line: string) => /\p{L}/u.test(line) && line === line.toUpperCase();
const unbold = (line: string) => line.replace(/\*\*|__/g, '').replace(/\\([\\`*_{}[\]()#+\-.!|])/g, '$1').trim();

/** Title from the cover page: the first heading, or the words after the all-caps lines (SOLNA STAD – STRATEGI). */
function titleFrom(preamble: string[], source: 'text' | 'markdown'): { title: string; lines: Set<number> } | undefined {
  if (source === 'markdown') {
    const index = preamble.findIndex((l) => /^#\s+\S/.test(l));
    if (index >= 0) return { title: unbold(preamble[index]!.replace(/^#\s+/, '')), lines: new Set([index]) };
  }
  const groups: number[][] = [];
  let current: number[] | undefined;
  preamble.forEach((line, i) => {
    if (line.trim() === '') current = undefined;
    else {
      if (!current) groups.push((current = []));
      current.push(i);
    }
  });
  const used: number[] = [];
  const join = (group: number[]) => group.map((i) => unbold(preamble[i]!)).join(' ');
  let started = false;
  for (let g = 0; g < groups.length; g++) {
    const text = join(groups[g]!);
    if (isCaps(text) && text.length < 80) {
      if (started) break;
      continue;
    }
    if (text.length > 200 || /^#{2,}\s/.test(text)) break;
    started = true;
    used.push(...groups[g]!);
    // A title broken over two groups: "Trygghetsstrategi –" / "inriktning för …".
    const nextText = groups[g + 1] ? join(groups[g + 1]!) : '';
    if (!(/[–—-]$/.test(text) || /^\p{Ll}/u.test(nextText)) || used.length >= 4) break;
  }
  if (!used.length) return undefined;
  const title = used.map((i) => unbold(preamble[i]!)).join(' ').replace(/\s+/g, ' ').trim();
  return { title, lines: new Set(used) };
}

function demoteIfTopLevel(markdown: string): string {
  const lines = markdown.split('\n');
  let fenced = false;
  const hasH1 = lines.some((l) => {
    if (/^```/.test(l)) fenced = !fenced;
    return !fenced && /^#\s/.test(l);
  });
  if (!hasH1) return markdown;
  fenced = false;
  return lines
    .map((l) => {
      if (/^```/.test(l)) fenced = !fenced;
      return !fenced && /^#{1,5}\s/.test(l) ? `#${l}` : l;
    })
    .join('\n');
}

function commentBlock(lines: string[]): string {
  const text = lines.join('\n').replace(/--+>/g, '–>').replace(/\n{3,}/g, '\n\n').trim();
  return `<!--\nText före dokumenthuvudet i originalet (försättsblad). Den visas inte på webbplatsen;\nta bort kommentaren när den inte behövs.\n\n${text}\n-->`;
}

/** Turns the lines of an existing styrdokument into a document with frontmatter. Pure: writes nothing. */
export function importLines(lines: string[], options: ImportOptions): ImportResult {
  const { config } = options;
  const notes: ImportNote[] = [];
  const header = findHeaderBlock(lines);
  const preamble = header ? lines.slice(0, header.first) : [];
  const bodyLines = header ? lines.slice(header.last + 1) : lines;
  const bodyStart = header ? header.last + 2 : 1;
  if (!header) notes.push({ kind: 'obs', message: 'Hittade inget dokumenthuvud (Dokumenttyp:, Beslutande organ:, Beslutsdatum: …). Fyll i frontmatter för hand.' });

  const mapped = header ? mapHeader(header.fields, config) : { data: {}, unmapped: [], notes: [] };
  for (const u of mapped.unmapped) notes.push({ line: u.line, kind: 'omappat', message: `${u.message} Texten ligger kvar som kommentar i frontmatter.` });
  for (const n of mapped.notes) notes.push({ line: n.line, kind: 'obs', message: n.message });

  let kind = 'kind' in mapped ? mapped.kind : undefined;
  if (options.typ !== undefined) kind = parseKind(options.typ) ?? kind;

  const found = options.titel ? undefined : titleFrom(preamble, options.source);
  // Without Word's soft hyphens and zero-width spaces: a title is also a list entry, a page title and a search hit.
  let titel = withoutFormatCharacters(options.titel ?? found?.title ?? '');
  if (!titel) {
    titel = options.fileName.replace(/\.[^.]+$/, '').replace(/[_-]+/g, ' ').trim();
    notes.push({ kind: 'obs', message: `Hittade ingen titel före dokumenthuvudet; titeln «${titel}» är tagen från filnamnet. Ange den rätta med --titel.` });
  }
  const rest = preamble.filter((line, i) => !found?.lines.has(i));
  const restText = rest.filter((l) => l.trim() !== '');

  let body: string;
  if (options.source === 'text') {
    const converted = textToMarkdown(bodyLines, bodyStart);
    body = converted.markdown;
    for (const n of converted.notes) notes.push({ line: n.line, kind: 'obs', message: n.message });
  } else {
    body = demoteIfTopLevel(bodyLines.join('\n').trim());
  }
  if (restText.length) {
    body = `${commentBlock(rest)}\n\n${body}`;
    notes.push({ line: 1, kind: 'obs', message: `Texten före dokumenthuvudet (${restText.length} rader, försättsblad och liknande) ligger kvar som en kommentar överst i texten. Ta bort den om den inte behövs.` });
  }

  const id = options.id ?? idFor(kind ?? 'dokument', titel);
  const list = listAt(id);
  if (list) notes.push({ kind: 'obs', message: `Id «${id}» används av webbplatsen för ${list} (/dokument/${id}/). Ge dokumentet ett annat id med --id.` });
  const data: Record<string, unknown> = { id, ...(kind ? { dokumenttyp: kind } : {}), titel, ...mapped.data };
  if (kind) data.dokumenttyp = kind;

  for (const problem of validateDocument(data)) {
    const where = problem.path.length ? problem.path.join('.') : 'frontmatter';
    notes.push({ kind: 'obs', message: `Frontmatter klarar inte schemat än (${where}): ${problem.message}` });
  }

  const comments = mapped.unmapped.map((u) => `Ej överfört från dokumenthuvudet (rad ${u.line}): ${u.text}`);
  const text = documentText({ kind: kind ?? 'policy', data, modeline: options.modeline(kind, id), body, comments });
  return { text, data, ...(kind ? { kind } : {}), notes };
}
