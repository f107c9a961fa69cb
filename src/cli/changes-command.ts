import { copyFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { compareProjects, summarizeProject, type ProjectSummary } from '../changes/compare-projects.js';
import { snapshotAt, SnapshotError } from '../changes/git-snapshot.js';
import { renderChanges } from '../changes/render-changes.js';
import { findConfigFile } from '../config/load-config.js';
import { todayIso, type IsoDate } from '../corpus/dates.js';
import { checkProject, ConfigError, type CheckedProject, type ProjectOptions } from '../engine/load-project.js';
import { partName } from '../engine/projects.js';
import type { CommandIO } from './check-command.js';
import { EXIT_OK, UsageError } from './exit-codes.js';
import { parseDateOption, parseOptions } from './options.js';
import { assertProjectHere, kommunerOf } from './project-here.js';

export const CHANGES_HELP = `Användning: styrdok changes [--base VERSION] [sökvägar…] [flaggor]

Säger vad en ändring gör med styrdokumenten: vilka dokument som är nya, ändrade (ett nytt
beslut, titeln, giltighetstiden, målen, texten …) eller borttagna, vilka som får en annan status
(ett dokument som ersätts av ett nytt, till exempel), och vilka fynd ändringen ger eller tar bort.
Jämför filerna som de står nu, också det som inte är sparat i git, med en tidigare version i git.
Skriver Markdown, som passar i en pull requests sammanfattning ($GITHUB_STEP_SUMMARY).
Utan sökvägar läses mappen strategy/; i en regions mapp jämförs varje kommun för sig, med sin
egen konfiguration. Inget skrivs i förrådet.

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
  const region = values.config ? undefined : kommunerOf(io.cwd, positionals);
  if (!region) {
    io.stdout(compareOne({ ref, cwd: io.cwd, paths: positionals, configFile: values.config, today }));
    return EXIT_OK;
  }
  // A region: each kommun compared with its own config, one after the other, under its name.
  const reports = region.map((part) =>
    part.configFile
      ? compareOne({ ref, cwd: io.cwd, paths: part.paths, configFile: path.relative(io.cwd, part.configFile), today, kommun: partName(io.cwd, part) })
      : `## ${part.paths.join(', ')}\n\nHär finns ingen styrdok.config.yaml, så dokumenten jämförs inte.\n`,
  );
  io.stdout(reports.join('\n'));
  return EXIT_OK;
}

interface Comparison {
  ref: string;
  cwd: string;
  paths: string[];
  configFile: string | undefined;
  today: IsoDate;
  /** In a region: the kommun's folder, for the heading. */
  kommun?: string;
}

/** One kommun's change, as Markdown. */
function compareOne({ ref, cwd, paths, configFile, today, kommun }: Comparison): string {
  const options: ProjectOptions = { paths, today, ...(configFile ? { configFile } : {}) };
  // Each side is summed up before the other is checked: two checked corpora of a large kommun at once would need twice the memory.
  const { head, root, name } = checkHead({ ...options, cwd }, today);

  // The base holds the same folders, and the config wherever it was found (it may sit above them).
  const asked = paths.length ? paths : ['strategy'];
  const found = configFile ?? findConfigFile(path.resolve(cwd, asked[0]!));
  const config = found === undefined ? undefined : path.relative(cwd, path.resolve(cwd, found));
  let snapshot;
  try {
    snapshot = snapshotAt(ref, cwd, [...asked, root, ...(config ? [config] : [])]);
  } catch (error) {
    if (error instanceof SnapshotError) throw new UsageError(error.message);
    throw error;
  }
  try {
    // A base without the config had no styrdokument yet (a new repository, a new kommun): every document is new.
    const checked = config && existsSync(path.join(snapshot.cwd, config)) ? baseProject(ref, { ...options, cwd: snapshot.cwd, configFile: config }, path.resolve(cwd, config)) : undefined;
    const base = checked && summarizeProject(checked.project, today);
    return renderChanges(compareProjects(base, head), { ref, commit: snapshot.commit, today, ...(kommun ? { kommun: `${name} (${kommun})` } : {}), ...(checked?.note ? { note: checked.note } : {}) });
  } finally {
    snapshot.dispose();
  }
}

/**
 * The working tree checked and summed up, in a function of its own so that nothing keeps the checked project
 * once the summary is made; and the corpus folder, which the check reads whole also when asked for one folder.
 */
function checkHead(options: ProjectOptions & { cwd: string }, today: IsoDate): { head: ProjectSummary; root: string; name: string } {
  const checked = checkProject(options);
  return { head: summarizeProject(checked, today), root: checked.corpus.root, name: checked.config.data.kommun };
}

/**
 * The base checked as the working tree is. A base whose config this styrdok cannot read (written for an older
 * version, or broken, which the change may be mending) is checked with the config as it is now: the comparison
 * then says what the documents' changes do, and the note says so.
 */
function baseProject(ref: string, options: ProjectOptions & { cwd: string; configFile: string }, currentConfig: string): { project: CheckedProject; note?: string } {
  try {
    return { project: checkProject(options) };
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    const [first] = error.diagnostics;
    copyFileSync(currentConfig, path.join(options.cwd, options.configFile));
    const reason = first ? ` (${first.file}:${first.span.start.line}:${first.span.start.column}: ${first.message.replace(/\.$/, '')})` : '';
    return {
      project: checkProject(options),
      note: `Konfigurationen i «${ref}» går inte att läsa${reason}, så styrdokumenten där är kontrollerade med konfigurationen som den är nu: fynden nedan jämför vad dokumentens ändringar gör, inte konfigurationens.`,
    };
  }
}
