import { describe, expect, it } from 'vitest';
import { project } from './project.js';

describe('--help in Swedish', () => {
  it('styrdok --help lists the commands and exits 0', async () => {
    const p = project();
    for (const flag of ['--help', '-h', 'help']) {
      const result = await p.check([flag]);
      expect(result.code, flag).toBe(0);
      expect(result.stderr).toBe('');
      expect(result.stdout).toMatch(/^styrdok \d+\.\d+\.\d+: styrdokument som kod\n\nAnvändning: styrdok <kommando> \[flaggor\]\n/);
      expect(result.stdout).toContain('Kommandon:');
      expect(result.stdout).toMatch(/^ {2}check +kontrollera styrdokumenten mot schemat och kommunens regler$/m);
      expect(result.stdout).toMatch(/^ {2}rules +lista reglerna$/m);
      expect(result.stdout).toContain('Skriv styrdok <kommando> --help för mer om ett kommando.');
    }
  });

  it('styrdok without a command shows the same help on stderr and exits 2: it is a usage error', async () => {
    const p = project();
    const result = await p.check([]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe((await p.check(['--help'])).stdout);
  });

  it('styrdok check --help describes paths, flags and exit codes, and checks nothing', async () => {
    const p = project(['clean', 'with-error']);
    for (const flag of ['--help', '-h']) {
      const result = await p.check(['check', flag]);
      expect(result.code, flag).toBe(0);
      expect(result.stderr).toBe('');
      expect(result.stdout).toMatch(/^Användning: styrdok check \[sökvägar…\] \[flaggor\]\n/);
      expect(result.stdout).toContain('Utan sökvägar kontrolleras mappen strategy/.');
      for (const option of ['--config FIL', '--today ÅÅÅÅ-MM-DD', '--format FORMAT', '--max-warnings N', '-h, --help']) {
        expect(result.stdout).toContain(option);
      }
      const formats = /--format FORMAT +([^(]+)/.exec(result.stdout)?.[1] ?? '';
      for (const format of ['pretty', 'github', 'json', 'sarif', 'junit']) expect(formats, format).toContain(format);
      expect(result.stdout).toMatch(/Slutkoder: 0 inga fel, 1 fel \(eller för många varningar\), 2 felaktig användning,\s+konfiguration eller internt fel\./);
      // The corpus has errors, so a check would have exited 1.
      expect(result.stdout).not.toContain('problem');
    }
    // --help wins over the other flags, even broken ones.
    expect((await p.check(['check', '--today', '2026-13-01', '--help'])).code).toBe(0);
  });

  it('styrdok rules --help explains the command; styrdok rules lists every rule with its severity', async () => {
    const p = project();
    const help = await p.check(['rules', '--help']);
    expect(help).toEqual({ code: 0, stderr: '', stdout: expect.stringMatching(/^Användning: styrdok rules\n\nListar reglerna som styrdok check kör/) });
    expect(help.stdout).toContain('docs/rules/<regel>.md');

    const rules = await p.check(['rules']);
    expect(rules.code).toBe(0);
    expect(rules.stderr).toBe('');
    expect(rules.stdout).toMatch(/^Regler och deras standardallvarlighet\. Reglernas allvarlighet ändras under regler i konfigurationen;\n/);
    expect(rules.stdout).toContain('är alltid fel');
    const listed = Object.fromEntries(
      rules.stdout
        .split('\n\n')
        .slice(1)
        .join('\n')
        .split('\n')
        .filter((line) => line.trim())
        .map((line) => line.split(/\s{2,}/).slice(0, 2) as [string, string]),
    );
    for (const id of ['file', 'frontmatter', 'yaml', 'schema', 'config', 'adopting-organ', 'decision-record', 'validity', 'revision', 'replacement-authority', 'traceability']) {
      expect(listed[id], id).toBe('fel');
    }
    expect(listed.coverage).toBe('varning');
  });
});
