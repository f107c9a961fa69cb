import { parse } from 'yaml';
import { diffWords } from 'diff';
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

/** A word diff between two versions' texts, for a readable "what changed" view. */
export function diffVersions(older: AdoptedVersion, newer: AdoptedVersion): DiffPart[] {
  return diffWords(older.body, newer.body).map((part) => ({ kind: part.added ? 'added' : part.removed ? 'removed' : 'same', text: part.value }));
}
