import { describe, expect, it } from 'vitest';
import { check, lines, md, related } from './helpers.js';

const rule = 'hierarchy';

let serial = 0;
/** A decided document of kind `typ`; `relations` starts on line 9. */
const doc = (id: string, typ: string, organ: string, relations = '', owner = 'stadsledningsforvaltningen') => md`
  ---
  id: ${id}
  dokumenttyp: ${typ}
  titel: ${id}
  beslutande_organ: ${organ}
  beslut: { datum: 2024-05-20, paragraf: 79, diarienummer: KS/2024:${++serial} }
  giltighetstid: { till: tills vidare }
  dokumentansvarig: ${owner}
  ${relations}
  ---
`;

describe('hierarchy', () => {
  it('accepts documents that implement documents higher up: policy > riktlinje > anvisning', () => {
    const files = {
      'strategy/p.md': doc('trygghetspolicy', 'policy', 'kommunfullmaktige'),
      'strategy/r.md': doc('riktlinje-kamerabevakning', 'riktlinje', 'kommunstyrelsen', 'genomför: [trygghetspolicy]'),
      'strategy/a.md': doc('anvisning-kamera', 'anvisning', 'stadsdirektoren', 'genomför: [riktlinje-kamerabevakning, trygghetspolicy]'),
    };
    expect(lines(check(files, { rule }))).toEqual([]);
  });

  it('reports a riktlinje that implements an anvisning, pointing at the anvisning’s type', () => {
    const diagnostics = check(
      {
        'strategy/a.md': doc('anvisning-klottersanering', 'anvisning', 'tekniska-direktoren', '', 'tekniska-forvaltningen'),
        'strategy/r.md': doc('riktlinje-klotter', 'riktlinje', 'kommunstyrelsen', 'genomför:\n  - anvisning-klottersanering'),
      },
      { rule },
    );
    expect(lines(diagnostics)).toEqual([
      'strategy/r.md:10:5 error hierarchy En riktlinje kan inte genomföra en anvisning: den står inte högre i hierarkin. Peka på ett överordnat dokument, eller använd kompletteras_med för dokument på samma nivå.',
    ]);
    expect(related(diagnostics[0])).toEqual(['strategy/a.md:3:1 Dokumentets typ']);
  });

  it('reports a document that implements one on the same level', () => {
    const files = {
      'strategy/a.md': doc('riktlinje-a', 'riktlinje', 'kommunstyrelsen'),
      'strategy/b.md': doc('riktlinje-b', 'riktlinje', 'kommunstyrelsen', 'genomför:\n  - riktlinje-a'),
    };
    expect(lines(check(files, { rule }))).toEqual([
      'strategy/b.md:10:5 error hierarchy En riktlinje kan inte genomföra en riktlinje: den står inte högre i hierarkin. Peka på ett överordnat dokument, eller använd kompletteras_med för dokument på samma nivå.',
    ]);
  });

  it('accepts documents on the same level in kompletteras_med', () => {
    const files = {
      'strategy/a.md': doc('riktlinje-a', 'riktlinje', 'kommunstyrelsen'),
      'strategy/b.md': doc('riktlinje-b', 'riktlinje', 'kommunstyrelsen', 'kompletteras_med:\n  - riktlinje-a'),
    };
    expect(lines(check(files, { rule }))).toEqual([]);
  });

  it('reports a cycle in ersätter once, with the cycle spelled out, on the document that closes it', () => {
    const files = {
      'strategy/a.md': doc('riktlinje-a', 'riktlinje', 'kommunstyrelsen', 'ersätter:\n  - riktlinje-b'),
      'strategy/b.md': doc('riktlinje-b', 'riktlinje', 'kommunstyrelsen', 'ersätter:\n  - riktlinje-c'),
      'strategy/c.md': doc('riktlinje-c', 'riktlinje', 'kommunstyrelsen', 'ersätter:\n  - riktlinje-a'),
    };
    expect(lines(check(files, { rule }))).toEqual([
      'strategy/c.md:10:5 error hierarchy Relationen ersätter går i cirkel: riktlinje-a → riktlinje-b → riktlinje-c → riktlinje-a. Bryt cirkeln i något av dokumenten.',
    ]);
  });

  it('reports a cycle in genomför (besides the level of each step)', () => {
    const files = {
      'strategy/a.md': doc('rutin-a', 'rutin', 'stadsdirektoren', 'genomför:\n  - rutin-b'),
      'strategy/b.md': doc('rutin-b', 'rutin', 'stadsdirektoren', 'genomför:\n  - rutin-a'),
    };
    expect(lines(check(files, { rule })).filter((line) => line.includes('cirkel'))).toEqual([
      'strategy/b.md:10:5 error hierarchy Relationen genomför går i cirkel: rutin-a → rutin-b → rutin-a. Bryt cirkeln i något av dokumenten.',
    ]);
  });

  it('follows a cycle through 20,000 documents without overflowing the stack, and names its ends, not every step', () => {
    const n = 20_000;
    const files = Object.fromEntries(
      Array.from({ length: n }, (_, i) => [`strategy/led-${String(i).padStart(5, '0')}.md`, doc(`led-${i}`, 'riktlinje', 'kommunstyrelsen', `ersätter: [led-${(i + 1) % n}]`)]),
    );
    expect(lines(check(files, { rule }))).toEqual([
      `strategy/led-19999.md:9:12 error hierarchy Relationen ersätter går i cirkel: led-0 → led-1 → led-2 → led-3 → led-4 → … 19\u00a0993 dokument till … → led-19998 → led-19999 → led-0. Bryt cirkeln i något av dokumenten.`,
    ]);
  }, 120_000);

  it('reports two cycles through the same document separately, and a cycle reached from outside it', () => {
    const twoCycles = {
      'strategy/a.md': doc('a', 'riktlinje', 'kommunstyrelsen', 'ersätter: [b, c]'),
      'strategy/b.md': doc('b', 'riktlinje', 'kommunstyrelsen', 'ersätter: [a]'),
      'strategy/c.md': doc('c', 'riktlinje', 'kommunstyrelsen', 'ersätter: [a]'),
    };
    expect(lines(check(twoCycles, { rule }))).toEqual([
      'strategy/b.md:9:12 error hierarchy Relationen ersätter går i cirkel: a → b → a. Bryt cirkeln i något av dokumenten.',
      'strategy/c.md:9:12 error hierarchy Relationen ersätter går i cirkel: a → c → a. Bryt cirkeln i något av dokumenten.',
    ]);
    const tail = {
      'strategy/a.md': doc('a', 'riktlinje', 'kommunstyrelsen', 'ersätter: [b]'),
      'strategy/b.md': doc('b', 'riktlinje', 'kommunstyrelsen', 'ersätter: [c]'),
      'strategy/c.md': doc('c', 'riktlinje', 'kommunstyrelsen', 'ersätter: [b]'),
    };
    expect(lines(check(tail, { rule }))).toEqual([
      'strategy/c.md:9:12 error hierarchy Relationen ersätter går i cirkel: b → c → b. Bryt cirkeln i något av dokumenten.',
    ]);
  });

  it('leaves unknown ids to the references rule', () => {
    expect(lines(check({ 'strategy/r.md': doc('r', 'riktlinje', 'kommunstyrelsen', 'genomför: [finns-inte]\nersätter: [finns-inte-heller]') }, { rule }))).toEqual([]);
  });

  it('does not report a self-reference in ersätter or genomför, as a cycle or a level: the references rule reports it', () => {
    expect(lines(check({ 'strategy/r.md': doc('r', 'riktlinje', 'kommunstyrelsen', 'ersätter: [r]') }, { rule }))).toEqual([]);
    expect(lines(check({ 'strategy/r.md': doc('r', 'riktlinje', 'kommunstyrelsen', 'genomför: [r]') }, { rule }))).toEqual([]);
  });
});
