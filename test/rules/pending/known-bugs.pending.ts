/**
 * Tests of the correct behaviour for bugs found while documenting the rules. They fail today, so they are
 * kept out of the suite (vitest only runs *.test.ts). When a bug is fixed, move its test into the rule's
 * test/rules/<id>.test.ts. Run them with:
 *
 *   npx vitest run --config test/rules/pending/vitest.pending.config.ts
 */
import { describe, expect, it } from 'vitest';
import { check, CONFIG_TEXT, configDiagnostics, lines, md } from '../helpers.js';

describe('revision', () => {
  it('keeps a revision overdue that was missed in an earlier mandatperiod (src/corpus/revision.ts)', () => {
    // Adopted 2019 with «ny mandatperiod»: it should have been revised by 2023-10-15 and never was. On
    // 2024-01-10 it is overdue (error); on 2026-11-25 it is reported as merely due (warning) in 2026–2030.
    const strategi = md`
      ---
      id: strategi-2019
      dokumenttyp: strategi
      titel: Strategi
      beslutande_organ: kommunstyrelsen
      beslut: { datum: 2019-03-01, paragraf: 30, diarienummer: KS/2019:30 }
      giltighetstid: { från: 2019-04-01, till: 2030-12-31 }
      revisionsdatum: ny mandatperiod
      dokumentansvarig: stadsledningsforvaltningen
      ---
    `;
    const diagnostics = check({ 'strategy/s.md': strategi }, { rule: 'revision' });
    expect(diagnostics.map((d) => d.severity)).toEqual(['error']);
    expect(diagnostics[0]!.message).toContain('15 oktober 2023');
  });
});

describe('body-links', () => {
  const riktlinje = (id: string, dnr: string, body = '') =>
    md`
      ---
      id: ${id}
      dokumenttyp: riktlinje
      titel: ${id}
      beslutande_organ: kommunstyrelsen
      beslut: { datum: 2024-05-20, paragraf: 79, diarienummer: ${dnr} }
      giltighetstid: { till: tills vidare }
      dokumentansvarig: stadsledningsforvaltningen
      ---
    ` + body;

  it('reports a link with broken percent-encoding instead of crashing the rule (decodeURIComponent in src/rules/body-links.ts)', () => {
    const files = {
      'strategy/a.md': riktlinje('a', 'KS/2024:1', 'Se [policyn](../policyer/%E0%A4%A.md).\n'),
      'strategy/b.md': riktlinje('b', 'KS/2024:2', 'Klicka [här](javascript:alert(1)).\n'),
    };
    const diagnostics = check(files, { rule: 'body-links' });
    expect(diagnostics.map((d) => d.ruleId)).not.toContain('internal');
    expect(diagnostics.map((d) => `${d.file}:${d.span.start.line}:${d.span.start.column}`)).toEqual(['strategy/a.md:10:4', 'strategy/b.md:10:8']);
  });

  it('does not say that an existing Markdown file outside the checked folders does not exist', () => {
    const files = { 'strategy/r.md': riktlinje('r', 'KS/2024:1', 'Läs [README](../README.md).\n'), 'README.md': '# Styrdokument\n' };
    expect(lines(check(files, { rule: 'body-links' }))).toEqual([]);
  });
});

describe('hierarchy', () => {
  it('leaves a self-reference in genomför to the references rule, as it says (src/rules/hierarchy.ts)', () => {
    const r = md`
      ---
      id: riktlinje
      dokumenttyp: riktlinje
      titel: Riktlinje
      beslutande_organ: kommunstyrelsen
      beslut: { datum: 2024-05-20, paragraf: 79, diarienummer: KS/2024:96 }
      giltighetstid: { till: tills vidare }
      dokumentansvarig: stadsledningsforvaltningen
      genomför: [riktlinje]
      ---
    `;
    expect(lines(check({ 'strategy/r.md': r }, { rule: 'hierarchy' }))).toEqual([]);
  });
});

describe('adopting-organ and replacement-authority with unknown ids', () => {
  it('adopting-organ leaves an unknown nämnd of a verksamhetsplan to the owner rule', () => {
    // Today: «En verksamhetsplan antas av socialnamden, inte av socialnämnden.», with the raw unknown id.
    const plan = md`
      ---
      id: vp
      dokumenttyp: verksamhetsplan
      titel: Socialnämndens verksamhetsplan 2026
      nämnd: socialnamden
      år: 2026
      beslutande_organ: socialnamnden
      beslut: { datum: 2025-12-10, paragraf: 130, diarienummer: SN/2025:211 }
      dokumentansvarig: socialforvaltningen
      mål: []
      ---
    `;
    expect(lines(check({ 'strategy/vp.md': plan }, { rule: 'adopting-organ' }))).toEqual([]);
  });

  it('replacement-authority leaves a replaced document with an unknown organ to adopting-organ', () => {
    // Today: ««a» antogs av kommunstyrelsn, men ersätts här av kommunstyrelsen, som inte står över det organet.»
    const doc = (id: string, organ: string, dnr: string, extra = '') => md`
      ---
      id: ${id}
      dokumenttyp: riktlinje
      titel: ${id}
      beslutande_organ: ${organ}
      beslut: { datum: 2024-05-20, paragraf: 79, diarienummer: ${dnr} }
      giltighetstid: { till: tills vidare }
      dokumentansvarig: stadsledningsforvaltningen
      ${extra}
      ---
    `;
    const files = { 'strategy/a.md': doc('a', 'kommunstyrelsn', 'KS/2024:1'), 'strategy/b.md': doc('b', 'kommunstyrelsen', 'KS/2024:2', 'ersätter: [a]') };
    expect(lines(check(files, { rule: 'replacement-authority' }))).toEqual([]);
  });
});

describe('wording', () => {
  it('references: «en åtgärd», not «ett åtgärd» (duplicateIds in src/rules/references.ts)', () => {
    const s = md`
      ---
      id: strategi
      dokumenttyp: strategi
      titel: Strategi
      beslutande_organ: kommunstyrelsen
      beslut: { datum: 2023-12-18, paragraf: 169, diarienummer: KS/2023:309 }
      giltighetstid: { från: 2024-01-01, till: 2027-12-31 }
      revisionsdatum: 2027-06-30
      dokumentansvarig: stadsledningsforvaltningen
      åtgärder:
        - { id: styrgrupp, text: En., ansvarig: stadsledningsforvaltningen, klart: 2024, prioritet: hög }
        - { id: styrgrupp, text: Två., ansvarig: stadsledningsforvaltningen, klart: 2024, prioritet: hög }
      ---
    `;
    expect(check({ 'strategy/s.md': s }, { rule: 'references' }).map((d) => d.message)).toEqual([
      'Id «styrgrupp» används för mer än en åtgärd i dokumentet. Ge varje åtgärd ett eget id.',
    ]);
  });

  const gilt = (från: string, till: string, id = 'strategi', extra = '') => md`
    ---
    id: ${id}
    dokumenttyp: strategi
    titel: Strategi
    beslutande_organ: kommunstyrelsen
    beslut: { datum: 2023-12-18, paragraf: 169, diarienummer: KS/2023:3${id.length} }
    giltighetstid: { från: ${från}, till: ${till} }
    revisionsdatum: 2030-06-30
    dokumentansvarig: stadsledningsforvaltningen
    ${extra}
    ---
  `;

  it('validity: «om 1 dag», not «om 1 dagar» (src/rules/validity.ts)', () => {
    expect(check({ 'strategy/s.md': gilt('2024-01-01', '2026-11-26') }, { rule: 'validity' }).map((d) => d.message)).toEqual([
      'Dokumentet slutar gälla 26 november 2026, om 1 dag. Besluta om en förlängning eller ett nytt dokument i tid.',
    ]);
  });

  it('validity: «som inte har börjat gälla», not «som har inte börjat gälla» (STATUS_WORDS in src/rules/validity.ts)', () => {
    const riktlinje = md`
      ---
      id: riktlinje
      dokumenttyp: riktlinje
      titel: Riktlinje
      beslutande_organ: kommunstyrelsen
      beslut: { datum: 2024-05-20, paragraf: 79, diarienummer: KS/2024:96 }
      giltighetstid: { till: tills vidare }
      dokumentansvarig: stadsledningsforvaltningen
      genomför: [kommande]
      ---
    `;
    const files = { 'strategy/a.md': gilt('2027-01-01', '2030-12-31', 'kommande'), 'strategy/b.md': riktlinje };
    expect(check(files, { rule: 'validity' }).map((d) => d.message)).toEqual([expect.stringContaining('genomför «kommande», som inte har börjat gälla.')]);
  });

  it('file: a Swedish decimal comma in the size message (src/load/read-files.ts)', () => {
    const big = '---\nid: stor\n---\n' + 'Text. '.repeat(300_000);
    expect(check({ 'strategy/stor.md': big }, { maxFileBytes: 1024 * 1024 }).map((d) => d.message)).toEqual([
      'Filen är 1,7 MB, större än gränsen 1,0 MB. Dela upp dokumentet eller lägg bilagor utanför förrådet.',
    ]);
  });
});

describe('yaml', () => {
  const valid = md`
    ---
    id: riktlinje-belysning
    dokumenttyp: riktlinje
    titel: Riktlinje för belysning
    beslutande_organ: kommunstyrelsen
    beslut:
      datum: 2024-06-17
      paragraf: 95
      diarienummer: KS/2024:112
    dokumentansvarig: stadsledningsforvaltningen
    ---
  `;

  it('reports one tab once, not as five findings (src/load/yaml-source.ts reports every parser error)', () => {
    expect(lines(check({ 'strategy/r.md': valid.replace('  datum:', '\tdatum:') }))).toEqual([
      'strategy/r.md:7:1 error yaml Tabbtecken används som indrag. YAML kräver mellanslag: ersätt tabben med mellanslag.',
    ]);
  });

  it('points an unclosed quote at the line where the quote opens, not at the end of the frontmatter', () => {
    const diagnostics = check({ 'strategy/r.md': valid.replace('titel: Riktlinje för belysning', 'titel: "Riktlinje för belysning') });
    expect(diagnostics.map((d) => d.span.start.line)).toEqual([4]);
  });
});

describe('load', () => {
  it('does not call a reference to a file with broken YAML unknown: the file still has its id on an id: line', () => {
    const broken = md`
      ---
      id: trygghetspolicy
      titel: En
      titel: Två
      ---
    `;
    const riktlinje = md`
      ---
      id: riktlinje
      dokumenttyp: riktlinje
      titel: Riktlinje
      beslutande_organ: kommunstyrelsen
      beslut: { datum: 2024-05-20, paragraf: 79, diarienummer: KS/2024:96 }
      giltighetstid: { till: tills vidare }
      dokumentansvarig: stadsledningsforvaltningen
      kompletteras_med: [trygghetspolicy]
      ---
    `;
    expect(lines(check({ 'strategy/p.md': broken, 'strategy/r.md': riktlinje }, { rule: 'references' }))).toEqual([
      'strategy/p.md:4:1 error yaml Nyckeln finns redan tidigare i samma avsnitt. Ta bort en av dem, eller slå ihop värdena.',
    ]);
  });
});

describe('config', () => {
  it('reports an unknown dokumenttyp at its key, in Swedish, once (src/schema/schema-messages.ts, propertyNames)', () => {
    const config = CONFIG_TEXT.replace('  rutin: {', '  rutiner: {');
    expect(lines(configDiagnostics(config))).toEqual([expect.stringMatching(/^styrdok\.config\.yaml:\d+:3 error config .*«rutiner».*Menade du «rutin»\?/)]);
  });

  it('reports an organ id used twice', () => {
    const config = CONFIG_TEXT.replace('{ id: socialnamnden, namn: Socialnämnden', '{ id: tekniska-namnden, namn: Socialnämnden').replace('nämnd: socialnamnden', 'nämnd: tekniska-namnden');
    expect(configDiagnostics(config).map((d) => d.message).join('\n')).toContain('tekniska-namnden');
  });

});

describe('goal-review', () => {
  it('someone reports an avstämd_mot entry for a target that does not exist (goal-review leaves it to references, which never looks)', () => {
    const plan = md`
      ---
      id: verksamhetsplan-2026-bun
      dokumenttyp: verksamhetsplan
      titel: Barn- och utbildningsnämndens verksamhetsplan 2026
      nämnd: barn-och-utbildningsnamnden
      år: 2026
      beslutande_organ: barn-och-utbildningsnamnden
      beslut: { datum: 2025-12-10, paragraf: 112, diarienummer: BUN/2025:288 }
      dokumentansvarig: barn-och-utbildningsforvaltningen
      mål:
        - id: okad-skolnarvaro
          titel: Skolnärvaron ska öka.
          bidrar_till: [trygghetsstrategi#skolnarvaro]
          avstämd_mot:
            trygghetsstrategi#finns-inte: 52a2f94b
      ---
    `;
    expect(check({ 'strategy/vp.md': plan }, { base: true }).filter((d) => d.file === 'strategy/vp.md')).toHaveLength(1);
  });
});
