import type { Diagnostic } from '../../src/model/diagnostic.js';
import type { FormatContext } from '../../src/report/formatter.js';

/** Paths with spaces and å, a message with a line break, a comma and a colon, a related location; given out of order. */
export const diagnostics: Diagnostic[] = [
  {
    file: 'strategy/riktlinjer/avfall.md',
    span: { start: { line: 104, column: 15 } },
    ruleId: 'rimligt-värde',
    severity: 'error',
    message: 'Andelen 105 % är orimlig; högst 100 % går.',
  },
  {
    file: 'strategy/policyer/långsiktig hållbarhet.md',
    span: { start: { line: 12, column: 3 }, end: { line: 12, column: 20 } },
    ruleId: 'agare-saknas',
    severity: 'error',
    message: 'Fältet "ägare" saknas.\nLägg till: ägare, t.ex. kommunstyrelsen.',
  },
  {
    file: 'strategy/policyer/långsiktig hållbarhet.md',
    span: { start: { line: 3, column: 1 }, end: { line: 5, column: 4 } },
    ruleId: 'ersatt-dokument',
    severity: 'warning',
    message: 'Dokumentet är ersatt av "Miljöpolicy 2024".',
    documentId: 'policy-hallbarhet',
    related: [
      {
        file: 'strategy/policyer/miljöpolicy 2024.md',
        span: { start: { line: 1, column: 1 } },
        message: 'Det ersättande dokumentet',
      },
    ],
  },
];

export const context: FormatContext = {
  files: [
    'strategy/riktlinjer/städning.md',
    'strategy/policyer/miljöpolicy 2024.md',
    'strategy/riktlinjer/avfall.md',
    'strategy/policyer/långsiktig hållbarhet.md',
    'strategy/a.md',
  ],
  rules: [
    { id: 'agare-saknas', description: 'Varje styrdokument har en ägare.', docs: 'docs/regler/agare-saknas.md' },
    { id: 'ersatt-dokument', description: 'Ersatta dokument pekar ut sin ersättare.', docs: 'docs/regler/ersatt-dokument.md' },
    { id: 'rimligt-värde', description: 'Målvärden ligger inom rimliga gränser.', docs: 'docs/regler/rimligt värde.md' },
  ],
  toolVersion: '0.1.0',
};
