import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { authoringProject, TODAY } from '../authoring/helpers.js';
import { MAX_LINES_LISTED } from '../../src/load/direction-controls.js';
import { check, lines, md } from './helpers.js';

const rule = 'text-direction';

/** A riktlinje whose frontmatter takes lines 1–9; the body starts on line 10. */
const riktlinje = (body = '', titel = 'Riktlinje för belysning') =>
  md`
  ---
  id: riktlinje-belysning
  dokumenttyp: riktlinje
  titel: ${titel}
  beslutande_organ: kommunstyrelsen
  beslut: { datum: 2024-05-20, paragraf: 79, diarienummer: KS/2024:79 }
  giltighetstid: { till: tills vidare }
  dokumentansvarig: stadsledningsforvaltningen
  ---
` + body;

const message = (codes: string, one = codes.split(', ').length === 1) =>
  `På raden står ${one ? 'ett osynligt tecken' : 'osynliga tecken'} för skrivriktning (${codes}). ${one ? 'Det' : 'De'} syns inte, men kan göra att texten efter ${one ? 'det' : 'dem'} visas i en annan ordning än den står i filen: på webbplatsen och när ändringen granskas kan raden se ut att säga något annat än den gör. Sådana tecken kan följa med när text klistras in från en webbsida. Ta bort ${one ? 'tecknet' : 'tecknen'}; styrdok check --fix gör det.`;

describe('text-direction', () => {
  it('accepts ordinary text, hard spaces and the direction marks around a name in Arabic script', () => {
    const body = 'Samrådet med föreningen \u200fجمعية الحي\u200f hölls 12\u00a0maj.\n\nBelysningen ska vara jämn – inte bländande.\n';
    expect(lines(check({ 'strategy/r.md': riktlinje(body) }, { rule }))).toEqual([]);
  });

  it('reports each line with an override, embedding or isolate once, at the first, naming every kind on the line', () => {
    // md`` keeps escapes as written, so the controls go in as values.
    const [rle, pdf, lro, rlo, lri, pdi] = ['\u202a', '\u202c', '\u202d', '\u202e', '\u2066', '\u2069'];
    const body = md`
      ## Ansvar

      Beslutet gäller från ${rlo}2025-01-01 och ersätter tidigare anvisningar.
      Ett ${lri}isolerat${pdi} namn och en ${rle}inbäddning${pdf}, och en till ${lri}här${pdi}.

      \`\`\`
      kod med ${lro}åsidosättning
      \`\`\`
    `;
    expect(lines(check({ 'strategy/r.md': riktlinje(body) }, { rule }))).toEqual([
      `strategy/r.md:12:22 warning text-direction ${message('U+202E')}`,
      `strategy/r.md:13:5 warning text-direction ${message('U+2066, U+2069, U+202A, U+202C')}`,
      `strategy/r.md:16:9 warning text-direction ${message('U+202D')}`,
    ]);
  });

  it('reports a control in the frontmatter, where the site shows the title, at its line and column', () => {
    expect(lines(check({ 'strategy/r.md': riktlinje('', 'Riktlinje för \u202ebelysning') }, { rule }))).toEqual([
      `strategy/r.md:4:22 warning text-direction ${message('U+202E')}`,
    ]);
  });

  it('counts columns as the other findings do, without a byte-order mark, in a file with Windows line ends', () => {
    const text = '\ufeff' + riktlinje('Text \u202eomvänd.\n').split('\n').join('\r\n');
    expect(lines(check({ 'strategy/r.md': text }, { rule }))).toEqual([`strategy/r.md:10:6 warning text-direction ${message('U+202E')}`]);
  });

  it(`lists the first ${MAX_LINES_LISTED} lines of a file full of them, and says so on the last`, () => {
    const body = Array.from({ length: MAX_LINES_LISTED + 20 }, (_, i) => `Rad ${i + 1} \u202e.`).join('\n') + '\n';
    const found = check({ 'strategy/r.md': riktlinje(body) }, { rule });
    expect(found).toHaveLength(MAX_LINES_LISTED);
    expect(found.at(-1)!.message).toBe(`${message('U+202E')} Styrdok listar de första ${MAX_LINES_LISTED} raderna med sådana tecken; det kan finnas fler längre ned.`);
    expect(found.at(-2)!.message).toBe(message('U+202E'));
  });

  it('is found after an edit to the text alone with check --cache, and gone after --fix, which keeps everything else', () => {
    const p = authoringProject();
    const file = 'strategy/riktlinjer/riktlinje-belysning.md';
    const clean = riktlinje('## Syfte\n\nBeslutet gäller från 2025-01-01.\n\n    kod\n');
    writeFileSync(p.path(file), clean);
    const run = (...args: string[]) => p.runWith(['check', file, '--today', TODAY, '--format', 'json', ...args]);
    const ruleIds = () => JSON.parse(run('--cache').stdout)[0].messages.map((m: { ruleId: string; line: number }) => `${m.line} ${m.ruleId}`);
    expect(ruleIds()).toEqual([]);
    const hostile = clean.replace('från 2025', 'från \u202e2025').replace('    kod', '    \u2066kod\u2069');
    writeFileSync(p.path(file), hostile);
    // The rules' findings are kept by what they read (load/rule-inputs.ts): the controls are among it, the text is not.
    expect(ruleIds()).toEqual([`12 ${rule}`, `14 ${rule}`]);

    const fixed = p.runWith(['check', '--fix', file, '--today', TODAY]);
    expect(fixed.stdout.split('\n\n')[0]).toBe(
      [
        'styrdok check --fix rättade 2 saker i 1 fil:',
        `  ${file}:12: tecken för skrivriktning i texten: U+202E → borttaget`,
        `  ${file}:14: tecken för skrivriktning i texten: U+2066, U+2069 → borttaget`,
      ].join('\n'),
    );
    expect(p.read(file)).toBe(clean);
    expect(fixed.code).toBe(0);
    expect(ruleIds()).toEqual([]);
  });
});
