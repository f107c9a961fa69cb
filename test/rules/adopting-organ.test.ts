import { describe, expect, it } from 'vitest';
import { check, configWith, lines, md } from './helpers.js';

const rule = 'adopting-organ';

/** An anvisning owned by tekniska förvaltningen; Solna's rules: adopted by the chef of the owning förvaltning. */
const anvisning = (organ: string, owner = 'tekniska-forvaltningen') => md`
  ---
  id: anvisning-klottersanering
  dokumenttyp: anvisning
  titel: Anvisning för klottersanering
  beslutande_organ: ${organ}
  beslut:
    datum: 2024-09-02
    diarienummer: TF/2024:143
  giltighetstid:
    till: tills vidare
  dokumentansvarig: ${owner}
  ---
`;

/** A verksamhetsplan: adopted by its own nämnd (egen_nämnd in the config). */
const plan = (organ: string, namnd = 'socialnamnden') => md`
  ---
  id: verksamhetsplan-2026-socialnamnden
  dokumenttyp: verksamhetsplan
  titel: Socialnämndens verksamhetsplan 2026
  nämnd: ${namnd}
  år: 2026
  beslutande_organ: ${organ}
  beslut:
    datum: 2025-12-10
    paragraf: 130
    diarienummer: SN/2025:211
  dokumentansvarig: socialforvaltningen
  mål: []
  ---
`;

const policy = (organ: string, repeal = '') => md`
  ---
  id: trygghetspolicy
  dokumenttyp: policy
  titel: Trygghetspolicy för Solna stad
  beslutande_organ: ${organ}
  beslut:
    datum: 2008-04-21
    paragraf: 47
    diarienummer: KS/2008:15
  giltighetstid:
    till: tills vidare
  dokumentansvarig: stadsledningsforvaltningen
  ${repeal}
  ---
`;

describe('adopting-organ', () => {
  it('accepts an anvisning adopted by the chef of the förvaltning that owns it', () => {
    expect(lines(check({ 'strategy/a.md': anvisning('tekniska-direktoren') }, { rule }))).toEqual([]);
  });

  it('reports an anvisning adopted by the chef of another förvaltning', () => {
    expect(lines(check({ 'strategy/a.md': anvisning('stadsdirektoren') }, { rule }))).toEqual([
      'strategy/a.md:5:1 error adopting-organ En anvisning antas av förvaltningschef, tekniska förvaltningen, inte av stadsdirektör. Ändra beslutande organ, eller dokumenttypen om dokumentet är av en annan sort.',
    ]);
  });

  it('reports an anvisning adopted by a political organ', () => {
    expect(lines(check({ 'strategy/a.md': anvisning('kommunstyrelsen') }, { rule }))).toEqual([
      'strategy/a.md:5:1 error adopting-organ En anvisning antas av förvaltningschef, tekniska förvaltningen, inte av kommunstyrelsen. Ändra beslutande organ, eller dokumenttypen om dokumentet är av en annan sort.',
    ]);
  });

  it('leaves an anvisning whose owner is unknown to the owner rule', () => {
    expect(lines(check({ 'strategy/a.md': anvisning('tekniska-direktoren', 'tekniska-kontoret') }, { rule }))).toEqual([]);
  });

  it('leaves a verksamhetsplan whose nämnd is unknown to the owner rule', () => {
    expect(lines(check({ 'strategy/vp.md': plan('socialnamnden', 'socialnamden') }, { rule }))).toEqual([]);
  });

  it('accepts a verksamhetsplan adopted by its own nämnd', () => {
    expect(lines(check({ 'strategy/vp.md': plan('socialnamnden') }, { rule }))).toEqual([]);
  });

  it('reports a verksamhetsplan adopted by another nämnd, by kommunstyrelsen or by a chef', () => {
    expect(lines(check({ 'strategy/vp.md': plan('barn-och-utbildningsnamnden') }, { rule }))).toEqual([
      'strategy/vp.md:7:1 error adopting-organ En verksamhetsplan antas av socialnämnden, inte av barn- och utbildningsnämnden. Ändra beslutande organ, eller dokumenttypen om dokumentet är av en annan sort.',
    ]);
    expect(lines(check({ 'strategy/vp.md': plan('kommunstyrelsen') }, { rule }))).toEqual([
      'strategy/vp.md:7:1 error adopting-organ En verksamhetsplan antas av socialnämnden, inte av kommunstyrelsen. Ändra beslutande organ, eller dokumenttypen om dokumentet är av en annan sort.',
    ]);
    expect(lines(check({ 'strategy/vp.md': plan('socialdirektoren') }, { rule }))).toEqual([
      'strategy/vp.md:7:1 error adopting-organ En verksamhetsplan antas av socialnämnden, inte av förvaltningschef, socialförvaltningen. Ändra beslutande organ, eller dokumenttypen om dokumentet är av en annan sort.',
    ]);
  });

  it('accepts a policy adopted by kommunfullmäktige and reports one adopted by kommunstyrelsen', () => {
    expect(lines(check({ 'strategy/p.md': policy('kommunfullmaktige') }, { rule }))).toEqual([]);
    expect(lines(check({ 'strategy/p.md': policy('kommunstyrelsen') }, { rule }))).toEqual([
      'strategy/p.md:5:1 error adopting-organ En policy antas av kommunfullmäktige, inte av kommunstyrelsen. Ändra beslutande organ, eller dokumenttypen om dokumentet är av en annan sort.',
    ]);
  });

  it('reports an unknown organ with a suggestion when one is close', () => {
    expect(lines(check({ 'strategy/a.md': anvisning('tekniska-direktorn') }, { rule }))).toEqual([
      'strategy/a.md:5:1 error adopting-organ Okänt beslutande organ «tekniska-direktorn». Menade du «tekniska-direktoren»? Giltiga organ och chefer står i styrdok.config.yaml.',
    ]);
  });

  it('reports an unknown organ without a suggestion when nothing is close', () => {
    expect(lines(check({ 'strategy/a.md': anvisning('borgmastaren') }, { rule }))).toEqual([
      'strategy/a.md:5:1 error adopting-organ Okänt beslutande organ «borgmastaren». Giltiga organ och chefer står i styrdok.config.yaml.',
    ]);
  });

  it('reports an unknown organ in upphävd, at the organ key', () => {
    const repeal = 'upphävd: { datum: 2023-12-18, paragraf: 201, organ: kommunfullmäktige }';
    expect(lines(check({ 'strategy/p.md': policy('kommunfullmaktige', repeal) }, { rule }))).toEqual([
      'strategy/p.md:13:46 error adopting-organ Okänt organ «kommunfullmäktige» i upphävandet. Menade du «kommunfullmaktige»?',
    ]);
  });

  it('follows the config: another kommun may let kommunstyrelsen adopt policyer', () => {
    const config = configWith('').replace('beslutas_av: [kommunfullmaktige]', 'beslutas_av: [kommunfullmaktige, kommunstyrelsen]');
    expect(lines(check({ 'strategy/p.md': policy('kommunstyrelsen') }, { rule, config }))).toEqual([]);
  });

  it('takes its severity from regler in the config', () => {
    const config = configWith('regler:\n  adopting-organ: warning\n');
    expect(check({ 'strategy/p.md': policy('kommunstyrelsen') }, { rule, config }).map((d) => d.severity)).toEqual(['warning']);
    const off = configWith('regler:\n  adopting-organ: "off"\n');
    expect(check({ 'strategy/p.md': policy('kommunstyrelsen') }, { rule, config: off })).toEqual([]);
  });
});
