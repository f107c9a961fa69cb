import { describe, expect, it } from 'vitest';
import { checkProject, ConfigError } from '../../src/engine/load-project.js';
import { check, CONFIG_TEXT, configDiagnostics, lines, md, writeCorpus } from './helpers.js';

const minimal = md`
  kommun: Solna stad
  organ:
    - { id: kommunfullmaktige, namn: Kommunfullmäktige, typ: fullmäktige, förkortning: KF }
    - { id: kommunstyrelsen, namn: Kommunstyrelsen, typ: styrelse, överordnat: kommunfullmaktige, förkortning: KS }
  förvaltningar:
    - id: stadsledningsforvaltningen
      namn: Stadsledningsförvaltningen
      nämnd: kommunstyrelsen
      chef: { id: stadsdirektoren, titel: Stadsdirektör }
  dokumenttyper:
    policy: { namn: Policy, plural: Policyer, nivå: 1, beslutas_av: [kommunfullmaktige], giltighet: tills_vidare }
    anvisning: { namn: Anvisning, plural: Anvisningar, nivå: 4, beslutas_av: [förvaltningschef] }
  mandatperiod: { valår: 2022, längd_år: 4, start: "10-15", start_år_efter_val: 0, revision_frist_dagar: 365 }
  diarienummer: { mönster: "^(KF|KS)/\\d{4}:\\d+$", exempel: KS/2023:309 }
`;

const shown = (config: string) => lines(configDiagnostics(config));

describe('config', () => {
  it('accepts the example kommun’s config and a minimal one', () => {
    expect(lines(check({ 'strategy/.gitkeep': '' }, { config: CONFIG_TEXT }))).toEqual([]);
    expect(lines(check({ 'strategy/.gitkeep': '' }, { config: minimal }))).toEqual([]);
  });

  it('reports a config that is not valid YAML, and checks nothing else', () => {
    expect(shown(minimal.replace('kommun: Solna stad', 'kommun: Solna stad\nkommun: Sundbyberg'))).toEqual([
      'styrdok.config.yaml:2:1 error config Nyckeln finns redan tidigare i samma avsnitt. Ta bort en av dem, eller slå ihop värdena.',
    ]);
  });

  it('names a hidden character in the config as in a document: a hard space after a colon, a zero-width space in an id', () => {
    const [broken] = shown(minimal.replace('kommun: Solna stad', 'kommun:\u00a0Solna stad'));
    expect(broken).toMatch(/^styrdok\.config\.yaml:1:8 error config .*På raden står ett dolt tecken, hårt blanksteg \(U\+00A0\), på kolumn 8\./);
    expect(shown(minimal.replace('nämnd: kommunstyrelsen', 'nämnd: kommunstyrelsen\u200b')).join('\n')).toContain('«kommunstyrelsen<U+200B>»');
  });

  it('reports schema errors at the key: unknown keys with a suggestion, missing keys, wrong types', () => {
    expect(shown(`${minimal}varning_dagar_fore_slut: 30\n`)).toEqual([
      'styrdok.config.yaml:15:1 error config Okänd nyckel «varning_dagar_fore_slut». Menade du «varning_dagar_före_slut»?',
    ]);
    expect(shown(minimal.replace(/diarienummer: .*\n/, ''))).toEqual(['styrdok.config.yaml:1:1 error config Nyckeln «diarienummer» saknas. Lägg till den.']);
    expect(shown(minimal.replace('valår: 2022', 'valår: "2022"'))).toEqual([
      'styrdok.config.yaml:13:17 error config «valår» ska vara ett heltal, men är «2022». Ett känt valår, till exempel 2022.',
    ]);
  });

  it('reports an unknown dokumenttyp at its key, once, with a suggestion', () => {
    expect(shown(minimal.replace('  anvisning: {', '  anvisningar: {'))).toEqual([
      'styrdok.config.yaml:12:3 error config Okänd nyckel «anvisningar». Menade du «anvisning»? Tillåtna: policy, strategi, riktlinje, anvisning, rutin, åtgärdsplan, överenskommelse, iop, verksamhetsplan.',
    ]);
  });

  it('reports an id used twice among organ, förvaltningar and chefer', () => {
    const config = CONFIG_TEXT.replace('{ id: socialnamnden, namn: Socialnämnden', '{ id: tekniska-namnden, namn: Socialnämnden').replace('nämnd: socialnamnden', 'nämnd: tekniska-namnden');
    expect(shown(config)).toEqual([
      'styrdok.config.yaml:10:7 error config Id «tekniska-namnden» används mer än en gång bland organ, förvaltningar och chefer. Ge var och en ett eget id.',
    ]);
  });

  it('reports a misspelt rule or severity under regler', () => {
    expect(shown(`${minimal}regler:\n  adoptng-organ: warning\n`)).toEqual([
      'styrdok.config.yaml:16:3 error config Det finns ingen regel som heter «adoptng-organ». Menade du «adopting-organ»? Se styrdok rules.',
    ]);
    expect(shown(`${minimal}regler:\n  revision: varning\n`)).toEqual([
      'styrdok.config.yaml:16:3 error config Värdet «varning» är inte tillåtet för «revision». Tillåtna värden: «error», «warning», «off».',
    ]);
  });

  it('reports references between the config’s own entries that lead nowhere', () => {
    expect(shown(minimal.replace('överordnat: kommunfullmaktige', 'överordnat: fullmaktige'))).toEqual([
      'styrdok.config.yaml:4:66 error config Organet «fullmaktige» finns inte bland organen.',
    ]);
    expect(shown(minimal.replace('nämnd: kommunstyrelsen', 'nämnd: ks'))).toEqual(['styrdok.config.yaml:8:5 error config Organet «ks» finns inte bland organen.']);
    expect(shown(minimal.replace('beslutas_av: [förvaltningschef]', 'beslutas_av: [forvaltningschef]'))).toEqual([
      'styrdok.config.yaml:12:77 error config «forvaltningschef» är varken ett organ eller förvaltningschef/egen_nämnd.',
    ]);
  });

  it('reports a diarienummer pattern that is not a regular expression', () => {
    expect(shown(minimal.replace('"^(KF|KS)/', '"^((KF|KS)/'))).toEqual(['styrdok.config.yaml:14:17 error config Mönstret för diarienummer är inget giltigt reguljärt uttryck.']);
  });

  it('reports a missing config file, before any document is read', () => {
    const cwd = writeCorpus({ 'strategy/tom.md': '' });
    let error: unknown;
    try {
      checkProject({ cwd, paths: ['strategy'], configFile: 'saknas.yaml' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect(lines((error as ConfigError).diagnostics)).toEqual([
      'saknas.yaml:1:1 error config Konfigurationsfilen saknas.yaml kunde inte läsas. Kontrollera att filen finns.',
    ]);
  });
});
