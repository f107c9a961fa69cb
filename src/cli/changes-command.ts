import { existsSync } from 'node:fs';
import path from 'node:path';
import { compareProjects, summarizeProject, type ProjectSummary } from '../changes/compare-projects.js';
import { snapshotAt, SnapshotError } from '../changes/git-snapshot.js';
import { renderChanges } from '../changes/render-changes.js';
import { findConfigFile } from '../config/load-config.js';
import { todayIso, type IsoDate } from '../corpus/dates.js';
import { checkProject, ConfigError, type CheckedProject, type ProjectOptions } from '../engine/load-project.js';
import type { CommandIO } from './check-command.js';
import { EXIT_OK, UsageError } from './exit-codes.js';
import { parseDateOption, parseOptions } from './options.js';
import { assertProjectHere } from './project-here.js';

export const CHANGES_HELP = `Användning: styrdok changes [--base VERSION] [sökvägar…] [flaggor]

Säger vad en ändring gör med styrdokumenten: vilka dokument som är nya, ändrade (ett nytt
beslut, titeln, giltighetstiden, målen, texten …) eller borttagna, vilka som får en annan status
(ett dokument som ersätts av ett nytt, till exempel), och vilka fynd ändringen ger eller tar bort.
Jämför filerna som de står nu, också det som inte är sparat i git, med en tidigare version i git.
Skriver Markdown, som passar i en pull requests sammanfattning ($GITHUB_STEP_SUMMARY).
Utan sökvägar läses mappen strategy/. Inget skrivs i förrådet.

Flaggor:
  --base VERSION       versionen att jämföra med: en gren, en tagg eller en commit, till exempel
                       main eller origin/main (standard: HEAD, den senaste committen)
  --config FIL         konfigurationsfilen (standard: styrdok.config.yaml i mappen eller ovanför)
  --today ÅÅÅÅ-MM-DD   dagen som status räknas för (standard: i dag)
  -h, --help           visa den här hjälpen

Slutkoder: 0 jämförelsen skrevs, 2 felaktig användning, en version som git inte har,
felaktig konfiguration eller internt fel. Om ändringen får gå igenom avgör styrdok check.`;

export function runChanges(args: string[], io: CommandIO): number {
  const { values, positionals } = parseOptions(args, {
    base: { type: 'string', default: 'HEAD' },
    config: { type: 'string' },
    today: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout(CHANGES_HELP + '\n');
    return EXIT_OK;
  }
  const today = parseDateOption(values.today, '--today') ?? todayIso();
  const ref = values.base ?? 'HEAD';
  assertProjectHere('changes', positionals, values.config, io.cwd);
  const options: ProjectOptions = { paths: positionals, today, ...(values.config ? { configFile: values.config } : {}) };
  // Each side is summed up before the other is checked: two checked corpora of a large kommun at once would need twice the memory.
  const { head, root } = checkHead({ ...options, cwd: io.cwd }, today);

  // The base holds the same folders, and the config wherever it was found (it may sit above them).
  const paths = positionals.length ? positionals : ['strategy'];
  const found = values.config ?? findConfigFile(path.resolve(io.cwd, paths[0]!));
  const config = found === undefined ? undefined : path.relative(io.cwd, path.resolve(io.cwd, found));
  let snapshot;
  try {
    snapshot = snapshotAt(ref, io.cwd, [...paths, root, ...(config ? [config] : [])]);
  } catch (error) {
    if (error instanceof SnapshotError) throw new UsageError(error.message);
    throw error;
  }
  try {
    // A base without the config had no styrdokument yet (a new repository): every document is new.
    const base = config && existsSync(path.join(snapshot.cwd, config)) ? summarizeProject(baseProject(ref, { ...options, cwd: snapshot.cwd, configFile: config }), today) : undefined;
    io.stdout(renderChanges(compareProjects(base, head), { ref, commit: snapshot.commit, today }));
  } finally {
    snapshot.dispose();
  }
  return EXIT_OK;
}

/**
 * The working tree checked and summed up, in a function of its own so that nothing keeps the checked project
 * once the summary is made; and the corpus folder, which the check reads whole also when asked for one folder.
 */
function checkHead(options: ProjectOptions & { cwd: string }, today: IsoDate): { head: ProjectSummary; root: string } {
  const checked = checkProject(options);
  return { head: summarizeProject(checked, today), root: checked.corpus.root };
}

/** The base checked as the working tree is. */
function baseProject(ref: string, options: ProjectOptions & { cwd: string }): CheckedProject {
  try {
    return checkProject(options);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    throw new UsageError(`Konfigurationen i «${ref}» har fel, så den versionen går inte att kontrollera och jämföra med:\n${error.message}`);
  }
}
