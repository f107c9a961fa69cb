/**
 * `styrdok due` on a copy of the bundled Solna corpus: the real CLI as a process.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { copyInto, REPO_ROOT, tempProject, type TempProject } from '../helpers/run-cli.js';

vi.setConfig({ testTimeout: 60_000 });

function solna(): TempProject {
  const p = tempProject('styrdok-due-');
  onTestFinished(() => p.dispose());
  copyInto(p, path.join(REPO_ROOT, 'strategy'), 'strategy');
  return p;
}

interface Listed {
  senast: string;
  försenat: boolean;
  vad: string;
  id: string;
  åtgärd: string;
}

async function listed(p: TempProject, ...args: string[]): Promise<Listed[]> {
  const result = await p.run(['due', '--format', 'json', ...args]);
  expect(result.stderr).toBe('');
  return (JSON.parse(result.stdout) as { beslut: Listed[] }).beslut;
}

const brief = (items: Listed[]) => items.map((i) => `${i.senast} ${i.försenat ? 'försenat ' : ''}${i.vad} ${i.id}`);

describe('styrdok due', () => {
  it('lists what the documents in force need decided in the coming twelve months, the earliest first', async () => {
    expect(brief(await listed(solna(), '--today', '2026-12-05'))).toEqual([
      '2026-12-31 slutar-gälla atgardsplan-trygghet-2024-2026',
      '2026-12-31 slutar-gälla iop-stiftelsen-tryggare-sverige',
      '2026-12-31 slutar-gälla samverkansoverenskommelse-lokalpolisomrade-solna',
      '2027-04-30 revision rutin-trygghetsvandringar',
      '2027-06-30 revision riktlinje-kamerabevakning',
      '2027-09-01 revision anvisning-klottersanering',
      // The new mandatperiod began 15 October 2026; the revision is due within the config's 365 days.
      '2027-10-15 revision trygghetsstrategi-2024-2026',
    ]);
  });

  it('writes Markdown for the person who prepares the decisions: the late ones first, with who decides and who owns each', async () => {
    const p = solna();
    const before = p.snapshot();
    const result = await p.run(['due', '--today', '2027-07-15', '--manader', '3']);
    expect([result.code, result.stderr]).toEqual([0, '']);
    // Without --out (and --cache) nothing is written.
    expect(p.snapshot()).toEqual(before);
    const lines = result.stdout.split('\n');
    expect(lines.slice(0, 5)).toEqual([
      '# Beslut som styrdokumenten behöver till och med 15 oktober 2027',
      '',
      'Solna stad, räknat 15 juli 2027. 4 beslut behövs, varav 2 är försenade.',
      '',
      '## Försenade',
    ]);
    expect(lines).toContain(
      '| 30 juni 2027 | Riktlinje för kamerabevakning i Solna stad | Revisionsdatumet 30 juni 2027 har passerat: dokumentet ska revideras eller få ett nytt revisionsdatum. | Kommunstyrelsen | Stadsledningsförvaltningen | `strategy/riktlinjer/riktlinje-kamerabevakning.md` |',
    );
    expect(lines.indexOf('## Kommande')).toBeGreaterThan(lines.indexOf('## Försenade'));
    expect(lines.filter((line) => line.startsWith('| ') && !line.startsWith('| Senast') && !line.startsWith('| ---'))).toHaveLength(4);
    // The agreements ended 31 December 2026: they are no longer in force, so nothing is listed for them.
    expect(result.stdout).not.toContain('Samverkansöverenskommelse');
  });

  it('lists a revision whose mandatperiod begins within the period, and nothing that ends after it', async () => {
    const items = await listed(solna(), '--today', '2026-06-01', '--manader', '6');
    expect(brief(items)).toEqual(['2027-10-15 revision trygghetsstrategi-2024-2026']);
    expect(items[0]!.åtgärd).toBe('Ska revideras under mandatperioden 2026–2030, som börjar 15 oktober 2026.');
  });

  it('lists a strategy that ends before its mandatperiod begins as ending, not as one to revise', async () => {
    const p = solna();
    const file = p.path('strategy/strategier/trygghetsstrategi-2024-2026.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('till: tills vidare', 'till: 2026-09-30'));
    const items = await listed(p, '--today', '2026-06-01', '--manader', '6');
    expect(brief(items)).toEqual(['2026-09-30 slutar-gälla trygghetsstrategi-2024-2026']);
    expect(items[0]!.åtgärd).toBe('Slutar gälla 30 september 2026. Ett beslut behövs om förlängning, ett nytt dokument eller att det får upphöra.');
  });

  it('leaves out a document whose successor is already decided, and says when nothing is due', async () => {
    const p = solna();
    const old = readFileSync(p.path('strategy/overenskommelser/samverkansoverenskommelse-lokalpolisomrade-solna.md'), 'utf8');
    const successor = old
      .replace(/^id: .*$/m, 'id: samverkansoverenskommelse-2027-2030')
      .replace(/^titel: .*$/m, 'titel: Samverkansöverenskommelse 2027–2030')
      .replace(/^ {2}datum: .*$/m, '  datum: 2026-11-16')
      .replace(/^ {2}paragraf: .*$/m, '  paragraf: 190')
      .replace(/^ {2}diarienummer: .*$/m, '  diarienummer: KS/2026:400')
      .replace(/^ {2}från: .*$/m, '  från: 2027-01-01')
      .replace(/^ {2}till: .*$/m, '  till: 2030-12-31')
      .replace(/^dokumentansvarig:/m, 'ersätter: [samverkansoverenskommelse-lokalpolisomrade-solna]\ndokumentansvarig:');
    writeFileSync(p.path('strategy/overenskommelser/samverkansoverenskommelse-2027-2030.md'), successor);
    const ids = (await listed(p, '--today', '2026-12-05', '--till', '2026-12-31')).map((i) => i.id);
    // The strategy's revision is due already: the new mandatperiod began 15 October.
    expect(ids).toEqual(['atgardsplan-trygghet-2024-2026', 'iop-stiftelsen-tryggare-sverige', 'trygghetsstrategi-2024-2026']);

    const none = await p.run(['due', '--today', '2026-06-01', '--till', '2026-06-30']);
    expect(none.stdout).toContain('Solna stad, räknat 1 juni 2026. Inget gällande styrdokument behöver ett beslut under perioden.');
    expect(none.stdout).not.toContain('| Senast');
  });

  it('narrows the list to what an organ decides or a förvaltning owns, named as a clerk names them', async () => {
    const p = solna();
    const byKs = await listed(p, '--today', '2026-12-05', '--organ', 'KS');
    expect(byKs.map((i) => i.id)).not.toContain('rutin-trygghetsvandringar');
    expect(byKs.map((i) => i.id)).toContain('trygghetsstrategi-2024-2026');
    expect((await listed(p, '--today', '2026-12-05', '--ansvarig', 'tekniska förvaltningen')).map((i) => i.id)).toEqual(['anvisning-klottersanering']);
    const heading = await p.run(['due', '--today', '2026-12-05', '--organ', 'kommunstyrelsen', '--ansvarig', 'Stadsledningsförvaltningen']);
    expect(heading.stdout.split('\n')[0]).toBe('# Beslut som styrdokumenten behöver till och med 5 december 2027 – Kommunstyrelsen, Stadsledningsförvaltningen');
  });

  it('writes a CSV file for Swedish Excel with --out, and nothing on the screen', async () => {
    const p = solna();
    const result = await p.run(['due', '--today', '2026-12-05', '--format', 'csv', '--out', 'beslut.csv']);
    expect(result).toMatchObject({ code: 0, stdout: '', stderr: '' });
    const csv = readFileSync(p.path('beslut.csv'), 'utf8');
    const rows = csv.slice(1).trimEnd().split('\r\n');
    expect(csv.startsWith('\uFEFFSenast;Försenat;Vad;Åtgärd;Id;Titel;Dokumenttyp;Beslutas av;Dokumentansvarig;Fil\r\n')).toBe(true);
    expect(rows).toHaveLength(8);
    expect(rows[7]).toMatch(/^2027-10-15;nej;Revision;.*;trygghetsstrategi-2024-2026;.*;Strategi;Kommunstyrelsen;Stadsledningsförvaltningen;strategy\/strategier\/trygghetsstrategi-2024-2026\.md$/);
  });

  it.each([
    [['--manader', '0'], /^--manader ska vara ett heltal från 1 till 120, inte «0»\.\n$/],
    [['--manader', 'tolv'], /^--manader ska vara ett heltal från 1 till 120, inte «tolv»\.\n$/],
    [['--manader', '3', '--till', '2027-01-01'], /^Ange antingen --manader eller --till, inte båda\.\n$/],
    [['--till', '2026-01-01'], /^--till \(2026-01-01\) ligger före dagen listan räknas från \(2026-12-05\)\.\n$/],
    [['--till', '2026-02-30'], /^--till ska vara ett datum som finns/],
    [['--format', 'docx'], /^Okänt format «docx»\. Välj ett av: markdown, csv, json\.\n$/],
    [['--organ', 'Regeringen'], /^Hittar inget organ «Regeringen» i konfigurationen\. Organen: Kommunfullmäktige \(KF\), Kommunstyrelsen \(KS\), /],
    [['--ansvarig', 'Okända förvaltningen'], /^Hittar ingen förvaltning «Okända förvaltningen» i konfigurationen\. Förvaltningarna: Stadsledningsförvaltningen, /],
  ])('refuses %j with a Swedish message and exit code 2', async (args, message) => {
    const result = await solna().run(['due', '--today', '2026-12-05', ...args]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message);
  });

  it('still writes the list when the check finds an error, says so, and exits 1', async () => {
    const p = solna();
    writeFileSync(p.path('strategy/riktlinjer/trasig.md'), '---\nid: trasig\ndokumenttyp: riktlinje\n---\n');
    const result = await p.run(['due', '--today', '2026-12-05']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('7 beslut behövs.');
    expect(result.stderr).toMatch(/^Varning: kontrollen av styrdokumenten hittade \d+ fel, så listan kan vara ofullständig\. Kör styrdok check och rätta felen\.\n$/);
  });
});
