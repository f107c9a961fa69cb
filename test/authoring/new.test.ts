import { parse } from 'yaml';
import { describe, expect, it, vi } from 'vitest';
import { authoringProject, expectOnlyAdded, TODAY } from './helpers.js';

vi.setConfig({ testTimeout: 90_000 });

function frontmatter(text: string): Record<string, unknown> {
  const m = /^---\n([\s\S]*?)\n---\n/.exec(text);
  expect(m, 'the file starts with frontmatter').not.toBeNull();
  return parse(m![1]!) as Record<string, unknown>;
}

describe('styrdok new', () => {
  it('asks in Swedish on standard input, re-asks a bad date, and writes a strategi that passes the check', () => {
    const p = authoringProject();
    const before = p.snapshot();
    const answers = [
      'strategi', // dokumenttyp
      'Trygghetsstrategi för Solna stad 2027–2030', // titel
      '', // id: take the suggestion
      '1', // dokumentansvarig: Stadsledningsförvaltningen
      'j', // beslutat
      '2026-13-01', // not a date: asked again
      '2026-11-2', // written loosely, stored as 2026-11-02
      '§ 170',
      'ks / 2026:412',
      '', // gäller från: the decision date
      '2030-12-31',
    ];
    const result = p.runWith(['new', '--today', TODAY], answers.join('\n') + '\n');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Vilken sorts styrdokument:');
    expect(result.stdout).toContain('Titel: ');
    expect(result.stdout).toContain('Datumet 2026-13-01 finns inte i kalendern. Kontrollera månad och dag.');
    expect(result.stdout).toContain('Beslutande organ: Kommunstyrelsen (enligt reglerna för strategi)');
    const file = 'strategy/strategier/trygghetsstrategi-for-solna-stad-2027-2030.md';
    expect(result.stdout).toContain(`Skapade ${file}`);

    expectOnlyAdded(before, p.snapshot(), [file]);
    const text = p.read(file);
    expect(text.split('\n')[1]).toMatch(/^# yaml-language-server: \$schema=\S+\/strategi\.schema\.json$/);
    expect(frontmatter(text)).toEqual({
      id: 'trygghetsstrategi-for-solna-stad-2027-2030',
      dokumenttyp: 'strategi',
      titel: 'Trygghetsstrategi för Solna stad 2027–2030',
      beslutande_organ: 'kommunstyrelsen',
      beslut: { datum: '2026-11-02', paragraf: 170, diarienummer: 'KS/2026:412' },
      giltighetstid: { till: '2030-12-31' },
      revisionsdatum: 'ny mandatperiod',
      dokumentansvarig: 'stadsledningsforvaltningen',
    });
    // Keys come in the schema's order.
    expect(Object.keys(frontmatter(text))).toEqual(['id', 'dokumenttyp', 'titel', 'beslutande_organ', 'beslut', 'giltighetstid', 'revisionsdatum', 'dokumentansvarig']);
    // The proof: a real `styrdok check` finds nothing at all in the new file.
    expect(p.findings(file)).toEqual([]);
  });

  const scripted: { name: string; args: string[]; file: string; data: Record<string, unknown> }[] = [
    {
      name: 'a policy draft (--utkast: no decision)',
      args: ['--typ', 'policy', '--titel', 'Policy för trygghet och öppenhet', '--ansvarig', 'Stadsledningsförvaltningen', '--utkast'],
      file: 'strategy/policyer/policy-for-trygghet-och-oppenhet.md',
      data: { beslutande_organ: 'kommunfullmaktige', giltighetstid: { till: 'tills vidare' } },
    },
    {
      name: 'a riktlinje decided by kommunstyrelsen',
      args: ['--typ', 'riktlinje', '--titel', 'Riktlinje för trygga evenemang', '--ansvarig', 'stadsledningsforvaltningen', '--datum', '2026-10-05', '--paragraf', '140', '--diarienummer', 'KS/2026:300', '--till', 'tills vidare', '--revision', '2029-10-01'],
      file: 'strategy/riktlinjer/riktlinje-for-trygga-evenemang.md',
      data: { beslutande_organ: 'kommunstyrelsen', beslut: { datum: '2026-10-05', paragraf: 140, diarienummer: 'KS/2026:300' }, revisionsdatum: '2029-10-01' },
    },
    {
      name: 'an anvisning decided by the förvaltningschef (no paragraph)',
      args: ['--typ', 'anvisning', '--titel', 'Anvisning för snöröjning vid skolor', '--ansvarig', 'tekniska-forvaltningen', '--datum', '2026-09-01', '--diarienummer', 'TF/2026:88', '--till', 'tills vidare'],
      file: 'strategy/anvisningar/anvisning-for-snorojning-vid-skolor.md',
      data: { beslutande_organ: 'tekniska-direktoren', beslut: { datum: '2026-09-01', diarienummer: 'TF/2026:88' } },
    },
    {
      name: 'an överenskommelse with its parties',
      args: ['--typ', 'overenskommelse', '--titel', 'Samverkansöverenskommelse med Lokalpolisområde Solna 2027–2030', '--ansvarig', '1', '--datum', '2026-11-16', '--paragraf', '180', '--diarienummer', 'KS/2026:401', '--fran', '2027-01-01', '--till', '2030-12-31', '--revision', 'ny mandatperiod', '--part', 'Lokalpolisområde Solna'],
      file: 'strategy/overenskommelser/samverkansoverenskommelse-med-lokalpolisomrade-solna-2027-2030.md',
      data: { parter: [{ namn: 'Solna stad' }, { namn: 'Lokalpolisområde Solna' }], giltighetstid: { från: '2027-01-01', till: '2030-12-31' } },
    },
    {
      name: 'an åtgärdsplan with its first action',
      args: ['--typ', 'åtgärdsplan', '--titel', 'Åtgärdsplan för trygghet 2027', '--ansvarig', 'stadsledningsforvaltningen', '--utkast', '--till', '2027-12-31', '--revision', '2027-06-01', '--atgard', 'Fler trygghetsvandringar i Hagalund', '--atgard-ansvarig', 'tekniska-forvaltningen', '--atgard-klart', '2027', '--atgard-prioritet', 'hög'],
      file: 'strategy/overenskommelser/atgardsplan-for-trygghet-2027.md',
      data: { åtgärder: [{ id: 'fler-trygghetsvandringar-i-hagalund', text: 'Fler trygghetsvandringar i Hagalund', ansvarig: 'tekniska-forvaltningen', klart: 2027, prioritet: 'hög' }] },
    },
    {
      name: 'a verksamhetsplan in its year folder',
      args: ['--typ', 'verksamhetsplan', '--titel', 'Verksamhetsplan 2027 för socialnämnden', '--namnd', 'SN', '--ar', '2027', '--ansvarig', 'socialforvaltningen', '--utkast'],
      file: 'strategy/verksamhetsplaner/2027/verksamhetsplan-2027-for-socialnamnden.md',
      data: { beslutande_organ: 'socialnamnden', nämnd: 'socialnamnden', år: 2027, mål: [] },
    },
  ];

  it.each(scripted)('takes every answer as a flag: $name, and the result passes the check', ({ args, file, data }) => {
    const p = authoringProject();
    const before = p.snapshot();
    const result = p.runWith(['new', ...args, '--today', TODAY]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Skapade ${file}`);
    expectOnlyAdded(before, p.snapshot(), [file]);
    expect(frontmatter(p.read(file))).toMatchObject(data);
    const findings = p.findings(file);
    expect(findings.filter((f) => f.severity === 2)).toEqual([]);
    expect(findings.map((f) => f.ruleId)).not.toContain('schema');
  });

  it('never overwrites: an existing file is refused with exit 2 and left as it was', () => {
    const p = authoringProject();
    const before = p.snapshot();
    const result = p.runWith(['new', '--typ', 'policy', '--titel', 'Trygghetspolicy', '--ansvarig', 'stadsledningsforvaltningen', '--utkast', '--today', TODAY]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('Filen strategy/policyer/trygghetspolicy.md finns redan. styrdok new skriver aldrig över en fil: välj ett annat id med --id, eller redigera den befintliga filen.\n');
    expectOnlyAdded(before, p.snapshot(), []);
  });

  it('never gives a document an id the site’s lists use: refused with --id, and a title like «Status» gets the type before it', () => {
    const p = authoringProject();
    const base = ['new', '--typ', 'riktlinje', '--ansvarig', 'stadsledningsforvaltningen', '--utkast', '--today', TODAY];
    const before = p.snapshot();
    const refused = p.runWith([...base, '--titel', 'Organ', '--id', 'organ']);
    expect([refused.code, refused.stderr]).toEqual([2, '--id: Id «organ» används av webbplatsen för listorna per beslutande organ (/dokument/organ/). Välj ett annat, till exempel riktlinje-organ.\n']);
    expectOnlyAdded(before, p.snapshot(), []);
    const named = p.runWith([...base, '--titel', 'Status']);
    expect(named.code, named.stderr).toBe(0);
    expect(named.stdout).toContain('Skapade strategy/riktlinjer/riktlinje-status.md');
    expect(p.runWith(['check', 'strategy', '--today', TODAY]).code).toBe(0);
  });

  it('asked interactively, it does not offer a taken id and asks for another', () => {
    const p = authoringProject();
    const result = p.runWith(['new', '--today', TODAY], ['policy', 'Trygghetspolicy', '', 'trygghetspolicy-2027', '1', 'n', '', ''].join('\n') + '\n');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Filen strategy/policyer/trygghetspolicy.md finns redan; den skrivs aldrig över. Välj ett annat id.');
    expect(result.stdout).toContain('Skapade strategy/policyer/trygghetspolicy-2027.md');
  });

  it('refuses a decided diarienummer that is taken, a decision in the future, and an organ the type rules forbid', () => {
    const p = authoringProject();
    const before = p.snapshot();
    const base = ['new', '--typ', 'riktlinje', '--titel', 'Riktlinje X', '--ansvarig', 'stadsledningsforvaltningen', '--till', 'tills vidare', '--today', TODAY];
    const taken = p.runWith([...base, '--datum', '2026-01-10', '--paragraf', '3', '--diarienummer', 'KS/2024:112']);
    expect(taken.code).toBe(2);
    expect(taken.stderr).toContain('--diarienummer: Diarienumret KS/2024:112 används redan av «riktlinje-kamerabevakning».');
    const future = p.runWith([...base, '--datum', '2027-01-10', '--paragraf', '3', '--diarienummer', 'KS/2027:1']);
    expect(future.code).toBe(2);
    expect(future.stderr).toContain('ligger i framtiden');
    const organ = p.runWith([...base, '--organ', 'Kommunfullmäktige', '--utkast']);
    expect(organ.code).toBe(2);
    expect(organ.stderr).toContain('En riktlinje antas av kommunstyrelsen enligt strategy/styrdok.config.yaml, inte av «Kommunfullmäktige».');
    const badDnr = p.runWith([...base, '--datum', '2026-01-10', '--paragraf', '3', '--diarienummer', '2026-77']);
    expect(badDnr.code).toBe(2);
    expect(badDnr.stderr).toContain('har inte kommunens format. Skriv det som i diariet, till exempel KS/2023:309.');
    expectOnlyAdded(before, p.snapshot(), []);
  });

  it('writes nothing and exits 2 when standard input ends before the last answer', () => {
    const p = authoringProject();
    const before = p.snapshot();
    const result = p.runWith(['new', '--today', TODAY], 'strategi\nEn strategi\n');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('indata tog slut');
    expectOnlyAdded(before, p.snapshot(), []);
  });

  it('has Swedish --help listing every flag', () => {
    const p = authoringProject();
    const result = p.runWith(['new', '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Användning: styrdok new \[flaggor\]\n/);
    for (const flag of ['--typ', '--titel', '--ansvarig', '--organ', '--datum', '--paragraf', '--diarienummer', '--utkast', '--id']) expect(result.stdout).toContain(flag);
    expect(result.stdout).toContain('Slutkoder:');
  });
});
