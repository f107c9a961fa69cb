/**
 * A fault in styrdok while one file is parsed (here: the schema validator throws for one document, as the
 * message code once did for a key avstämd_mot refused) is told at that file as an internal error, and every
 * other file is still checked.
 */
import { describe, expect, it, vi } from 'vitest';
import { check, lines } from '../rules/helpers.js';

vi.mock('../../src/schema/validator.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/schema/validator.js')>();
  return {
    ...original,
    validateDocument: (data: unknown) => {
      if ((data as { id?: string }).id === 'riktlinje-trasig') throw new TypeError('x.map is not a function');
      return original.validateDocument(data);
    },
  };
});

const riktlinje = (id: string, diarienummer: string, extra = '') => `---
id: ${id}
dokumenttyp: riktlinje
titel: Riktlinje ${id}
beslutande_organ: kommunstyrelsen
beslut: { datum: 2024-05-20, paragraf: 79, diarienummer: ${diarienummer} }
giltighetstid: { till: tills vidare }
dokumentansvarig: stadsledningsforvaltningen
${extra}---
`;

describe('a fault while one file is parsed', () => {
  it('is an internal error at that file, and the other files keep their findings', () => {
    const diagnostics = check({
      'strategy/a.md': riktlinje('riktlinje-trasig', 'KS/2024:91'),
      'strategy/b.md': riktlinje('riktlinje-hel', 'KS/2024:92', 'ansvarig: Kalle\n'),
    });
    expect(lines(diagnostics)).toEqual([
      'strategy/a.md:1:1 error internal Internt fel i styrdok när filen lästes: x.map is not a function. Filens egna fel kan inte visas förrän det är rättat; de andra filerna är kontrollerade. Rapportera felet till styrdoks förvaltare.',
      'strategy/b.md:9:1 error schema Okänd nyckel «ansvarig». Ta bort den eller kontrollera stavningen.',
    ]);
  });
});
