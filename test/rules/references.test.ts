import { describe, expect, it } from 'vitest';
import { check, lines, md, related } from './helpers.js';

const rule = 'references';

/** A riktlinje with relations; `relations` starts on line 9. */
const riktlinje = (id: string, relations = '', dnr = 'KS/2024:96') => md`
  ---
  id: ${id}
  dokumenttyp: riktlinje
  titel: Riktlinje
  beslutande_organ: kommunstyrelsen
  beslut: { datum: 2024-05-20, paragraf: 79, diarienummer: ${dnr} }
  giltighetstid: { till: tills vidare }
  dokumentansvarig: stadsledningsforvaltningen
  ${relations}
  ---
`;

/** A verksamhetsplan whose single goal contributes to `refs` (from line 13). */
const plan = (refs: string[], extraGoals = '') => md`
  ---
  id: verksamhetsplan-2026-socialnamnden
  dokumenttyp: verksamhetsplan
  titel: Socialnämndens verksamhetsplan 2026
  nämnd: socialnamnden
  år: 2026
  beslutande_organ: socialnamnden
  beslut: { datum: 2025-12-10, paragraf: 130, diarienummer: SN/2025:211 }
  dokumentansvarig: socialforvaltningen
  mål:
    - id: tidiga-insatser
      titel: Fler unga nås av tidiga insatser.
      bidrar_till:
  ${refs.map((ref) => `      - ${ref}`).join('\n')}
  ${extraGoals}
  ---
`;

describe('references', () => {
  it('accepts relations to documents that exist (the example kommun)', () => {
    const relations = 'genomför:\n  - trygghetsstrategi\nkompletteras_med:\n  - riktlinje-kamerabevakning';
    expect(lines(check({ 'strategy/r.md': riktlinje('riktlinje-belysning', relations) }, { rule, base: true }))).toEqual([]);
  });

  it('reports an unknown id in a relation, with a suggestion when one is close', () => {
    const relations = 'genomför:\n  - trygghetsstrategin\n  - helt-okand';
    expect(lines(check({ 'strategy/r.md': riktlinje('riktlinje-belysning', relations) }, { rule, base: true }))).toEqual([
      'strategy/r.md:10:5 error references Det finns inget dokument med id «trygghetsstrategin». Menade du «trygghetsstrategi»? Kontrollera id:t i det andra dokumentets frontmatter.',
      'strategy/r.md:11:5 error references Det finns inget dokument med id «helt-okand». Kontrollera id:t i det andra dokumentets frontmatter.',
    ]);
  });

  it('reports a document that points at itself, in each relation', () => {
    const relations = 'ersätter:\n  - riktlinje-belysning\nkompletteras_med:\n  - riktlinje-belysning\ngenomför:\n  - riktlinje-belysning';
    expect(lines(check({ 'strategy/r.md': riktlinje('riktlinje-belysning', relations) }, { rule }))).toEqual([
      'strategy/r.md:10:5 error references Dokumentet pekar på sig självt i ersätter. Ta bort «riktlinje-belysning».',
      'strategy/r.md:12:5 error references Dokumentet pekar på sig självt i kompletteras_med. Ta bort «riktlinje-belysning».',
      'strategy/r.md:14:5 error references Dokumentet pekar på sig självt i genomför. Ta bort «riktlinje-belysning».',
    ]);
  });

  it('reports a duplicate document id on every later file, pointing back at the first', () => {
    const diagnostics = check(
      {
        'strategy/a.md': riktlinje('riktlinje-kamerabevakning'),
        'strategy/b.md': riktlinje('riktlinje-kamerabevakning', '', 'KS/2024:97'),
        'strategy/c.md': riktlinje('riktlinje-kamerabevakning', '', 'KS/2024:98'),
      },
      { rule },
    );
    expect(lines(diagnostics)).toEqual([
      'strategy/b.md:2:1 error references Id «riktlinje-kamerabevakning» används redan av strategy/a.md. Varje dokument behöver ett eget id.',
      'strategy/c.md:2:1 error references Id «riktlinje-kamerabevakning» används redan av strategy/a.md. Varje dokument behöver ett eget id.',
    ]);
    expect(related(diagnostics[0])).toEqual(['strategy/a.md:2:1 Id:t används här']);
  });

  it('reports an id the site uses for its lists of documents, which would take or lose the list\'s page', () => {
    const files = Object.fromEntries(['organ', 'status', 'sida-2', 'sida-12'].map((id, i) => [`strategy/${id}.md`, riktlinje(id, '', `KS/2024:${100 + i}`)]));
    expect(lines(check({ ...files, 'strategy/fri.md': riktlinje('sida-2b', '', 'KS/2024:99') }, { rule }))).toEqual([
      'strategy/organ.md:2:1 error references Id «organ» kan inte användas: webbplatsen har listorna per beslutande organ på /dokument/organ/, och ett av dem skulle försvinna. Välj ett annat id, till exempel «riktlinje-organ».',
      'strategy/sida-12.md:2:1 error references Id «sida-12» kan inte användas: webbplatsen har sidan 12 av listan över alla styrdokument på /dokument/sida-12/, och ett av dem skulle försvinna. Välj ett annat id, till exempel «riktlinje-sida-12».',
      'strategy/sida-2.md:2:1 error references Id «sida-2» kan inte användas: webbplatsen har sidan 2 av listan över alla styrdokument på /dokument/sida-2/, och ett av dem skulle försvinna. Välj ett annat id, till exempel «riktlinje-sida-2».',
      'strategy/status.md:2:1 error references Id «status» kan inte användas: webbplatsen har listorna per status på /dokument/status/, och ett av dem skulle försvinna. Välj ett annat id, till exempel «riktlinje-status».',
    ]);
  });

  it('does not call a reference unknown when the document exists but is broken: the load check reports it', () => {
    const broken = '---\nid: trasig-strategi\ndokumenttyp: strategi\n---\n';
    const diagnostics = check({ 'strategy/r.md': riktlinje('riktlinje-belysning', 'genomför:\n  - trasig-strategi'), 'strategy/trasig.md': broken }, { rule });
    expect(diagnostics.filter((d) => d.file === 'strategy/r.md')).toEqual([]);
    expect(diagnostics.map((d) => d.ruleId)).toContain('schema');
  });

  it('does not call a reference unknown when the document’s YAML is broken: its id: line still claims the id', () => {
    const broken = '---\nid: trygghetspolicy\ntitel: En\ntitel: Två\n---\n';
    expect(lines(check({ 'strategy/p.md': broken, 'strategy/r.md': riktlinje('riktlinje', 'kompletteras_med: [trygghetspolicy]') }, { rule }))).toEqual([
      'strategy/p.md:4:1 error yaml Nyckeln finns redan tidigare i samma avsnitt. Ta bort en av dem, eller slå ihop värdena.',
    ]);
  });

  describe('bidrar_till', () => {
    it('accepts goals that contribute to targets of the strategy', () => {
      expect(lines(check({ 'strategy/vp.md': plan(['trygghetsstrategi#skolnarvaro', 'trygghetsstrategi#samverkan']) }, { rule, base: true }))).toEqual([]);
    });

    it('reports an unknown target with a suggestion and the list of the targets', () => {
      expect(lines(check({ 'strategy/vp.md': plan(['trygghetsstrategi#skolnarvaron', 'trygghetsstrategi#xyz']) }, { rule, base: true }))).toEqual([
        'strategy/vp.md:14:9 error references «trygghetsstrategi» har inget mål med id «skolnarvaron». Menade du «skolnarvaro»? Målen i dokumentet är: samverkan, forebyggande-insatser, skolnarvaro, aktiv-fritid.',
        'strategy/vp.md:15:9 error references «trygghetsstrategi» har inget mål med id «xyz». Målen i dokumentet är: samverkan, forebyggande-insatser, skolnarvaro, aktiv-fritid.',
      ]);
    });

    it('reports an unknown document in a target reference', () => {
      expect(lines(check({ 'strategy/vp.md': plan(['trygghetsstrategin#skolnarvaro']) }, { rule, base: true }))).toEqual([
        'strategy/vp.md:14:9 error references Dokumentet «trygghetsstrategin» i «trygghetsstrategin#skolnarvaro» finns inte. Menade du «trygghetsstrategi»?',
      ]);
    });

    it('reports a reference to a document that has no targets', () => {
      expect(lines(check({ 'strategy/vp.md': plan(['trygghetspolicy#trygghet']) }, { rule, base: true }))).toEqual([
        'strategy/vp.md:14:9 error references «trygghetspolicy» har inga mål att peka på (inriktning eller fokusområden).',
      ]);
    });

    it('reports a duplicate goal id in a verksamhetsplan', () => {
      const again = '  - id: tidiga-insatser\n    titel: Samma id igen.\n    bidrar_till: [trygghetsstrategi#samverkan]';
      expect(lines(check({ 'strategy/vp.md': plan(['trygghetsstrategi#skolnarvaro'], again) }, { rule, base: true }))).toEqual([
        'strategy/vp.md:15:5 error references Id «tidiga-insatser» används för mer än ett mål i dokumentet. Ge varje mål ett eget id.',
      ]);
    });

    it('checks the targets of a strategy: unique ids, and the references of its actions', () => {
      const strategi = md`
        ---
        id: trygghetsstrategi-2028
        dokumenttyp: strategi
        titel: Trygghetsstrategi 2028
        beslutande_organ: kommunstyrelsen
        beslut: { datum: 2027-12-13, paragraf: 170, diarienummer: KS/2027:300 }
        giltighetstid: { från: 2028-01-01, till: 2030-12-31 }
        revisionsdatum: ny mandatperiod
        dokumentansvarig: stadsledningsforvaltningen
        inriktning:
          - { id: samverkan, text: Stärka samverkan. }
        fokusområden:
          - id: samverkan
            rubrik: Samverkan
            delområden:
              - { id: skolnarvaro, rubrik: Skolnärvaro }
        åtgärder:
          - id: styrgrupp
            text: Inrätta en styrgrupp.
            bidrar_till: [trygghetsstrategi-2028#skolnarvaron, trygghetsstrategi#aktiv-fritid]
          - { id: styrgrupp, text: Samma id igen. }
        ---
      `;
      // A prefix only for the target list, which repeats «samverkan».
      expect(lines(check({ 'strategy/s.md': strategi }, { rule, base: true }))).toEqual([
        'strategy/s.md:13:5 error references Id «samverkan» används för mer än ett mål i dokumentet. Ge varje mål ett eget id.',
        expect.stringMatching(/^strategy\/s\.md:20:19 error references «trygghetsstrategi-2028» har inget mål med id «skolnarvaron»\. Menade du «skolnarvaro»\? Målen i dokumentet är: /),
        'strategy/s.md:21:7 error references Id «styrgrupp» används för mer än en åtgärd i dokumentet. Ge varje åtgärd ett eget id.',
      ]);
    });
  });
});
