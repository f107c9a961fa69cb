import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkIn, FIXTURES_DIR, lines } from './helpers.js';

describe('load checks on a corpus with broken files (test/fixtures/rules/load)', () => {
  const cwd = path.join(FIXTURES_DIR, 'load');
  const diagnostics = checkIn(cwd);

  it('reports each broken file once, where it breaks, and still runs the rules on the files that load', () => {
    expect(lines(diagnostics)).toEqual([
      'strategy/policyer/trygghetspolicy.md:5:1 error yaml Nyckeln finns redan tidigare i samma avsnitt. Ta bort en av dem, eller slå ihop värdena.',
      'strategy/riktlinjer/riktlinje-belysning.md:7:3 error schema «2024-02-30» är inget giltigt datum. Skriv ett datum som finns, som ÅÅÅÅ-MM-DD, till exempel 2023-12-18.',
      'strategy/riktlinjer/riktlinje-belysning.md:11:1 error schema Okänd nyckel «sammanfatning». Menade du «sammanfattning»?',
      'strategy/riktlinjer/riktlinje-kamerabevakning.md:6:1 error decision-record Beslutet saknar paragraf. Ange paragrafen i protokollet från kommunstyrelsen, till exempel paragraf: 169.',
      'strategy/utkast/anteckningar.md:1:1 error frontmatter Filen saknar frontmatter. Börja filen med en rad ---, dokumentets uppgifter i YAML och en avslutande rad ---.',
      'strategy/utkast/tom.md:1:1 error file Filen är tom. Ett styrdokument börjar med frontmatter mellan två rader med ---.',
    ]);
  });

  it('does not call a reference to a file that fails its schema unknown: the file still claims its id', () => {
    // riktlinje-kamerabevakning lists riktlinje-belysning under kompletteras_med, and links to the broken policy.
    expect(diagnostics.filter((d) => d.ruleId === 'references' || d.ruleId === 'body-links')).toEqual([]);
  });
});
