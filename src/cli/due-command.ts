import { namedIn } from '../config/named.js';
import { addMonths } from '../corpus/dates.js';
import type { CheckedProject } from '../engine/load-project.js';
import { dueItems, type DueItem } from '../report/due-list.js';
import { renderDueCsv, renderDueJson, renderDueMarkdown, type DueListScope } from '../report/due-render.js';
import { CACHE_HELP, PROJECT_OPTIONS } from './cache-options.js';
import type { CommandIO } from './check-command.js';
import { EXIT_OK, UsageError } from './exit-codes.js';
import { checkedProjectFor, exitAfterWriting } from './checked-project.js';
import { parseDateOption, parseOptions } from './options.js';
import { writeOut } from './write-out.js';

export const DUE_HELP = `Användning: styrdok due [sökvägar…] [flaggor]

Listar de beslut som gällande styrdokument behöver de kommande månaderna: dokument som slutar
gälla utan att något nytt är beslutat, och revisioner när en ny mandatperiod börjar eller
revisionsdatumet kommer. Försenade beslut står först. Med det som underlag kan förvaltningen
planera ärendena till nämnder, kommunstyrelsen och fullmäktige.
Utan sökvägar läses mappen strategy/.

Flaggor:
  --manader N          så många månader framåt (standard: 12)
  --till ÅÅÅÅ-MM-DD    till och med den dagen, i stället för --manader
  --organ ORGAN        bara det som ett organ beslutar (id, namn eller förkortning, till exempel KS)
  --ansvarig FÖRVALTNING
                       bara det som en förvaltning är dokumentansvarig för (id eller namn)
  --format FORMAT      markdown, csv eller json (standard: markdown)
  --out FIL            skriv listan till filen i stället för till skärmen
  --config FIL         konfigurationsfilen (standard: styrdok.config.yaml i mappen eller ovanför)
  --today ÅÅÅÅ-MM-DD   dagen som listan räknas från (standard: i dag)
${CACHE_HELP}
  -h, --help           visa den här hjälpen

Slutkoder: 0 listan skrevs, 1 listan skrevs men kontrollen av styrdokumenten hittade fel,
2 felaktig användning, konfiguration eller internt fel.`;

const RENDERERS: Record<string, (items: readonly DueItem[], scope: DueListScope) => string> = {
  markdown: renderDueMarkdown,
  csv: renderDueCsv,
  json: renderDueJson,
};

/** A year ahead covers a budget year's meetings; more than ten years is surely a typo. */
const DEFAULT_MONTHS = 12;
const MAX_MONTHS = 120;

export function runDue(args: string[], io: CommandIO): number {
  const { values, positionals } = parseOptions(args, {
    manader: { type: 'string' },
    till: { type: 'string' },
    organ: { type: 'string' },
    ansvarig: { type: 'string' },
    format: { type: 'string', default: 'markdown' },
    out: { type: 'string' },
    ...PROJECT_OPTIONS,
  });
  if (values.help) {
    io.stdout(DUE_HELP + '\n');
    return EXIT_OK;
  }
  const format = values.format ?? 'markdown';
  const render = Object.hasOwn(RENDERERS, format) ? RENDERERS[format] : undefined;
  if (!render) throw new UsageError(`Okänt format «${format}». Välj ett av: ${Object.keys(RENDERERS).join(', ')}.`);
  if (values.manader !== undefined && values.till !== undefined) throw new UsageError('Ange antingen --manader eller --till, inte båda.');
  const months = monthsOption(values.manader);
  const givenUntil = parseDateOption(values.till, '--till');
  const today = parseDateOption(values.today, '--today');

  const project = checkedProjectFor('due', positionals, values, today, io);
  const until = givenUntil ?? addMonths(project.today, months);
  if (until < project.today) throw new UsageError(`--till (${until}) ligger före dagen listan räknas från (${project.today}).`);
  const { keep, only } = filters(project, values.organ, values.ansvarig);
  const items = dueItems(project.corpus, project.config, project.today, until).filter(keep);
  const text = render(items, { config: project.config, today: project.today, until, only });
  if (values.out) writeOut(io.cwd, values.out, text, 'listan');
  else io.stdout(text);
  return exitAfterWriting(project, io, 'listan');
}

function monthsOption(value: string | undefined): number {
  if (value === undefined) return DEFAULT_MONTHS;
  const months = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!(months >= 1 && months <= MAX_MONTHS)) throw new UsageError(`--manader ska vara ett heltal från 1 till ${MAX_MONTHS}, inte «${value}».`);
  return months;
}

/** The filters --organ and --ansvarig ask for, by id, name or short name, and what they are in words. */
function filters(project: CheckedProject, organGiven: string | undefined, ansvarigGiven: string | undefined): { keep: (item: DueItem) => boolean; only: string[] } {
  const { config } = project;
  const tests: ((item: DueItem) => boolean)[] = [];
  const only: string[] = [];
  if (organGiven !== undefined) {
    const organ = namedIn(config.data.organ, organGiven);
    if (!organ) throw new UsageError(`Hittar inget organ «${organGiven}» i konfigurationen. Organen: ${config.data.organ.map((o) => `${o.namn}${o.förkortning ? ` (${o.förkortning})` : ''}`).join(', ')}.`);
    tests.push((item) => item.document.data.beslutande_organ === organ.id);
    only.push(organ.namn);
  }
  if (ansvarigGiven !== undefined) {
    const forvaltning = namedIn(config.data.förvaltningar, ansvarigGiven);
    if (!forvaltning) throw new UsageError(`Hittar ingen förvaltning «${ansvarigGiven}» i konfigurationen. Förvaltningarna: ${config.data.förvaltningar.map((f) => f.namn).join(', ')}.`);
    // An anvisning's owner may be the chef, who answers for it in the förvaltning.
    tests.push((item) => [forvaltning.id, forvaltning.chef.id].includes(item.document.data.dokumentansvarig));
    only.push(forvaltning.namn);
  }
  return { keep: (item) => tests.every((test) => test(item)), only };
}
