import { describe, expect, it } from 'vitest';
import { check, lines, md } from './helpers.js';

const rule = 'body-links';

let serial = 0;
/** A riktlinje whose frontmatter takes lines 1–9; the body starts on line 10. */
const riktlinje = (id: string, body = '') =>
  md`
  ---
  id: ${id}
  dokumenttyp: riktlinje
  titel: ${id}
  beslutande_organ: kommunstyrelsen
  beslut: { datum: 2024-05-20, paragraf: 79, diarienummer: KS/2024:${++serial} }
  giltighetstid: { till: tills vidare }
  dokumentansvarig: stadsledningsforvaltningen
  ---
` + body;

const unsafe = (scheme: string) => `Länken använder ${scheme}, som inte är tillåtet. Använd en webbadress (https:) eller en länk till ett annat dokument i förrådet.`;

describe('body-links', () => {
  it('accepts links to documents that exist, web and mail addresses, phone numbers and anchors', () => {
    const body = md`
      ## Bakgrund

      Riktlinjen genomför [Trygghetspolicyn](../policyer/trygghetspolicy.md#ansvar) och
      [Trygghetsstrategin](../strategier/trygghetsstrategi.md?utskrift=1).
      Läs mer hos [IMY](https://www.imy.se/) eller [skriv till oss](mailto:kontaktcenter@solna.se),
      ring [08-746 10 00](tel:+4687461000), eller se [avsnittet nedan](#ansvar) och <https://www.solna.se>.
      Kartan finns som [bilaga](bilagor/karta.pdf), ![karta](bilagor/karta.png).

      [policyn]: ../policyer/trygghetspolicy.md
    `;
    const files = {
      'strategy/riktlinjer/riktlinje.md': riktlinje('riktlinje', body),
      'strategy/policyer/trygghetspolicy.md': riktlinje('trygghetspolicy'),
      'strategy/strategier/trygghetsstrategi.md': riktlinje('trygghetsstrategi'),
    };
    expect(lines(check(files, { rule }))).toEqual([]);
  });

  it('reports javascript:, file: and other unsafe schemes, whatever their case, at the link', () => {
    const body = md`
      Klicka [här](javascript:alert(1)) eller öppna [filen](file:///G:/Styrdokument/policy.docx).
      [Skript](  JavaScript:void(0)) och [data](data:text/html;base64,PHNjcmlwdD4=) och <vbscript:msgbox>.
    `;
    expect(lines(check({ 'strategy/r.md': riktlinje('r', body) }, { rule }))).toEqual([
      `strategy/r.md:10:8 error body-links ${unsafe('javascript:')}`,
      `strategy/r.md:10:47 error body-links ${unsafe('file:')}`,
      `strategy/r.md:11:1 error body-links ${unsafe('javascript:')}`,
      `strategy/r.md:11:36 error body-links ${unsafe('data:')}`,
      `strategy/r.md:11:83 error body-links ${unsafe('vbscript:')}`,
    ]);
  });

  it('reports a relative link to a Markdown file that does not exist, with the resolved path', () => {
    const body = 'Se [den gamla policyn](../policyer/trygghetspolicy-2008.md#inledning).\n\n[ref]: ../policyer/borta.md\n';
    expect(lines(check({ 'strategy/riktlinjer/r.md': riktlinje('r', body) }, { rule }))).toEqual([
      'strategy/riktlinjer/r.md:10:4 error body-links Länken «../policyer/trygghetspolicy-2008.md#inledning» leder till en fil som inte finns (strategy/policyer/trygghetspolicy-2008.md). Kontrollera filnamnet.',
      'strategy/riktlinjer/r.md:12:1 error body-links Länken «../policyer/borta.md» leder till en fil som inte finns (strategy/policyer/borta.md). Kontrollera filnamnet.',
    ]);
  });

  it('finds the documents a link leads to when only part of the corpus is checked', () => {
    const files = {
      'strategy/riktlinjer/r.md': riktlinje('r', 'Se [policyn](../policyer/p.md) och [den gamla](../policyer/borta.md).\n'),
      'strategy/policyer/p.md': riktlinje('p'),
    };
    expect(lines(check(files, { rule, paths: ['strategy/riktlinjer'] }))).toEqual([
      'strategy/riktlinjer/r.md:10:36 error body-links Länken «../policyer/borta.md» leder till en fil som inte finns (strategy/policyer/borta.md). Kontrollera filnamnet.',
    ]);
  });

  it('decodes percent-encoded links before looking for the file', () => {
    const files = {
      'strategy/r.md': riktlinje('r', 'Se [policyn](policy%20trygghet.md) och [den andra](policy%20borta.md).\n'),
      'strategy/policy trygghet.md': riktlinje('policy-trygghet'),
    };
    expect(lines(check(files, { rule }))).toEqual([
      'strategy/r.md:10:40 error body-links Länken «policy%20borta.md» leder till en fil som inte finns (strategy/policy borta.md). Kontrollera filnamnet.',
    ]);
  });

  it('reports a link with broken percent-encoding, and goes on checking the other links', () => {
    const files = {
      'strategy/a.md': riktlinje('a', 'Se [policyn](../policyer/%E0%A4%A.md).\n'),
      'strategy/b.md': riktlinje('b', 'Klicka [här](javascript:alert(1)).\n'),
    };
    expect(lines(check(files, { rule }))).toEqual([
      'strategy/a.md:10:4 error body-links Länken «../policyer/%E0%A4%A.md» har felaktig kodning (%-tecken). Skriv filnamnet som det är, eller koda det rätt.',
      `strategy/b.md:10:8 error body-links ${unsafe('javascript:')}`,
    ]);
  });

  it('accepts a link to a Markdown file that exists outside the checked folders', () => {
    const files = { 'strategy/r.md': riktlinje('r', 'Läs [README](../README.md).\n'), 'README.md': '# Styrdokument\n' };
    expect(lines(check(files, { rule }))).toEqual([]);
  });

  it('reports a link that leaves the repository with ../, and an absolute path', () => {
    const body = 'Se [lönelistan](../../lon/lonelista.md) och [lösenorden](/etc/losenord.md).\n';
    expect(lines(check({ 'strategy/r.md': riktlinje('r', body) }, { rule }))).toEqual([
      'strategy/r.md:10:4 error body-links Länken «../../lon/lonelista.md» leder utanför förrådet. Länka bara till dokument i förrådet.',
      'strategy/r.md:10:45 error body-links Länken «/etc/losenord.md» är en absolut sökväg. Skriv en relativ länk, till exempel ../policyer/dokument.md.',
    ]);
  });

  it('ignores link syntax in code, which is shown as text', () => {
    const body = 'Skriv inte `[här](javascript:alert(1))`.\n\n```\n[här](../../hemligt.md)\n```\n';
    expect(lines(check({ 'strategy/r.md': riktlinje('r', body) }, { rule }))).toEqual([]);
  });

  it('gives file positions in a file with CRLF line ends and a byte order mark', () => {
    const text = '\uFEFF' + riktlinje('r', '## Rubrik\n\nKlicka [här](javascript:alert(1)).\n').replace(/\n/g, '\r\n');
    expect(lines(check({ 'strategy/r.md': text }, { rule }))).toEqual([`strategy/r.md:12:8 error body-links ${unsafe('javascript:')}`]);
  });
});
