import type { Config } from '../config/config.js';
import type { Corpus } from '../corpus/corpus.js';
import type { IsoDate } from '../corpus/dates.js';
import type { RelatedLocation, Severity } from '../model/diagnostic.js';
import type { DocumentData, StyrDocument } from '../model/document.js';
import type { PathSegment } from '../load/yaml-source.js';

export interface RuleContext {
  corpus: Corpus;
  config: Config;
  today: IsoDate;
}

/** What a rule says: which document, which key, and a Swedish message that says what is wrong and what to do. */
export interface Finding {
  document: StyrDocument;
  /** Frontmatter path of the key at fault; omit for the whole document. */
  path?: PathSegment[];
  /** A position in the file (1-based), for a finding that is not about a frontmatter key: a link in the Markdown text, a character anywhere. */
  bodyPosition?: { line: number; column: number };
  message: string;
  /** Lets one rule report at two severities, e.g. a revision that is due (warning) or overdue. */
  severity?: Severity;
  related?: RelatedLocation[];
}

interface RuleInfo {
  /** Stable id, kebab-case; also the name of its source file, test file and doc page. */
  id: string;
  /** One Swedish line: what the rule checks. */
  description: string;
  defaultSeverity: Severity;
}

/** A rule that looks across documents: a reference, a hierarchy, a goal that traces to a strategy in force. */
export interface CorpusRule extends RuleInfo {
  /** Pure: the same corpus, config and day always give the same findings. */
  check(context: RuleContext): Finding[];
}

/** What a document rule may read besides its document: no other document. */
export interface DocumentContext {
  config: Config;
  today: IsoDate;
  /**
   * The corpus's files (cwd-relative) and its folder: whether a link leads to a file, not what the file says.
   * Ask with `has`: `check --cache` notes which files a document's findings asked about, and checks the
   * document again when one of them comes or goes (corpus/read-tracking.ts).
   */
  files: ReadonlySet<string>;
  root: string;
}

/** A finding of a document rule: always about the document it was given. */
export type DocumentFinding = Omit<Finding, 'document'>;

/**
 * A rule about one document at a time, as an ESLint rule is about one file: its findings depend on that
 * document (what the rules can read of it: load/rule-inputs.ts), the config, the day and which files exist.
 * So `check --cache` keeps them per document, and after a change runs it only on the documents that changed,
 * or that asked about a file that came or went (engine/rule-results.ts). It is given no corpus, so it cannot
 * read another document by mistake.
 */
export interface DocumentRule extends RuleInfo {
  checkDocument(document: StyrDocument, context: DocumentContext): DocumentFinding[];
}

export type Rule = CorpusRule | DocumentRule;

export function isDocumentRule(rule: Rule): rule is DocumentRule {
  return 'checkDocument' in rule;
}

/**
 * A corpus rule in two parts, so that `check --cache` can keep most of its findings after a change:
 * - `checkEach` says what is wrong with one document. It may read other documents, but only what belongs to
 *   their shape (load/shape.ts: ids, types, relations, dates, targets), never their titles, summaries,
 *   goals or actions, and only through the corpus's indexes (byId, targets, replacedBy …), which note what
 *   it read (corpus/read-tracking.ts). So after a change that leaves every document's shape as it was (a
 *   goal's text, an outcome, a title, a comment), only the changed documents need it again, and after a
 *   change to a shape, those too that read it (engine/rule-results.ts). A memo over the corpus goes through
 *   memoOn, so that every document that uses it is noted as reading what it read.
 * - `checkAcross` finds what only the whole corpus shows at once: cycles, an id or a diarienummer used twice.
 * `check` is both, over every document, as any corpus rule's.
 */
export interface ShapedRule extends CorpusRule {
  checkEach(document: StyrDocument, context: RuleContext): DocumentFinding[];
  checkAcross?(context: RuleContext): Finding[];
  /**
   * All that `checkAcross` reads of each document, besides which documents there are and where its findings
   * point: a part of the document's shape. `check --cache` keeps checkAcross's findings while no document comes
   * or goes and no document's `acrossReads` changes (engine/kept-across.ts), so that a new decision date does
   * not look for cycles again. A test changes everything else in every document and compares the findings.
   */
  acrossReads?(data: DocumentData): unknown;
}

export function isShapedRule(rule: Rule): rule is ShapedRule {
  return 'checkEach' in rule;
}

/** Like unified-lint-rule: the rule says what is wrong and where; the runner stamps id, severity and file. */
export function createRule<R extends Rule>(rule: R): R {
  return rule;
}

/** A ShapedRule from its two parts; its `check` runs `checkAcross`, then `checkEach` on every document. */
export function createShapedRule(rule: Omit<ShapedRule, 'check'>): ShapedRule {
  return {
    ...rule,
    check(context) {
      const findings = rule.checkAcross?.(context) ?? [];
      for (const document of context.corpus.documents) for (const finding of rule.checkEach(document, context)) findings.push({ ...finding, document });
      return findings;
    },
  };
}

export function docsPath(ruleId: string): string {
  return `docs/rules/${ruleId}.md`;
}
