import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { authoringProject, REPO_ROOT, startCli } from './helpers.js';

vi.setConfig({ testTimeout: 90_000 });

describe('styrdok explain', () => {
  it('prints the documentation of every rule that styrdok rules lists', () => {
    const p = authoringProject();
    const rules = p.runWith(['rules']);
    const ids = rules.stdout
      .split('\n')
      // The listing: an id, the severity in Swedish, the description; the introduction above it has none.
      .map((line) => /^([a-z-]+) +(fel|varning) +\S/.exec(line)?.[1])
      .filter((id): id is string => Boolean(id));
    expect(ids).toEqual(expect.arrayContaining(['file', 'config', 'validity', 'body-links']));
    for (const id of ids) {
      const result = p.runWith(['explain', id]);
      expect(result.code, id).toBe(0);
      const doc = path.join(REPO_ROOT, 'docs/rules', `${id}.md`);
      if (existsSync(doc)) expect(result.stdout).toBe(readFileSync(doc, 'utf8').replace(/\n?$/, '\n'));
      else expect(result.stdout).toMatch(new RegExp(`^${id}: .+\\n\\nRegeln har ännu ingen dokumentation \\(docs/rules/${id}\\.md saknas\\)\\.\\n$`));
    }
  });

  it('answers an unknown rule with "Menade du …?" and exit 2', () => {
    const p = authoringProject();
    const result = p.runWith(['explain', 'validty']);
    expect(result).toEqual({ code: 2, stdout: '', stderr: 'Okänd regel «validty». Menade du «validity»? Se styrdok rules för alla regler.\n' });
    expect(p.runWith(['explain']).code).toBe(2);
    const help = p.runWith(['explain', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Användning: styrdok explain REGEL\n/);
  });
});

describe('styrdok check --watch', () => {
  it('checks, then checks again when a document is saved, showing the new finding, until it is stopped', async () => {
    const p = authoringProject();
    const watcher = startCli(['check', '--watch', 'strategy', '--today', '2026-11-25'], p.dir);
    await watcher.waitFor(/Bevakar ändringar\. Avsluta med Ctrl\+C\./);
    expect(watcher.stdout).toContain('Inga problem i 2 filer');

    const file = p.path('strategy/policyer/trygghetspolicy.md');
    const mark = watcher.mark();
    writeFileSync(file, readFileSync(file, 'utf8').replace('dokumentansvarig: stadsledningsforvaltningen', 'dokumentansvarig: stadsledningsförvaltningen'));
    await watcher.waitFor(/Bevakar ändringar/, mark);
    const round = watcher.stdout.slice(mark);
    expect(round).toContain('Ändrat: strategy/policyer/trygghetspolicy.md. Kontrollerar igen…');
    expect(round).toContain('Dokumentansvarig «stadsledningsförvaltningen» är ingen förvaltning');
    expect(round).toContain('Menade du «stadsledningsforvaltningen»?');

    // Saving the fix clears the finding again.
    const second = watcher.mark();
    writeFileSync(file, readFileSync(file, 'utf8').replace('stadsledningsförvaltningen', 'stadsledningsforvaltningen'));
    await watcher.waitFor(/Inga problem i 2 filer[\s\S]*Bevakar ändringar/, second);

    watcher.child.kill('SIGTERM');
    expect(await watcher.exited).toBe(0);
    expect(watcher.stdout).toContain('Bevakningen avslutad.');
    expect(watcher.stderr).toBe('');
  });

  it('with --site rebuilds the site after each check (npm run site)', async () => {
    const p = authoringProject();
    // A stand-in for the real site build: records each build in a file.
    writeFileSync(p.path('package.json'), JSON.stringify({ name: 'x', private: true, scripts: { site: 'node -e "require(\'fs\').appendFileSync(\'byggen.txt\', \'bygge\\n\')"' } }));
    const watcher = startCli(['check', '--watch', '--site', 'strategy'], p.dir);
    await watcher.waitFor(/Webbplatsen är ombyggd\.[\s\S]*Bevakar ändringar/);
    const mark = watcher.mark();
    const file = p.path('strategy/riktlinjer/riktlinje-kamerabevakning.md');
    writeFileSync(file, readFileSync(file, 'utf8') + '\nEn rad till.\n');
    await watcher.waitFor(/Webbplatsen är ombyggd\.[\s\S]*Bevakar ändringar/, mark);
    watcher.child.kill('SIGTERM');
    await watcher.exited;
    expect(readFileSync(p.path('byggen.txt'), 'utf8')).toBe('bygge\nbygge\n');
  });

  it('refuses --site without --watch, and --fix with --watch', () => {
    const p = authoringProject();
    expect(p.runWith(['check', '--site']).code).toBe(2);
    const both = p.runWith(['check', '--watch', '--fix']);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('--fix och --watch går inte att kombinera');
  });
});
