import { describe, expect, it } from 'vitest';
import { check, CONFIG_TEXT, configWith, lines, md } from './helpers.js';

const rule = 'revision';

/** Trygghetsstrategin's header: adopted 2023-12-18, revised every new mandatperiod. Revisionsdatum is line 13. */
const strategi = ({ datum = '2023-12-18', revision = 'ny mandatperiod', till = '2030-12-31', extra = '' } = {}) => md`
  ---
  id: trygghetsstrategi-2024-2026
  dokumenttyp: strategi
  titel: Trygghetsstrategi
  beslutande_organ: kommunstyrelsen
  beslut:
    datum: ${datum}
    paragraf: 169
    diarienummer: KS/2023:309
  giltighetstid:
    från: 2024-01-01
    till: ${till}
  revisionsdatum: ${revision}
  dokumentansvarig: stadsledningsforvaltningen
  ${extra}
  ---
`;

const due =
  'strategy/s.md:13:1 warning revision Dokumentet ska revideras under den nya mandatperioden 2026–2030, som började 15 oktober 2026. Revidera det senast 15 oktober 2027.';

describe('revision', () => {
  describe('ny mandatperiod (Kommunallagen 5 kap. 9 §: the period begins 15 October of the election year)', () => {
    const run = (today: string, options: { datum?: string } = {}) => lines(check({ 'strategy/s.md': strategi(options) }, { rule, today }));

    it('says nothing before the new mandatperiod begins', () => {
      expect(run('2026-10-14')).toEqual([]);
    });

    it('warns that the revision is due from the first day of the new mandatperiod', () => {
      expect(run('2026-10-15')).toEqual([due]);
      expect(run('2026-11-25')).toEqual([due]);
    });

    it('still only warns on the last day of the grace period revision_frist_dagar', () => {
      expect(run('2027-10-15')).toEqual([due]);
    });

    it('reports the revision as overdue (error) after the grace period', () => {
      expect(run('2027-10-16')).toEqual([
        'strategy/s.md:13:1 error revision Revisionen är försenad: dokumentet skulle ha reviderats under mandatperioden 2026–2030, och fristen gick ut 15 oktober 2027. Revidera dokumentet.',
      ]);
    });

    it('keeps a revision missed in an earlier mandatperiod overdue, not merely due in the current one', () => {
      // Adopted 2019: it should have been revised in 2022–2026, by 15 October 2023, and never was.
      const overdue =
        'strategy/s.md:13:1 error revision Revisionen är försenad: dokumentet skulle ha reviderats under mandatperioden 2022–2026, och fristen gick ut 15 oktober 2023. Revidera dokumentet.';
      expect(run('2024-01-10', { datum: '2019-03-01' })).toEqual([overdue]);
      expect(run('2026-11-25', { datum: '2019-03-01' })).toEqual([overdue]);
    });

    it('is satisfied by a decision taken in the new mandatperiod', () => {
      expect(run('2027-11-01', { datum: '2026-10-15' })).toEqual([]);
      expect(run('2027-11-01', { datum: '2026-10-14' })).toHaveLength(1);
    });

    it('reads the start of the period and the grace period from the config', () => {
      // A kommun that counts from kommunstyrelsen's term: 1 January the year after the election, 180 days' grace.
      const config = CONFIG_TEXT.replace('start: "10-15"', 'start: "01-01"').replace('start_år_efter_val: 0', 'start_år_efter_val: 1').replace('revision_frist_dagar: 365', 'revision_frist_dagar: 180');
      const at = (today: string) => lines(check({ 'strategy/s.md': strategi() }, { rule, today, config }));
      expect(at('2026-12-31')).toEqual([]);
      expect(at('2027-01-01')).toEqual([
        'strategy/s.md:13:1 warning revision Dokumentet ska revideras under den nya mandatperioden 2026–2030, som började 1 januari 2027. Revidera det senast 30 juni 2027.',
      ]);
      expect(at('2027-07-01')).toEqual([
        'strategy/s.md:13:1 error revision Revisionen är försenad: dokumentet skulle ha reviderats under mandatperioden 2026–2030, och fristen gick ut 30 juni 2027. Revidera dokumentet.',
      ]);
    });
  });

  describe('revisionsdatum as a date', () => {
    it('reports a revisionsdatum that has passed, and accepts one that is today', () => {
      expect(lines(check({ 'strategy/s.md': strategi({ revision: '2026-06-30' }) }, { rule }))).toEqual([
        'strategy/s.md:13:1 error revision Revisionsdatumet 30 juni 2026 har passerat. Revidera dokumentet, eller besluta om ett nytt revisionsdatum.',
      ]);
      expect(lines(check({ 'strategy/s.md': strategi({ revision: '2026-11-25' }) }, { rule }))).toEqual([]);
    });
  });

  describe('documents not in force', () => {
    it('does not ask to revise a document that has ended', () => {
      expect(lines(check({ 'strategy/s.md': strategi({ revision: '2026-06-30', till: '2026-10-31' }) }, { rule }))).toEqual([]);
    });

    it('does not ask to revise a repealed document', () => {
      const repealed = strategi({ extra: 'upphävd: { datum: 2026-11-02, paragraf: 150, organ: kommunstyrelsen }' });
      expect(lines(check({ 'strategy/s.md': repealed }, { rule }))).toEqual([]);
    });

    it('does not ask to revise a draft', () => {
      const draft = strategi({ revision: '2026-06-30' }).replace(/beslut:\n(  .*\n){3}/, '');
      expect(lines(check({ 'strategy/s.md': draft }, { rule }))).toEqual([]);
    });
  });

  describe('severity', () => {
    it('lets regler soften an overdue revision to a warning', () => {
      const config = configWith('regler:\n  revision: warning\n');
      expect(check({ 'strategy/s.md': strategi({ revision: '2026-06-30' }) }, { rule, config }).map((d) => d.severity)).toEqual(['warning']);
    });

    it('keeps a due revision a warning even when the rule is an error', () => {
      const config = configWith('regler:\n  revision: error\n');
      expect(check({ 'strategy/s.md': strategi() }, { rule, config }).map((d) => d.severity)).toEqual(['warning']);
    });
  });
});
