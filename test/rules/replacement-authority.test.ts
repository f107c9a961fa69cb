import { describe, expect, it } from 'vitest';
import { check, configWith, lines, md, related } from './helpers.js';

const rule = 'replacement-authority';

/** Trygghetspolicyn, adopted by kommunfullmäktige in 2008; `repeal` goes on line 9. */
const policy = (repeal = '') => md`
  ---
  id: trygghetspolicy
  dokumenttyp: policy
  titel: Trygghetspolicy för Solna stad
  beslutande_organ: kommunfullmaktige
  beslut: { datum: 2008-04-21, paragraf: 47, diarienummer: KS/2008:15 }
  giltighetstid: { från: 2008-05-01, till: tills vidare }
  dokumentansvarig: stadsledningsforvaltningen
  ${repeal}
  ---
`;

/** Trygghetsstrategin, adopted by kommunstyrelsen, replacing `replaces` (line 11). */
const strategi = (replaces: string, organ = 'kommunstyrelsen') => md`
  ---
  id: trygghetsstrategi-2024-2026
  dokumenttyp: strategi
  titel: Trygghetsstrategi 2024–2026
  beslutande_organ: ${organ}
  beslut: { datum: 2023-12-18, paragraf: 169, diarienummer: KS/2023:309 }
  giltighetstid: { från: 2024-01-01, till: 2026-12-31 }
  revisionsdatum: ny mandatperiod
  dokumentansvarig: stadsledningsforvaltningen
  ersätter:
    - ${replaces}
  ---
`;

let serial = 0;
const doc = (id: string, typ: string, organ: string, extra = '', owner = 'stadsledningsforvaltningen') => md`
  ---
  id: ${id}
  dokumenttyp: ${typ}
  titel: ${id}
  beslutande_organ: ${organ}
  beslut: { datum: 2024-05-20, paragraf: 79, diarienummer: KS/2024:${++serial} }
  giltighetstid: { till: tills vidare }
  dokumentansvarig: ${owner}
  ${extra}
  ---
`;

describe('replacement-authority', () => {
  it('reports kommunstyrelsen replacing a policy that kommunfullmäktige adopted', () => {
    const diagnostics = check({ 'strategy/p.md': policy(), 'strategy/s.md': strategi('trygghetspolicy') }, { rule });
    expect(lines(diagnostics)).toEqual([
      'strategy/s.md:11:5 error replacement-authority «trygghetspolicy» antogs av kommunfullmäktige, men ersätts här av kommunstyrelsen, som inte står över det organet. Låt kommunfullmäktige upphäva dokumentet (upphävd i dess frontmatter) eller fatta beslutet.',
    ]);
    expect(related(diagnostics[0])).toEqual(['strategy/p.md:5:1 Organet som antog dokumentet']);
  });

  it('accepts the replacement once kommunfullmäktige has repealed the policy (upphävd)', () => {
    const repealed = policy('upphävd: { datum: 2023-12-11, paragraf: 200, diarienummer: KS/2023:310, organ: kommunfullmaktige }');
    expect(lines(check({ 'strategy/p.md': repealed, 'strategy/s.md': strategi('trygghetspolicy') }, { rule }))).toEqual([]);
  });

  it('reports a repeal by an organ below the one that adopted the document, and the replacement stays unlawful', () => {
    const repealed = policy('upphävd: { datum: 2023-12-18, organ: kommunstyrelsen }');
    expect(lines(check({ 'strategy/p.md': repealed, 'strategy/s.md': strategi('trygghetspolicy') }, { rule }))).toEqual([
      'strategy/p.md:9:31 error replacement-authority Dokumentet antogs av kommunfullmäktige och kan inte upphävas av kommunstyrelsen. Ange organet som fattade beslutet om upphävande.',
      'strategy/s.md:11:5 error replacement-authority «trygghetspolicy» antogs av kommunfullmäktige, men ersätts här av kommunstyrelsen, som inte står över det organet. Låt kommunfullmäktige upphäva dokumentet (upphävd i dess frontmatter) eller fatta beslutet.',
    ]);
  });

  it('accepts the same organ or an organ above it', () => {
    const sameOrgan = { 'strategy/a.md': doc('riktlinje-2020', 'riktlinje', 'kommunstyrelsen'), 'strategy/b.md': doc('riktlinje-2024', 'riktlinje', 'kommunstyrelsen', 'ersätter: [riktlinje-2020]') };
    expect(lines(check(sameOrgan, { rule }))).toEqual([]);
    const above = { 'strategy/a.md': doc('riktlinje-2020', 'riktlinje', 'kommunstyrelsen'), 'strategy/b.md': doc('policy-2024', 'policy', 'kommunfullmaktige', 'ersätter: [riktlinje-2020]') };
    expect(lines(check(above, { rule }))).toEqual([]);
  });

  it('places a chef under the nämnd of their förvaltning', () => {
    // Kommunstyrelsen is above the stadsdirektör (stadsledningsförvaltningen lies under kommunstyrelsen) …
    const ks = { 'strategy/a.md': doc('anvisning-a', 'anvisning', 'stadsdirektoren'), 'strategy/b.md': doc('riktlinje-b', 'riktlinje', 'kommunstyrelsen', 'ersätter: [anvisning-a]') };
    expect(lines(check(ks, { rule }))).toEqual([]);
    // … but not above the chef of tekniska förvaltningen, which lies under tekniska nämnden.
    const tn = {
      'strategy/a.md': doc('anvisning-a', 'anvisning', 'tekniska-direktoren', '', 'tekniska-forvaltningen'),
      'strategy/b.md': doc('riktlinje-b', 'riktlinje', 'kommunstyrelsen', 'ersätter: [anvisning-a]'),
    };
    expect(lines(check(tn, { rule }))).toEqual([
      'strategy/b.md:9:12 error replacement-authority «anvisning-a» antogs av förvaltningschef, tekniska förvaltningen, men ersätts här av kommunstyrelsen, som inte står över det organet. Låt förvaltningschef, tekniska förvaltningen upphäva dokumentet (upphävd i dess frontmatter) eller fatta beslutet.',
    ]);
  });

  it('reports a chef repealing what kommunstyrelsen adopted, and accepts kommunstyrelsen repealing the stadsdirektör’s rutin', () => {
    expect(lines(check({ 'strategy/r.md': doc('riktlinje', 'riktlinje', 'kommunstyrelsen', 'upphävd: { datum: 2025-01-13, organ: stadsdirektoren }') }, { rule }))).toEqual([
      'strategy/r.md:9:31 error replacement-authority Dokumentet antogs av kommunstyrelsen och kan inte upphävas av stadsdirektör. Ange organet som fattade beslutet om upphävande.',
    ]);
    expect(lines(check({ 'strategy/r.md': doc('rutin', 'rutin', 'stadsdirektoren', 'upphävd: { datum: 2025-01-13, paragraf: 3, organ: kommunstyrelsen }') }, { rule }))).toEqual([]);
  });

  it('leaves unknown organs in upphävd to adopting-organ, and unknown ids to references', () => {
    expect(lines(check({ 'strategy/p.md': policy('upphävd: { datum: 2023-12-11, organ: fullmaktige }') }, { rule }))).toEqual([]);
    expect(lines(check({ 'strategy/s.md': strategi('finns-inte') }, { rule }))).toEqual([]);
  });

  it('leaves a replaced document adopted by an unknown organ to adopting-organ', () => {
    const files = { 'strategy/a.md': doc('a', 'riktlinje', 'kommunstyrelsn'), 'strategy/b.md': doc('b', 'riktlinje', 'kommunstyrelsen', 'ersätter: [a]') };
    expect(lines(check(files, { rule }))).toEqual([]);
  });

  it('is a warning in Solna’s own config, until kommunfullmäktige has repealed the policy', () => {
    const config = configWith('regler:\n  replacement-authority: warning\n');
    expect(check({ 'strategy/p.md': policy(), 'strategy/s.md': strategi('trygghetspolicy') }, { rule, config }).map((d) => d.severity)).toEqual(['warning']);
  });
});
