import { describe, expect, it } from 'vitest';
import { check, lines, md, related } from './helpers.js';

const rule = 'decision-record';

/** A riktlinje adopted by `organ`, with the beslut lines given. */
const riktlinje = (id: string, beslut: string, { organ = 'kommunstyrelsen', repeal = '' } = {}) => md`
  ---
  id: ${id}
  dokumenttyp: riktlinje
  titel: Riktlinje för kamerabevakning
  beslutande_organ: ${organ}
  beslut: ${beslut}
  giltighetstid:
    till: tills vidare
  dokumentansvarig: stadsledningsforvaltningen
  ${repeal}
  ---
`;

describe('decision-record', () => {
  it('accepts a complete decision: date, paragraph and a diarienummer in the kommun format', () => {
    expect(lines(check({ 'strategy/r.md': riktlinje('r', '{ datum: 2024-05-20, paragraf: 79, diarienummer: KS/2024:96 }') }, { rule }))).toEqual([]);
  });

  it('accepts a draft, which has no decision yet', () => {
    const draft = riktlinje('r', '').replace('beslut: \n', '');
    expect(lines(check({ 'strategy/r.md': draft }, { rule }))).toEqual([]);
  });

  it('reports a diarienummer that does not match the pattern in the config, at the diarienummer', () => {
    const beslut = '\n  datum: 2024-05-20\n  paragraf: 79\n  diarienummer: KS 2024/96';
    expect(lines(check({ 'strategy/r.md': riktlinje('r', beslut) }, { rule }))).toEqual([
      'strategy/r.md:9:3 error decision-record Diarienumret «KS 2024/96» har inte kommunens format. Skriv det som i diariet, till exempel KS/2023:309.',
    ]);
  });

  it('is case sensitive, like the diarium', () => {
    expect(lines(check({ 'strategy/r.md': riktlinje('r', '{ datum: 2024-05-20, paragraf: 79, diarienummer: ks/2024:96 }') }, { rule }))).toEqual([
      'strategy/r.md:6:44 error decision-record Diarienumret «ks/2024:96» har inte kommunens format. Skriv det som i diariet, till exempel KS/2023:309.',
    ]);
  });

  it('reports a duplicate diarienummer on the later file, pointing back at the first', () => {
    const diagnostics = check(
      {
        'strategy/a.md': riktlinje('riktlinje-kamerabevakning', '{ datum: 2024-05-20, paragraf: 79, diarienummer: KS/2024:96 }'),
        'strategy/b.md': riktlinje('riktlinje-belysning', '{ datum: 2024-06-17, paragraf: 95, diarienummer: KS/2024:96 }'),
        'strategy/c.md': riktlinje('riktlinje-klotter', '{ datum: 2024-06-17, paragraf: 96, diarienummer: KS/2024:96 }'),
      },
      { rule },
    );
    expect(lines(diagnostics)).toEqual([
      'strategy/b.md:6:44 error decision-record Diarienumret KS/2024:96 används redan av «riktlinje-kamerabevakning». Ett diarienummer hör till ett enda ärende: kontrollera numret.',
      'strategy/c.md:6:44 error decision-record Diarienumret KS/2024:96 används redan av «riktlinje-kamerabevakning». Ett diarienummer hör till ett enda ärende: kontrollera numret.',
    ]);
    expect(related(diagnostics[0])).toEqual(['strategy/a.md:6:44 Diarienumret används här']);
    expect(related(diagnostics[1])).toEqual(['strategy/a.md:6:44 Diarienumret används här']);
  });

  it('reports a decision dated after today, and accepts one dated today', () => {
    expect(lines(check({ 'strategy/r.md': riktlinje('r', '\n  datum: 2026-12-01\n  paragraf: 79\n  diarienummer: KS/2026:96') }, { rule }))).toEqual([
      'strategy/r.md:7:3 error decision-record Beslutsdatumet 1 december 2026 ligger i framtiden. Ett dokument får beslutsuppgifter först när beslutet är fattat; ta bort beslut så länge det är ett utkast.',
    ]);
    expect(lines(check({ 'strategy/r.md': riktlinje('r', '{ datum: 2026-11-25, paragraf: 79, diarienummer: KS/2026:96 }') }, { rule }))).toEqual([]);
  });

  it('requires a paragraph from a political organ, at the beslut key', () => {
    expect(lines(check({ 'strategy/r.md': riktlinje('r', '\n  datum: 2024-05-20\n  diarienummer: KS/2024:96') }, { rule }))).toEqual([
      'strategy/r.md:6:1 error decision-record Beslutet saknar paragraf. Ange paragrafen i protokollet från kommunstyrelsen, till exempel paragraf: 169.',
    ]);
  });

  it('does not require a paragraph from a chef, whose decision has no minutes', () => {
    const rutin = riktlinje('r', '\n  datum: 2024-04-15\n  diarienummer: SLF/2024:37', { organ: 'stadsdirektoren' });
    expect(lines(check({ 'strategy/r.md': rutin }, { rule }))).toEqual([]);
  });

  it('checks the repeal: not in the future, its diarienummer, not before the decision', () => {
    const beslut = '{ datum: 2024-05-20, paragraf: 79, diarienummer: KS/2024:96 }';
    const future = 'upphävd: { datum: 2027-01-18, organ: kommunstyrelsen, diarienummer: KS2027-3 }';
    expect(lines(check({ 'strategy/r.md': riktlinje('r', beslut, { repeal: future }) }, { rule }))).toEqual([
      'strategy/r.md:10:12 error decision-record Upphävandet är daterat 18 januari 2027, i framtiden. Registrera upphävandet när beslutet är fattat.',
      'strategy/r.md:10:55 error decision-record Diarienumret «KS2027-3» har inte kommunens format. Skriv det som i diariet, till exempel KS/2023:309.',
    ]);
    const before = 'upphävd: { datum: 2023-01-16, organ: kommunstyrelsen, diarienummer: KS/2023:4 }';
    expect(lines(check({ 'strategy/r.md': riktlinje('r', beslut, { repeal: before }) }, { rule }))).toEqual([
      'strategy/r.md:10:12 error decision-record Dokumentet upphävdes före beslutet som antog det. Kontrollera datumen.',
    ]);
    const fine = 'upphävd: { datum: 2025-01-20, organ: kommunstyrelsen, paragraf: 4, diarienummer: KS/2025:4 }';
    expect(lines(check({ 'strategy/r.md': riktlinje('r', beslut, { repeal: fine }) }, { rule }))).toEqual([]);
  });

  it('leaves a date that does not exist to the schema', () => {
    expect(lines(check({ 'strategy/r.md': riktlinje('r', '\n  datum: 2024-02-30\n  paragraf: 79\n  diarienummer: KS/2024:96') }, { rule }))).toEqual([
      'strategy/r.md:7:3 error schema «2024-02-30» är inget giltigt datum. Skriv ett datum som finns, som ÅÅÅÅ-MM-DD, till exempel 2023-12-18.',
    ]);
  });

  it('uses the pattern and example of the config', () => {
    const config = md`
      kommun: Sollentuna kommun
      organ:
        - { id: kommunstyrelsen, namn: Kommunstyrelsen, typ: styrelse }
      förvaltningar:
        - { id: kommunledningskontoret, namn: Kommunledningskontoret, nämnd: kommunstyrelsen, chef: { id: kommundirektoren, titel: Kommundirektör } }
      dokumenttyper:
        riktlinje: { namn: Riktlinje, plural: Riktlinjer, nivå: 3, beslutas_av: [kommunstyrelsen] }
      mandatperiod: { valår: 2022, längd_år: 4, start: "10-15", start_år_efter_val: 0, revision_frist_dagar: 365 }
      diarienummer: { mönster: "^KS\\d{4}/\\d{4}$", exempel: KS2023/0309 }
    `;
    const doc = riktlinje('r', '{ datum: 2024-05-20, paragraf: 79, diarienummer: KS/2024:96 }').replace('stadsledningsforvaltningen', 'kommunledningskontoret');
    expect(lines(check({ 'strategy/r.md': doc }, { rule, config }))).toEqual([
      'strategy/r.md:6:44 error decision-record Diarienumret «KS/2024:96» har inte kommunens format. Skriv det som i diariet, till exempel KS2023/0309.',
    ]);
    expect(lines(check({ 'strategy/r.md': doc.replace('KS/2024:96', 'KS2024/0096') }, { rule, config }))).toEqual([]);
  });
});
