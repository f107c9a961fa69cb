import type { Diagnostic, Span } from '../model/diagnostic.js';
import type { DocumentData, StyrDocument } from '../model/document.js';
import { validateDocument } from '../schema/validator.js';
import { splitFrontmatter } from './frontmatter.js';
import type { RawFile } from './read-files.js';
import { parseYamlSource } from './yaml-source.js';

export interface ParsedFile {
  file: string;
  /** Present when the frontmatter parsed and passed its schema. */
  document?: StyrDocument;
  /** The id the file claims even when it is broken, so references to it are not reported twice. */
  claimedId?: string;
  diagnostics: Diagnostic[];
}

const START: Span = { start: { line: 1, column: 1 } };

/** Parses one file in isolation: a pure function of its path and text, so results can be cached by hash. */
export function parseFile(raw: RawFile): ParsedFile {
  const { file, text } = raw;
  const problem = (span: Span, ruleId: string, message: string): Diagnostic => ({ file, span, ruleId, severity: 'error', message });
  if (text.trim() === '') return { file, diagnostics: [problem(START, 'file', 'Filen är tom. Ett styrdokument börjar med frontmatter mellan två rader med ---.')] };

  const split = splitFrontmatter(text);
  if (split.problem?.kind === 'missing') {
    return { file, diagnostics: [problem(START, 'frontmatter', 'Filen saknar frontmatter. Börja filen med en rad ---, dokumentets uppgifter i YAML och en avslutande rad ---.')] };
  }
  if (split.problem?.kind === 'not-at-start') {
    return { file, diagnostics: [problem({ start: { line: split.problem.line, column: 1 } }, 'frontmatter', 'Frontmatter måste börja på filens första rad. Ta bort de tomma raderna före ---.')] };
  }
  if (split.problem?.kind === 'unclosed' || split.yaml === undefined) {
    return { file, diagnostics: [problem(START, 'frontmatter', 'Frontmatter avslutas aldrig. Lägg till en rad med --- efter dokumentets uppgifter.')] };
  }

  const source = parseYamlSource(split.yaml, split.yamlLineOffset);
  if (source.problems.length) {
    return { file, diagnostics: source.problems.map((p) => problem(p.span, 'yaml', p.message)) };
  }
  const data = source.data;
  if (data === null || data === undefined) {
    return { file, diagnostics: [problem(START, 'frontmatter', 'Frontmatter är tom. Fyll i dokumentets uppgifter: id, dokumenttyp, titel med flera.')] };
  }
  if (typeof data !== 'object' || Array.isArray(data)) {
    return { file, diagnostics: [problem({ start: { line: 2, column: 1 } }, 'frontmatter', 'Frontmatter ska bestå av nycklar med värden (nyckel: värde), inte en lista eller ett enskilt värde.')] };
  }
  const record = data as Record<string, unknown>;
  const claimedId = typeof record.id === 'string' ? record.id : undefined;
  const schemaProblems = validateDocument(data);
  if (schemaProblems.length) {
    return {
      file,
      claimedId,
      diagnostics: schemaProblems.map((p) => ({ ...problem(source.locate(p.path), 'schema', p.message), ...(claimedId ? { documentId: claimedId } : {}) })),
    };
  }
  return {
    file,
    claimedId,
    diagnostics: [],
    document: { file, data: data as DocumentData, body: split.body, bodyStartLine: split.bodyStartLine, locate: source.locate },
  };
}
