import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { snapshotTree, tempProject } from './helpers/run-cli.js';

/**
 * The second kommun: Sollentuna, from config alone. Its own organs and förvaltningar ("kontor"), diarienummer
 * written KS 2023/0412, strategier adopted by kommunfullmäktige, a samverkansöverenskommelse with the police
 * whose four fokusområden (seeds/002) the nämnder's goals trace to, and documents in styrdokument/ rather than
 * strategy/. Each test checks a temporary copy of test/fixtures/sollentuna/.
 */
vi.setConfig({ testTimeout: 60_000 });

const FIXTURE = fileURLToPath(new URL('./fixtures/sollentuna/', import.meta.url));
const AGREEMENT = 'styrdokument/overenskommelser/samverkansoverenskommelse-polisen-2023-2026.md';
const STRATEGI = 'styrdokument/strategier/strategi-tryggt-sollentuna-2023-2026.md';
const RUTIN = 'styrdokument/rutiner/rutin-effektiv-samordning-for-trygghet.md';
const VP_SN = 'styrdokument/verksamhetsplaner/2026/verksamhetsplan-2026-socialnamnden.md';
const VP_TN = 'styrdokument/verksamhetsplaner/2026/verksamhetsplan-2026-tekniska-namnden.md';
const VP_UN = 'styrdokument/verksamhetsplaner/2026/verksamhetsplan-2026-utbildningsnamnden.md';

type Finding = { file: string; line: number; column: number; ruleId: string; severity: 'error' | 'warning'; message: string };

/** A temporary copy of the Sollentuna fixture, with `edits` applied: [file, from, to], `from` occurring exactly once. */
function sollentuna(edits: [file: string, from: string, to: string][] = []) {
  const p = tempProject('styrdok-sollentuna-');
  onTestFinished(() => p.dispose());
  cpSync(FIXTURE, p.dir, { recursive: true });
  for (const [file, from, to] of edits) {
    const text = readFileSync(p.path(file), 'utf8');
    expect(text.split(from), `«${from}» occurs once in ${file}`).toHaveLength(2);
    writeFileSync(p.path(file), text.replace(from, to));
  }
  const check = async (today: string) => {
    const before = snapshotTree(p.dir);
    const result = await p.run(['check', 'styrdokument', '--today', today, '--format', 'json']);
    expect(snapshotTree(p.dir)).toEqual(before);
    expect(result.stderr).toBe('');
    const results = JSON.parse(result.stdout) as { filePath: string; messages: { line: number; column: number; ruleId: string; severity: 1 | 2; message: string }[] }[];
    const files = results.map((r) => path.relative(p.dir, r.filePath));
    const findings: Finding[] = results.flatMap((r) =>
      r.messages.map((m): Finding => ({ file: path.relative(p.dir, r.filePath), line: m.line, column: m.column, ruleId: m.ruleId, severity: m.severity === 2 ? 'error' : 'warning', message: m.message })),
    );
    return { code: result.code, files, findings };
  };
  return { p, check };
}

const UNCOVERED: Finding = {
  file: STRATEGI,
  line: 26,
  column: 5,
  ruleId: 'coverage',
  severity: 'warning',
  message:
    'Inget nämndmål för 2026 bidrar till inriktningen «Öka invånarnas delaktighet i trygghetsarbetet genom trygghetsvandringar och m…» (invanarnas-delaktighet). Se över om någon nämnd bör sätta ett mål för det.',
};

describe('Sollentuna kommun, from config alone', () => {
  it('passes with exactly the findings expected: one strategi point that no nämnd goal covers', async () => {
    const { check } = sollentuna();
    const result = await check('2026-03-16');
    expect(result.files).toEqual([AGREEMENT, RUTIN, STRATEGI, VP_SN, VP_TN, VP_UN]);
    // All four fokusområden of the agreement, and two of the strategi's three points, are covered by the
    // 2026 plans of socialnämnden, utbildningsnämnden and tekniska nämnden. The strategi's action gives no
    // prioritet, which Sollentuna's rules do not ask for.
    expect(result).toMatchObject({ code: 0, findings: [UNCOVERED] });
  });

  it("uses Sollentuna's revision grace period (180 days) when the new mandatperiod begins", async () => {
    const { check } = sollentuna();
    expect(await check('2026-10-15')).toMatchObject({
      code: 0,
      findings: [
        {
          file: STRATEGI,
          line: 16,
          column: 1,
          ruleId: 'revision',
          severity: 'warning',
          message: 'Dokumentet ska revideras under den nya mandatperioden 2026–2030, som började 15 oktober 2026. Revidera det senast 13 april 2027.',
        },
        UNCOVERED,
      ],
    });
  });

  it("reports a Solna-format diarienummer (KS/2023:309) as an error, with Sollentuna's example", async () => {
    const { check } = sollentuna([[AGREEMENT, 'diarienummer: KS 2023/0412', 'diarienummer: KS/2023:309']]);
    expect(await check('2026-03-16')).toMatchObject({
      code: 1,
      findings: [
        {
          file: AGREEMENT,
          line: 11,
          column: 3,
          ruleId: 'decision-record',
          severity: 'error',
          message: 'Diarienumret «KS/2023:309» har inte kommunens format. Skriv det som i diariet, till exempel KS 2023/0412.',
        },
        UNCOVERED,
      ],
    });
  });

  it("names Sollentuna's organs in its messages and applies its own type rules", async () => {
    const { check } = sollentuna([
      // Solna lets kommunstyrelsen adopt a strategi; Sollentuna's config says kommunfullmäktige.
      [STRATEGI, 'beslutande_organ: kommunfullmaktige', 'beslutande_organ: kommunstyrelsen'],
      // Sollentuna's strategier must say when each action is done.
      [STRATEGI, '    klart: löpande\n', ''],
      [VP_TN, 'beslutande_organ: tekniska-namnden', 'beslutande_organ: kommunstyrelsen'],
      // Solna's nämnd and förvaltning do not exist here.
      [VP_UN, 'beslutande_organ: utbildningsnamnden', 'beslutande_organ: barn-och-utbildningsnamnden'],
      [VP_SN, 'dokumentansvarig: socialkontoret', 'dokumentansvarig: socialforvaltningen'],
    ]);
    const result = await check('2026-03-16');
    expect(result.code).toBe(1);
    expect(result.findings.map((f) => [f.file, f.ruleId, f.message])).toEqual([
      [STRATEGI, 'adopting-organ', 'En strategi antas av kommunfullmäktige, inte av kommunstyrelsen. Ändra beslutande organ, eller dokumenttypen om dokumentet är av en annan sort.'],
      [STRATEGI, 'coverage', UNCOVERED.message],
      [STRATEGI, 'strategy-actions', 'Åtgärden «lagesbild» anger inte när den ska vara genomförd (klart). Sollentuna kommuns regler kräver det av varje åtgärd.'],
      [VP_SN, 'owner', 'Dokumentansvarig «socialforvaltningen» är ingen förvaltning i styrdok.config.yaml. Ange förvaltningen som äger dokumentet.'],
      [VP_TN, 'adopting-organ', 'En verksamhetsplan antas av tekniska nämnden, inte av kommunstyrelsen. Ändra beslutande organ, eller dokumenttypen om dokumentet är av en annan sort.'],
      [VP_UN, 'adopting-organ', 'Okänt beslutande organ «barn-och-utbildningsnamnden». Menade du «utbildningsnamnden»? Giltiga organ och chefer står i styrdok.config.yaml.'],
    ]);
  });

  it('traces nämnd goals to the agreement: without the agreement in force, its focus areas count for nothing', async () => {
    // The agreement ends 2025-12-31 instead: the 2026 goals that trace only to it are reported.
    const { check } = sollentuna([[AGREEMENT, 'till: 2026-12-31', 'till: 2025-12-31']]);
    const result = await check('2026-03-16');
    expect(result.code).toBe(1);
    expect(result.findings.filter((f) => f.ruleId === 'traceability').map((f) => [f.file, f.message])).toEqual([
      [VP_SN, 'Målet «farre-utsatta-for-vald» bidrar bara till «samverkansoverenskommelse-polisen-2023-2026», som inte gäller under 2026. Koppla målet till en strategi som gäller 2026.'],
      [VP_SN, 'Målet «avhoppare» bidrar bara till «samverkansoverenskommelse-polisen-2023-2026», som inte gäller under 2026. Koppla målet till en strategi som gäller 2026.'],
      [VP_SN, 'Målet «valfardsbrott» bidrar bara till «samverkansoverenskommelse-polisen-2023-2026», som inte gäller under 2026. Koppla målet till en strategi som gäller 2026.'],
      [VP_TN, 'Målet «trygg-offentlig-miljo» bidrar bara till «samverkansoverenskommelse-polisen-2023-2026», som inte gäller under 2026. Koppla målet till en strategi som gäller 2026.'],
    ]);
    // The utbildningsnämnd goal also traces to the strategi, which is in force: not reported.
    expect(result.findings.some((f) => f.file === VP_UN && f.ruleId === 'traceability')).toBe(false);
  });

  // The traceability message's example comes from the kommun's own corpus, never from Solna's.
  it('a goal without bidrar_till gets an example that exists in Sollentuna, not a Solna document', async () => {
    const { check } = sollentuna([[VP_SN, '    bidrar_till:\n      - samverkansoverenskommelse-polisen-2023-2026#brott-i-nara-relation\n', '']]);
    const finding = (await check('2026-03-16')).findings.find((f) => f.ruleId === 'traceability');
    expect(finding?.message).toMatch(/^Målet «farre-utsatta-for-vald» är inte kopplat till någon strategi\./);
    expect(finding?.message).not.toContain('trygghetsstrategi-2024-2026');
  });

  // Schema descriptions are kommun-neutral: the format belongs to every kommun.
  it("a diarienummer of the wrong type is explained with Sollentuna's example, not Solna's", async () => {
    const { check } = sollentuna([[AGREEMENT, 'diarienummer: KS 2023/0412', 'diarienummer: 20230412']]);
    const finding = (await check('2026-03-16')).findings.find((f) => f.ruleId === 'schema');
    expect(finding?.message).toMatch(/^«diarienummer» ska vara text, men är 20230412\./);
    expect(finding?.message).not.toContain('KS/2023:309');
  });
});
