import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { copyInto, REPO_ROOT, runCli, snapshotTree, tempProject } from './helpers/run-cli.js';

/**
 * The bundled corpus, strategy/ with Solna stad's config, checked in place (read-only) on 2026-11-25: six weeks
 * into the 2026–2030 mandatperiod, five weeks before the 2024–2026 agreements end, after the delårsrapport
 * deadline (30 September). The list below was reviewed by hand against the documents:
 *
 * - trygghetsstrategi-2024-2026 is a strategi (time-limited in Solna's rules) that says "tills vidare" (validity);
 *   it was decided 2023-12-18 with revisionsdatum "ny mandatperiod", so its revision is due since 2026-10-15,
 *   deadline 2027-10-15 (revision); kommunstyrelsen adopted it, and it replaces trygghetspolicy, which
 *   kommunfullmäktige adopted (replacement-authority, a warning in Solna's config);
 * - four of its delområden have no 2026 nämnd goal: arbetsmarknadsinsatser, valfardsbrottslighet,
 *   ungdomsmottagningen, trygga-evenemang (coverage; every other inriktning point and delområde is named in
 *   some 2026 plan's bidrar_till; byggnads- och miljönämnden's goal for olovliga-bosattningar has no indicators
 *   and is followed up with the nämnd's bedömning, which no rule asks for);
 * - the åtgärdsplan, the IOP and the samverkansöverenskommelse end 2026-12-31, 36 days later, within the
 *   90-day warning (validity);
 * - omvårdnadsnämnden's 2026 indicator trygg-med-hemtjanst has no 2026-delår outcome (report-deadline).
 * The policy (replaced) and the 2021 inriktning (ended 2023-12-31) are not in force and have no findings.
 */
vi.setConfig({ testTimeout: 60_000 });

const STRATEGY = path.join(REPO_ROOT, 'strategy');
const TRYGGHETSSTRATEGI = 'strategy/strategier/trygghetsstrategi-2024-2026.md';

interface SarifResult {
  ruleId: string;
  level: 'error' | 'warning';
  message: { text: string };
  locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }[];
  relatedLocations?: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } }; message: { text: string } }[];
}

async function checkBundledCorpus() {
  const before = snapshotTree(STRATEGY);
  const result = await runCli(['check', 'strategy', '--today', '2026-11-25', '--format', 'sarif'], { cwd: REPO_ROOT });
  expect(snapshotTree(STRATEGY), 'the check must not write into strategy/').toEqual(before);
  expect(result.stderr).toBe('');
  const run = JSON.parse(result.stdout).runs[0];
  const base = run.originalUriBaseIds['%SRCROOT%'].uri as string;
  const file = (uri: string) => path.relative(REPO_ROOT, fileURLToPath(new URL(uri, base))).split(path.sep).join('/');
  const findings = (run.results as SarifResult[]).map((r) => {
    const { artifactLocation, region } = r.locations[0]!.physicalLocation;
    return {
      file: file(artifactLocation.uri),
      line: region.startLine,
      column: region.startColumn,
      ruleId: r.ruleId,
      severity: r.level,
      message: r.message.text,
      related: (r.relatedLocations ?? []).map((l) => `${file(l.physicalLocation.artifactLocation.uri)}:${l.physicalLocation.region.startLine} ${l.message.text}`),
    };
  });
  return { code: result.code, findings };
}

describe('the bundled corpus (strategy/) on 2026-11-25', () => {
  it('yields exactly the findings expected of it, none of them errors (exit 0)', async () => {
    const { code, findings } = await checkBundledCorpus();
    expect(code).toBe(0);
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(findings.map((f) => `${f.file}:${f.line} ${f.ruleId} ${f.severity}`).join('\n')).toMatchInlineSnapshot(`
      "strategy/overenskommelser/atgardsplan-trygghet-2024-2026.md:15 validity warning
      strategy/overenskommelser/iop-stiftelsen-tryggare-sverige.md:15 validity warning
      strategy/overenskommelser/samverkansoverenskommelse-lokalpolisomrade-solna.md:15 validity warning
      strategy/strategier/trygghetsstrategi-2024-2026.md:15 validity warning
      strategy/strategier/trygghetsstrategi-2024-2026.md:16 revision warning
      strategy/strategier/trygghetsstrategi-2024-2026.md:19 replacement-authority warning
      strategy/strategier/trygghetsstrategi-2024-2026.md:64 coverage warning
      strategy/strategier/trygghetsstrategi-2024-2026.md:70 coverage warning
      strategy/strategier/trygghetsstrategi-2024-2026.md:87 coverage warning
      strategy/strategier/trygghetsstrategi-2024-2026.md:110 coverage warning
      strategy/verksamhetsplaner/2026/verksamhetsplan-2026-omvardnadsnamnden.md:95 report-deadline warning"
    `);
    const uncovered = findings.filter((f) => f.ruleId === 'coverage').map((f) => /\(([a-z-]+)\)\. Se över/.exec(f.message)?.[1]);
    expect(uncovered).toEqual(['arbetsmarknadsinsatser', 'valfardsbrottslighet', 'ungdomsmottagningen', 'trygga-evenemang']);
  });

  it('is already as check --fix writes it: a clerk who runs it on the sample gets no changes to review', async () => {
    const project = tempProject('styrdok-corpus-fix-');
    try {
      copyInto(project, STRATEGY);
      const before = project.snapshot();
      const result = await project.run(['check', 'strategy', '--fix', '--today', '2026-11-25']);
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout + result.stderr).toContain('inget att rätta automatiskt');
      expect(project.snapshot()).toEqual(before);
    } finally {
      project.dispose();
    }
  });

  it('includes the real findings in the Trygghetsstrategi', async () => {
    const { findings } = await checkBundledCorpus();
    const inStrategy = findings.filter((f) => f.file === TRYGGHETSSTRATEGI);
    // "Giltighetstid: Tills vidare" on a strategi, which Solna's rules say is time-limited.
    expect(inStrategy).toContainEqual({
      file: TRYGGHETSSTRATEGI,
      line: 15,
      column: 3,
      ruleId: 'validity',
      severity: 'warning',
      message: 'En strategi ska gälla en begränsad period, till exempel en mandatperiod, men gäller tills vidare. Ange ett slutdatum i giltighetstid.till.',
      related: [],
    });
    // "Revisionsdatum: Ny mandatperiod", decided 2023-12-18: due since the 2026–2030 mandatperiod began.
    expect(inStrategy).toContainEqual({
      file: TRYGGHETSSTRATEGI,
      line: 16,
      column: 1,
      ruleId: 'revision',
      severity: 'warning',
      message: 'Dokumentet ska revideras under den nya mandatperioden 2026–2030, som började 15 oktober 2026. Revidera det senast 15 oktober 2027.',
      related: [],
    });
    // Kommunstyrelsen replaces kommunfullmäktige's Trygghetspolicy: a warning, as Solna's config sets it.
    expect(inStrategy).toContainEqual({
      file: TRYGGHETSSTRATEGI,
      line: 19,
      column: 5,
      ruleId: 'replacement-authority',
      severity: 'warning',
      message:
        '«trygghetspolicy» antogs av kommunfullmäktige, men ersätts här av kommunstyrelsen, som inte står över det organet. Låt kommunfullmäktige upphäva dokumentet (upphävd i dess frontmatter) eller fatta beslutet.',
      related: ['strategy/policyer/trygghetspolicy.md:7 Organet som antog dokumentet'],
    });
  });
});
