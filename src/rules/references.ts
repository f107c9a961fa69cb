import { createShapedRule, type DocumentFinding, type Finding } from './rule.js';
import type { StyrDocument } from '../model/document.js';
import { isVerksamhetsplan, actionsOf } from '../model/document.js';
import type { Corpus } from '../corpus/corpus.js';
import type { PathSegment } from '../load/yaml-source.js';
import { didYouMean } from './util/suggest.js';
import { listAt } from '../model/site-addresses.js';
import { idFor } from '../authoring/conventions.js';

const RELATIONS = ['ersätter', 'kompletteras_med', 'genomför'] as const;

/** Checks one `dokument-id#mål-id` reference; returns a Swedish problem or undefined. */
function targetProblem(ref: string, corpus: Corpus): string | undefined {
  if (corpus.targets.has(ref)) return undefined;
  const [docId = '', targetId = ''] = ref.split('#');
  if (corpus.brokenIds.has(docId)) return undefined;
  const doc = corpus.byId.get(docId)?.[0];
  if (!doc) return `Dokumentet «${docId}» i «${ref}» finns inte.${didYouMean(docId, corpus.byId.keys())}`;
  const ids = (corpus.targetsOf.get(doc) ?? []).map((t) => t.id);
  if (!ids.length) return `«${docId}» har inga mål att peka på (inriktning eller fokusområden).`;
  return `«${docId}» har inget mål med id «${targetId}».${didYouMean(targetId, ids)} Målen i dokumentet är: ${[...new Set(ids)].join(', ')}.`;
}

export default createShapedRule({
  id: 'references',
  description: 'Varje id som ett dokument pekar på finns, inget id används två gånger eller av webbplatsens listor, och inget dokument pekar på sig självt.',
  defaultSeverity: 'error',
  acrossReads: (data) => data.id,
  checkAcross({ corpus }) {
    const findings: Finding[] = [];
    for (const [id, docs] of corpus.byId) {
      const [first, ...rest] = docs as [StyrDocument, ...StyrDocument[]];
      for (const document of rest) {
        findings.push({
          document,
          path: ['id'],
          message: `Id «${id}» används redan av ${first.file}. Varje dokument behöver ett eget id.`,
          related: [{ file: first.file, span: first.locate(['id']), message: 'Id:t används här' }],
        });
      }
    }
    return findings;
  },
  checkEach(document, { corpus }) {
    const findings: DocumentFinding[] = [];
    const { data } = document;
    const list = listAt(data.id);
    if (list) {
      findings.push({
        path: ['id'],
        message: `Id «${data.id}» kan inte användas: webbplatsen har ${list} på /dokument/${data.id}/, och ett av dem skulle försvinna. Välj ett annat id, till exempel «${idFor(data.dokumenttyp, data.id)}».`,
      });
    }
    for (const relation of RELATIONS) {
      (data[relation] ?? []).forEach((id, index) => {
        const path: PathSegment[] = [relation, index];
        if (id === data.id) findings.push({ path, message: `Dokumentet pekar på sig självt i ${relation}. Ta bort «${id}».` });
        else if (!corpus.byId.has(id) && !corpus.brokenIds.has(id)) {
          findings.push({ path, message: `Det finns inget dokument med id «${id}».${didYouMean(id, corpus.byId.keys())} Kontrollera id:t i det andra dokumentets frontmatter.` });
        }
      });
    }
    const targets = corpus.targetsOf.get(document) ?? [];
    duplicateIds(targets, (i) => [...targets[i]!.path, 'id'], 'mål', findings);
    duplicateIds(actionsOf(data), (i) => ['åtgärder', i, 'id'], 'åtgärd', findings);
    actionsOf(data).forEach((action, i) =>
      action.bidrar_till?.forEach((ref, j) => {
        const problem = targetProblem(ref, corpus);
        if (problem) findings.push({ path: ['åtgärder', i, 'bidrar_till', j], message: problem });
      }),
    );
    if (isVerksamhetsplan(data)) {
      duplicateIds(data.mål, (i) => ['mål', i, 'id'], 'mål', findings);
      data.mål.forEach((goal, i) =>
        goal.bidrar_till?.forEach((ref, j) => {
          const problem = targetProblem(ref, corpus);
          if (problem) findings.push({ path: ['mål', i, 'bidrar_till', j], message: problem });
        }),
      );
      data.mål.forEach((goal, i) =>
        Object.keys(goal.avstämd_mot ?? {}).forEach((ref) => {
          const problem = targetProblem(ref, corpus);
          if (problem) findings.push({ path: ['mål', i, 'avstämd_mot', ref], message: problem });
        }),
      );
    }
    return findings;
  },
});

/** `pathOf(i)`: where the i-th id stands, made only for a duplicate (most documents have none). */
function duplicateIds(entries: readonly { id: string }[], pathOf: (i: number) => PathSegment[], what: 'mål' | 'åtgärd', findings: DocumentFinding[]): void {
  if (entries.length < 2) return;
  const article = what === 'mål' ? 'ett' : 'en';
  const seen = new Set<string>();
  entries.forEach(({ id }, i) => {
    if (seen.has(id)) findings.push({ path: pathOf(i), message: `Id «${id}» används för mer än ${article} ${what} i dokumentet. Ge varje ${what} ett eget id.` });
    seen.add(id);
  });
}
