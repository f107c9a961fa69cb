import { describe, expect, it } from 'vitest';
import { check, lines, md } from './helpers.js';

const valid = md`
  ---
  id: riktlinje-kamerabevakning
  dokumenttyp: riktlinje
  titel: Riktlinje för kamerabevakning
  beslutande_organ: kommunstyrelsen
  beslut: { datum: 2024-05-20, paragraf: 79, diarienummer: KS/2024:96 }
  giltighetstid: { till: tills vidare }
  dokumentansvarig: stadsledningsforvaltningen
  ---

  ## Syfte
`;

const one = (text: string) => lines(check({ 'strategy/r.md': text }));

describe('frontmatter', () => {
  it('accepts frontmatter between two lines of ---, also closed by ... or with spaces after the dashes', () => {
    expect(one(valid)).toEqual([]);
    expect(one(valid.replace('---\n\n## Syfte', '...\n\n## Syfte'))).toEqual([]);
    expect(one(valid.replace(/^---\n/, '---  \n'))).toEqual([]);
  });

  it('reports a file without frontmatter', () => {
    expect(one('# Riktlinje för kamerabevakning\n\nText utan uppgifter om dokumentet.\n')).toEqual([
      'strategy/r.md:1:1 error frontmatter Filen saknar frontmatter. Börja filen med en rad ---, dokumentets uppgifter i YAML och en avslutande rad ---.',
    ]);
  });

  it('reports blank lines before the opening ---, at the ---', () => {
    expect(one('\n\n' + valid)).toEqual(['strategy/r.md:3:1 error frontmatter Frontmatter måste börja på filens första rad. Ta bort de tomma raderna före ---.']);
  });

  it('reports text before the opening --- as missing frontmatter', () => {
    expect(one('Utkast\n' + valid)).toEqual([
      'strategy/r.md:1:1 error frontmatter Filen saknar frontmatter. Börja filen med en rad ---, dokumentets uppgifter i YAML och en avslutande rad ---.',
    ]);
  });

  it('reports frontmatter that is never closed', () => {
    expect(one(valid.replace('---\n\n## Syfte', '\n## Syfte'))).toEqual([
      'strategy/r.md:1:1 error frontmatter Frontmatter avslutas aldrig. Lägg till en rad med --- efter dokumentets uppgifter.',
    ]);
  });

  it('reports empty frontmatter, also when it holds only a comment', () => {
    expect(one('---\n---\n\nText\n')).toEqual(['strategy/r.md:1:1 error frontmatter Frontmatter är tom. Fyll i dokumentets uppgifter: id, dokumenttyp, titel med flera.']);
    expect(one('---\n# yaml-language-server: $schema=../schemas/riktlinje.schema.json\n---\n')).toEqual([
      'strategy/r.md:1:1 error frontmatter Frontmatter är tom. Fyll i dokumentets uppgifter: id, dokumenttyp, titel med flera.',
    ]);
  });

  it('reports frontmatter that is a list or a single value instead of keys with values', () => {
    const message = 'strategy/r.md:2:1 error frontmatter Frontmatter ska bestå av nycklar med värden (nyckel: värde), inte en lista eller ett enskilt värde.';
    expect(one('---\n- id: riktlinje-kamerabevakning\n- dokumenttyp: riktlinje\n---\n')).toEqual([message]);
    expect(one('---\nRiktlinje för kamerabevakning\n---\n')).toEqual([message]);
  });

  it('reads a file with a byte order mark and CRLF line ends like any other', () => {
    expect(one('\uFEFF' + valid)).toEqual([]);
    expect(one(valid.replace(/\n/g, '\r\n'))).toEqual([]);
    expect(one('\uFEFF' + valid.replace(/\n/g, '\r\n'))).toEqual([]);
  });
});
