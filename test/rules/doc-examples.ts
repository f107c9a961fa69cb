import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../../src/engine/load-project.js';
import { compareDiagnostics, type Diagnostic } from '../../src/model/diagnostic.js';
import { checkIn, TODAY, writeCorpus } from './helpers.js';

/**
 * The convention of docs/rules/*.md (described for readers in docs/rules/README.md, «Om exemplen»):
 *
 * - Under «## Exempel på fel» and «## Så rättar du», every ```yaml or ```markdown block is a whole file. Its
 *   path is the second word of the fence's info string, by default strategy/exempel.md; the path
 *   styrdok.config.yaml stands for the config file.
 * - Blocks with nothing but blank lines between them form one group, checked together. A group is written
 *   into a copy of the example kommun (test/fixtures/rules/docs-config: its config and strategy/dokument/),
 *   or, when it holds styrdok.config.yaml, into an empty corpus with that config.
 * - Under «Exempel på fel», each group is followed by a ```text block that lists exactly the diagnostics of
 *   the group's files: `rad:kolumn fel|varning meddelande regel`, a `  se även fil:rad:kolumn: meddelande` line
 *   for each related place, and a line with the file's path before its diagnostics when the group has
 *   more than one file. Under «Så rättar du», the group's files must have no diagnostics at all.
 * - The check runs on 2026-11-25, or on the day of the latest sentence «dagens datum ÅÅÅÅ-MM-DD» before the
 *   group in the same section.
 */
export const DEFAULT_FILE = 'strategy/exempel.md';
export const CONFIG_FILE = 'styrdok.config.yaml';

export interface DocFile {
  path: string;
  content: string;
  /** 1-based line of the opening fence in the doc page, for failure messages. */
  line: number;
}

export interface DocGroup {
  section: 'Exempel på fel' | 'Så rättar du';
  files: DocFile[];
  today: string;
  /** The ```text block after the group (Exempel på fel only). */
  expected?: string;
}

export interface DocPage {
  id: string;
  /** Lines of the page with blank lines removed, trimmed: [0] is the heading, [1] the description. */
  nonEmpty: string[];
  /** `## ` headings in order. */
  sections: string[];
  sectionText: Map<string, string>;
  groups: DocGroup[];
}

interface Fence {
  lang: string;
  meta: string;
  content: string;
  line: number;
}

type Item = { kind: 'fence'; fence: Fence } | { kind: 'prose'; text: string };

/** Splits a section into fenced blocks and prose paragraphs, keeping their order. */
function items(lines: string[], firstLine: number): Item[] {
  const out: Item[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const open = /^(`{3,})(\S*)\s*(.*)$/.exec(line);
    if (open) {
      const close = lines.findIndex((l, j) => j > i && /^`{3,}\s*$/.test(l) && l.trim().length >= open[1]!.length);
      if (close < 0) throw new Error(`Unclosed fence at line ${firstLine + i}`);
      const body = lines.slice(i + 1, close);
      out.push({ kind: 'fence', fence: { lang: open[2]!, meta: open[3]!.trim(), content: body.length ? `${body.join('\n')}\n` : '', line: firstLine + i } });
      i = close;
    } else if (line.trim() !== '') {
      out.push({ kind: 'prose', text: line });
    }
  }
  return out;
}

function groupsOf(section: DocGroup['section'], lines: string[], firstLine: number): DocGroup[] {
  const groups: DocGroup[] = [];
  let today = TODAY;
  let current: DocGroup | undefined;
  for (const item of items(lines, firstLine)) {
    if (item.kind === 'prose') {
      const date = /dagens datum (\d{4}-\d{2}-\d{2})/i.exec(item.text)?.[1];
      if (date) today = date;
      current = undefined;
      continue;
    }
    const { fence } = item;
    if (fence.lang === 'yaml' || fence.lang === 'markdown') {
      if (!current) {
        current = { section, files: [], today };
        groups.push(current);
      }
      current.files.push({ path: fence.meta.split(/\s+/)[0] || DEFAULT_FILE, content: fence.content, line: fence.line });
    } else if (fence.lang === 'text' && section === 'Exempel på fel') {
      if (!current || current.expected !== undefined) throw new Error(`A text block at line ${fence.line} does not follow a file block`);
      current.expected = fence.content;
      current = undefined;
    } else {
      current = undefined;
    }
  }
  return groups;
}

export function parseDocPage(id: string, text: string): DocPage {
  const lines = text.split('\n');
  const sections: string[] = [];
  const sectionText = new Map<string, string>();
  const groups: DocGroup[] = [];
  // Headings inside fenced blocks (a Markdown example's own «## Bakgrund») do not start sections.
  let inFence = false;
  const starts = lines
    .map((line, i) => {
      if (/^`{3,}/.test(line)) inFence = !inFence;
      return !inFence && line.startsWith('## ') ? i : -1;
    })
    .filter((i) => i >= 0);
  starts.forEach((start, k) => {
    const name = lines[start]!.slice(3).trim();
    const body = lines.slice(start + 1, starts[k + 1] ?? lines.length);
    sections.push(name);
    sectionText.set(name, body.join('\n'));
    if (name === 'Exempel på fel' || name === 'Så rättar du') groups.push(...groupsOf(name, body, start + 2));
  });
  return { id, nonEmpty: lines.map((l) => l.trim()).filter((l) => l !== ''), sections, sectionText, groups };
}

/** Writes a group into a copy of the example kommun, checks it and returns the diagnostics of the group's files. */
export function runGroup(group: DocGroup): Diagnostic[] {
  const config = group.files.find((f) => f.path === CONFIG_FILE);
  const files = Object.fromEntries(group.files.filter((f) => f !== config).map((f) => [f.path, f.content]));
  const cwd = writeCorpus({ 'strategy/.keep': '', ...files }, { base: !config, ...(config ? { config: config.content } : {}) });
  let diagnostics: Diagnostic[];
  try {
    diagnostics = checkIn(cwd, { today: group.today });
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    diagnostics = error.diagnostics;
  }
  const paths = new Set(group.files.map((f) => f.path));
  // Sorted as every report shows them (a broken config's findings come in the schema validator's order).
  return diagnostics.filter((d) => paths.has(d.file)).sort(compareDiagnostics);
}

const SEVERITY = { error: 'fel', warning: 'varning' } as const;

/** The diagnostics as the docs write them. */
export function renderDiagnostics(diagnostics: Diagnostic[], group: DocGroup): string {
  const multi = group.files.length > 1;
  const out: string[] = [];
  let file: string | undefined;
  for (const d of diagnostics) {
    if (multi && d.file !== file) out.push(d.file);
    file = d.file;
    out.push(`${d.span.start.line}:${d.span.start.column} ${SEVERITY[d.severity]} ${d.message} ${d.ruleId}`);
    for (const r of d.related ?? []) out.push(`  se även ${r.file}:${r.span.start.line}:${r.span.start.column}: ${r.message}`);
  }
  return out.length ? `${out.join('\n')}\n` : '';
}

export function readDocPage(docsDir: string, id: string): DocPage {
  return parseDocPage(id, readFileSync(path.join(docsDir, `${id}.md`), 'utf8'));
}
