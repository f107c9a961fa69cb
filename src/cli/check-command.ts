import { existsSync } from 'node:fs';
import path from 'node:path';
import { checkProject, ConfigError } from '../engine/load-project.js';
import { formatNames, getFormatter } from '../report/formatters/index.js';
import { createPrettyFormatter } from '../report/formatters/pretty.js';
import type { Formatter } from '../report/formatter.js';
import { configErrorText } from '../report/config-error.js';
import { ruleInfos } from './rule-infos.js';
import { loadChecks } from '../rules/index.js';
import { VERSION } from './version.js';
import { EXIT_OK, EXIT_USAGE, findingsExitCode, UsageError } from './exit-codes.js';
import { parseDateOption, parseOptions } from './options.js';
import { assertProjectHere, kommunerOf } from './project-here.js';
import { renderInForceJson, renderInForceText } from '../report/in-force-list.js';
import { formatFixReport, runFixes } from './fix.js';
import { watchCheck } from './watch.js';
import type { ParseCache } from '../load/parse-cache.js';
import { openCache } from '../engine/project-cache.js';
import { CACHE_HELP, PROJECT_OPTIONS, cacheFromOptions, cacheLocation } from './cache-options.js';
import { assertOneKommunFlags, checkRegion } from './check-region.js';
import { CheckTiming, maybeStep } from '../engine/timing.js';
import { TIMING_STEPS, timingText } from '../report/timing-text.js';

export const CHECK_HELP = `Användning: styrdok check [sökvägar…] [flaggor]

Kontrollerar styrdokumenten (Markdown med frontmatter) mot schemat och kommunens regler.
Utan sökvägar kontrolleras mappen strategy/. En mapp utan styrdok.config.yaml i eller
ovanför sig men med kommuner nedanför (en region: varje kommun i en mapp med sin egen
styrdok.config.yaml) kontrolleras kommun för kommun, var och en med sin konfiguration,
i en rapport (--timing visar varje kommuns tid, --watch bevakar alla); --at, --fix och
--site tar en kommun i taget.

Flaggor:
  --config FIL         konfigurationsfilen (standard: styrdok.config.yaml i mappen eller ovanför)
  --today ÅÅÅÅ-MM-DD   dagen som reglerna räknar från (standard: i dag)
  --format FORMAT      pretty, github, json, sarif, junit eller summary (Markdown för
                       en pull requests sammanfattning) (standard: pretty)
  --max-warnings N     misslyckas också när det är fler än N varningar
  --at ÅÅÅÅ-MM-DD      visa i stället vilka styrdokument som gällde den dagen
                       (med --format json som JSON)
  --fix                rätta först det som går att rätta säkert (nycklarnas ordning,
                       datum som 2023-12-8, diarienummer som ks/2023:309, dolda
                       tecken från Word) och visa varje ändring; bara de angivna
                       filerna ändras
${CACHE_HELP}
  --watch              kontrollera igen varje gång en fil sparas (avsluta med Ctrl+C)
  --site               med --watch: bygg också om webbplatsen (npm run site)
  --timing             skriv efter rapporten (på stderr) hur lång tid varje steg och
                       varje regel tog, de långsammaste reglerna först
  -h, --help           visa den här hjälpen

Slutkoder: 0 inga fel, 1 fel (eller för många varningar), 2 felaktig användning,
konfiguration eller internt fel.`;

export interface CommandIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
  color: boolean;
  /** Calls `listener` once stdout's reader has gone (a closed pipe), so a command that runs on can end. */
  onStdoutGone?: (listener: () => void) => void;
}

function printInForce(at: string, format: string, paths: string[], configFile: string | undefined, io: CommandIO, cache: ParseCache | undefined): number {
  if (format !== 'pretty' && format !== 'json') throw new UsageError('Med --at finns formaten pretty och json.');
  const { corpus, config } = checkProject({ cwd: io.cwd, paths, today: at, ...(configFile ? { configFile } : {}), ...(cache ? { cache } : {}) });
  cache?.save();
  io.stdout(format === 'json' ? renderInForceJson(corpus, config, at) : renderInForceText(corpus, config, at));
  return EXIT_OK;
}

/** `cache` (one kommun) and `regionMemory` (a region's kommuner): kept between the rounds of --watch, in memory. */
export function runCheck(args: string[], io: CommandIO, cache?: ParseCache, regionMemory?: Map<string, ParseCache>): number | Promise<number> {
  const { values, positionals } = parseOptions(args, {
    format: { type: 'string', default: 'pretty' },
    'max-warnings': { type: 'string' },
    at: { type: 'string' },
    fix: { type: 'boolean' },
    watch: { type: 'boolean' },
    site: { type: 'boolean' },
    timing: { type: 'boolean' },
    ...PROJECT_OPTIONS,
  });
  if (values.help) {
    io.stdout(CHECK_HELP + '\n');
    return EXIT_OK;
  }
  assertProjectHere('check', positionals, values.config, io.cwd);
  const parts = values.config ? undefined : kommunerOf(io.cwd, positionals);
  if (parts) assertOneKommunFlags(parts, values, io.cwd);
  // One kommun whose config lies below the path (its root, above strategy/) is checked as any project is.
  const one = parts?.length === 1 ? parts[0] : undefined;
  const paths = one ? one.paths : positionals;
  const configFile = one ? one.configFile : values.config;
  const format = values.format ?? 'pretty';
  const at = parseDateOption(values.at, '--at');
  const alongsideAt = (['fix', 'watch', 'site', 'max-warnings', 'timing'] as const).find((flag) => values[flag] !== undefined);
  if (at && alongsideAt) throw new UsageError(`--at visar vilka styrdokument som gällde en dag och kontrollerar ingenting, så --${alongsideAt} går inte att använda med den. Kör dem var för sig.`);
  if (at) return printInForce(at, format, paths, configFile, io, cache ?? cacheFromOptions(values, io.cwd));
  if (values.site && !values.watch) throw new UsageError('--site bygger om webbplatsen vid varje ändring och används tillsammans med --watch.');
  if (values.watch) {
    if (values.fix) throw new UsageError('--fix och --watch går inte att kombinera: --watch skriver aldrig i filerna du redigerar. Kör styrdok check --fix för sig.');
    const checkArgs = args.filter((a) => a !== '--watch' && a !== '--site');
    const memory = openCache(undefined);
    const kommunMemory = new Map<string, ParseCache>();
    const runRound = (roundArgs: string[], roundIo: CommandIO) => runCheck(roundArgs, roundIo, memory, kommunMemory);
    // A region's folder is watched whole, its kommuner's configs with it.
    const watched = parts && parts.length > 1 && !positionals.length ? ['.'] : paths;
    return watchCheck({ checkArgs, paths: watched, ...(configFile ? { configFile } : {}), site: Boolean(values.site), runCheck: runRound }, io);
  }
  const formatter = format === 'pretty' ? createPrettyFormatter({ color: io.color }) : getFormatter(format);
  if (!formatter) throw new UsageError(`Okänt format «${format}». Välj ett av: ${formatNames.join(', ')}.`);
  const maxWarningsText = values['max-warnings'];
  const maxWarnings = maxWarningsText === undefined ? undefined : Number(maxWarningsText);
  if (maxWarnings !== undefined && (!Number.isInteger(maxWarnings) || maxWarnings < 0)) {
    throw new UsageError(`--max-warnings ska vara ett heltal, 0 eller större, inte «${maxWarningsText}».`);
  }
  const today = parseDateOption(values.today, '--today');
  const missing = positionals.find((p) => !existsSync(path.resolve(io.cwd, p)));
  if (missing) throw new UsageError(`Sökvägen «${missing}» finns inte. Ange en fil eller mapp med styrdokument.`);
  if (parts && parts.length > 1) {
    // A round of --watch keeps each kommun's cache in memory, as one kommun's watch does.
    const caches = regionMemory ? { cacheLocation: undefined, memory: regionMemory } : { cacheLocation: cacheLocation(values, io.cwd) };
    return checkRegion({ parts, today, ...caches, formatter, format, maxWarnings, timing: Boolean(values.timing) }, io);
  }
  const timing = values.timing ? new CheckTiming() : undefined;
  // Node's start and the loading of the code, up to here; a round of --watch (a cache given) has none.
  if (timing && !cache) timing.steps.set(TIMING_STEPS.start, performance.now());
  if (values.fix) {
    const report = maybeStep(timing, TIMING_STEPS.fix, () => runFixes({ cwd: io.cwd, paths, ...(configFile ? { configFile } : {}) }));
    (format === 'pretty' ? io.stdout : io.stderr)(formatFixReport(report));
  }
  const parseCache = cache ?? maybeStep(values.cache ? timing : undefined, TIMING_STEPS.readCache, () => cacheFromOptions(values, io.cwd));
  let project;
  try {
    project = checkProject({
      cwd: io.cwd,
      paths,
      ...(configFile ? { configFile } : {}),
      ...(today ? { today } : {}),
      ...(parseCache ? { cache: parseCache } : {}),
      ...(timing ? { timing } : {}),
    });
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return reportConfigError(error, format, formatter, io);
  }
  if (parseCache) maybeStep(timing, TIMING_STEPS.saveCache, () => parseCache.save());
  const report = maybeStep(timing, TIMING_STEPS.report, () => formatter(project.diagnostics, { files: project.files, rules: ruleInfos(), toolVersion: VERSION }));
  io.stdout(report);
  if (timing) io.stderr(timingText(timing, project.corpus.files.length));
  return findingsExitCode(project.diagnostics, maxWarnings, io.stderr);
}

/**
 * A broken configuration stops the rules, not the report: the configuration's findings and the documents'
 * own (file, YAML, schema) come in the format asked for, so that CI marks the configuration's line in a pull
 * request. The readable report goes to stderr, as every usage error does; exit 2.
 */
function reportConfigError(error: ConfigError, format: string, formatter: Formatter, io: CommandIO): number {
  const documents = error.documents ?? { diagnostics: [], files: [] };
  // Only the checks that need no configuration ran (SARIF and JUnit list them; the summary claims nothing of the rest).
  const ran = new Set<string>(loadChecks.map((c) => c.id));
  const context = { files: documents.files, rules: ruleInfos().filter((r) => ran.has(r.id)), toolVersion: VERSION };
  if (format === 'pretty') io.stderr(configErrorText(error, formatter, context.rules, VERSION));
  else {
    io.stdout(formatter([...error.diagnostics, ...documents.diagnostics], context));
    io.stderr('Konfigurationen är felaktig, så reglerna kördes inte. Fynden i konfigurationen och styrdokumentens egna fel står i rapporten.\n');
  }
  return EXIT_USAGE;
}

