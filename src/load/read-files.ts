import { lstatSync, readdirSync, readFileSync, realpathSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../model/diagnostic.js';
import { encodingProblem } from './encoding.js';

export interface RawFile {
  /** Path relative to cwd, forward slashes. */
  file: string;
  absPath: string;
  text: string;
  /** Size and modification time as measured before the file was read, for the parse cache. */
  size: number;
  mtimeMs: number;
}

/** A file the caller already knows unchanged (see ReadOptions.reuse): not read again. */
export interface ReusedFile<T> {
  file: string;
  absPath: string;
  value: T;
}

export interface ReadOptions<T> {
  cwd: string;
  maxFileBytes?: number;
  /** Asked before a file is read: a value means the file is known unchanged and need not be read. */
  reuse?: (file: string, absPath: string, size: number, mtimeMs: number) => T | undefined;
  /**
   * Given each file as soon as it is read, in place of keeping it in `files`: a caller that parses it there and
   * then keeps nothing of its text lets the text go while it is young, instead of holding every file's text
   * (~200 MB at 10,000 documents) until the last one is read.
   */
  take?: (raw: RawFile) => void;
}

export interface ReadResult<T = never> {
  /** Empty when the files were given to `take`. */
  files: RawFile[];
  /** Files that `reuse` vouched for, in the same order as `files`. */
  reused: ReusedFile<T>[];
  /** Files that could not be read as text: one finding each, and the run goes on. */
  diagnostics: Diagnostic[];
}

export const DEFAULT_MAX_FILE_BYTES = 2 * 1024 * 1024;
const SKIP_DIRS = new Set(['node_modules', '_site', 'dist']);

function relative(cwd: string, abs: string): string {
  // The common case, a file below cwd, without path.relative's normalizing (10,000 files a run).
  const prefix = cwd.endsWith(path.sep) ? cwd : cwd + path.sep;
  const rest = abs.startsWith(prefix) && path.isAbsolute(cwd) ? abs.slice(prefix.length) : path.relative(cwd, abs);
  return path.sep === '/' ? rest : rest.split(path.sep).join('/');
}

/** Swedish decimal comma: 1,7 MB. */
export function megabytes(bytes: number): string {
  return (bytes / 1048576).toFixed(1).replace('.', ',');
}

function fileProblem(file: string, message: string): Diagnostic {
  return { file, span: { start: { line: 1, column: 1 } }, ruleId: 'file', severity: 'error', message };
}

/** What a path that is neither a file nor a folder is, in words. */
function specialKind(stat: Stats): string {
  if (stat.isFIFO()) return 'en namngiven rörledning (FIFO)';
  if (stat.isSocket()) return 'en socket';
  return 'en enhetsfil';
}

/** Collects the Markdown files under `paths`, in a stable order, refusing what is not safe text. */
export function readMarkdownFiles<T = never>(paths: string[], options: ReadOptions<T>): ReadResult<T> {
  const { cwd } = options;
  const maxBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const root = realpathSync(cwd);
  // Each file found, with its size and time as measured when it was found (for the parse cache).
  const found = new Map<string, { size: number; mtimeMs: number }>();
  const diagnostics: Diagnostic[] = [];

  const visited = new Set<string>();
  // Real paths of the folders already read: a link to a folder above itself (loop -> ..) would otherwise be
  // followed until the path is too long, reading every file again on the way.
  const seenDirs = new Set<string>();
  const visit = (abs: string, explicit: boolean) => {
    let stat;
    try {
      stat = lstatSync(abs);
    } catch {
      diagnostics.push(fileProblem(relative(cwd, abs), `Sökvägen ${relative(cwd, abs)} finns inte.`));
      return;
    }
    if (stat.isSymbolicLink()) {
      let target: string;
      try {
        target = realpathSync(abs);
        stat = statSync(abs);
      } catch {
        diagnostics.push(fileProblem(relative(cwd, abs), 'Länken pekar på en fil som inte finns. Ta bort länken eller rätta målet.'));
        return;
      }
      if (target !== root && !target.startsWith(root + path.sep)) {
        diagnostics.push(fileProblem(relative(cwd, abs), 'Länken pekar utanför förrådet och läses inte. Lägg dokumentet i förrådet i stället.'));
        return;
      }
    }
    if (stat.isDirectory()) {
      const name = path.basename(abs);
      if (!explicit && (name.startsWith('.') || SKIP_DIRS.has(name))) return;
      let real: string;
      let entries: string[];
      try {
        real = realpathSync(abs);
        entries = readdirSync(abs).sort();
      } catch {
        diagnostics.push(fileProblem(relative(cwd, abs), `Mappen ${relative(cwd, abs)} går inte att läsa. Kontrollera behörigheterna.`));
        return;
      }
      if (seenDirs.has(real)) return;
      seenDirs.add(real);
      // A name from readdir has no separator, so joining needs no normalizing (10,000 files a run).
      const prefix = abs.endsWith(path.sep) ? abs : abs + path.sep;
      for (const entry of entries) visit(prefix + entry, false);
    } else if (explicit || abs.endsWith('.md')) {
      if (stat.isFile()) found.set(abs, stat);
      // Reading a named pipe would wait for a writer forever; a device would never end.
      else diagnostics.push(fileProblem(relative(cwd, abs), `Sökvägen är ${specialKind(stat)}, inte en vanlig fil, och läses inte. Ett styrdokument ska vara en vanlig Markdown-fil (.md).`));
    }
  };
  for (const p of paths) visit(path.resolve(cwd, p), true);

  const decoder = new TextDecoder('utf-8', { fatal: true });
  const files: RawFile[] = [];
  const reused: ReusedFile<T>[] = [];
  for (const absPath of [...found.keys()].sort()) {
    const file = relative(cwd, absPath);
    const tooLarge = (size: number) =>
      fileProblem(file, `Filen är ${megabytes(size)} MB, större än gränsen ${megabytes(maxBytes)} MB. Dela upp dokumentet eller lägg bilagor utanför förrådet.`);
    let bytes: Buffer;
    let stat: { size: number; mtimeMs: number };
    try {
      stat = found.get(absPath)!;
      if (stat.size > maxBytes) {
        diagnostics.push(tooLarge(stat.size));
        continue;
      }
      const value = options.reuse?.(file, absPath, stat.size, stat.mtimeMs);
      if (value !== undefined) {
        reused.push({ file, absPath, value });
        continue;
      }
      bytes = readFileSync(absPath);
    } catch {
      // Removed or made unreadable while the check ran: one finding, and the other files are still checked.
      diagnostics.push(fileProblem(file, 'Filen går inte att läsa. Kontrollera att den finns och att du har behörighet att läsa den.'));
      continue;
    }
    // The file may have grown since it was measured.
    if (bytes.length > maxBytes) {
      diagnostics.push(tooLarge(bytes.length));
      continue;
    }
    let text: string | undefined;
    if (!bytes.includes(0)) {
      try {
        text = decoder.decode(bytes);
      } catch {
        // Said below, with where.
      }
    }
    if (text === undefined) {
      const problem = encodingProblem(bytes) ?? { span: { start: { line: 1, column: 1 } }, message: 'Filen går inte att läsa som text i UTF-8.' };
      diagnostics.push({ ...fileProblem(file, problem.message), span: problem.span });
      continue;
    }
    const raw = { file, absPath, text, size: stat.size, mtimeMs: stat.mtimeMs };
    if (options.take) options.take(raw);
    else files.push(raw);
  }
  return { files, reused, diagnostics };
}
