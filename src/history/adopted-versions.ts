import { parse } from 'yaml';
import { diffLines, diffWords } from 'diff';
import { splitFrontmatter } from '../load/frontmatter.js';
import type { FileRevision } from './git-history.js';
import { addDays } from '../corpus/dates.js';

export interface AdoptedVersion {
  /** The decision that adopted this version. */
  beslut: { datum: string; paragraf?: number; diarienummer: string };
  /** First and last day this version was in force ("i lydelse från … till …"); `to` is open for the newest. */
  from: string;
  to?: string;
  /** The last commit carrying this decision: editorial fixes after the decision are part of the version. */
  commit: string;
  title: string;
  body: string;
}

/**
 * A document's adopted versions, oldest first, from its git history: a new version begins with each new
 * decision record (a new diarienummer or decision date); commits in between are drafts or corrections.
 */
export function adoptedVersions(revisions: FileRevision[]): AdoptedVersion[] {
  const versions: AdoptedVersion[] = [];
  for (const revision of [...revisions].reverse()) {
    const split = splitFrontmatter(revision.text);
    let data: Record<string, unknown> | undefined;
    try {
      data = split.yaml === undefined ? undefined : (parse(split.yaml) as Record<string, unknown>);
    } catch {
      continue; // a broken revision in history is not an adopted version
    }
    const beslut = data?.beslut as AdoptedVersion['beslut'] | undefined;
    if (!beslut?.datum || !beslut.diarienummer) continue;
    const range = data?.giltighetstid as { från?: string } | undefined;
    const version = { beslut, from: range?.från ?? String(beslut.datum), commit: revision.commit, title: String(data?.titel ?? ''), body: split.body };
    const last = versions.at(-1);
    if (last && last.beslut.diarienummer === beslut.diarienummer && last.beslut.datum === beslut.datum) versions[versions.length - 1] = { ...version, from: last.from };
    else versions.push(version);
  }
  for (let i = 0; i + 1 < versions.length; i++) versions[i]!.to = addDays(versions[i + 1]!.from, -1);
  return versions;
}

export interface DiffPart {
  kind: 'same' | 'added' | 'removed';
  text: string;
}

/** How finely two versions' texts could be compared: word by word, line by line, or not at all (rewritten). */
export type DiffUnit = 'word' | 'line' | 'whole';

export interface VersionsDiff {
  unit: DiffUnit;
  parts: DiffPart[];
}

/**
 * The most edits (words, or lines) a diff may find before a coarser one is taken. Myers' diff takes time with
 * the text's length times the edits it finds: a rewritten text of 60 kB took 39 s word by word, and one of
 * 2 MB would take hours. Capped, a diff of 2 MB gives up within two seconds. The caps count edits, not
 * time, so the same versions always give the same page.
 */
export const MAX_WORD_EDITS = 2000;
export const MAX_LINE_EDITS = 1000;

const toParts = (changes: { added: boolean; removed: boolean; value: string }[]): DiffPart[] =>
  changes.map((part) => ({ kind: part.added ? 'added' : part.removed ? 'removed' : 'same', text: part.value }));

/**
 * A word diff between two versions' texts, for a readable "what changed" view; a line diff when the texts
 * differ in too many words, and the old text removed and the new added when they differ in too many lines.
 */
export function diffVersions(older: AdoptedVersion, newer: AdoptedVersion): VersionsDiff {
  const byWord = diffWords(older.body, newer.body, { maxEditLength: MAX_WORD_EDITS });
  if (byWord) return { unit: 'word', parts: toParts(byWord) };
  const byLine = diffLines(older.body, newer.body, { maxEditLength: MAX_LINE_EDITS });
  if (byLine) return { unit: 'line', parts: toParts(byLine) };
  return {
    unit: 'whole',
    parts: [
      { kind: 'removed', text: older.body },
      { kind: 'added', text: newer.body },
    ],
  };
}
