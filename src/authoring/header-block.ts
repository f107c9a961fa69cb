import type { Config } from '../config/config.js';
import type { Dokumenttyp } from '../model/document.js';
import { parseKind } from './conventions.js';
import { normalizeDate, normalizeDiarienummer } from './values.js';
import { withoutFormatCharacters } from '../load/hidden-characters.js';
import { namedIn } from '../config/named.js';

/**
 * The printed header block of a styrdokument (seeds/004):
 *
 *   Dokumenttyp:               Strategi
 *   Beslutsdatum:              2023-12-18 § 169, KS/2023:309
 *
 * found as "Etikett:<tab>värde" lines in plain text, or as two-cell table rows or paragraphs in a Word file
 * once it is Markdown. Each field is mapped to frontmatter; what cannot be mapped is reported with its line.
 */
export interface HeaderField {
  label: string;
  value: string;
  /** 1-based line in the source text. */
  line: number;
}

export interface HeaderBlock {
  fields: HeaderField[];
  /** 0-based indices of the lines that made up the block (removed from the body). */
  first: number;
  last: number;
}

const KNOWN_LABELS = ['dokumenttyp', 'giltighetstid', 'beslutande organ', 'beslutsdatum', 'antagen till följd av lag', 'revisionsdatum', 'dokumentansvarig', 'uppföljning', 'diarienummer'];

const PLAIN = /^\s*(?:[*_]{1,2})?([\p{Lu}][\p{L} ]{1,40}?)(?:[*_]{1,2})?\s*:\s*(?:[*_]{1,2})?(?:\t+|\s+|$)(.*?)\s*$/u;
const TABLE_ROW = /^\s*\|(.*)\|\s*$/;
const TABLE_SEPARATOR = /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/;

function clean(text: string): string {
  return text.replace(/\\([\\`*_{}[\]()#+\-.!|])/g, '$1').replace(/\*\*|__/g, '').replace(/\s+/g, ' ').trim();
}

/**
 * A line as a header field, or undefined. Table rows need exactly two cells. Word's soft hyphens
 * («Kommun-styrelsen» broken only at a line's end), zero-width spaces and direction marks are dropped first:
 * they carry nothing in a header, and left in, a label is no label and an organ no organ.
 */
function fieldOf(withHidden: string, lineNo: number): HeaderField | undefined {
  const line = withoutFormatCharacters(withHidden);
  const row = TABLE_ROW.exec(line);
  if (row) {
    const cells = row[1]!.split(/(?<!\\)\|/).map(clean);
    if (cells.length !== 2 || !cells[0]) return undefined;
    const label = cells[0].replace(/:$/, '').trim();
    return /^[\p{Lu}][\p{L} ]{1,40}$/u.test(label) ? { label, value: cells[1] ?? '', line: lineNo } : undefined;
  }
  const m = PLAIN.exec(line);
  if (!m) return undefined;
  return { label: clean(m[1]!), value: clean(m[2] ?? ''), line: lineNo };
}

const isKnown = (label: string) => KNOWN_LABELS.includes(label.toLowerCase());

/**
 * The first block of header lines: at least three known labels, with only blank lines, table separators or
 * other "Etikett: värde" lines between them.
 */
export function findHeaderBlock(lines: string[]): HeaderBlock | undefined {
  for (let start = 0; start < lines.length; start++) {
    const first = fieldOf(lines[start]!, start + 1);
    if (!first || !isKnown(first.label)) continue;
    const fields: HeaderField[] = [first];
    let last = start;
    let blanks = 0;
    for (let i = start + 1; i < lines.length; i++) {
      const line = lines[i]!;
      if (line.trim() === '' || TABLE_SEPARATOR.test(line)) {
        if (line.trim() === '' && ++blanks > 1) break;
        continue;
      }
      const field = fieldOf(line, i + 1);
      if (!field) break;
      blanks = 0;
      fields.push(field);
      last = i;
    }
    if (fields.filter((f) => isKnown(f.label)).length >= 3) {
      // A table's header row separator just above the first row belongs to the block too.
      let from = start;
      if (from > 0 && TABLE_SEPARATOR.test(lines[from - 1]!)) from--;
      return { fields, first: from, last };
    }
  }
  return undefined;
}

export interface MappedHeader {
  data: Record<string, unknown>;
  kind?: Dokumenttyp;
  /** What could not be mapped: a Swedish message and the original line, kept as a YAML comment. */
  unmapped: { line: number; message: string; text: string }[];
  /** Mapped, but worth a look. */
  notes: { line: number; message: string }[];
}

export function mapHeader(fields: HeaderField[], config: Config): MappedHeader {
  const data: Record<string, unknown> = {};
  const unmapped: MappedHeader['unmapped'] = [];
  const notes: MappedHeader['notes'] = [];
  let kind: Dokumenttyp | undefined;
  const pattern = new RegExp(config.data.diarienummer.mönster, 'u');
  const keep = (field: HeaderField, message: string) => unmapped.push({ line: field.line, message, text: `${field.label}: ${field.value}` });
  const isNothing = (value: string) => /^[-–—]?$/.test(value.trim());

  for (const field of fields) {
    const value = field.value.trim();
    switch (field.label.toLowerCase()) {
      case 'dokumenttyp': {
        const byName = Object.entries(config.data.dokumenttyper).find(([, rules]) => rules?.namn.toLowerCase() === value.toLowerCase())?.[0];
        kind = parseKind(value) ?? (byName ? parseKind(byName) : undefined);
        if (kind) data.dokumenttyp = kind;
        else keep(field, `Dokumenttypen «${value}» finns inte bland typerna i ${config.file}. Ange dokumenttyp i frontmatter.`);
        break;
      }
      case 'giltighetstid': {
        if (/^tills vidare$/i.test(value)) {
          data.giltighetstid = { till: 'tills vidare' };
          break;
        }
        const range = /^(?:från\s+)?(\S+)\s*(?:[–—-]|till(?:\s+och\s+med)?|t\.?\s?o\.?\s?m\.?)\s*(\S+)$/i.exec(value);
        const from = range ? normalizeDate(range[1]!) : undefined;
        const to = range ? normalizeDate(range[2]!) : normalizeDate(value.replace(/^till(?:\s+och\s+med)?\s+/i, ''));
        if (to) data.giltighetstid = { ...(from ? { från: from } : {}), till: to };
        else keep(field, `Giltighetstiden «${value}» är varken tills vidare eller datum (ÅÅÅÅ-MM-DD). Ange giltighetstid.till i frontmatter.`);
        break;
      }
      case 'beslutande organ': {
        const organ = namedIn(config.data.organ, value);
        const chef = config.data.förvaltningar.find((f) => f.chef.titel.toLowerCase() === value.toLowerCase() || f.chef.id === value.toLowerCase());
        if (organ) data.beslutande_organ = organ.id;
        else if (chef) data.beslutande_organ = chef.chef.id;
        else keep(field, `Organet «${value}» finns inte bland organen eller cheferna i ${config.file}. Ange beslutande_organ med ett id därifrån.`);
        break;
      }
      case 'beslutsdatum': {
        // "2023-12-18 § 169, KS/2023:309"; the paragraph and the diarienummer may each be missing.
        const m = /^(\d{4}[-./]\d{1,2}[-./]\d{1,2})\s*,?\s*(?:§\s*(\d+))?\s*,?\s*(.*)$/.exec(value);
        const datum = m ? normalizeDate(m[1]!) : undefined;
        if (!m || !datum) {
          keep(field, `Beslutsdatumet «${value}» kunde inte läsas som ÅÅÅÅ-MM-DD § paragraf, diarienummer. Fyll i beslut i frontmatter.`);
          break;
        }
        const beslut: Record<string, unknown> = { datum };
        if (m[2]) beslut.paragraf = Number(m[2]);
        const rest = m[3]!.trim();
        if (rest) {
          const dnr = normalizeDiarienummer(rest.replace(/^(dnr|diarienummer)[.:]?\s*/i, ''), pattern);
          if (dnr) beslut.diarienummer = dnr;
          else {
            beslut.diarienummer = rest;
            notes.push({ line: field.line, message: `Diarienumret «${rest}» har inte kommunens format (till exempel ${config.data.diarienummer.exempel}). Kontrollera det mot diariet.` });
          }
        } else {
          notes.push({ line: field.line, message: 'Beslutsdatumet har inget diarienummer. Fyll i beslut.diarienummer.' });
        }
        data.beslut = { ...(data.beslut as object | undefined), ...beslut };
        break;
      }
      case 'diarienummer': {
        const dnr = normalizeDiarienummer(value, pattern);
        if (dnr) data.beslut = { ...(data.beslut as object | undefined), diarienummer: dnr };
        else keep(field, `Diarienumret «${value}» har inte kommunens format (till exempel ${config.data.diarienummer.exempel}).`);
        break;
      }
      case 'antagen till följd av lag': {
        if (/^nej$/i.test(value)) data.antagen_till_följd_av_lag = false;
        else if (/^ja$/i.test(value)) data.antagen_till_följd_av_lag = true;
        else if (/^ja\b/i.test(value) && value.replace(/^ja[,:\s]*/i, '')) data.antagen_till_följd_av_lag = value.replace(/^ja[,:\s]*/i, '');
        else if (!isNothing(value)) data.antagen_till_följd_av_lag = value;
        break;
      }
      case 'revisionsdatum': {
        if (/^ny mandatperiod$/i.test(value)) data.revisionsdatum = 'ny mandatperiod';
        else if (normalizeDate(value)) data.revisionsdatum = normalizeDate(value);
        else if (!isNothing(value)) keep(field, `Revisionsdatumet «${value}» är varken ett datum (ÅÅÅÅ-MM-DD) eller ny mandatperiod. Ange revisionsdatum i frontmatter.`);
        break;
      }
      case 'dokumentansvarig': {
        const owner = namedIn(config.data.förvaltningar, value);
        if (owner) data.dokumentansvarig = owner.id;
        else keep(field, `Förvaltningen «${value}» finns inte i ${config.file}. Ange dokumentansvarig med ett id därifrån.`);
        break;
      }
      case 'uppföljning': {
        if (!isNothing(value)) data.uppföljning = value;
        break;
      }
      default:
        keep(field, `Fältet «${field.label}» har ingen motsvarighet i frontmatter.`);
    }
  }
  return { data, ...(kind ? { kind } : {}), unmapped, notes };
}
