import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it, onTestFinished } from 'vitest';
import { parse } from 'yaml';
import { abbreviation, diarienummerPattern, forvaltningOf, genitive } from '../../src/authoring/new-kommun.js';
import { CLI, REPO_ROOT, tempProject, type TempProject } from '../helpers/run-cli.js';

const TODAY = '2026-11-25';

interface Organ {
  id: string;
  namn: string;
  typ: string;
  förkortning?: string;
  överordnat?: string;
}

const solna = parse(readFileSync(`${REPO_ROOT}strategy/styrdok.config.yaml`, 'utf8')) as { organ: Organ[]; diarienummer: { exempel: string } };
const SOLNA_NAMNDER = solna.organ.filter((o) => o.typ === 'nämnd').map((o) => o.namn);

function project(): TempProject & { cli(args: string[], input?: string): { code: number | null; stdout: string; stderr: string } } {
  const p = tempProject('styrdok-init-');
  onTestFinished(() => p.dispose());
  const cli = (args: string[], input = '') => {
    const result = spawnSync(process.execPath, [CLI, ...args], { cwd: p.dir, input, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
  };
  return { ...p, cli };
}

describe('a new kommun (new-kommun.ts)', () => {
  it('gives each of Solna stad’s nämnder the short name Solna uses', () => {
    expect(SOLNA_NAMNDER.map(abbreviation)).toEqual(solna.organ.filter((o) => o.typ === 'nämnd').map((o) => o.förkortning));
  });

  it('names the förvaltning of a nämnd, and a kommun in the genitive', () => {
    expect(['Socialnämnden', 'Tekniska nämnden', 'Barn- och utbildningsnämnden', 'Kommunrevisionen'].map(forvaltningOf)).toEqual([
      'Socialförvaltningen',
      'Tekniska förvaltningen',
      'Barn- och utbildningsförvaltningen',
      'Kommunrevisionens förvaltning',
    ]);
    expect(['Solna stad', 'Sollentuna kommun', 'Borås', 'Växjö kommun'].map(genitive)).toEqual(['Solna stads', 'Sollentuna kommuns', 'Borås', 'Växjö kommuns']);
  });

  it.each([
    ['KS/2023:309', ['KS/2023:309', 'BUN/2024:1'], ['KS 2023/309', 'KS/23:309', 'ks/2023:309', 'KS/2023:309 ']],
    ['KS 2023/309', ['KS 2023/309', 'SN 2025/88'], ['KS/2023/309', 'KS 2023:309']],
    ['KS 2023.0309', ['KS 2023.0309', 'TN 2024.12'], ['KS 2023x0309', 'KS 2023/0309']],
    ['Dnr KS-2024-17', ['Dnr KS-2024-17', 'Dnr BUN-2025-3'], ['KS-2024-17', 'Dnr KS 2024 17']],
  ])('makes a pattern of the diarienummer %s that takes the same form and no other', (example, matches, rejects) => {
    const pattern = new RegExp(diarienummerPattern(example), 'u');
    for (const dnr of matches) expect(pattern.test(dnr), dnr).toBe(true);
    for (const dnr of rejects) expect(pattern.test(dnr), dnr).toBe(false);
  });
});

describe('styrdok init', () => {
  it('writes a config for Solna stad with Solna’s organs, which the check takes, and documents made with styrdok new pass', () => {
    const p = project();
    const result = p.cli(['init', '--kommun', 'Solna stad', ...SOLNA_NAMNDER.flatMap((n) => ['--namnd', n]), '--diarienummer', 'KS/2023:309']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Skrev strategy/styrdok.config.yaml för Solna stad: fullmäktige, kommunstyrelsen och 7 nämnder, 8 förvaltningar. Kontrollen godtar den.');
    const written = parse(readFileSync(p.path('strategy/styrdok.config.yaml'), 'utf8')) as { organ: Organ[]; förvaltningar: { id: string; namn: string; nämnd: string; chef: { titel: string } }[]; webbplats: { titel: string } };
    // The organs as Solna's own config has them: ids, names, types, the chain and the short names.
    expect(written.organ).toEqual(solna.organ);
    expect(written.förvaltningar[0]).toMatchObject({ namn: 'Stadsledningsförvaltningen', nämnd: 'kommunstyrelsen', chef: { titel: 'Stadsdirektör' } });
    expect(written.förvaltningar.slice(1).map((f) => f.nämnd)).toEqual(solna.organ.filter((o) => o.typ === 'nämnd').map((o) => o.id));
    expect(written.webbplats.titel).toBe('Solna stads styrdokument');

    const policy = p.cli(['new', '--typ', 'policy', '--titel', 'Trygghetspolicy', '--ansvarig', 'stadsledningsforvaltningen', '--organ', 'kommunfullmaktige', '--datum', '2024-03-18', '--paragraf', '31', '--diarienummer', 'KF/2024:12', '--today', TODAY]);
    expect(policy.code).toBe(0);
    const plan = p.cli(['new', '--typ', 'verksamhetsplan', '--titel', 'Socialnämndens verksamhetsplan 2026', '--ansvarig', 'socialforvaltningen', '--organ', 'socialnamnden', '--namnd', 'socialnamnden', '--ar', '2026', '--datum', '2025-12-10', '--paragraf', '100', '--diarienummer', 'SN/2025:88', '--today', TODAY]);
    expect(plan.code).toBe(0);
    const check = p.cli(['check', '--today', TODAY]);
    expect(check.stdout).toBe('✔ Inga problem i 2 filer.\n');
    expect(check.code).toBe(0);
  });

  it('writes names with commas, colons and quotes so that YAML reads them back as they were', () => {
    const p = project();
    const odd = ['Nämnden för "trygghet", kultur: och fritid', "Överförmyndarnämnden #1 i länet"];
    const result = p.cli(['init', 'kommun', '--kommun', 'Norrvik: kommun & stad', ...odd.flatMap((n) => ['--namnd', n]), '--ledning', 'Kansliet, ledningen', '--chef', 'Chef: kansliet', '--diarienummer', 'KS 2024:5']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const written = parse(readFileSync(p.path('kommun/styrdok.config.yaml'), 'utf8')) as { kommun: string; organ: Organ[]; förvaltningar: { namn: string; chef: { titel: string } }[] };
    expect(written.kommun).toBe('Norrvik: kommun & stad');
    expect(written.organ.slice(2).map((o) => o.namn)).toEqual(odd);
    expect(written.förvaltningar[0]).toMatchObject({ namn: 'Kansliet, ledningen', chef: { titel: 'Chef: kansliet' } });
  });

  it('asks for what the flags do not give, again after an answer it cannot use, and takes the defaults on empty answers', () => {
    const p = project();
    const answers = ['Sollentuna kommun', 'Socialnämnden, Tekniska nämnden, Kommunstyrelsen, Sociala nämnden', '', '', 'dnr 309', 'KS 2023/309', ''].join('\n');
    const result = p.cli(['init'], answers);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Skriv ett diarienummer som kommunen skriver dem, med registrets bokstäver och årtalet, till exempel KS/2023:309 (inte «dnr 309»).');
    const written = parse(readFileSync(p.path('strategy/styrdok.config.yaml'), 'utf8')) as { organ: Organ[]; förvaltningar: { namn: string; chef: { titel: string } }[]; diarienummer: { mönster: string; exempel: string } };
    // Kommunstyrelsen named again is not a second organ; a second SN gets a number.
    expect(written.organ.map((o) => `${o.id} ${o.förkortning}`)).toEqual(['kommunfullmaktige KF', 'kommunstyrelsen KS', 'socialnamnden SN', 'tekniska-namnden TN', 'sociala-namnden SN2']);
    expect(written.förvaltningar.map((f) => f.namn)).toEqual(['Kommunledningskontoret', 'Socialförvaltningen', 'Tekniska förvaltningen', 'Sociala förvaltningen']);
    expect(written.förvaltningar[0]!.chef.titel).toBe('Kommundirektör');
    expect(written.diarienummer).toEqual({ mönster: '^[A-ZÅÄÖ]+ \\d{4}/\\d+$', exempel: 'KS 2023/309' });
  });

  it('never writes over a config, and says a missing answer is missing', () => {
    const p = project();
    p.cli(['init', '--kommun', 'Solna stad', '--diarienummer', 'KS/2023:309']);
    const file = p.path('strategy/styrdok.config.yaml');
    writeFileSync(file, readFileSync(file, 'utf8') + '# egen rad\n');
    const before = readFileSync(file, 'utf8');
    const again = p.cli(['init', '--kommun', 'Solna stad', '--diarienummer', 'KS/2023:309']);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('strategy/styrdok.config.yaml finns redan, och init skriver aldrig över en konfiguration.');
    expect(readFileSync(file, 'utf8')).toBe(before);

    const nameless = p.cli(['init', 'annan', '--kommun', 'Solna stad', '--namnd', '§ 12', '--diarienummer', 'KS/2023:309']);
    expect(nameless.code).toBe(2);
    expect(nameless.stderr).toContain('--namnd: Nämndens namn ska innehålla bokstäver, inte bara «§ 12».');
    expect(existsSync(p.path('annan/styrdok.config.yaml'))).toBe(false);

    const missing = p.cli(['init', 'annan', '--kommun', 'Solna stad']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('Svaret på «diarienumret» saknas: indata tog slut. Ange det som flagga (se styrdok init --help) eller svara på frågan.');
    expect(existsSync(p.path('annan/styrdok.config.yaml'))).toBe(false);
  });
});
