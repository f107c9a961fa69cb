import { randomBytes } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync, rmSync } from 'node:fs';
import { parseDocument, type Document } from 'yaml';
import { splitFrontmatter } from '../load/frontmatter.js';

/**
 * Changes a file's frontmatter through yaml's Document API, so comments and key order survive, and leaves
 * every byte outside the frontmatter as it was. Returns the new text, or undefined if nothing changed.
 */
export function editFrontmatter(text: string, edit: (document: Document) => void): string | undefined {
  const split = splitFrontmatter(text);
  if (split.yaml === undefined) throw new Error('Filen har ingen läsbar frontmatter.');
  const document = parseDocument(split.yaml);
  if (document.errors.length) throw new Error(`Frontmatter är inte giltig YAML: ${document.errors[0]?.message ?? ''}`);
  edit(document);
  const yaml = document.toString({ lineWidth: 0 });
  if (yaml.trimEnd() === split.yaml.trimEnd()) return undefined;
  // Keep the opening fence, BOM and line endings of the original; replace only the YAML between the fences.
  const newline = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = text.split('\n');
  const head = lines.slice(0, split.yamlLineOffset).join('\n');
  const tail = lines.slice(split.bodyStartLine - 2).join('\n');
  return `${head}\n${yaml.trimEnd().split('\n').join(newline)}${newline}${tail}`;
}

/** Writes through a temporary file and a rename, so a crash never leaves a half-written document. */
export function writeFileAtomic(file: string, text: string): void {
  const temp = `${file}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    writeFileSync(temp, text);
    renameSync(temp, file);
  } finally {
    rmSync(temp, { force: true });
  }
}

export function readText(file: string): string {
  return readFileSync(file, 'utf8');
}
