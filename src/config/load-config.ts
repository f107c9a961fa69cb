import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../model/diagnostic.js';
import type { StyrdokConfigData } from '../model/schema-types.js';
import type { ParseCache } from '../load/parse-cache.js';
import { explainHiddenOnLine, showHiddenCharacters } from '../load/hidden-characters.js';
import { parseYamlSource, type PathSegment, type YamlSource } from '../load/yaml-source.js';
import { validateAgainst } from '../schema/validator.js';
import { createConfig, type Config } from './config.js';
import { didYouMean } from '../rules/util/suggest.js';
import safeRegex from 'safe-regex2';

export const CONFIG_FILE_NAME = 'styrdok.config.yaml';
const SPECIAL_ADOPTERS = new Set(['förvaltningschef', 'egen_nämnd']);

export type ConfigResult = { config: Config; diagnostics: [] } | { config: undefined; diagnostics: Diagnostic[] };

/** Looks for styrdok.config.yaml in the folder of `start` and then in each parent folder. */
export function findConfigFile(start: string): string | undefined {
  let dir = path.resolve(start);
  if (existsSync(dir) && !statSync(dir).isDirectory()) dir = path.dirname(dir);
  for (;;) {
    const candidate = path.join(dir, CONFIG_FILE_NAME);
    if (existsSync(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** Folders never searched for a kommun's config: dependencies, version control, caches and built sites. */
const NOT_A_KOMMUN = /^(\.|_|node_modules$)/;
/** How deep below a region's folder a kommun's config may sit: region/kommun/strategy/styrdok.config.yaml is 2. */
const REGION_DEPTH = 3;
/** How many folders the search looks into at most, so that `styrdok check /` stays quick. */
export const REGION_FOLDERS = 2000;

/** The configs found below a folder, and whether the search looked everywhere it should (see configsBelow). */
export interface ConfigSearch {
  configs: string[];
  complete: boolean;
}

/**
 * The configs below the folder `start` (absolute paths, sorted): a region's kommuner, each a project of its
 * own. A folder with a config is a kommun, and nothing below it is searched; symlinks are not followed.
 */
export function configsBelow(start: string): string[] {
  return searchConfigsBelow(start).configs;
}

/** configsBelow, saying also whether the search stopped at `limit` folders before it was done. */
export function searchConfigsBelow(start: string, limit = REGION_FOLDERS): ConfigSearch {
  const found: string[] = [];
  let level = [path.resolve(start)];
  let visited = 0;
  for (let depth = 0; depth <= REGION_DEPTH && level.length; depth++) {
    const next: string[] = [];
    for (const dir of level) {
      if (++visited > limit) return { configs: found.sort(), complete: false };
      let entries;
      try {
        entries = readdirSync(dir, { withFileTypes: true });
      } catch {
        continue;
      }
      // The start folder's own config is findConfigFile's: only folders below it are kommuner.
      if (depth > 0 && entries.some((e) => e.isFile() && e.name === CONFIG_FILE_NAME)) found.push(path.join(dir, CONFIG_FILE_NAME));
      else next.push(...entries.filter((e) => e.isDirectory() && !NOT_A_KOMMUN.test(e.name)).map((e) => path.join(dir, e.name)));
    }
    level = next.sort();
  }
  return { configs: found.sort(), complete: true };
}

/**
 * `knownRuleIds`, when given, catches a misspelt rule under `regler`, which would otherwise be ignored. With a
 * `cache`, a config whose text is the one last loaded without findings is not parsed and checked again.
 */
export function loadConfig(absPath: string, cwd = process.cwd(), knownRuleIds?: readonly string[], cache?: Pick<ParseCache, 'configData' | 'rememberConfig'>): ConfigResult {
  const file = path.relative(cwd, absPath).split(path.sep).join('/');
  const fail = (message: string, at = { line: 1, column: 1 }): ConfigResult => ({
    config: undefined,
    diagnostics: [{ file, span: { start: at }, ruleId: 'config', severity: 'error', message }],
  });
  let text: string;
  try {
    text = readFileSync(absPath, 'utf8');
  } catch {
    return fail(`Konfigurationsfilen ${file} kunde inte läsas. Kontrollera att filen finns.`);
  }
  // The rules known are part of what was checked, so they are part of what is remembered.
  const memo = `${text}\n# regler: ${knownRuleIds?.join(' ') ?? ''}`;
  const remembered = cache?.configData(memo);
  if (remembered !== undefined) return { config: createConfig(remembered as StyrdokConfigData, file), diagnostics: [] };
  const source = parseYamlSource(text, 0, 'konfigurationen');
  const diagnostics: Diagnostic[] = source.problems.map((p) => ({ file, ruleId: 'config', severity: 'error', ...explainHiddenOnLine(text, p.span, p.message) }));
  if (diagnostics.length) return { config: undefined, diagnostics };
  // Said as parse-file.ts says it of frontmatter, not as the schema would («frontmatter ska vara …, men är null»).
  if (source.data === null || source.data === undefined) return fail('Konfigurationen är tom. Fyll i kommunens organ, förvaltningar och regler per dokumenttyp; schemas/config.schema.json beskriver varje nyckel.');
  if (typeof source.data !== 'object' || Array.isArray(source.data)) {
    return fail('Konfigurationen ska bestå av nycklar med värden (nyckel: värde), inte en lista eller ett enskilt värde.');
  }
  for (const problem of validateAgainst('config.schema.json', source.data)) {
    diagnostics.push({ file, span: source.locate(problem.path), ruleId: 'config', severity: 'error', message: showHiddenCharacters(problem.message) });
  }
  if (diagnostics.length) return { config: undefined, diagnostics };
  const data = source.data as StyrdokConfigData;
  diagnostics.push(...crossCheck(data, source, file, knownRuleIds));
  if (diagnostics.length) return { config: undefined, diagnostics };
  cache?.rememberConfig(memo, data);
  return { config: createConfig(data, file), diagnostics: [] };
}

/** What the schema cannot say: references between the config's own entries. */
function crossCheck(data: StyrdokConfigData, source: YamlSource, file: string, knownRuleIds?: readonly string[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const report = (at: PathSegment[], message: string) =>
    out.push({ file, span: source.locate(at), ruleId: 'config', severity: 'error', message: showHiddenCharacters(message) });
  const organIds = new Set(data.organ.map((o) => o.id));
  // Organs, förvaltningar and chefs share one namespace: beslutande_organ may name any of them.
  const seen = new Set<string>();
  const unique = (id: string, at: PathSegment[]) => {
    if (seen.has(id)) report(at, `Id «${id}» används mer än en gång bland organ, förvaltningar och chefer. Ge var och en ett eget id.`);
    seen.add(id);
  };
  data.organ.forEach((o, i) => unique(o.id, ['organ', i, 'id']));
  data.förvaltningar.forEach((f, i) => {
    unique(f.id, ['förvaltningar', i, 'id']);
    unique(f.chef.id, ['förvaltningar', i, 'chef', 'id']);
  });
  data.organ.forEach((organ, i) => {
    const chain = new Set<string>([organ.id]);
    for (let up = organ.överordnat; up; up = data.organ.find((o) => o.id === up)?.överordnat) {
      if (chain.has(up)) {
        report(['organ', i, 'överordnat'], `Organen står över varandra i en cirkel (${[...chain, up].join(' → ')}). Rätta överordnat.`);
        break;
      }
      chain.add(up);
    }
  });
  data.organ.forEach((organ, i) => {
    if (organ.överordnat && !organIds.has(organ.överordnat)) report(['organ', i, 'överordnat'], `Organet «${organ.överordnat}» finns inte bland organen.`);
  });
  data.förvaltningar.forEach((f, i) => {
    if (!organIds.has(f.nämnd)) report(['förvaltningar', i, 'nämnd'], `Organet «${f.nämnd}» finns inte bland organen.`);
  });
  for (const [kind, rules] of Object.entries(data.dokumenttyper)) {
    rules?.beslutas_av.forEach((who, i) => {
      if (!organIds.has(who) && !SPECIAL_ADOPTERS.has(who)) {
        report(['dokumenttyper', kind, 'beslutas_av', i], `«${who}» är varken ett organ eller förvaltningschef/egen_nämnd.`);
      }
    });
  }
  for (const ruleId of Object.keys(data.regler ?? {})) {
    if (knownRuleIds && !knownRuleIds.includes(ruleId)) report(['regler', ruleId], `Det finns ingen regel som heter «${ruleId}».${didYouMean(ruleId, knownRuleIds)} Se styrdok rules.`);
  }
  let pattern: RegExp | undefined;
  try {
    pattern = new RegExp(data.diarienummer.mönster, 'u');
  } catch {
    report(['diarienummer', 'mönster'], 'Mönstret för diarienummer är inget giltigt reguljärt uttryck.');
  }
  // A repetition inside a repetition, as in (a+)+, can take hours to fail on one mistyped diarienummer, and
  // every check would hang on it. safe-regex2 finds those (not every slow pattern: (a|a)* passes).
  if (pattern && !safeRegex(pattern)) {
    report(
      ['diarienummer', 'mönster'],
      'Mönstret för diarienummer har en upprepning inuti en upprepning, som (a+)+. Ett sådant mönster kan ta timmar att pröva mot ett felskrivet diarienummer, och kontrollen stannar då. Skriv det utan nästlade upprepningar, till exempel ^(KS|KF)/\\d{4}:\\d+$.',
    );
  }
  return out;
}
