import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { tempProject } from '../helpers/run-cli.js';
import { FIXTURES, project } from './project.js';

const CONFIG = readFileSync(path.join(FIXTURES, 'styrdok.config.yaml'), 'utf8');

/** The fixture config with `from` replaced by `to` (which must occur exactly once). */
function edited(from: string, to: string): string {
  expect(CONFIG.split(from), `«${from}» occurs once in the fixture config`).toHaveLength(2);
  return CONFIG.replace(from, to);
}

/** 1-based line of the first line containing `text` in `source`. */
function lineOf(source: string, text: string): number {
  return source.split('\n').findIndex((line) => line.includes(text)) + 1;
}

/** Config errors exit 2, print nothing on stdout, and name the file and the line:column of each fault on stderr. */
function expectConfigError(result: { code: number | null; stdout: string; stderr: string }, file: string, at: string, message: string) {
  expect(result.code).toBe(2);
  expect(result.stdout).toBe('');
  expect(result.stderr.startsWith('Konfigurationen är felaktig:\n')).toBe(true);
  const lines = result.stderr.split('\n');
  const header = lines.indexOf(file);
  expect(header, `a line with just ${file} in:\n${result.stderr}`).toBeGreaterThan(0);
  const finding = lines.slice(header + 1).find((line) => line.trimStart().startsWith(`${at} `));
  expect(finding, `a finding at ${at} under ${file} in:\n${result.stderr}`).toBeDefined();
  expect(finding).toMatch(new RegExp(`^ +${at} +fel +${message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}.* config$`));
}

describe('config problems exit 2', () => {
  it('a missing styrdok.config.yaml', async () => {
    // The search goes up from the checked folder; make sure no stray config above the temp folder answers it.
    for (let dir = os.tmpdir(); ; dir = path.dirname(dir)) {
      expect(existsSync(path.join(dir, 'styrdok.config.yaml')), `${dir}/styrdok.config.yaml must not exist for this test`).toBe(false);
      if (path.dirname(dir) === dir) break;
    }
    const p = project(['clean'], { config: false });
    const result = await p.check(['check', '--today', '2025-06-01']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('Hittar ingen styrdok.config.yaml i mappen eller mapparna ovanför. Skapa en, eller ange den med --config.');
  });

  it('run in a folder with neither a corpus nor a config, says so and where to run from, not a missing config at a folder that is not there', async () => {
    const empty = tempProject();
    onTestFinished(() => empty.dispose());
    const told = (command: string) => ({
      code: 2,
      stdout: '',
      stderr: `Här finns ingen mapp strategy med styrdokument och ingen styrdok.config.yaml, varken i den här mappen eller i mapparna ovanför. Kör styrdok i projektets mapp, eller ange mappen med styrdokumenten: styrdok ${command} <mapp>.\n`,
    });
    expect(await empty.run(['check'])).toEqual(told('check'));
    expect(await empty.run(['check', '--watch'])).toEqual(told('check'));
    expect(await empty.run(['report', '--period', '2026'])).toEqual(told('report'));
    expect(await empty.run(['confirm', 'verksamhetsplan-2026-socialnamnden'])).toEqual(told('confirm <plan>'));
  });

  it('a --config file that does not exist', async () => {
    const p = project(['clean']);
    const result = await p.check(['check', '--today', '2025-06-01', '--config', 'finns-inte.yaml']);
    expectConfigError(result, 'finns-inte.yaml', '1:1', 'Konfigurationsfilen finns-inte.yaml kunde inte läsas.');
  });

  it('broken YAML: tab indentation, at its line and column', async () => {
    const p = project(['clean']);
    const text = edited('  längd_år: 4', '\tlängd_år: 4');
    p.write('styrdok.config.yaml', text);
    const result = await p.check(['check', '--today', '2025-06-01']);
    expectConfigError(result, 'styrdok.config.yaml', `${lineOf(text, '\tlängd_år')}:1`, 'Tabbtecken används som indrag.');
  });

  it('a value of the wrong type, at its key', async () => {
    const p = project(['clean']);
    const text = edited('  längd_år: 4', '  längd_år: fyra');
    p.write('styrdok.config.yaml', text);
    expectConfigError(await p.check(['check']), 'styrdok.config.yaml', `${lineOf(text, 'längd_år: fyra')}:3`, '«längd_år» ska vara ett heltal, men är «fyra».');
  });

  it('an unknown organ under a förvaltning and a diarienummer pattern that is no regular expression', async () => {
    const p = project(['clean']);
    const text = edited('nämnd: socialnamnden', 'nämnd: socialnämnden').replace('mönster: "^(', 'mönster: "^((');
    p.write('styrdok.config.yaml', text);
    const result = await p.check(['check']);
    expectConfigError(result, 'styrdok.config.yaml', `${lineOf(text, 'nämnd: socialnämnden')}:5`, 'Organet «socialnämnden» finns inte bland organen.');
    expectConfigError(result, 'styrdok.config.yaml', `${lineOf(text, 'mönster:')}:3`, 'Mönstret för diarienummer är inget giltigt reguljärt uttryck.');
  });

  it('a misspelt rule under regler, with a suggestion', async () => {
    const p = project(['clean']);
    const text = `${CONFIG}regler:\n  replacement-autority: warning\n`;
    p.write('styrdok.config.yaml', text);
    expectConfigError(await p.check(['check']), 'styrdok.config.yaml', `${lineOf(text, 'replacement-autority')}:3`, 'Det finns ingen regel som heter «replacement-autority». Menade du «replacement-authority»?');
  });

  it('a broken --config file elsewhere is named by its path from the working directory', async () => {
    const p = project(['clean']);
    p.write('konfiguration/vår kommun.yaml', edited('  start: "10-15"', '  start: "15 oktober"'));
    const result = await p.check(['check', '--config', 'konfiguration/vår kommun.yaml']);
    expectConfigError(result, 'konfiguration/vår kommun.yaml', `${lineOf(CONFIG, '  start: "10-15"')}:3`, '«15 oktober» har fel form för «start».');
  });
});

describe('a broken configuration does not hide the documents\' own errors', () => {
  it('pretty: both on stderr, the documents\' after the configuration\'s, and the rules not run', async () => {
    const p = project(['clean', 'broken-yaml']);
    p.write('styrdok.config.yaml', edited('  längd_år: 4', '  längd_år: fyra'));
    const result = await p.check(['check', '--today', '2025-06-01']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    const [config = '', documents = ''] = result.stderr.split('Reglerna kördes inte, eftersom de behöver konfigurationen; här är styrdokumentens egna fel (fil, YAML och schema):\n');
    expect(config).toMatch(/^Konfigurationen är felaktig:\nstyrdok\.config\.yaml\n.*«längd_år» ska vara ett heltal/);
    expect(documents).toMatch(/^strategy\/\S+\.md\n\s+\d+:\d+\s+fel\s+.*\s(yaml|frontmatter)\n/);
  });

  it('github: every finding as an annotation on stdout, the configuration\'s line too, so the pull request shows it', async () => {
    const p = project(['clean', 'broken-yaml']);
    const text = edited('  längd_år: 4', '  längd_år: fyra');
    p.write('styrdok.config.yaml', text);
    const result = await p.check(['check', '--today', '2025-06-01', '--format', 'github']);
    expect(result.code).toBe(2);
    expect(result.stdout).toContain(`::error file=styrdok.config.yaml,line=${lineOf(text, 'längd_år: fyra')},col=3`);
    expect(result.stdout).toMatch(/^::error file=strategy\/\S+\.md,line=\d+,col=\d+.*title=(yaml|frontmatter)::/m);
    expect(result.stderr).toBe('Konfigurationen är felaktig, så reglerna kördes inte. Fynden i konfigurationen och styrdokumentens egna fel står i rapporten.\n');
    // SARIF lists the rules that ran: the checks that need no configuration.
    const sarif = JSON.parse((await p.check(['check', '--today', '2025-06-01', '--format', 'sarif'])).stdout) as { runs: { tool: { driver: { rules: { id: string }[] } } }[] };
    expect(sarif.runs[0]!.tool.driver.rules.map((r) => r.id).sort()).toEqual(['config', 'file', 'frontmatter', 'schema', 'yaml']);
  });
});

describe('--config', () => {
  it('uses the given file instead of looking for styrdok.config.yaml', async () => {
    const p = project(['clean'], { config: false });
    p.write('konfiguration/vår kommun.yaml', CONFIG);
    expect(await p.check(['check', '--today', '2025-06-01', '--config', 'konfiguration/vår kommun.yaml'])).toEqual({ code: 0, stdout: '✔ Inga problem i 4 filer.\n', stderr: '' });
    expect((await p.check(['check', '--today', '2025-06-01', `--config=${p.path('konfiguration', 'vår kommun.yaml')}`])).code).toBe(0);
  });

  it('findings follow the config: rules can be turned off or made warnings', async () => {
    const p = project(['clean', 'with-error']);
    p.write('styrdok.config.yaml', `${CONFIG}regler:\n  decision-record: warning\n  hierarchy: "off"\n`);
    const result = await p.check(['check', '--today', '2025-06-01']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('✖ 1 problem (0 fel, 1 varning) i 1 fil av 5 kontrollerade.');
    expect(result.stdout).toMatch(/ 9:3 +varning +Diarienumret «KS 2025\/12» har inte kommunens format\./);
  });
});
