import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Span } from '../../model/diagnostic.js';
import type { Formatter, RuleInfo } from '../formatter.js';
import { allFiles, sortDiagnostics, toPosix } from './common.js';

export interface SarifOptions {
  /** The tool's home page (toolComponent.informationUri). */
  informationUri?: string;
  /** Absolute URL ending in '/' that the rules' `docs` paths resolve against; without it rules get `help.text` only. */
  docsBaseUri?: string;
}

const SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
const SRCROOT = '%SRCROOT%';

interface ArtifactLocation {
  uri: string;
  uriBaseId?: string;
  index?: number;
}

/** Percent-encodes each segment (space, å, ':' …) so the path is a valid relative URI reference. */
function encodePath(file: string): string {
  return path.posix.normalize(toPosix(file)).split('/').map(encodeURIComponent).join('/');
}

/** Relative paths resolve against %SRCROOT%, the working directory the paths are relative to. */
export function artifactLocation(file: string): ArtifactLocation {
  if (path.isAbsolute(file)) return { uri: pathToFileURL(file).href };
  return { uri: encodePath(file), uriBaseId: SRCROOT };
}

function region(span: Span) {
  return {
    startLine: span.start.line,
    startColumn: span.start.column,
    ...(span.end ? { endLine: span.end.line, endColumn: span.end.column } : {}),
  };
}

function ruleDescriptor(rule: RuleInfo, options: SarifOptions) {
  const docs = rule.docs ? toPosix(rule.docs) : undefined;
  return {
    id: rule.id,
    shortDescription: { text: rule.description },
    ...(docs && options.docsBaseUri ? { helpUri: new URL(encodePath(docs), options.docsBaseUri).href } : {}),
    ...(docs ? { help: { text: `${rule.description} Dokumentation: ${docs}` } } : {}),
  };
}

/** SARIF requires originalUriBaseIds URIs to end in '/'. */
function srcRoot(): string {
  const cwd = process.cwd();
  return pathToFileURL(cwd.endsWith(path.sep) ? cwd : cwd + path.sep).href;
}

export function createSarifFormatter(options: SarifOptions = {}): Formatter {
  return (diagnostics, context) => {
    const rules = [...context.rules];
    // A finding from a rule the context does not list still needs a descriptor for ruleIndex.
    for (const id of new Set(diagnostics.map((d) => d.ruleId))) {
      if (!rules.some((r) => r.id === id)) rules.push({ id, description: id, docs: '' });
    }
    const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
    const files = allFiles(diagnostics, context);
    const fileIndex = new Map(files.map((f, i) => [f, i]));

    const results = sortDiagnostics(diagnostics).map((d) => ({
      ruleId: d.ruleId,
      ruleIndex: ruleIndex.get(d.ruleId),
      level: d.severity,
      message: { text: d.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { ...artifactLocation(d.file), index: fileIndex.get(d.file) },
            region: region(d.span),
          },
        },
      ],
      ...(d.related?.length
        ? {
            relatedLocations: d.related.map((r, id) => ({
              id,
              physicalLocation: { artifactLocation: artifactLocation(r.file), region: region(r.span) },
              message: { text: r.message },
            })),
          }
        : {}),
      ...(d.documentId ? { properties: { documentId: d.documentId } } : {}),
    }));

    const log = {
      $schema: SCHEMA,
      version: '2.1.0',
      runs: [
        {
          tool: {
            driver: {
              name: 'styrdok',
              version: context.toolVersion,
              informationUri: options.informationUri ?? 'https://styrdok.se/',
              rules: rules.map((r) => ruleDescriptor(r, options)),
            },
          },
          originalUriBaseIds: { [SRCROOT]: { uri: srcRoot() } },
          artifacts: files.map((f) => ({ location: artifactLocation(f), roles: ['analysisTarget'] })),
          // Positions are computed on JavaScript strings, so columns count UTF-16 code units.
          columnKind: 'utf16CodeUnits',
          results,
        },
      ],
    };
    return JSON.stringify(log, null, 2) + '\n';
  };
}

export const sarif: Formatter = createSarifFormatter();
export default sarif;
