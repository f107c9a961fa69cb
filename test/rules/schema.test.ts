import { describe, expect, it } from 'vitest';
import { BUN_PLAN_2026, check, lines, md } from './helpers.js';

const valid = md`
  ---
  id: riktlinje-kamerabevakning
  dokumenttyp: riktlinje
  titel: Riktlinje för kamerabevakning
  beslutande_organ: kommunstyrelsen
  beslut:
    datum: 2024-05-20
    paragraf: 79
    diarienummer: KS/2024:96
  giltighetstid:
    till: tills vidare
  dokumentansvarig: stadsledningsforvaltningen
  ---
`;

const one = (text: string) => lines(check({ 'strategy/r.md': text }));

describe('schema', () => {
  it('accepts the valid document', () => {
    expect(one(valid)).toEqual([]);
  });

  it('reports an unknown key at the key, with a suggestion when it is a likely misspelling', () => {
    expect(one(valid.replace('titel: Riktlinje för kamerabevakning', 'titel: Riktlinje för kamerabevakning\nsammanfatning: Kort.\nansvarig: Kalle'))).toEqual([
      'strategy/r.md:5:1 error schema Okänd nyckel «sammanfatning». Menade du «sammanfattning»?',
      'strategy/r.md:6:1 error schema Okänd nyckel «ansvarig». Ta bort den eller kontrollera stavningen.',
    ]);
    expect(one(valid.replace('  paragraf: 79', '  paragrf: 79'))).toEqual([
      'strategy/r.md:8:3 error schema Okänd nyckel «paragrf». Menade du «paragraf»?',
    ]);
  });

  it('reports a key of the wrong form where the names follow a pattern (avstämd_mot), at the key, without stopping the check', () => {
    const plan = md`
      ${BUN_PLAN_2026}
        - id: okad-skolnarvaro
          titel: Skolnärvaron ska öka.
          bidrar_till: [trygghetsstrategi#skolnarvaro]
          avstämd_mot:
            Trygghetsstrategi skolnärvaro: abcd1234
      ---
    `;
    // Before, ajv's pattern for the names reached code that expected a list of names, and the whole check stopped.
    expect(lines(check({ 'strategy/vp.md': plan, 'strategy/r.md': valid.replace('  paragraf: 79', '  paragrf: 79') }))).toEqual([
      'strategy/r.md:8:3 error schema Okänd nyckel «paragrf». Menade du «paragraf»?',
      'strategy/vp.md:15:7 error schema Nyckeln «Trygghetsstrategi skolnärvaro» under «avstämd_mot» har inte den form som krävs. Ett mål i ett annat dokument, skrivet dokument-id#mål-id, det vill säga strategins id och målets id med # emellan.',
    ]);
  });

  it('reports a date that does not exist, in a date field and in a date-or-text field', () => {
    expect(one(valid.replace('datum: 2024-05-20', 'datum: 2026-02-30'))).toEqual([
      'strategy/r.md:7:3 error schema «2026-02-30» är inget giltigt datum. Skriv ett datum som finns, som ÅÅÅÅ-MM-DD, till exempel 2023-12-18.',
    ]);
    expect(one(valid.replace('till: tills vidare', 'till: 2026-02-30'))).toEqual([
      'strategy/r.md:11:3 error schema «2026-02-30» är inget giltigt datum: den dagen finns inte. Kontrollera månad och dag.',
    ]);
    expect(one(valid.replace('datum: 2024-05-20', 'datum: 2024-5-20'))).toEqual([
      'strategy/r.md:7:3 error schema «2024-5-20» är inget giltigt datum. Skriv ett datum som finns, som ÅÅÅÅ-MM-DD, till exempel 2023-12-18.',
    ]);
  });

  it('reports a value outside an enumeration with the allowed values', () => {
    expect(one(valid.replace('dokumenttyp: riktlinje', 'dokumenttyp: riktlinjer'))).toEqual([
      'strategy/r.md:3:1 error schema Värdet «riktlinjer» är inte tillåtet för «dokumenttyp». Tillåtna värden: «policy», «strategi», «riktlinje», «anvisning», «rutin», «åtgärdsplan», «överenskommelse», «iop», «verksamhetsplan».',
    ]);
  });

  it('explains the allowed forms of a value that may be a date or a phrase', () => {
    expect(one(valid.replace('till: tills vidare', 'till: tillsvidare'))).toEqual([
      'strategy/r.md:11:3 error schema «tillsvidare» är inget tillåtet värde för «till». Sista dagen som dokumentet gäller (ÅÅÅÅ-MM-DD), eller tills vidare.',
    ]);
    expect(one(valid.replace('dokumentansvarig:', 'revisionsdatum: vid behov\ndokumentansvarig:'))).toEqual([
      'strategy/r.md:12:1 error schema «vid behov» är inget tillåtet värde för «revisionsdatum». När dokumentet ska ses över: ett datum (ÅÅÅÅ-MM-DD) eller ny mandatperiod.',
    ]);
  });

  it('reports a wrong type with the field’s own help text', () => {
    expect(one(valid.replace('paragraf: 79', 'paragraf: § 79'))).toEqual([
      'strategy/r.md:8:3 error schema «paragraf» ska vara ett heltal, men är «§ 79». Paragrafen i protokollet, som ett heltal: 169 för § 169.',
    ]);
  });

  it('reports an id that is not lower-case letters, digits and hyphens', () => {
    // The help text after the first sentence is the schema's description of an id.
    expect(one(valid.replace('id: riktlinje-kamerabevakning', 'id: Riktlinje Kamerabevakning'))).toEqual([
      expect.stringMatching(/^strategy\/r\.md:2:1 error schema «Riktlinje Kamerabevakning» har fel form för «id»\. Ett stabilt id med små bokstäver a–z, siffror och bindestreck/),
    ]);
  });

  it('reports missing keys: at the top of the frontmatter, or at the group they belong in', () => {
    expect(one(valid.replace('dokumentansvarig: stadsledningsforvaltningen\n', ''))).toEqual(['strategy/r.md:2:1 error schema Nyckeln «dokumentansvarig» saknas. Lägg till den.']);
    expect(one(valid.replace('  diarienummer: KS/2024:96\n', ''))).toEqual(['strategy/r.md:6:1 error schema Nyckeln «diarienummer» saknas under «beslut». Lägg till den.']);
  });

  it('applies the schema of the dokumenttyp: a strategi needs giltighetstid and revisionsdatum', () => {
    expect(one(valid.replace('dokumenttyp: riktlinje', 'dokumenttyp: strategi').replace(/giltighetstid:\n {2}till: tills vidare\n/, ''))).toEqual([
      'strategy/r.md:2:1 error schema Nyckeln «giltighetstid» saknas. Lägg till den.',
      'strategy/r.md:2:1 error schema Nyckeln «revisionsdatum» saknas. Lägg till den.',
    ]);
  });

  it('locates errors correctly in a file with a byte order mark and CRLF line ends', () => {
    const broken = valid.replace('datum: 2024-05-20', 'datum: 2026-02-30').replace('titel: Riktlinje för kamerabevakning', 'titel: Riktlinje för kamerabevakning\nsammanfatning: Kort.');
    const expected = [
      'strategy/r.md:5:1 error schema Okänd nyckel «sammanfatning». Menade du «sammanfattning»?',
      'strategy/r.md:8:3 error schema «2026-02-30» är inget giltigt datum. Skriv ett datum som finns, som ÅÅÅÅ-MM-DD, till exempel 2023-12-18.',
    ];
    expect(one(broken)).toEqual(expected);
    expect(one('\uFEFF' + broken.replace(/\n/g, '\r\n'))).toEqual(expected);
  });
});
