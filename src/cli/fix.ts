import path from 'node:path';
import { findConfigFile, loadConfig } from '../config/load-config.js';
import { readMarkdownFiles } from '../load/read-files.js';
import { fixFrontmatter, type FixChange } from '../authoring/fix-frontmatter.js';
import { writeFileAtomic } from '../authoring/write-file.js';
import { directionControls, withoutDirectionControls } from '../load/direction-controls.js';
import { codePoint } from '../load/hidden-characters.js';
import { lineOf, startsOfLines } from '../load/line-starts.js';

export interface FixOptions {
  cwd: string;
  /** The files and folders the check was asked to look at; nothing else is touched. */
  paths: string[];
  configFile?: string;
}

export interface FixReport {
  /** One line per change: `fil:rad: vad: före → efter`. */
  lines: string[];
  changedFiles: string[];
}

const FENCE = /^\uFEFF?---[ \t]*\r?$/;
const CLOSE = /^(---|\.\.\.)[ \t]*\r?$/;

/** The YAML between the fences as offsets into the file's own text, so the rest is kept byte for byte. */
function frontmatterRange(text: string): { start: number; end: number } | undefined {
  const firstBreak = text.indexOf('\n');
  if (firstBreak < 0 || !FENCE.test(text.slice(0, firstBreak))) return undefined;
  let offset = firstBreak + 1;
  while (offset < text.length) {
    const next = text.indexOf('\n', offset);
    const line = text.slice(offset, next < 0 ? text.length : next);
    if (CLOSE.test(line)) return { start: firstBreak + 1, end: offset };
    if (next < 0) return undefined;
    offset = next + 1;
  }
  return undefined;
}

function diarienummerPattern(options: FixOptions): RegExp | undefined {
  const first = path.resolve(options.cwd, options.paths[0] ?? 'strategy');
  const file = options.configFile ? path.resolve(options.cwd, options.configFile) : findConfigFile(first);
  if (!file) return undefined;
  const loaded = loadConfig(file, options.cwd);
  return loaded.config ? new RegExp(loaded.config.data.diarienummer.mönster, 'u') : undefined;
}

/**
 * What follows the frontmatter (its closing fence, then the body) without direction controls (rule text-direction):
 * every one of them, since none belongs in a styrdokument's Swedish text. Lines are those of the file.
 */
function bodyFixes(rest: string, firstLine: number): { text: string; changes: FixChange[] } {
  const found = directionControls(rest);
  if (!found.length) return { text: rest, changes: [] };
  // directionControls lists the first lines only; the change removes them all, and each listed line is told.
  const changes = found.map((f) => ({ line: firstLine + f.line - 1, what: 'tecken för skrivriktning i texten', before: [...f.chars].map(codePoint).join(', '), after: 'borttaget' }));
  return { text: withoutDirectionControls(rest), changes };
}

/** Applies the safe fixes to the Markdown files under `paths` and says what changed. */
export function runFixes(options: FixOptions): FixReport {
  const paths = options.paths.length ? options.paths : ['strategy'];
  const pattern = diarienummerPattern({ ...options, paths });
  const { files } = readMarkdownFiles(paths, { cwd: options.cwd });
  const lines: string[] = [];
  const changedFiles: string[] = [];
  const describe = (file: string, c: FixChange) => `${file}:${c.line}: ${c.what}: ${c.before} → ${c.after}`;
  for (const raw of files) {
    const range = frontmatterRange(raw.text);
    if (!range) continue;
    const yaml = raw.text.slice(range.start, range.end);
    let result;
    try {
      result = fixFrontmatter(yaml, 1, pattern ? { pattern } : {});
    } catch (error) {
      // A fault in the fixer leaves the file as it was, and the check after it still reads every file.
      lines.push(`${raw.file}: inte rättat: ett internt fel i styrdok (${error instanceof Error ? error.message : String(error)}). Rätta för hand och rapportera felet till styrdoks förvaltare.`);
      continue;
    }
    for (const s of result.skipped) lines.push(`${describe(raw.file, s)} (inte rättat: gör det för hand)`);
    const rest = raw.text.slice(range.end);
    const body = bodyFixes(rest, lineOf(startsOfLines(raw.text), range.end) + 1);
    if (!result.changes.length && !body.changes.length) continue;
    writeFileAtomic(raw.absPath, raw.text.slice(0, range.start) + result.text + body.text, { overwrite: true });
    changedFiles.push(raw.file);
    for (const c of [...result.changes, ...body.changes]) lines.push(describe(raw.file, c));
  }
  return { lines, changedFiles };
}

/** The report as printed before the check's own output. */
export function formatFixReport(report: FixReport): string {
  if (!report.lines.length) return 'styrdok check --fix: inget att rätta automatiskt.\n\n';
  const count = report.lines.filter((l) => !l.includes(' inte rättat')).length;
  const head = report.changedFiles.length ? `styrdok check --fix rättade ${count} ${count === 1 ? 'sak' : 'saker'} i ${report.changedFiles.length} ${report.changedFiles.length === 1 ? 'fil' : 'filer'}:` : 'styrdok check --fix:';
  return `${head}\n${report.lines.map((l) => `  ${l}`).join('\n')}\n\n`;
}
