import { describe, expect, it } from 'vitest';
import { check, lines, md } from './helpers.js';

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

describe('yaml', () => {
  it('accepts the valid document', () => {
    expect(one(valid)).toEqual([]);
  });

  it('reports a syntax error at the place it is found, in file lines', () => {
    expect(one(valid.replace('titel: Riktlinje för kamerabevakning', 'titel: Riktlinje: kamerabevakning'))).toEqual([
      'strategy/r.md:4:8 error yaml En nyckel saknar kolon, eller ett värde står på fel nivå. Skriv nyckel: värde.',
    ]);
  });

  it('names a key written without its colon, with the line as it should be', () => {
    // After a key whose value is a block (beslut:), the line can only be a key of its own.
    expect(one(valid.replace('  datum: 2024-05-20', '  datum 2024-05-20'))).toEqual([
      'strategy/r.md:7:3 error yaml Raden saknar kolon efter nyckeln «datum». Skriv «datum: 2024-05-20».',
    ]);
    // The last line of the frontmatter, where the parser says a character is missing; less indented than
    // the line above, so not that value going on.
    expect(one(valid.replace('dokumentansvarig: stadsledningsforvaltningen', 'dokumentansvarig stadsledningsforvaltningen'))).toEqual([
      'strategy/r.md:12:1 error yaml Raden saknar kolon efter nyckeln «dokumentansvarig». Skriv «dokumentansvarig: stadsledningsforvaltningen».',
    ]);
  });

  it('gives both fixes when the line may be the value above going on without its indent', () => {
    expect(one(valid.replace('titel: Riktlinje för kamerabevakning', 'titel: Riktlinje för\nkamerabevakning i Solna'))).toEqual([
      'strategy/r.md:5:1 error yaml Raden saknar kolon, eller fortsätter värdet från raden ovanför. Är «kamerabevakning» en nyckel, skriv «kamerabevakning: i Solna»; hör texten till värdet ovanför, dra in raden med två mellanslag.',
    ]);
  });

  it('reports a duplicate key at the second occurrence', () => {
    expect(one(valid.replace('dokumentansvarig: stadsledningsforvaltningen', 'dokumentansvarig: stadsledningsforvaltningen\ntitel: Kamerabevakning'))).toEqual([
      'strategy/r.md:13:1 error yaml Nyckeln finns redan tidigare i samma avsnitt. Ta bort en av dem, eller slå ihop värdena.',
    ]);
  });

  it('reports a tab used as indentation', () => {
    expect(one(valid.replace('  till: tills vidare', '\ttill: tills vidare'))).toEqual([
      'strategy/r.md:11:1 error yaml Tabbtecken används som indrag. YAML kräver mellanslag: ersätt tabben med mellanslag.',
    ]);
  });

  it('reports the tab once, not the parser’s confusion on that line and the lines after it', () => {
    expect(one(valid.replace('  datum:', '\tdatum:'))).toEqual([
      'strategy/r.md:7:1 error yaml Tabbtecken används som indrag. YAML kräver mellanslag: ersätt tabben med mellanslag.',
    ]);
  });

  it('reports separate mistakes separately, and a duplicate key besides the other mistake on its line', () => {
    const broken = valid
      .replace('  till: tills vidare', '\ttill: tills vidare')
      .replace('dokumentansvarig: stadsledningsforvaltningen', 'dokumentansvarig: stadsledningsforvaltningen\ntitel: Kamerabevakning: en riktlinje');
    expect(one(broken)).toEqual([
      'strategy/r.md:11:1 error yaml Tabbtecken används som indrag. YAML kräver mellanslag: ersätt tabben med mellanslag.',
      'strategy/r.md:13:1 error yaml Nyckeln finns redan tidigare i samma avsnitt. Ta bort en av dem, eller slå ihop värdena.',
      'strategy/r.md:13:8 error yaml En nyckel saknar kolon, eller ett värde står på fel nivå. Skriv nyckel: värde.',
    ]);
  });

  it('points an unclosed quote at the end of the line where it opens, not at the end of the frontmatter', () => {
    expect(one(valid.replace('titel: Riktlinje för kamerabevakning', 'titel: "Riktlinje för kamerabevakning'))).toEqual([
      'strategy/r.md:4:38 error yaml Ett tecken saknas, ofta ett avslutande citattecken eller en hakparentes.',
    ]);
    expect(one(valid.replace('till: tills vidare', "till: 'tills vidare"))).toEqual([
      'strategy/r.md:11:22 error yaml Ett tecken saknas, ofta ett avslutande citattecken eller en hakparentes.',
    ]);
  });

  it('refuses an alias, at the alias', () => {
    expect(one(valid.replace('titel: Riktlinje för kamerabevakning', 'titel: &titel Riktlinje för kamerabevakning\nsammanfattning: *titel'))).toEqual([
      'strategy/r.md:5:17 error yaml Alias (*namn) och ankare (&namn) stöds inte i frontmatter. Skriv ut värdet där det behövs.',
    ]);
  });

  it('refuses an anchor that no alias uses, at the anchor', () => {
    expect(one(valid.replace('titel: Riktlinje', 'titel: &titel Riktlinje'))).toEqual([
      'strategy/r.md:4:8 error yaml Alias (*namn) och ankare (&namn) stöds inte i frontmatter. Skriv ut värdet där det behövs.',
    ]);
    expect(one(valid.replace('giltighetstid:', 'giltighetstid: &giltighet'))).toEqual([
      'strategy/r.md:10:16 error yaml Alias (*namn) och ankare (&namn) stöds inte i frontmatter. Skriv ut värdet där det behövs.',
    ]);
  });

  it('refuses tags', () => {
    expect(one(valid.replace('titel: Riktlinje', 'titel: !hemlig Riktlinje'))).toEqual([
      'strategy/r.md:4:8 error yaml Okänd YAML-tagg (som !tagg). Ta bort taggen: styrdok använder bara vanliga värden.',
    ]);
  });

  it('gives the same positions in a file with a byte order mark and CRLF line ends', () => {
    const broken = valid.replace('dokumentansvarig: stadsledningsforvaltningen', 'dokumentansvarig: stadsledningsforvaltningen\ntitel: Kamerabevakning');
    expect(one('\uFEFF' + broken.replace(/\n/g, '\r\n'))).toEqual([
      'strategy/r.md:13:1 error yaml Nyckeln finns redan tidigare i samma avsnitt. Ta bort en av dem, eller slå ihop värdena.',
    ]);
  });

  it('stops at frontmatter nested deeper than any real document', () => {
    const deep = '---\nid: x\nnyckelord: ' + '['.repeat(200) + ']'.repeat(200) + '\n---\n';
    expect(one(deep)).toEqual([expect.stringMatching(/^strategy\/r\.md:3:\d+ error yaml Frontmatter är nästlad djupare än 64 nivåer\. Förenkla strukturen\.$/)]);
  });

  it('does not let one broken file hide the findings of another', () => {
    const diagnostics = check({
      'strategy/a.md': valid.replace('  till: tills vidare', '\ttill: tills vidare'),
      'strategy/b.md': valid.replace('riktlinje-kamerabevakning', 'riktlinje-belysning').replace('KS/2024:96', 'KS 2024/97'),
    });
    expect(lines(diagnostics)).toEqual([
      'strategy/a.md:11:1 error yaml Tabbtecken används som indrag. YAML kräver mellanslag: ersätt tabben med mellanslag.',
      'strategy/b.md:9:3 error decision-record Diarienumret «KS 2024/97» har inte kommunens format. Skriv det som i diariet, till exempel KS/2023:309.',
    ]);
  });
});
