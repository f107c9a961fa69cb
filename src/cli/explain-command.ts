import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadChecks, rules } from '../rules/index.js';
import { docsPath } from '../rules/rule.js';
import { didYouMean } from '../rules/util/suggest.js';
import type { CommandIO } from './check-command.js';
import { EXIT_OK, UsageError } from './exit-codes.js';
import { parseOptions } from './options.js';

export const EXPLAIN_HELP = `Användning: styrdok explain REGEL

Visar dokumentationen för en regel: vad den kontrollerar, ett exempel på felet och hur
det rättas. Regelns namn står sist på varje rad i styrdok check; styrdok rules listar alla.

Flaggor:
  -h, --help   visa den här hjälpen

Slutkoder: 0 dokumentationen visad, 2 okänd regel eller felaktig användning.`;

/** The package's docs folder: the same path from src/ (tests) and dist/ (the CLI). */
const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export function runExplain(args: string[], io: CommandIO): number {
  const { values, positionals } = parseOptions(args, { help: { type: 'boolean', short: 'h' } });
  if (values.help) {
    io.stdout(EXPLAIN_HELP + '\n');
    return EXIT_OK;
  }
  if (positionals.length !== 1) throw new UsageError(`Ange en regel, till exempel styrdok explain validity. Se styrdok rules för alla regler.`);
  const id = positionals[0]!.trim();
  const known = [...loadChecks, ...rules].map((r) => ({ id: r.id, description: r.description }));
  const rule = known.find((r) => r.id === id);
  if (!rule) {
    const suggestion = didYouMean(id, known.map((r) => r.id));
    throw new UsageError(`Okänd regel «${id}».${suggestion} Se styrdok rules för alla regler.`);
  }
  const docFile = docsPath(rule.id);
  const absolute = PACKAGE_ROOT + docFile;
  if (!existsSync(absolute)) {
    io.stdout(`${rule.id}: ${rule.description}\n\nRegeln har ännu ingen dokumentation (${docFile} saknas).\n`);
    return EXIT_OK;
  }
  const text = readFileSync(absolute, 'utf8');
  io.stdout(text.endsWith('\n') ? text : text + '\n');
  return EXIT_OK;
}
