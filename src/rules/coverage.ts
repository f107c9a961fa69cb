import { createRule, type Finding } from './rule.js';
import type { Target } from '../corpus/corpus.js';
import { inForce, validityOf } from '../corpus/status.js';

export default createRule({
  id: 'coverage',
  description: 'Varje mål i en gällande strategi har minst ett nämndmål som bidrar till det.',
  defaultSeverity: 'warning',
  check({ corpus, config, today }) {
    const findings: Finding[] = [];
    const year = Number(today.slice(0, 4));
    // Count only this year's plans: a target covered in an old plan is a gap today.
    const covered = new Set<string>();
    for (const { plan, goal } of corpus.goals) {
      if (plan.data.år !== year || !validityOf(plan)) continue;
      for (const ref of goal.bidrar_till ?? []) {
        const target = corpus.targets.get(ref);
        covered.add(ref);
        if (target?.parent) covered.add(target.parent.ref);
      }
    }
    for (const document of corpus.documents) {
      if (!config.typeRules(document.data.dokumenttyp)?.har_mål || !inForce(document, today, corpus)) continue;
      for (const target of corpus.targetsOf.get(document) ?? []) {
        if (covered.has(target.ref)) continue;
        findings.push({
          document,
          path: [...target.path, 'id'],
          message: `Inget nämndmål för ${year} bidrar till ${describe(target)}. Se över om någon nämnd bör sätta ett mål för det.`,
        });
      }
    }
    return findings;
  },
});

function describe(target: Target): string {
  const what = { inriktning: 'inriktningen', fokusområde: 'fokusområdet', delområde: 'delområdet' }[target.kind];
  const title = target.title.length > 80 ? `${target.title.slice(0, 77)}…` : target.title;
  return `${what} «${title}» (${target.id})`;
}
