import { createShapedRule, type DocumentFinding } from './rule.js';
import { goalsOf, type Corpus } from '../corpus/corpus.js';
import type { Config } from '../config/config.js';
import { inForceDuring } from '../corpus/status.js';
import { memoOn } from '../corpus/read-tracking.js';

/**
 * An example from this kommun's own corpus, a target of a strategy in force that year: found once per
 * corpus, config and year, since every goal without a strategy in a run asks for it.
 */
function example(corpus: Corpus, config: Config, year: number): string {
  return memoOn(corpus, config, `exempel ${year}`, () => {
    const target = [...corpus.targets.values()].find(
      (t) => config.typeRules(t.document.data.dokumenttyp)?.har_mål && inForceDuring(t.document, `${year}-01-01`, `${year}-12-31`, corpus),
    );
    return target ? `till exempel ${target.ref}` : 'skrivet strategins id och målets id med # emellan';
  });
}

export default createShapedRule({
  id: 'traceability',
  description: 'Varje mål i en nämnds verksamhetsplan bidrar till minst ett mål i en strategi som gäller under målets år.',
  defaultSeverity: 'error',
  checkEach(document, { corpus, config }) {
    const findings: DocumentFinding[] = [];
    for (const { plan, goal, path } of goalsOf(document)) {
      const year = plan.data.år;
      const refs = goal.bidrar_till ?? [];
      if (!refs.length) {
        findings.push({
          path: [...path, 'id'],
          message: `Målet «${goal.id}» är inte kopplat till någon strategi. Ange under bidrar_till vilket mål i strategin det bidrar till, ${example(corpus, config, year)}.`,
        });
        continue;
      }
      const resolved = refs.map((ref) => corpus.targets.get(ref)).filter((t) => t !== undefined);
      if (!resolved.length) continue; // every reference is unknown: the references rule reports each one
      const countsFor = resolved.filter((t) => config.typeRules(t.document.data.dokumenttyp)?.har_mål);
      const inForce = countsFor.filter((t) => inForceDuring(t.document, `${year}-01-01`, `${year}-12-31`, corpus));
      if (inForce.length) continue;
      const names = [...new Set(resolved.map((t) => `«${t.document.data.id}»`))].join(', ');
      findings.push({
        path: [...path, 'bidrar_till'],
        message: countsFor.length
          ? `Målet «${goal.id}» bidrar bara till ${names}, som inte gäller under ${year}. Koppla målet till en strategi som gäller ${year}.`
          : `Målet «${goal.id}» pekar bara på ${names}, som inte är en strategi. Koppla målet till ett mål i en gällande strategi.`,
      });
    }
    return findings;
  },
});
