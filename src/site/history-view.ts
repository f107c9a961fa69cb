/**
 * A document's adopted versions ("lydelser") from its git history, as published legislation shows them:
 * each version in force "från … till …" with its decision, and what changed between consecutive versions.
 */
import { addDays, swedishDate } from '../corpus/dates.js';
import { validityOf } from '../corpus/status.js';
import { adoptedVersions, diffVersions, type AdoptedVersion, type DiffPart, type DiffUnit } from '../history/adopted-versions.js';
import type { FileRevision } from '../history/git-history.js';
import type { StyrDocument } from '../model/document.js';
import type { ModelContext } from './context.js';
import type { DocSummary } from './types.js';

export interface VersionRow {
  /** Id of the version's row on the versions page. */
  anchor: string;
  /** "Lydelse från 1 november 2025" */
  label: string;
  from: { iso: string; text: string };
  to?: { iso: string; text: string };
  /** "i lydelse från 1 juni 2024 till 31 oktober 2025" */
  range: string;
  /** "20 oktober 2025 § 142" */
  decision: string;
  decisionIso: string;
  paragraph?: number;
  diarienummer: string;
  /** "Gällande lydelse", "Kommande lydelse"; absent for an earlier one. */
  note?: string;
  title: string;
  /** Id of the comparison with the version before, when there is one. */
  changesAnchor?: string;
}

export type DiffKind = DiffPart['kind'] | 'gap';

export interface VersionDiff {
  anchor: string;
  /** "Ändringar i lydelsen från 1 november 2025" */
  title: string;
  /** Which versions are compared, and how much changed, in words. */
  intro: string;
  titleChange?: { from: string; to: string };
  /** The body's words; a gap stands for a long unchanged stretch left out. */
  parts: { kind: DiffKind; text: string }[];
  added: number;
  removed: number;
}

/** The versions on the document's own page. */
export interface DocVersions {
  /** Newest first. */
  rows: VersionRow[];
  /** The versions page, when there is more than one version to compare. */
  url?: string;
}

export interface VersionPage {
  id: string;
  url: string;
  /** The page's heading, also its <title>. */
  title: string;
  summary: string;
  doc: DocSummary;
  rows: VersionRow[];
  /** Newest change first. */
  diffs: VersionDiff[];
}

/** Unchanged words kept on each side of a change, and the longest stretch shown whole. */
const CONTEXT_WORDS = 12;
const LONGEST_UNCHANGED = 40;

/** Each document's versions; only documents with at least one adopted version in git are in the map. */
export function documentVersions(docs: StyrDocument[], ctx: ModelContext, history: ReadonlyMap<string, FileRevision[]>): { byId: Map<string, DocVersions>; pages: VersionPage[] } {
  const byId = new Map<string, DocVersions>();
  const pages: VersionPage[] = [];
  if (!history.size) return { byId, pages };
  for (const doc of docs) {
    const revisions = history.get(doc.file);
    if (!revisions?.length) continue;
    const versions = withEnd(adoptedVersions(revisions), doc, ctx);
    if (!versions.length) continue;
    const url = versions.length > 1 ? `${ctx.docUrl(doc.data.id)}versioner/` : undefined;
    const rows = rowsOf(versions, ctx.project.today);
    byId.set(doc.data.id, { rows: [...rows].reverse(), ...(url ? { url } : {}) });
    if (!url) continue;
    const summary = ctx.summary(doc);
    pages.push({
      id: doc.data.id,
      url,
      title: `Lydelser av ${doc.data.titel}`,
      summary: `De ${versions.length} beslutade lydelserna av ${doc.data.titel}, med beslut, tid i kraft och vad som ändrades mellan dem.`,
      doc: summary,
      rows: [...rows].reverse(),
      diffs: versions
        .slice(1)
        .map((newer, i) => diffView(versions[i]!, newer, rows[i]!, rows[i + 1]!))
        .reverse(),
    });
  }
  return { byId, pages };
}

/**
 * The newest version's last day: the document's own end (its validity, a repeal or a replacement), when
 * the newest version in git is the one the document carries now.
 */
function withEnd(versions: AdoptedVersion[], doc: StyrDocument, ctx: ModelContext): AdoptedVersion[] {
  const last = versions[versions.length - 1];
  const beslut = doc.data.beslut;
  if (!last || last.to || !beslut || beslut.diarienummer !== last.beslut.diarienummer || String(beslut.datum) !== String(last.beslut.datum)) return versions;
  const status = ctx.status(doc);
  const end =
    status.kind === 'upphört' ? status.on : status.kind === 'ersatt' || status.kind === 'upphävd' ? addDays(status.on, -1) : validityOf(doc)?.to;
  return end && end >= last.from ? [...versions.slice(0, -1), { ...last, to: end }] : versions;
}

function rowsOf(versions: AdoptedVersion[], today: string): VersionRow[] {
  const used = new Set<string>();
  return versions.map((v, i) => {
    let anchor = `lydelse-${v.from}`;
    for (let n = 2; used.has(anchor); n++) anchor = `lydelse-${v.from}-${n}`;
    used.add(anchor);
    const from = String(v.from);
    const to = v.to ? String(v.to) : undefined;
    const note = from > today ? 'Kommande lydelse' : !to || to >= today ? 'Gällande lydelse' : undefined;
    const datum = String(v.beslut.datum);
    return {
      anchor,
      label: `Lydelse från ${swedishDate(from)}`,
      from: { iso: from, text: swedishDate(from) },
      ...(to ? { to: { iso: to, text: swedishDate(to) } } : {}),
      range: to ? `i lydelse från ${swedishDate(from)} till ${swedishDate(to)}` : `i lydelse från ${swedishDate(from)}`,
      decision: `${swedishDate(datum)}${v.beslut.paragraf !== undefined ? ` § ${v.beslut.paragraf}` : ''}`,
      decisionIso: datum,
      ...(v.beslut.paragraf !== undefined ? { paragraph: v.beslut.paragraf } : {}),
      diarienummer: String(v.beslut.diarienummer),
      ...(note ? { note } : {}),
      title: v.title,
      ...(i > 0 ? { changesAnchor: `andringar-${anchor.slice('lydelse-'.length)}` } : {}),
    };
  });
}

function diffView(older: AdoptedVersion, newer: AdoptedVersion, olderRow: VersionRow, newerRow: VersionRow): VersionDiff {
  const { unit, parts: raw } = diffVersions(older, newer);
  const parts = readableDiff(raw);
  const added = countWords(parts, 'added');
  const removed = countWords(parts, 'removed');
  const amount =
    added && removed
      ? `${words(added)} har lagts till och ${words(removed)} har tagits bort.`
      : added
        ? `${words(added)} har lagts till; inget har tagits bort.`
        : removed
          ? `${words(removed)} har tagits bort; inget har lagts till.`
          : 'Texten är densamma; bara beslutet är nytt.';
  return {
    anchor: newerRow.changesAnchor!,
    title: `Ändringar i lydelsen från ${newerRow.from.text}`,
    intro: `Jämfört med lydelsen från ${olderRow.from.text} (beslut ${olderRow.decision}, ${olderRow.diarienummer}): ${amount}${COARSER[unit]}`,
    ...(older.title !== newer.title ? { titleChange: { from: older.title, to: newer.title } } : {}),
    parts,
    added,
    removed,
  };
}

const words = (n: number) => (n === 1 ? '1 ord' : `${n} ord`);

/** What the reader is told when the texts differ too much to be compared word by word (see diffVersions). */
const COARSER: Record<DiffUnit, string> = {
  word: '',
  line: ' Texterna skiljer sig för mycket för att jämföras ord för ord, så ändrade rader visas hela.',
  whole: ' Texten är så omskriven att den inte går att jämföra rad för rad, så hela den tidigare texten visas som borttagen och hela den nya som tillagd.',
};

function countWords(parts: { kind: DiffKind; text: string }[], kind: DiffKind): number {
  return parts.filter((p) => p.kind === kind).reduce((sum, p) => sum + p.text.split(/\s+/).filter(Boolean).length, 0);
}

/**
 * A word diff a person can read: whitespace-only changes count as unchanged, and a long unchanged stretch
 * keeps a few words on each side of a change with a note of how many were left out.
 */
export function readableDiff(raw: DiffPart[]): { kind: DiffKind; text: string }[] {
  // Whitespace at the edges of a change is unchanged text: the markers then sit tight around the words.
  const split: { kind: DiffKind; text: string }[] = [];
  for (const part of raw) {
    if (part.kind === 'same' || !part.text.trim()) {
      if (part.kind !== 'removed') split.push({ kind: 'same', text: part.text });
      continue;
    }
    const m = /^(\s*)([\s\S]*?)(\s*)$/.exec(part.text)!;
    if (m[1]) split.push({ kind: 'same', text: m[1] });
    split.push({ kind: part.kind, text: m[2]! });
    if (m[3]) split.push({ kind: 'same', text: m[3] });
  }
  const merged: { kind: DiffKind; text: string }[] = [];
  for (const part of split) {
    const last = merged[merged.length - 1];
    // A removed space next to an added one would otherwise show twice.
    if (last && last.kind === part.kind) last.text += part.kind === 'same' && /[ \t]$/.test(last.text) ? part.text.replace(/^[ \t]+/, '') : part.text;
    else merged.push({ ...part });
  }
  const out: { kind: DiffKind; text: string }[] = [];
  merged.forEach((part, i) => {
    if (part.kind !== 'same') {
      out.push(part);
      return;
    }
    const tokens = part.text.split(/(\s+)/);
    const count = tokens.filter((t) => t.trim()).length;
    const first = i === 0;
    const last = i === merged.length - 1;
    const keep = (first ? 0 : CONTEXT_WORDS) + (last ? 0 : CONTEXT_WORDS);
    if (count <= Math.max(keep, LONGEST_UNCHANGED) || merged.length === 1) {
      out.push(part);
      return;
    }
    // The gap is a line of its own, so the kept words lose the whitespace that faced it.
    const head = first ? '' : takeWords(tokens, CONTEXT_WORDS).trimEnd();
    const tail = last ? '' : takeWords([...tokens].reverse(), CONTEXT_WORDS, true).trimStart();
    if (head) out.push({ kind: 'same', text: head });
    out.push({ kind: 'gap', text: `[… ${count - keep} oförändrade ord …]` });
    if (tail) out.push({ kind: 'same', text: tail });
  });
  return out;
}

/** The first `n` words of a token list (words and the spaces between them), or the last when `reversed`. */
function takeWords(tokens: string[], n: number, reversed = false): string {
  const taken: string[] = [];
  let count = 0;
  for (const token of tokens) {
    if (token.trim()) {
      if (count === n) break;
      count++;
    }
    taken.push(token);
  }
  return (reversed ? taken.reverse() : taken).join('');
}
