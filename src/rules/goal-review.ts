import { createRule, type Finding } from './rule.js';
import { targetVersion } from '../corpus/target-version.js';

export default createRule({
  id: 'goal-review',
  description: 'Ett nämndmål som stämts av mot en strategis mål flaggas när målets lydelse har ändrats, tills nämnden bekräftar det.',
  defaultSeverity: 'warning',
  check({ corpus }) {
    const findings: Finding[] = [];
    for (const { plan, goal, path, ref } of corpus.goals) {
      for (const [targetRef, version] of Object.entries(goal.avstämd_mot ?? {})) {
        const target = corpus.targets.get(targetRef);
        if (!target || targetVersion(target) === version) continue; // unknown refs belong to the references rule
        findings.push({
          document: plan,
          path: [...path, 'avstämd_mot', targetRef],
          message: `Målet «${goal.id}» behöver ses över: lydelsen av «${target.title}» i ${target.document.data.id} har ändrats sedan målet stämdes av. Läs den nya lydelsen, justera målet vid behov och bekräfta med: styrdok confirm ${ref}`,
        });
      }
    }
    return findings;
  },
});
