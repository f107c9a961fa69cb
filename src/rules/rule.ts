import type { Config } from '../config/config.js';
import type { Corpus } from '../corpus/corpus.js';
import type { IsoDate } from '../corpus/dates.js';
import type { RelatedLocation, Severity } from '../model/diagnostic.js';
import type { StyrDocument } from '../model/document.js';
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
  /** A position in the body (1-based, in file coordinates), for findings in the Markdown text. */
  bodyPosition?: { line: number; column: number };
  message: string;
  /** Lets one rule report at two severities, e.g. a revision that is due (warning) or overdue. */
  severity?: Severity;
  related?: RelatedLocation[];
}

export interface Rule {
  /** Stable id, kebab-case; also the name of its source file, test file and doc page. */
  id: string;
  /** One Swedish line: what the rule checks. */
  description: string;
  defaultSeverity: Severity;
  /** Pure: the same corpus, config and day always give the same findings. */
  check(context: RuleContext): Finding[];
}

/** Like unified-lint-rule: the rule says what is wrong and where; the runner stamps id, severity and file. */
export function createRule(rule: Rule): Rule {
  return rule;
}

export function docsPath(ruleId: string): string {
  return `docs/rules/${ruleId}.md`;
}
