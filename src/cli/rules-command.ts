import { loadChecks, rules } from '../rules/index.js';
import { EXIT_OK } from './exit-codes.js';
import type { CommandIO } from './check-command.js';
import { parseOptions } from './options.js';

export const RULES_HELP = `Användning: styrdok rules

Listar reglerna som styrdok check kör, med vad var och en kontrollerar.
Läs mer om en regel i docs/rules/<regel>.md.`;

export function runRules(args: string[], io: CommandIO): number {
  const { values } = parseOptions(args, { help: { type: 'boolean', short: 'h' } });
  if (values.help) {
    io.stdout(RULES_HELP + '\n');
    return EXIT_OK;
  }
  const all = [...loadChecks.map((c) => ({ ...c, severity: 'fel' })), ...rules.map((r) => ({ id: r.id, description: r.description, severity: r.defaultSeverity === 'error' ? 'fel' : 'varning' }))];
  const width = Math.max(...all.map((r) => r.id.length));
  const lines = all.map((r) => `${r.id.padEnd(width)}  ${r.severity.padEnd(7)}  ${r.description}`);
  io.stdout(
    `Regler och deras standardallvarlighet. Reglernas allvarlighet ändras under regler i konfigurationen;\n` +
      `kontrollerna vid inläsning (${loadChecks.map((c) => c.id).join(', ')}) är alltid fel, eftersom en fil\n` +
      `som inte går att läsa inte går att kontrollera.\n\n${lines.join('\n')}\n`,
  );
  return EXIT_OK;
}
