import { createHash } from 'node:crypto';
import path from 'node:path';
import { checkProject, ConfigError } from '../engine/load-project.js';
import { openCache } from '../engine/project-cache.js';
import type { ParseCache } from '../load/parse-cache.js';
import { partName, type ProjectPart } from '../engine/projects.js';
import type { IsoDate } from '../corpus/dates.js';
import { compareDiagnostics, type Diagnostic } from '../model/diagnostic.js';
import type { Formatter } from '../report/formatter.js';
import { ruleInfos } from './rule-infos.js';
import { VERSION } from './version.js';
import { EXIT_USAGE, findingsExitCode, UsageError } from './exit-codes.js';
import type { CommandIO } from './check-command.js';
import { CheckTiming, maybeStep } from '../engine/timing.js';
import { TIMING_STEPS, timingText } from '../report/timing-text.js';

/** The flags that work on one kommun at a time: each reads or writes one project's files, config or site. */
const ONE_KOMMUN_FLAGS = ['at', 'fix', 'site'] as const;

/** A usage error when a flag that works on one kommun is given with a region's several. */
export function assertOneKommunFlags(parts: readonly ProjectPart[], values: Partial<Record<(typeof ONE_KOMMUN_FLAGS)[number], unknown>>, cwd: string): void {
  const flag = ONE_KOMMUN_FLAGS.find((f) => values[f] !== undefined && values[f] !== false);
  if (!flag || parts.length < 2) return;
  const names = parts.map((part) => partName(cwd, part));
  throw new UsageError(
    `Sökvägarna rymmer ${parts.length} kommuner, var och en med sin konfiguration (${names.join(', ')}), och --${flag} gäller en kommun i taget. Ange en kommuns mapp, till exempel styrdok check ${names[0]}, med --${flag}.`,
  );
}

export interface RegionCheck {
  parts: readonly ProjectPart[];
  today: IsoDate | undefined;
  /** The --cache folder; each kommun keeps its own cache in a folder of its own inside it. */
  cacheLocation: string | undefined;
  /** Each kommun's cache in memory, by kommun, kept between the rounds of --watch (without --cache). */
  memory?: Map<string, ParseCache>;
  formatter: Formatter;
  format: string;
  maxWarnings: number | undefined;
  /** --timing: each kommun's steps and rules, on stderr after the report. */
  timing: boolean;
}

/** A folder name for a kommun's cache: readable, and apart from every other kommun's. */
function cacheFolderOf(name: string): string {
  return `${name.replace(/[^\p{L}\p{N}_-]+/gu, '_')}-${createHash('sha1').update(name).digest('hex').slice(0, 8)}`;
}

/** A kommun's cache in memory between rounds of --watch, made on its first round. */
function remembered(memory: Map<string, ParseCache> | undefined, name: string): ParseCache | undefined {
  if (!memory) return undefined;
  return memory.get(name) ?? memory.set(name, openCache(undefined)).get(name);
}

/** What one kommun of a region gave: its findings and files, and its name, timing or broken config. */
interface KommunResult {
  diagnostics: Diagnostic[];
  files: string[];
  /** «Åby kommun (aby/strategy)»; undefined when its config is missing or broken. */
  checked?: string;
  timing?: string;
}

/** One kommun of the region, with its own config and cache; a broken config is a finding, not a stop. */
function checkKommun(check: RegionCheck, part: ProjectPart, first: boolean, cwd: string): KommunResult {
  const name = partName(cwd, part);
  const timing = check.timing ? new CheckTiming() : undefined;
  // Node's start and the loading of the code counts once, in the first kommun's time; a round of --watch has none.
  if (timing && first && !check.memory) timing.steps.set(TIMING_STEPS.start, performance.now());
  const location = check.cacheLocation === undefined ? undefined : path.join(check.cacheLocation, 'kommuner', cacheFolderOf(name));
  const cache = location === undefined ? remembered(check.memory, name) : maybeStep(timing, TIMING_STEPS.readCache, () => openCache(location));
  try {
    const project = checkProject({
      cwd,
      paths: part.paths,
      ...(part.configFile ? { configFile: part.configFile } : {}),
      ...(check.today ? { today: check.today } : {}),
      ...(cache ? { cache } : {}),
      ...(timing ? { timing } : {}),
    });
    if (cache) maybeStep(timing, TIMING_STEPS.saveCache, () => cache.save());
    const checked = `${project.config.data.kommun} (${name})`;
    return { diagnostics: project.diagnostics, files: project.files, checked, ...(timing ? { timing: `${checked}\n${timingText(timing, project.corpus.files.length)}` } : {}) };
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return { diagnostics: [...error.diagnostics, ...(error.documents?.diagnostics ?? [])], files: error.documents?.files ?? [] };
  }
}

/**
 * Checks each kommun of a region with its own config and reports them all in one report, as one check of
 * one kommun does. A kommun whose config is broken does not hide the others' findings: its config's findings
 * and its documents' own are in the report, and the exit code is 2, as for one kommun.
 */
export function checkRegion(check: RegionCheck, io: CommandIO): number {
  const results = check.parts.map((part, i) => checkKommun(check, part, i === 0, io.cwd));
  const diagnostics = results.flatMap((r) => r.diagnostics).sort(compareDiagnostics);
  const files = [...new Set(results.flatMap((r) => r.files))].sort();
  io.stdout(check.formatter(diagnostics, { files, rules: ruleInfos(), toolVersion: VERSION }));
  const timings = results.flatMap((r) => (r.timing ? [r.timing] : []));
  if (timings.length) io.stderr(timings.join('\n'));
  const checked = results.flatMap((r) => (r.checked ? [r.checked] : []));
  if (check.format === 'pretty' && checked.length) io.stdout(`\nKontrollerade ${checked.length} ${checked.length === 1 ? 'kommun' : 'kommuner'}, var och en med sin egen konfiguration: ${checked.join(', ')}.\n`);
  const broken = check.parts.filter((_, i) => !results[i]!.checked).map((part) => partName(io.cwd, part));
  if (broken.length) {
    io.stderr(`Konfigurationen saknas eller är felaktig för ${broken.join(', ')}, så reglerna kördes inte där. Fynden i konfigurationen och styrdokumentens egna fel står i rapporten.\n`);
    return EXIT_USAGE;
  }
  return findingsExitCode(diagnostics, check.maxWarnings, io.stderr);
}
