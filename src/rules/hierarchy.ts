import { createShapedRule, type DocumentFinding, type Finding } from './rule.js';
import type { StyrDocument } from '../model/document.js';
import type { Corpus } from '../corpus/corpus.js';
import { getDocument } from '../corpus/corpus.js';

type Relation = 'genomför' | 'ersätter';

/**
 * Documents on a cycle through `relation`, each reported once with the cycle spelled out. A depth-first
 * search with its own stack, not recursion: a chain of 20,000 documents overflowed the call stack.
 */
function cycles(corpus: Corpus, relation: Relation): { document: StyrDocument; index: number; cycle: string[] }[] {
  const found: { document: StyrDocument; index: number; cycle: string[] }[] = [];
  const reported = new Set<string>();
  const state = new Map<string, 'visiting' | 'done'>();
  // The path from the document the search started at: each with the index of its next relation to follow.
  const frames: { doc: StyrDocument; next: number }[] = [];
  const enter = (doc: StyrDocument) => {
    state.set(doc.data.id, 'visiting');
    frames.push({ doc, next: 0 });
  };
  for (const start of corpus.documents) {
    // A document that points nowhere cannot start a cycle (most have no ersätter): no need to enter it.
    if (!start.data[relation]?.length || state.has(start.data.id)) continue;
    enter(start);
    while (frames.length) {
      const frame = frames[frames.length - 1]!;
      const id = frame.doc.data.id;
      const targets = frame.doc.data[relation] ?? [];
      if (frame.next >= targets.length) {
        frames.pop();
        state.set(id, 'done');
        continue;
      }
      const index = frame.next++;
      const next = targets[index]!;
      const target = getDocument(corpus, next);
      if (!target || next === id) continue; // unknown ids and self-references belong to the references rule
      if (state.get(next) === 'visiting') {
        const cycle = [...frames.slice(frames.findIndex((f) => f.doc.data.id === next)).map((f) => f.doc.data.id), next];
        const key = [...cycle.slice(0, -1)].sort().join(' ');
        if (!reported.has(key)) {
          reported.add(key);
          found.push({ document: frame.doc, index, cycle });
        }
      } else if (!state.has(next)) enter(target);
    }
  }
  return found;
}

/** A cycle as «a → b → a»; a long one with its middle counted, not listed. */
function cycleText(cycle: readonly string[]): string {
  if (cycle.length <= 12) return cycle.join(' → ');
  return [...cycle.slice(0, 5), `… ${(cycle.length - 8).toLocaleString('sv-SE')} dokument till …`, ...cycle.slice(-3)].join(' → ');
}

export default createShapedRule({
  id: 'hierarchy',
  description: 'Ett dokument genomför bara dokument högre upp i hierarkin, och relationerna bildar inga cirklar.',
  defaultSeverity: 'error',
  checkEach(document, { corpus, config }) {
    const findings: DocumentFinding[] = [];
    const level = config.typeRules(document.data.dokumenttyp)?.nivå;
    (document.data.genomför ?? []).forEach((id, index) => {
      const parent = id === document.data.id ? undefined : getDocument(corpus, id); // self-references belong to references
      const parentLevel = parent && config.typeRules(parent.data.dokumenttyp)?.nivå;
      if (!parent || level === undefined || parentLevel === undefined || parentLevel < level) return;
      const name = (kind: string) => config.typeName(kind).toLowerCase();
      findings.push({
        path: ['genomför', index],
        message: `En ${name(document.data.dokumenttyp)} kan inte genomföra en ${name(parent.data.dokumenttyp)}: den står inte högre i hierarkin. Peka på ett överordnat dokument, eller använd kompletteras_med för dokument på samma nivå.`,
        related: [{ file: parent.file, span: parent.locate(['dokumenttyp']), message: 'Dokumentets typ' }],
      });
    });
    return findings;
  },
  acrossReads: (data) => [data.id, data.genomför, data.ersätter],
  checkAcross({ corpus }) {
    const findings: Finding[] = [];
    for (const relation of ['genomför', 'ersätter'] as const) {
      for (const { document, index, cycle } of cycles(corpus, relation)) {
        findings.push({ document, path: [relation, index], message: `Relationen ${relation} går i cirkel: ${cycleText(cycle)}. Bryt cirkeln i något av dokumenten.` });
      }
    }
    return findings;
  },
});
