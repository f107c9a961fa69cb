#!/usr/bin/env node
import type { ConfigError } from '../engine/load-project.js';
import type { CommandIO } from './check-command.js';
import { EXIT_OK, EXIT_USAGE, UsageError } from './exit-codes.js';
import { VERSION } from './version.js';

const HELP = `styrdok ${VERSION}: styrdokument som kod

Användning: styrdok <kommando> [flaggor]

Kommandon:
  check    kontrollera styrdokumenten mot schemat och kommunens regler
  rules    lista reglerna
  report   sammanställ den stadsgemensamma uppföljningen för ett år
  changes  vad en ändring gör med styrdokumenten, jämfört med en version i git
  due      vilka beslut gällande styrdokument behöver de kommande månaderna
  confirm  bekräfta att nämndmål är avstämda mot strategins nuvarande lydelse
  new      skapa ett nytt styrdokument genom att svara på frågor
  init     lägg upp styrdok för en ny kommun: konfigurationen med organ och förvaltningar
  import   gör om ett befintligt styrdokument (.docx eller text) till Markdown
  explain  visa dokumentationen för en regel, med exempel och rättning

Skriv styrdok <kommando> --help för mer om ett kommando.`;

type Command = (args: string[], io: CommandIO) => number | Promise<number>;
// Each command's modules are loaded only when it runs: `check` in CI need not load the .docx importer.
const COMMANDS: Record<string, () => Promise<Command>> = {
  check: async () => (await import('./check-command.js')).runCheck,
  rules: async () => (await import('./rules-command.js')).runRules,
  changes: async () => (await import('./changes-command.js')).runChanges,
  due: async () => (await import('./due-command.js')).runDue,
  confirm: async () => (await import('./confirm-command.js')).runConfirm,
  report: async () => (await import('./report-command.js')).runReport,
  new: async () => (await import('./new-command.js')).runNew,
  init: async () => (await import('./init-command.js')).runInit,
  import: async () => (await import('./import-command.js')).runImport,
  explain: async () => (await import('./explain-command.js')).runExplain,
};

/** The Swedish word a clerk may type for a command, as the command list describes it. */
const SWEDISH_NAMES: Record<string, string> = {
  kontrollera: 'check',
  kontroll: 'check',
  regler: 'rules',
  rapport: 'report',
  uppföljning: 'report',
  ändringar: 'changes',
  bevakning: 'due',
  planering: 'due',
  bekräfta: 'confirm',
  ny: 'new',
  nytt: 'new',
  skapa: 'new',
  importera: 'import',
  förklara: 'explain',
};

/** An unknown command is said with the command meant, when it is a misspelling or the Swedish word for one. */
async function unknownCommand(name: string, io: CommandIO): Promise<number> {
  const { didYouMean } = await import('../rules/util/suggest.js');
  // NFC: a name typed on macOS may come with a decomposed ö.
  const word = name.normalize('NFC').toLowerCase();
  const swedish = Object.hasOwn(SWEDISH_NAMES, word) ? SWEDISH_NAMES[word] : undefined;
  const hint = swedish ? ` Menade du «${swedish}»?` : didYouMean(name, Object.keys(COMMANDS));
  io.stderr(`Okänt kommando «${name}».${hint}\n\n${HELP}\n`);
  return EXIT_USAGE;
}

export function main(argv: string[], io: CommandIO): number | Promise<number> {
  const [name, ...args] = argv;
  if (!name) {
    io.stderr(HELP + '\n');
    return EXIT_USAGE;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    io.stdout(HELP + '\n');
    return EXIT_OK;
  }
  if (name === '--version' || name === '-v') {
    io.stdout(VERSION + '\n');
    return EXIT_OK;
  }
  const load = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!load) return unknownCommand(name, io);
  const fail = async (error: unknown): Promise<number> => {
    if (error instanceof UsageError) {
      io.stderr(`${error.message}\n`);
      return EXIT_USAGE;
    }
    // By name: the engine (and its class) is loaded only by the commands that use it.
    if (error instanceof Error && error.name === 'ConfigError') {
      const { pretty } = await import('../report/formatters/pretty.js');
      const { configErrorText } = await import('../report/config-error.js');
      io.stderr(configErrorText(error as ConfigError, pretty, [], VERSION));
      return EXIT_USAGE;
    }
    // A full disk or a folder that cannot be written is the user's to fix; anything else is a fault in styrdok.
    const { machineErrorText } = await import('../site/build-errors.js');
    const { internalErrorReport } = await import('../site/internal-error.js');
    io.stderr(machineErrorText(`styrdok ${name}`, error) ?? internalErrorReport(`styrdok ${name}`, error));
    return EXIT_USAGE;
  };
  return load()
    .then((command) => command(args, io))
    .catch(fail);
}

/**
 * Writes to a stream until its reader has gone: `styrdok check | head` closes the pipe after ten lines. The rest
 * is not wanted, so it is dropped, and the command still finishes and exits with its own code, instead of
 * dying on the pipe's error (EPIPE) with a stack trace.
 */
function writerOf(stream: NodeJS.WriteStream): { write: (text: string) => void; onGone: (listener: () => void) => void } {
  let gone = false;
  const listeners: (() => void)[] = [];
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    if (gone) return;
    gone = true;
    for (const listener of listeners) listener();
  });
  return {
    write: (text) => {
      if (!gone) stream.write(text);
    },
    onGone: (listener) => {
      if (gone) listener();
      else listeners.push(listener);
    },
  };
}

const stdout = writerOf(process.stdout);
const io: CommandIO = {
  stdout: stdout.write,
  stderr: writerOf(process.stderr).write,
  onStdoutGone: stdout.onGone,
  cwd: process.cwd(),
  color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
};
const code = main(process.argv.slice(2), io);
if (typeof code === 'number') process.exitCode = code;
else void code.then((c) => (process.exitCode = c));
