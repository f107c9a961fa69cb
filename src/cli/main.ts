#!/usr/bin/env node
import { ConfigError } from '../engine/load-project.js';
import { pretty } from '../report/formatters/pretty.js';
import { runCheck, type CommandIO } from './check-command.js';
import { EXIT_OK, EXIT_USAGE, UsageError } from './exit-codes.js';
import { runRules } from './rules-command.js';
import { runReport } from './report-command.js';
import { runConfirm } from './confirm-command.js';
import { runNew } from './new-command.js';
import { runImport } from './import-command.js';
import { runExplain } from './explain-command.js';
import { VERSION } from './version.js';

const HELP = `styrdok ${VERSION}: styrdokument som kod

Användning: styrdok <kommando> [flaggor]

Kommandon:
  check    kontrollera styrdokumenten mot schemat och kommunens regler
  rules    lista reglerna
  report   sammanställ den stadsgemensamma uppföljningen för ett år
  confirm  bekräfta att nämndmål är avstämda mot strategins nuvarande lydelse
  new      skapa ett nytt styrdokument genom att svara på frågor
  import   gör om ett befintligt styrdokument (.docx eller text) till Markdown
  explain  visa dokumentationen för en regel, med exempel och rättning

Skriv styrdok <kommando> --help för mer om ett kommando.`;

type Command = (args: string[], io: CommandIO) => number | Promise<number>;
const COMMANDS: Record<string, Command> = { check: runCheck, rules: runRules, confirm: runConfirm, report: runReport, new: runNew, import: runImport, explain: runExplain };

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
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) {
    io.stderr(`Okänt kommando «${name}».\n\n${HELP}\n`);
    return EXIT_USAGE;
  }
  // Commands that wait for input or for changes (new, import, check --watch) return a promise.
  const fail = (error: unknown): number => {
    if (error instanceof UsageError) {
      io.stderr(`${error.message}\n`);
      return EXIT_USAGE;
    }
    if (error instanceof ConfigError) {
      io.stderr(`Konfigurationen är felaktig:\n${pretty(error.diagnostics, { files: [], rules: [], toolVersion: VERSION })}`);
      return EXIT_USAGE;
    }
    io.stderr(`Internt fel: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return EXIT_USAGE;
  };
  try {
    const result = command(args, io);
    return typeof result === 'number' ? result : result.catch(fail);
  } catch (error) {
    return fail(error);
  }
}

const io: CommandIO = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd(),
  color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
};
const code = main(process.argv.slice(2), io);
if (typeof code === 'number') process.exitCode = code;
else void code.then((c) => (process.exitCode = c));
