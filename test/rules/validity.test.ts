import { describe, expect, it } from 'vitest';
import { check, configWith, lines, md, related } from './helpers.js';

const rule = 'validity';

interface Doc {
  id?: string;
  typ?: string;
  organ?: string;
  datum?: string;
  dnr?: string;
  gilt?: string;
  extra?: string;
}

/** A decided document; `gilt` is its giltighetstid block (lines 10–12 with från and till). */
const doc = ({ id = 'dokument', typ = 'strategi', organ = 'kommunstyrelsen', datum = '2023-12-18', dnr = 'KS/2023:309', gilt = '', extra = '' }: Doc) => md`
  ---
  id: ${id}
  dokumenttyp: ${typ}
  titel: Ett styrdokument
  beslutande_organ: ${organ}
  beslut:
    datum: ${datum}
    paragraf: 169
    diarienummer: ${dnr}
  ${gilt}
  revisionsdatum: 2030-06-30
  dokumentansvarig: stadsledningsforvaltningen
  ${extra}
  ---
`;
const gilt = (från: string, till: string) => `giltighetstid:\n  från: ${från}\n  till: ${till}`;

describe('validity', () => {
  it('accepts a strategi with an end date and a policy in force until further notice', () => {
    const files = {
      'strategy/s.md': doc({ gilt: gilt('2024-01-01', '2027-12-31') }),
      'strategy/p.md': doc({ id: 'policy', typ: 'policy', organ: 'kommunfullmaktige', dnr: 'KS/2019:1', gilt: gilt('2019-07-01', 'tills vidare') }),
    };
    expect(lines(check(files, { rule }))).toEqual([]);
  });

  it('reports a policy with an end date: a policy is in force until further notice', () => {
    const policy = doc({ typ: 'policy', organ: 'kommunfullmaktige', gilt: gilt('2024-01-01', '2028-12-31') });
    expect(lines(check({ 'strategy/p.md': policy }, { rule }))).toEqual([
      'strategy/p.md:12:3 error validity En policy gäller tills vidare, inte till ett datum. Skriv till: tills vidare, eller välj en annan dokumenttyp.',
    ]);
  });

  it('warns about a strategi in force until further notice: a strategi is time-limited', () => {
    expect(lines(check({ 'strategy/s.md': doc({ gilt: gilt('2024-01-01', 'tills vidare') }) }, { rule }))).toEqual([
      'strategy/s.md:12:3 warning validity En strategi ska gälla en begränsad period, till exempel en mandatperiod, men gäller tills vidare. Ange ett slutdatum i giltighetstid.till.',
    ]);
  });

  it('warns at dokumenttyp when a time-limited kind has no giltighetstid at all', () => {
    const config = configWith('').replace('riktlinje: { namn: Riktlinje, plural: Riktlinjer, nivå: 3, beslutas_av: [kommunstyrelsen] }', 'riktlinje: { namn: Riktlinje, plural: Riktlinjer, nivå: 3, beslutas_av: [kommunstyrelsen], giltighet: begränsad }');
    expect(lines(check({ 'strategy/r.md': doc({ typ: 'riktlinje' }) }, { rule, config }))).toEqual([
      'strategy/r.md:3:1 warning validity En riktlinje ska gälla en begränsad period, till exempel en mandatperiod, men gäller tills vidare. Ange ett slutdatum i giltighetstid.till.',
    ]);
  });

  it('reports a giltighetstid that ends before it begins', () => {
    expect(lines(check({ 'strategy/s.md': doc({ gilt: gilt('2024-06-01', '2023-12-31') }) }, { rule }))).toEqual([
      'strategy/s.md:12:3 error validity Giltighetstiden slutar (31 december 2023) innan den börjar (1 juni 2024). Kontrollera datumen.',
    ]);
  });

  it(`warns when a time-limited document in force ends within varning_dagar_före_slut days, counting the last day`, () => {
    const ending = (till: string) => lines(check({ 'strategy/s.md': doc({ gilt: gilt('2024-01-01', till) }) }, { rule }));
    expect(ending('2026-12-31')).toEqual([
      'strategy/s.md:12:3 warning validity Dokumentet slutar gälla 31 december 2026, om 36 dagar. Besluta om en förlängning eller ett nytt dokument i tid.',
    ]);
    expect(ending('2027-02-23')).toEqual([
      'strategy/s.md:12:3 warning validity Dokumentet slutar gälla 23 februari 2027, om 90 dagar. Besluta om en förlängning eller ett nytt dokument i tid.',
    ]);
    expect(ending('2027-02-24')).toEqual([]);
    expect(ending('2026-11-26')).toEqual([
      'strategy/s.md:12:3 warning validity Dokumentet slutar gälla 26 november 2026, om 1 dag. Besluta om en förlängning eller ett nytt dokument i tid.',
    ]);
    // Ended yesterday: no longer in force, so no warning.
    expect(ending('2026-11-24')).toEqual([]);
  });

  it('reads varning_dagar_före_slut from the config', () => {
    const config = configWith('').replace('varning_dagar_före_slut: 90', 'varning_dagar_före_slut: 30');
    const s = doc({ gilt: gilt('2024-01-01', '2026-12-31') });
    expect(lines(check({ 'strategy/s.md': s }, { rule, config }))).toEqual([]);
    expect(lines(check({ 'strategy/s.md': s }, { rule, config, today: '2026-12-01' }))).toEqual([
      'strategy/s.md:12:3 warning validity Dokumentet slutar gälla 31 december 2026, om 30 dagar. Besluta om en förlängning eller ett nytt dokument i tid.',
    ]);
  });

  it('does not warn that a verksamhetsplan ends with its year', () => {
    const plan = md`
      ---
      id: verksamhetsplan-2026-socialnamnden
      dokumenttyp: verksamhetsplan
      titel: Socialnämndens verksamhetsplan 2026
      nämnd: socialnamnden
      år: 2026
      beslutande_organ: socialnamnden
      beslut: { datum: 2025-12-10, paragraf: 130, diarienummer: SN/2025:211 }
      giltighetstid: { från: 2026-01-01, till: 2026-12-31 }
      dokumentansvarig: socialforvaltningen
      mål: []
      ---
    `;
    expect(lines(check({ 'strategy/vp.md': plan }, { rule }))).toEqual([]);
  });

  it('warns when a document in force implements a replaced one, naming the replacement', () => {
    const diagnostics = check(
      {
        'strategy/policy-2010.md': doc({ id: 'policy-2010', typ: 'policy', organ: 'kommunfullmaktige', datum: '2009-12-14', dnr: 'KS/2009:1', gilt: gilt('2010-01-01', 'tills vidare') }),
        'strategy/policy-2025.md': doc({ id: 'policy-2025', typ: 'policy', organ: 'kommunfullmaktige', datum: '2024-12-09', dnr: 'KS/2024:2', gilt: gilt('2025-01-01', 'tills vidare'), extra: 'ersätter:\n  - policy-2010' }),
        'strategy/riktlinje.md': doc({ id: 'riktlinje', typ: 'riktlinje', datum: '2019-12-16', dnr: 'KS/2019:3', gilt: gilt('2020-01-01', 'tills vidare'), extra: 'genomför:\n  - policy-2010' }),
      },
      { rule },
    );
    expect(lines(diagnostics)).toEqual([
      'strategy/riktlinje.md:16:5 warning validity Dokumentet gäller men genomför «policy-2010», som är ersatt. Det har ersatts av «policy-2025»: låt dokumentet genomföra det i stället, eller se över om det ska upphävas.',
    ]);
    expect(related(diagnostics[0])).toEqual(['strategy/policy-2010.md:2:1 Det överordnade dokumentet']);
  });

  it('warns when a document in force implements one that ended, was repealed or is a draft', () => {
    const draft = md`
      ---
      id: strategi-utkast
      dokumenttyp: strategi
      titel: Utkast
      beslutande_organ: kommunstyrelsen
      giltighetstid: { till: 2030-12-31 }
      revisionsdatum: ny mandatperiod
      dokumentansvarig: stadsledningsforvaltningen
      ---
    `;
    const files = {
      'strategy/a-ended.md': doc({ id: 'strategi-2020-2023', datum: '2019-12-16', dnr: 'KS/2019:1', gilt: gilt('2020-01-01', '2023-12-31') }),
      'strategy/b-repealed.md': doc({ id: 'policy-upphavd', typ: 'policy', organ: 'kommunfullmaktige', datum: '2019-12-16', dnr: 'KS/2019:2', gilt: gilt('2020-01-01', 'tills vidare'), extra: 'upphävd: { datum: 2025-03-17, paragraf: 30, organ: kommunfullmaktige }' }),
      'strategy/c-draft.md': draft,
      'strategy/d-riktlinje.md': doc({ id: 'riktlinje', typ: 'riktlinje', datum: '2019-12-16', dnr: 'KS/2019:3', gilt: gilt('2020-01-01', 'tills vidare'), extra: 'genomför:\n  - strategi-2020-2023\n  - policy-upphavd\n  - strategi-utkast' }),
    };
    expect(lines(check(files, { rule }))).toEqual([
      'strategy/d-riktlinje.md:16:5 warning validity Dokumentet gäller men genomför «strategi-2020-2023», som har upphört att gälla. Se över om dokumentet ska revideras eller upphävas.',
      'strategy/d-riktlinje.md:17:5 warning validity Dokumentet gäller men genomför «policy-upphavd», som är upphävd. Se över om dokumentet ska revideras eller upphävas.',
      'strategy/d-riktlinje.md:18:5 warning validity Dokumentet gäller men genomför «strategi-utkast», som är ett utkast. Se över om dokumentet ska revideras eller upphävas.',
    ]);
  });

  it('warns when a document in force implements one that has not begun to apply', () => {
    const files = {
      'strategy/a.md': doc({ id: 'kommande', dnr: 'KS/2023:1', gilt: gilt('2027-01-01', '2030-12-31') }),
      'strategy/b.md': doc({ id: 'riktlinje', typ: 'riktlinje', dnr: 'KS/2023:2', gilt: gilt('2024-01-01', 'tills vidare'), extra: 'genomför:\n  - kommande' }),
    };
    expect(lines(check(files, { rule }))).toEqual([
      'strategy/b.md:16:5 warning validity Dokumentet gäller men genomför «kommande», som inte har börjat gälla. Se över om dokumentet ska revideras eller upphävas.',
    ]);
  });

  it('says nothing about what a document implements once it is no longer in force itself', () => {
    const files = {
      'strategy/a.md': doc({ id: 'strategi-2020-2023', datum: '2019-12-16', dnr: 'KS/2019:1', gilt: gilt('2020-01-01', '2023-12-31') }),
      'strategy/b.md': doc({ id: 'atgardsplan', typ: 'åtgärdsplan', datum: '2020-02-17', dnr: 'KS/2020:3', gilt: gilt('2020-03-01', '2023-12-31'), extra: 'genomför:\n  - strategi-2020-2023\nåtgärder:\n  - { id: a, text: Gör, ansvarig: socialnamnden, klart: 2021, prioritet: hög }' }),
    };
    expect(lines(check(files, { rule }))).toEqual([]);
  });

  it('leaves unknown ids in genomför to the references rule', () => {
    const riktlinje = doc({ typ: 'riktlinje', gilt: gilt('2024-01-01', 'tills vidare'), extra: 'genomför:\n  - finns-inte' });
    expect(lines(check({ 'strategy/r.md': riktlinje }, { rule }))).toEqual([]);
  });
});
