import type { Diagnostic } from '../model/diagnostic.js';
import type { DocumentData } from '../model/document.js';
import type { ParseCache } from '../load/parse-cache.js';
import { isShapedRule, type Rule, type ShapedRule } from '../rules/rule.js';
import { inputsOf, sameInputs } from './file-inputs.js';
import type { Changes } from './stale-findings.js';

/**
 * A ShapedRule's findings across the corpus (checkAcross: cycles, an id or a diarienummer used twice), kept
 * with the inputs (load/rule-inputs.ts) of each file they point into, whose positions may have moved since.
 */
export interface KeptAcross {
  diagnostics: Diagnostic[];
  files: Record<string, string>;
}

/** Kept findings across the corpus, by rule id. */
export type KeptAcrossByRule = Record<string, KeptAcross>;

type AcrossRule = ShapedRule & Required<Pick<ShapedRule, 'checkAcross' | 'acrossReads'>>;

/** The rules whose findings across the corpus may be kept: those that say what they read (acrossReads). */
export function keepsAcross(rule: Rule): rule is AcrossRule {
  return isShapedRule(rule) && rule.checkAcross !== undefined && rule.acrossReads !== undefined;
}

/**
 * The kept findings across the corpus that still hold, by rule id: no document came or went since they were
 * found, no document's acrossReads changed (only a changed shape can change it, so only those are compared),
 * and every file they point into is as it was.
 */
export function stillHolding(rules: readonly Rule[], kept: KeptAcrossByRule, changes: Changes, cache: ParseCache): Map<string, Diagnostic[]> {
  const holding = new Map<string, Diagnostic[]>();
  if (changes.shapes.all) return holding;
  const { files: changed } = changes.shapes;
  for (const rule of rules) {
    const found = kept[rule.id];
    if (!keepsAcross(rule) || !isWhole(found) || !sameInputs(found.files, cache)) continue;
    // A file that is not a document (it did not parse) is read as nothing.
    const readOf = (data: DocumentData | undefined) => (data === undefined ? '' : JSON.stringify(rule.acrossReads(data) ?? null));
    if (changed.every(({ before, now }) => readOf(before) === readOf(now))) holding.set(rule.id, found.diagnostics);
  }
  return holding;
}

/** What to keep of the findings across the corpus of the rules that keep them: found now, or still holding. */
export function acrossToKeep(rules: readonly Rule[], found: readonly Diagnostic[], holding: ReadonlyMap<string, Diagnostic[]>, cache: ParseCache): KeptAcrossByRule {
  const kept: KeptAcrossByRule = {};
  for (const rule of rules) {
    if (!keepsAcross(rule)) continue;
    const diagnostics = holding.get(rule.id) ?? found.filter((d) => d.ruleId === rule.id);
    kept[rule.id] = { diagnostics, files: inputsOf(diagnostics.flatMap((d) => [d.file, ...(d.related ?? []).map((r) => r.file)]), cache) };
  }
  return kept;
}

/** A kept entry of the right shape: a damaged cache that is still JSON is met with the rule run again. */
function isWhole(found: KeptAcross | undefined): found is KeptAcross {
  return typeof found === 'object' && found !== null && Array.isArray(found.diagnostics) && typeof found.files === 'object' && found.files !== null;
}
