import { indexKolada, KoladaError, readKoladaFiles } from '../followup/kolada.js';
import type { PeriodType } from '../followup/periods.js';
import { renderCsv } from '../followup/render-csv.js';
import { renderMarkdown } from '../followup/render-markdown.js';
import { buildReport, type FollowupReport } from '../followup/report-model.js';
import { goalsOfYear } from '../followup/periods.js';
import { namedIn } from '../config/named.js';
import type { CheckedProject } from '../engine/load-project.js';
import type { CommandIO } from './check-command.js';
import { EXIT_OK, UsageError } from './exit-codes.js';
import { checkedProjectFor, exitAfterWriting } from './checked-project.js';
import { parseDateOption, parseOptions } from './options.js';
import { CACHE_HELP, PROJECT_OPTIONS } from './cache-options.js';
import { writeOut } from './write-out.js';

export const REPORT_HELP = `Användning: styrdok report --period ÅÅÅÅ [sökvägar…] [flaggor]

Sammanställer den stadsgemensamma uppföljningen ur nämndernas verksamhetsplaner: per mål i
strategin nämndernas mål, indikatorer, utfall mot målvärde, status och kommentarer, en
sammanfattning per fokusområde och per nämnd, och de rapporter som saknas.
Utan sökvägar läses mappen strategy/.

Flaggor:
  --period PERIOD      året, till exempel 2026 (delår och helår), eller en period: 2026-delår
  --format FORMAT      markdown, docx (Word, med --out), csv eller json (standard: markdown)
  --namnd NÄMND        en nämnds egen uppföljning: bara dess mål och de mål i strategierna de
                       bidrar till (nämndens id, namn eller förkortning, till exempel SN)
  --kolada FIL         utfall från Kolada (JSON från Koladas API v2); flaggan kan upprepas
  --out FIL            skriv rapporten till filen i stället för till skärmen
  --config FIL         konfigurationsfilen (standard: styrdok.config.yaml i mappen eller ovanför)
  --today ÅÅÅÅ-MM-DD   dagen som avgör vilka rapporter som är försenade (standard: i dag)
${CACHE_HELP}
  -h, --help           visa den här hjälpen

Slutkoder: 0 rapporten skrevs, 1 rapporten skrevs men kontrollen av styrdokumenten hittade fel,
2 felaktig användning, konfiguration, Kolada-fil eller internt fel.`;

const RENDERERS: Record<string, (report: FollowupReport) => string | Promise<Buffer>> = {
  markdown: renderMarkdown,
  // Loaded only when asked for: the Word library is the largest part of the report.
  docx: async (report) => (await import('../followup/render-docx.js')).renderDocx(report),
  csv: renderCsv,
  json: (report) => JSON.stringify(report, null, 2) + '\n',
};

/** Formats that are files, not text: written only with --out, never to a terminal. */
const BINARY = new Set(['docx']);

export async function runReport(args: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parseOptions(args, {
    period: { type: 'string' },
    format: { type: 'string', default: 'markdown' },
    kolada: { type: 'string', multiple: true },
    namnd: { type: 'string' },
    out: { type: 'string' },
    ...PROJECT_OPTIONS,
  });
  if (values.help) {
    io.stdout(REPORT_HELP + '\n');
    return EXIT_OK;
  }
  const { year, typ } = parsePeriod(values.period);
  const format = values.format ?? 'markdown';
  const render = Object.hasOwn(RENDERERS, format) ? RENDERERS[format] : undefined;
  if (!render) throw new UsageError(`Okänt format «${format}». Välj ett av: ${Object.keys(RENDERERS).join(', ')}.`);
  if (BINARY.has(format) && !values.out) throw new UsageError(`Formatet ${format} är en fil: ange var den ska skrivas med --out, till exempel --out uppfoljning-${year}.${format}.`);
  const today = parseDateOption(values.today, '--today');

  let kolada;
  try {
    kolada = indexKolada(readKoladaFiles(values.kolada ?? [], io.cwd));
  } catch (error) {
    if (error instanceof KoladaError) throw new UsageError(error.message);
    throw error;
  }
  const project = checkedProjectFor('report', positionals, values, today, io);
  const namnd = values.namnd === undefined ? undefined : namndOf(values.namnd, project, year);
  const text = await render(buildReport(project, year, { kolada, ...(typ ? { periodTyp: typ } : {}), ...(namnd ? { namnd } : {}) }));
  if (values.out) writeOut(io.cwd, values.out, text, 'rapporten');
  else io.stdout(String(text));
  return exitAfterWriting(project, io, 'rapporten');
}

/**
 * The organ `given` names, by id, name or short name as a clerk may write it («SN», «socialnämnden»), that
 * has a verksamhetsplan for the year: a report of a nämnd without one would be empty.
 */
function namndOf(given: string, project: CheckedProject, year: number): string {
  const organ = namedIn(project.config.data.organ, given);
  const planned = [...new Set(goalsOfYear(project.corpus, year).map((entry) => entry.plan.data.nämnd))];
  const list = planned.length ? `Nämnderna med mål för ${year}: ${planned.map((id) => `${project.config.nameOf(id)} (${id})`).join(', ')}.` : `Ingen nämnd har mål för ${year}.`;
  if (!organ) throw new UsageError(`Hittar ingen nämnd «${given}» i konfigurationen. ${list}`);
  if (!planned.includes(organ.id)) throw new UsageError(`${organ.namn} har inga mål i någon verksamhetsplan för ${year}. ${list}`);
  return organ.id;
}

function parsePeriod(value: string | undefined): { year: number; typ?: PeriodType } {
  if (value === undefined) throw new UsageError('Ange vilket år rapporten gäller med --period, till exempel --period 2026.');
  const m = /^(\d{4})(?:-(delår|helår))?$/.exec(value.normalize('NFC'));
  if (!m) throw new UsageError(`--period ska vara ett år som 2026 eller en period som 2026-delår eller 2026-helår, inte «${value}».`);
  return { year: Number(m[1]), ...(m[2] ? { typ: m[2] as PeriodType } : {}) };
}
