import { INTERNAL_RULE_ID } from '../engine/run-rules.js';
import type { Diagnostic, Span } from '../model/diagnostic.js';
import type { DocumentData, StyrDocument } from '../model/document.js';
import { KIND_SCHEMA } from '../schema/schema-files.js';
import type { SchemaProblem } from '../schema/schema-messages.js';
import { validateAgainst, validateDocument } from '../schema/validator.js';
import { bodyLinks, linksToJudge, markdownNestingLine, MAX_MARKDOWN_DEPTH } from './body-links.js';
import { directionControls } from './direction-controls.js';
import { splitFrontmatter } from './frontmatter.js';
import { characterSpan, explainHiddenOnLine, hiddenOnLine, showHiddenCharacters } from './hidden-characters.js';
import type { RawFile } from './read-files.js';
import { parseYamlSource, type PathSegment } from './yaml-source.js';

export interface ParsedFile {
  file: string;
  /** Present when the frontmatter parsed and passed its schema. */
  document?: StyrDocument;
  /** The id the file claims even when it is broken, so references to it are not reported twice. */
  claimedId?: string;
  diagnostics: Diagnostic[];
}

const START: Span = { start: { line: 1, column: 1 } };
/** Frontmatter larger than this is refused before the YAML parser sees it. */
export const MAX_FRONTMATTER_CHARS = 256 * 1024;

/**
 * Parses one file in isolation: a pure function of its path and text, so results can be cached by hash. A
 * fault in styrdok while parsing becomes an internal finding for this file (the CLI exits 2 for it), so
 * that it never hides what the other files have.
 */
export function parseFile(raw: RawFile): ParsedFile {
  try {
    return parseUnguarded(raw);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      file: raw.file,
      diagnostics: [
        {
          file: raw.file,
          span: START,
          ruleId: INTERNAL_RULE_ID,
          severity: 'error',
          message: `Internt fel i styrdok när filen lästes: ${reason}. Filens egna fel kan inte visas förrän det är rättat; de andra filerna är kontrollerade. Rapportera felet till styrdoks förvaltare.`,
        },
      ],
    };
  }
}

function parseUnguarded(raw: RawFile): ParsedFile {
  const { file, text } = raw;
  const problem = (span: Span, ruleId: string, message: string): Diagnostic => {
    const shown = showHiddenCharacters(message);
    return { file, span: shown === message ? span : atHiddenCharacter(text, span), ruleId, severity: 'error', message: shown };
  };
  if (text.trim() === '') return { file, diagnostics: [problem(START, 'file', 'Filen är tom. Ett styrdokument börjar med frontmatter mellan två rader med ---.')] };

  const split = splitFrontmatter(text);
  if (split.problem?.kind === 'missing') {
    // Lines that end in CR alone (classic Mac OS, some exports): the fences are there, on lines we do not see.
    if (/^(?:\ufeff)?---\r(?!\n)/.test(text) && !text.includes('\n')) {
      return { file, diagnostics: [problem(START, 'frontmatter', 'Filens rader slutar med bara CR (som i äldre Mac-program), så styrdok ser en enda rad. Spara filen med radslut LF eller CRLF.')] };
    }
    return { file, diagnostics: [problem(START, 'frontmatter', 'Filen saknar frontmatter. Börja filen med en rad ---, dokumentets uppgifter i YAML och en avslutande rad ---.')] };
  }
  if (split.problem?.kind === 'not-at-start') {
    return { file, diagnostics: [problem({ start: { line: split.problem.line, column: 1 } }, 'frontmatter', 'Frontmatter måste börja på filens första rad. Ta bort de tomma raderna före ---.')] };
  }
  if (split.problem?.kind === 'unclosed' || split.yaml === undefined) {
    return { file, diagnostics: [problem(START, 'frontmatter', 'Frontmatter avslutas aldrig. Lägg till en rad med --- efter dokumentets uppgifter.')] };
  }

  // The YAML parser needs seconds for a megabyte; real frontmatter is a few kilobytes.
  if (split.yaml.length > MAX_FRONTMATTER_CHARS) {
    return {
      file,
      diagnostics: [
        problem(
          { start: { line: split.yamlLineOffset + 1, column: 1 } },
          'frontmatter',
          `Frontmatter är ${Math.round(split.yaml.length / 1024)} kB, större än gränsen ${MAX_FRONTMATTER_CHARS / 1024} kB. Flytta långa texter och listor till dokumentets text under frontmatter.`,
        ),
      ],
    };
  }
  const source = parseYamlSource(split.yaml, split.yamlLineOffset);
  if (source.problems.length) {
    const claimedId = idLine(split.yaml);
    const explained = source.problems.map((p) => explainHiddenOnLine(text, p.span, p.message));
    return { file, ...(claimedId ? { claimedId } : {}), diagnostics: explained.map((p) => problem(p.span, 'yaml', p.message)) };
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
  const reserved = reservedKeys(record);
  const schemaProblems = [...reserved, ...validate(record).filter((p) => !reserved.some((r) => samePath(r.path, p.path)))];
  if (schemaProblems.length) {
    return {
      file,
      claimedId,
      diagnostics: schemaProblems.map((p) => ({ ...problem(source.locate(p.path), 'schema', p.message), ...(claimedId ? { documentId: claimedId } : {}) })),
    };
  }
  // Lists in lists (or quotes in quotes) hundreds of levels deep make remark, and so the body-links rule and
  // the site, take minutes: refuse the text, keep the document (its frontmatter is fine).
  const deepLine = markdownNestingLine(split.body);
  return {
    file,
    claimedId,
    diagnostics:
      deepLine < 0
        ? []
        : [
            {
              ...problem(
                { start: { line: split.bodyStartLine + deepLine, column: 1 } },
                'file',
                `Texten är nästlad i för många nivåer (listor i listor eller citat i citat, eller ett mycket stort indrag). Förenkla strukturen till högst ${MAX_MARKDOWN_DEPTH} nivåer.`,
              ),
              ...(claimedId ? { documentId: claimedId } : {}),
            },
          ],
    document: {
      file,
      data: data as DocumentData,
      body: split.body,
      bodyStartLine: split.bodyStartLine,
      // Found once here, so the parse cache can keep them and a re-check need not read the body again.
      links: linksToJudge(bodyLinks(split.body, split.bodyStartLine)),
      // Positions as splitFrontmatter counts them: in the text without its byte-order mark.
      directionControls: directionControls(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text),
      locate: source.locate,
    },
  };
}

/**
 * The id on a top-level `id: value` line of frontmatter that is not valid YAML: such a file still claims its id,
 * so references to it are not reported as unknown besides the YAML error. Only a plain or quoted single value.
 */
function idLine(yaml: string): string | undefined {
  const match = /^id:[ \t]+(?:"([^"\\\n]+)"|'([^'\n]+)'|([^\s"'#&*!|>{}[\],][^\s#]*))[ \t]*(?:#.*)?$/m.exec(yaml);
  const id = match?.[1] ?? match?.[2] ?? match?.[3];
  return id?.trim() || undefined;
}

/**
 * Validates against the schema of the dokumenttyp. A dokumenttyp such as «constructor» or «__proto__» names a
 * property every object inherits, so a plain lookup in KIND_SCHEMA finds a function instead of a schema file:
 * only the table's own keys count, and anything else gets the common schema, which reports the dokumenttyp.
 */
function validate(data: Record<string, unknown>): SchemaProblem[] {
  const kind = data.dokumenttyp;
  if (typeof kind === 'string' && !Object.hasOwn(KIND_SCHEMA, kind)) return validateAgainst('styrdokument.schema.json', data);
  return validateDocument(data);
}

/** Frontmatter keys Eleventy gives a meaning of its own: they would change how or where a page is published. */
const SITE_KEYS = new Set([
  'permalink', 'layout', 'tags', 'pagination', 'date', 'eleventyComputed', 'eleventyExcludeFromCollections', 'eleventyImport',
  'eleventyNavigation', 'eleventyDataSchema', 'eleventyAllowMissingExtension', 'templateEngineOverride', 'dynamicPermalink',
  'permalinkBypassOutputDir', 'eleventy', 'page', 'collections', 'pkg', 'content',
]);
/** Keys that name an object's prototype machinery in JavaScript, at any depth. */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Reserved keys, each with a message that says why, in place of the schema's «Okänd nyckel». */
function reservedKeys(data: Record<string, unknown>): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  for (const key of Object.keys(data)) {
    if (SITE_KEYS.has(key)) {
      problems.push({ path: [key], message: `Nyckeln «${key}» är reserverad för webbplatsgeneratorn (Eleventy) och styr hur eller var en sida publiceras. Den får inte stå i ett styrdokument: ta bort den.` });
    }
  }
  // The data is at most 64 levels deep (yaml-source refuses deeper), so the walk is bounded.
  const path: PathSegment[] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (let index = 0; index < value.length; index++) {
        path.push(index);
        walk(value[index]);
        path.pop();
      }
    } else if (value !== null && typeof value === 'object') {
      for (const key of Object.keys(value)) {
        if (PROTOTYPE_KEYS.has(key)) {
          problems.push({ path: [...path, key], message: `Nyckeln «${key}» är inte tillåten: den har en särskild betydelse i JavaScript och kan ändra hur uppgifterna läses. Ta bort den.` });
          continue;
        }
        path.push(key);
        walk((value as Record<string, unknown>)[key]);
        path.pop();
      }
    }
  };
  walk(data);
  return problems;
}

/**
 * The span moved to the first hidden character on its first line, when there is one from its start: the message
 * says the value holds one, and an editor then puts the cursor on it, not at the start of the value. On the key's
 * or the value's line: the span may be the key's, and the character in the value after it.
 */
function atHiddenCharacter(text: string, span: Span): Span {
  const hidden = hiddenOnLine(text, span.start.line, span.start.column);
  return hidden ? characterSpan(span.start.line, hidden.column) : span;
}

function samePath(a: readonly PathSegment[], b: readonly PathSegment[]): boolean {
  return a.length === b.length && a.every((segment, index) => segment === b[index]);
}
