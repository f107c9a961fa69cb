import path from 'node:path';
import { checkProject } from '../engine/load-project.js';
import { targetVersion } from '../corpus/target-version.js';
import { editFrontmatter, readText, writeFileAtomic } from '../edit/edit-frontmatter.js';
import type { CommandIO } from './check-command.js';
import { EXIT_OK, UsageError } from './exit-codes.js';
import { assertProjectHere } from './project-here.js';
import { parseOptions } from './options.js';
import { didYouMean } from '../rules/util/suggest.js';

export const CONFIRM_HELP = `Användning: styrdok confirm <plan-id>[#<mål-id>] [sökvägar…] [--config FIL]

Bekräftar att ett nämndmål är avstämt mot den nuvarande lydelsen av strategins mål som det bidrar
till. styrdok skriver då in lydelsens versionskod under avstämd_mot i verksamhetsplanen, och regeln
goal-review slutar flagga målet. Utan #<mål-id> bekräftas alla mål i planen.

Det här är det enda kommandot, utöver check --fix, som skriver i dokumenten: bara i den plan som anges.`;

export function runConfirm(args: string[], io: CommandIO): number {
  const { values, positionals } = parseOptions(args, { config: { type: 'string' }, help: { type: 'boolean', short: 'h' } });
  if (values.help) {
    io.stdout(CONFIRM_HELP + '\n');
    return EXIT_OK;
  }
  const [ref, ...paths] = positionals;
  if (!ref) throw new UsageError('Ange vilken plan eller vilket mål som ska bekräftas, till exempel verksamhetsplan-2026-socialnamnden#fältassistenter.');
  const [planId = '', goalId] = ref.split('#');
  assertProjectHere('confirm <plan>', paths, values.config, io.cwd);
  const { corpus } = checkProject({ cwd: io.cwd, paths, ...(values.config ? { configFile: values.config } : {}) });
  const goals = corpus.goals.filter((g) => g.plan.data.id === planId && (!goalId || g.goal.id === goalId));
  if (!goals.length) {
    const known = goalId ? corpus.goals.filter((g) => g.plan.data.id === planId).map((g) => g.goal.id) : [...new Set(corpus.goals.map((g) => g.plan.data.id))];
    throw new UsageError(`Hittar ${goalId ? `inget mål «${goalId}» i «${planId}»` : `ingen verksamhetsplan «${planId}»`}.${didYouMean(goalId ?? planId, known)}`);
  }
  const plan = goals[0]!.plan;
  const file = path.resolve(io.cwd, plan.file);
  const changes: string[] = [];
  const next = editFrontmatter(readText(file), (document) => {
    for (const { goal, path: goalPath } of goals) {
      for (const targetRef of goal.bidrar_till ?? []) {
        const target = corpus.targets.get(targetRef);
        if (!target) continue;
        const version = targetVersion(target);
        const keyPath = [...goalPath, 'avstämd_mot', targetRef];
        if (document.getIn(keyPath) !== version) {
          document.setIn(keyPath, version);
          changes.push(`  ${goal.id}: avstämt mot ${targetRef} (${version})`);
        }
      }
    }
  });
  if (next === undefined) {
    io.stdout(`Inget att ändra: målen i ${plan.file} är redan avstämda mot nuvarande lydelse.\n`);
    return EXIT_OK;
  }
  writeFileAtomic(file, next);
  io.stdout(`Ändrade ${plan.file}:\n${changes.join('\n')}\n`);
  return EXIT_OK;
}
