/** Where something is in a source file. Lines and columns count from 1, as editors show them. */
export interface Position {
  line: number;
  column: number;
}

export interface Span {
  start: Position;
  end?: Position;
}

export type Severity = 'error' | 'warning';

/** Another place that explains a finding, e.g. the document that replaces this one. */
export interface RelatedLocation {
  file: string;
  span: Span;
  message: string;
}

/**
 * One finding. Messages are Swedish and say what is wrong and what to do;
 * `file` is relative to the working directory so CI annotations land on the right file.
 */
export interface Diagnostic {
  file: string;
  span: Span;
  ruleId: string;
  severity: Severity;
  message: string;
  /** Id of the document the finding is about, when there is one. */
  documentId?: string;
  related?: RelatedLocation[];
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    a.file.localeCompare(b.file, 'en') ||
    a.span.start.line - b.span.start.line ||
    a.span.start.column - b.span.start.column ||
    a.ruleId.localeCompare(b.ruleId, 'en') ||
    a.message.localeCompare(b.message, 'sv')
  );
}
