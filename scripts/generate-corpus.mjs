#!/usr/bin/env node
/**
 * A realistic synthetic corpus for the benchmark and the scale tests: one large kommun, or with --kommuner K
 * a region of K kommuner (each a styrdok project of its own: a folder with its own config, names, nämnder
 * and diarienummer style). Each has fack- and stadsdelsnämnder, decades of archive, policyer, strategier
 * with fokusområden, riktlinjer, anvisningar, rutiner, åtgärdsplaner and one verksamhetsplan per nämnd and
 * year whose goals trace to the strategy in force that year. Bodies are built from the bundled documents' own paragraphs, with headings, lists, tables
 * and links to other documents, about 10 kB each, so 10,000 documents make about 100 MB of Markdown.
 *
 * The same --seed, --n and --kommuner always give the same files, byte for byte. One kommun is written to
 * <out>/strategy/; K kommuner to <out>/<kommun>/strategy/, the N documents shared between them.
 *
 *   node scripts/generate-corpus.mjs --n 1000 --out /tmp/corpus-1k [--seed 1] [--kommuner 1]
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

const ROOT = path.resolve(import.meta.dirname, '..');

/** mulberry32: small, fast and good enough to vary a corpus; Math.random cannot be seeded. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Paragraphs and list items of the bundled documents: real Swedish text for the bodies. */
function textPool() {
  const files = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.md')) files.push(full);
    }
  };
  walk(path.join(ROOT, 'strategy'));
  const paragraphs = [];
  for (const file of files.sort()) {
    const body = readFileSync(file, 'utf8').split(/^---$/m).slice(2).join('---');
    for (const block of body.split(/\n{2,}/)) {
      const text = block.trim();
      // Plain prose only: the bundled links point at bundled files that the synthetic corpus does not have.
      if (text.length > 80 && !/^[#>|\-*\d]/.test(text) && !text.includes('](')) paragraphs.push(text.replace(/\s*\n\s*/g, ' '));
    }
  }
  return paragraphs;
}

/** Each area's strategy, as Swedish joins the words. */
const STRATEGY_NAME = {
  Trygghet: 'Trygghetsstrategi', 'Klimat och miljö': 'Klimat- och miljöstrategi', Digitalisering: 'Digitaliseringsstrategi',
  Kompetensförsörjning: 'Kompetensförsörjningsstrategi', Folkhälsa: 'Folkhälsostrategi', Näringsliv: 'Näringslivsstrategi',
  Kultur: 'Kulturstrategi', 'Idrott och fritid': 'Idrotts- och fritidsstrategi', Bostadsförsörjning: 'Bostadsförsörjningsstrategi',
  Integration: 'Integrationsstrategi', Upphandling: 'Upphandlingsstrategi', Informationssäkerhet: 'Informationssäkerhetsstrategi',
  Krisberedskap: 'Krisberedskapsstrategi', Jämställdhet: 'Jämställdhetsstrategi', Tillgänglighet: 'Tillgänglighetsstrategi',
  Skolutveckling: 'Skolutvecklingsstrategi',
};
const AREAS = ['Trygghet', 'Klimat och miljö', 'Digitalisering', 'Kompetensförsörjning', 'Folkhälsa', 'Näringsliv', 'Kultur', 'Idrott och fritid', 'Bostadsförsörjning', 'Integration', 'Upphandling', 'Informationssäkerhet', 'Krisberedskap', 'Jämställdhet', 'Tillgänglighet', 'Skolutveckling'];
const FACK = ['Barn- och utbildningsnämnden', 'Socialnämnden', 'Omvårdnadsnämnden', 'Tekniska nämnden', 'Byggnads- och miljönämnden', 'Kultur- och fritidsnämnden', 'Förskolenämnden', 'Arbetsmarknadsnämnden', 'Gymnasienämnden', 'Exploateringsnämnden', 'Miljö- och hälsoskyddsnämnden', 'Trafiknämnden'];
const DISTRICTS = ['Norra', 'Södra', 'Östra', 'Västra', 'Centrum', 'Hamnen', 'Skogen', 'Dalen', 'Ängen', 'Backen', 'Strand', 'Ås', 'Berga', 'Lunda', 'Vik', 'Holm'];

/**
 * The kommuner of a region, all made up. The first is the one-kommun corpus the bench has always measured.
 * What differs between them is what differs between real kommuner, and all of it is config data: the name,
 * stad or kommun, the name of the central förvaltning and its chef, and how the registry writes a diarienummer.
 */
const KOMMUNER = [
  { name: 'Storstads kommun', slug: 'storstad', ledning: ['stadsledningsforvaltningen', 'Stadsledningsförvaltningen', 'stadsdirektoren', 'Stadsdirektör'], diarie: 'kolon' },
  { name: 'Norrviks stad', slug: 'norrvik', ledning: ['stadsledningskontoret', 'Stadsledningskontoret', 'stadsdirektoren', 'Stadsdirektör'], diarie: 'snedstreck' },
  { name: 'Åby kommun', slug: 'aby', ledning: ['kommunledningskontoret', 'Kommunledningskontoret', 'kommundirektoren', 'Kommundirektör'], diarie: 'bindestreck' },
  { name: 'Sjöholms kommun', slug: 'sjoholm', ledning: ['kommunledningsforvaltningen', 'Kommunledningsförvaltningen', 'kommundirektoren', 'Kommundirektör'], diarie: 'snedstreck' },
  { name: 'Älvdala kommun', slug: 'alvdala', ledning: ['kommunkansliet', 'Kommunkansliet', 'kommundirektoren', 'Kommundirektör'], diarie: 'kolon' },
  { name: 'Bergsjö stad', slug: 'bergsjo', ledning: ['stadsledningsforvaltningen', 'Stadsledningsförvaltningen', 'stadsdirektoren', 'Stadsdirektör'], diarie: 'bindestreck' },
  { name: 'Lunds by kommun', slug: 'lundsby', ledning: ['kommunstyrelseforvaltningen', 'Kommunstyrelseförvaltningen', 'kommundirektoren', 'Kommundirektör'], diarie: 'kolon' },
  { name: 'Ekviks kommun', slug: 'ekvik', ledning: ['kommunledningskontoret', 'Kommunledningskontoret', 'kommundirektoren', 'Kommundirektör'], diarie: 'snedstreck' },
];
/** Three ways registries write a diarienummer: KS/2023:309 (as Solna), KS 2023/309 and KS-2023-0309. */
const DIARIE_STYLES = {
  kolon: { pattern: '^[A-Z0-9]{1,4}/\\\\d{4}:\\\\d+$', example: 'KS/2023:309', make: (prefix, year, serial) => `${prefix}/${year}:${serial}` },
  snedstreck: { pattern: '^[A-Z0-9]{1,4} \\\\d{4}/\\\\d+$', example: '"KS 2023/309"', make: (prefix, year, serial) => `${prefix} ${year}/${serial}` },
  bindestreck: { pattern: '^[A-Z0-9]{1,4}-\\\\d{4}-\\\\d{4,}$', example: 'KS-2023-0309', make: (prefix, year, serial) => `${prefix}-${year}-${String(serial).padStart(4, '0')}` },
};

function slug(text) {
  return text.toLowerCase().replace(/å|ä/g, 'a').replace(/ö/g, 'o').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}
const pad = (n) => String(n).padStart(2, '0');
const iso = (y, m, d) => `${y}-${pad(m)}-${pad(d)}`;
/** YAML double-quoted scalar: safe for any text. */
const q = (text) => JSON.stringify(text);
/** At most `max` characters, cut after a whole word, as a clerk would shorten a sentence into a title. */
const shortened = (text, max) => {
  const cut = text.lastIndexOf(' ', max);
  return text.length <= max ? text : text.slice(0, cut > 0 ? cut : max).replace(/[,;:]$/, '');
};

/** One kommun's config and documents (paths relative to its strategy/ folder). */
function generateKommun({ n, seed, kommun }) {
  const random = prng(seed);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const int = (min, max) => min + Math.floor(random() * (max - min + 1));
  const pool = textPool();
  const [ledning, ledningNamn, ledningChef, ledningTitel] = kommun.ledning;
  const style = DIARIE_STYLES[kommun.diarie];

  // Half the documents are verksamhetsplaner, one per nämnd and year; the nämnder grow with N.
  const namnder = Math.max(7, Math.round(n / 60));
  const vpYears = Math.max(1, Math.round(n / 2 / namnder));
  const lastYear = 2026;
  const firstYear = lastYear - vpYears + 1;
  const organs = [];
  for (let i = 0; i < namnder; i++) {
    const name = i < FACK.length ? FACK[i] : `Stadsdelsnämnden ${DISTRICTS[i % DISTRICTS.length]} ${Math.floor(i / DISTRICTS.length) + 1}`;
    organs.push({ id: `${slug(name)}`, name, short: `N${i + 1}` });
  }
  const forvaltningar = organs.map((o, i) => ({ id: `forvaltning-${i + 1}`, short: `F${i + 1}`, name: `Förvaltningen för ${o.name.toLowerCase()}`, chef: `chef-${i + 1}`, namnd: o.id }));

  const config = [
    '# Synthetic kommun made by scripts/generate-corpus.mjs: benchmark data, not a real kommun.',
    `kommun: ${kommun.name}`,
    'webbplats:',
    `  titel: ${genitive(kommun.name)} styrdokument`,
    '  beskrivning: Syntetiska styrdokument för prestandamätning.',
    '  kontakt: Kontaktcenter, telefon 08-000 00 00',
    'organ:',
    '  - { id: kommunfullmaktige, namn: Kommunfullmäktige, typ: fullmäktige, förkortning: KF }',
    '  - { id: kommunstyrelsen, namn: Kommunstyrelsen, typ: styrelse, överordnat: kommunfullmaktige, förkortning: KS }',
    ...organs.map((o) => `  - { id: ${o.id}, namn: ${q(o.name)}, typ: nämnd, överordnat: kommunfullmaktige, förkortning: ${o.short} }`),
    'förvaltningar:',
    `  - { id: ${ledning}, namn: ${ledningNamn}, nämnd: kommunstyrelsen, chef: { id: ${ledningChef}, titel: ${ledningTitel} } }`,
    ...forvaltningar.map((f) => `  - { id: ${f.id}, namn: ${q(f.name)}, nämnd: ${f.namnd}, chef: { id: ${f.chef}, titel: Förvaltningschef } }`),
    'dokumenttyper:',
    '  policy: { namn: Policy, plural: Policyer, nivå: 1, beslutas_av: [kommunfullmaktige], giltighet: tills_vidare }',
    '  strategi: { namn: Strategi, plural: Strategier, nivå: 2, beslutas_av: [kommunstyrelsen], giltighet: begränsad, revision: ny_mandatperiod, har_mål: true, åtgärder_kräver: [ansvarig, klart] }',
    '  riktlinje: { namn: Riktlinje, plural: Riktlinjer, nivå: 3, beslutas_av: [kommunstyrelsen] }',
    '  åtgärdsplan: { namn: Åtgärdsplan, plural: Åtgärdsplaner, nivå: 3, beslutas_av: [kommunstyrelsen], giltighet: begränsad, åtgärder_kräver: [ansvarig, klart] }',
    '  anvisning: { namn: Anvisning, plural: Anvisningar, nivå: 4, beslutas_av: [förvaltningschef] }',
    '  rutin: { namn: Rutin, plural: Rutiner, nivå: 4, beslutas_av: [förvaltningschef] }',
    '  verksamhetsplan: { namn: Verksamhetsplan, plural: Verksamhetsplaner, nivå: 5, beslutas_av: [egen_nämnd] }',
    'mandatperiod: { valår: 2022, längd_år: 4, start: "10-15", start_år_efter_val: 0, revision_frist_dagar: 365 }',
    `diarienummer: { mönster: "${style.pattern}", exempel: ${style.example} }`,
    'uppföljning:',
    '  perioder:',
    '    - { typ: delår, namn: Delårsrapport, sista_dag: "09-30" }',
    '    - { typ: helår, namn: Årsredovisning, sista_dag: "+02-15" }',
    '',
  ].join('\n');

  const docs = [];
  let serial = 0;
  const diarie = (prefix, year) => style.make(prefix, year, ++serial);

  /** A body of about `size` characters: sections of real paragraphs, a list, sometimes a table and links. */
  const body = (title, size, linkTargets) => {
    const parts = [`## Inledning`, pick(pool)];
    let length = parts.join('\n\n').length;
    let section = 1;
    while (length < size) {
      const block = [];
      block.push(`## ${section++} ${pick(AREAS)}`);
      block.push(pick(pool), pick(pool));
      if (random() < 0.5) block.push(Array.from({ length: int(3, 6) }, () => `- ${pick(pool).slice(0, int(60, 160))}`).join('\n'));
      if (random() < 0.2) {
        block.push(['| År | Mål | Utfall |', '| --- | ---: | ---: |', ...Array.from({ length: int(2, 5) }, (_, i) => `| ${2018 + i} | ${int(50, 95)} | ${int(40, 99)} |`)].join('\n'));
      }
      if (linkTargets.length && random() < 0.6) {
        const target = pick(linkTargets);
        block.push(`Se även [${target.title}](${target.href}) och [Kommunallagen](https://www.riksdagen.se/sv/dokument-och-lagar/dokument/svensk-forfattningssamling/kommunallag-2017725_sfs-2017-725/).`);
      }
      const text = block.join('\n\n');
      parts.push(text);
      length += text.length + 2;
    }
    return `\n${parts.join('\n\n')}\n`;
  };

  const fileOf = (folder, id) => `${folder}/${id}.md`;
  const hrefFrom = (fromFile, toFile) => path.posix.relative(path.posix.dirname(fromFile), toFile);

  // Strategies: per mandatperiod, one per area in use, from 1998 on; the last period's are in force.
  const strategies = [];
  const targetsByYear = new Map();
  const periods = [];
  for (let start = 2022; start + 4 > firstYear - 1; start -= 4) periods.unshift(start);
  const areas = Math.max(2, Math.min(AREAS.length, Math.round(n / 25 / periods.length)));
  for (const valar of periods) {
    for (let a = 0; a < areas; a++) {
      const area = AREAS[a];
      const from = valar + 1;
      const id = `${slug(area)}-strategi-${from}-${from + 3}`;
      const fokus = Array.from({ length: int(2, 4) }, (_, i) => ({ id: `fokus-${i + 1}`, rubrik: `${area}: fokusområde ${i + 1}`, text: pick(pool).slice(0, 200) }));
      const doc = { id, folder: 'strategier', title: `${STRATEGY_NAME[area]} ${from}–${from + 3}`, from, fokus };
      strategies.push(doc);
      for (let y = from; y <= from + 3; y++) {
        if (!targetsByYear.has(y)) targetsByYear.set(y, []);
        targetsByYear.get(y).push(...fokus.map((f) => `${id}#${f.id}`));
      }
    }
  }
  const policies = Array.from({ length: Math.max(1, Math.round(n * 0.02)) }, (_, i) => ({ id: `policy-${i + 1}-${slug(AREAS[i % AREAS.length])}`, folder: 'policyer', title: `Policy för ${AREAS[i % AREAS.length].toLowerCase()} ${i + 1}` }));

  const linkable = [];
  const emit = (doc, frontmatter, size) => {
    const file = fileOf(doc.folder, doc.id);
    const targets = linkable.length ? Array.from({ length: 3 }, () => pick(linkable)).map((t) => ({ title: t.title, href: hrefFrom(file, t.file) })) : [];
    docs.push({ file, text: `---\n${frontmatter.join('\n')}\n---\n${body(doc.title, size, targets)}` });
    linkable.push({ title: doc.title, file });
  };
  const common = (doc, type, organ, date, prefix) => [
    `id: ${doc.id}`,
    `dokumenttyp: ${type}`,
    `titel: ${q(doc.title)}`,
    `sammanfattning: ${q(pick(pool).slice(0, 240))}`,
    `beslutande_organ: ${organ}`,
    'beslut:',
    `  datum: ${date}`,
    ...(/^(KF|KS|N)/.test(prefix) ? [`  paragraf: ${int(1, 250)}`] : []),
    `  diarienummer: ${diarie(prefix, Number(date.slice(0, 4)))}`,
    'antagen_till_följd_av_lag: false',
  ];

  for (const doc of policies) {
    const year = int(2005, 2024);
    emit(doc, [...common(doc, 'policy', 'kommunfullmaktige', iso(year, int(1, 11), int(1, 28)), 'KF'), 'giltighetstid:', `  från: ${iso(year, 12, 1)}`, '  till: tills vidare', `dokumentansvarig: ${ledning}`, 'nyckelord:', `  - ${slug(doc.title).split('-')[2] ?? 'styrning'}`], 9000);
  }
  for (const doc of strategies) {
    const policy = pick(policies);
    emit(doc, [
      ...common(doc, 'strategi', 'kommunstyrelsen', iso(doc.from - 1, 12, int(1, 20)), 'KS'),
      'giltighetstid:', `  från: ${iso(doc.from, 1, 1)}`, `  till: ${iso(doc.from + 3, 12, 31)}`,
      'revisionsdatum: ny mandatperiod',
      `dokumentansvarig: ${ledning}`,
      'genomför:', `  - ${policy.id}`,
      `övergripande_mål: ${q(pick(pool).slice(0, 160))}`,
      'fokusområden:',
      ...doc.fokus.flatMap((f) => [`  - id: ${f.id}`, `    rubrik: ${q(f.rubrik)}`, `    text: ${q(f.text)}`]),
    ], 14000);
  }
  const current = strategies.filter((s) => s.from === periods[periods.length - 1] + 1);
  const rest = n - docs.length - namnder * vpYears;
  const kinds = [
    ['riktlinje', 'riktlinjer', 0.3],
    ['anvisning', 'anvisningar', 0.35],
    ['rutin', 'rutiner', 0.3],
    ['åtgärdsplan', 'atgardsplaner', 0.05],
  ];
  for (const [type, folder, share] of kinds) {
    const count = Math.max(1, Math.round(Math.max(0, rest) * share));
    for (let i = 0; i < count; i++) {
      const area = pick(AREAS);
      const f = pick(forvaltningar);
      const doc = { id: `${slug(type)}-${i + 1}-${slug(area)}`, folder, title: `${type[0].toUpperCase()}${type.slice(1)} ${i + 1} för ${area.toLowerCase()}` };
      const year = int(2015, 2025);
      const byChef = type === 'anvisning' || type === 'rutin';
      const lines = [
        ...common(doc, type, byChef ? f.chef : 'kommunstyrelsen', iso(year, int(1, 11), int(1, 28)), byChef ? f.short : 'KS'),
        'giltighetstid:', `  från: ${iso(year, 12, 1)}`, type === 'åtgärdsplan' ? `  till: ${iso(2026, 12, 31)}` : '  till: tills vidare',
        ...(type === 'riktlinje' || byChef ? [`revisionsdatum: ${iso(int(2027, 2030), int(1, 12), 1)}`] : []),
        `dokumentansvarig: ${byChef ? f.id : ledning}`,
        'genomför:', `  - ${pick(current).id}`,
      ];
      if (type === 'åtgärdsplan') {
        lines.push('åtgärder:', ...Array.from({ length: 3 }, (_, k) => [`  - id: atgard-${k + 1}`, `    text: ${q(pick(pool).slice(0, 140))}`, `    ansvarig: ${pick(forvaltningar).id}`, `    klart: ${iso(2026, int(1, 12), 1)}`]).flat());
      }
      emit(doc, lines, 8000);
    }
  }
  organs.forEach((organ, o) => {
    for (let year = firstYear; year <= lastYear; year++) {
      const doc = { id: `verksamhetsplan-${year}-${organ.id}`, folder: `verksamhetsplaner/${year}`, title: `${organ.name}s verksamhetsplan ${year}` };
      const targets = targetsByYear.get(year) ?? [];
      const goals = Array.from({ length: int(2, 5) }, (_, g) => {
        const target = pick(targets);
        return [
          `  - id: mal-${g + 1}`,
          `    titel: ${q(shortened(pick(pool), 120))}`,
          '    bidrar_till:', `      - ${target}`,
          '    aktiviteter:', `      - text: ${q(shortened(pick(pool), 140))}`, `        ansvarig: ${forvaltningar[o].id}`, '        klart: löpande',
          '    indikatorer:',
          `      - id: indikator-${g + 1}`, `        namn: ${q(`Andel ${pick(AREAS).toLowerCase()} ${g + 1}`)}`, '        enhet: procent',
          `        utgångsvärde: { år: ${year - 1}, värde: ${int(30, 70)} }`, `        målvärde: ${int(71, 95)}`, '        riktning: öka',
          '        utfall:', `          - period: ${year}-delår`, `            värde: ${int(40, 99)}`,
          ...(year < lastYear ? [`          - period: ${year}-helår`, `            värde: ${int(40, 99)}`] : []),
        ];
      }).flat();
      emit(doc, [
        ...common(doc, 'verksamhetsplan', organ.id, iso(year - 1, 12, int(1, 15)), organ.short),
        `nämnd: ${organ.id}`, `år: ${year}`,
        'giltighetstid:', `  från: ${iso(year, 1, 1)}`, `  till: ${iso(year, 12, 31)}`,
        `dokumentansvarig: ${forvaltningar[o].id}`,
        'genomför:', ...[...new Set(goalsStrategies(goals))].map((id) => `  - ${id}`),
        'mål:', ...goals,
      ], 8000);
    }
  });

  return { config, docs };
}

/**
 * `kommuner` kommuner sharing `n` documents. Returns each kommun's config and documents, and all the
 * documents with paths relative to `out`: strategy/… for one kommun, <kommun>/strategy/… for more.
 */
export function generateCorpus({ n, seed = 1, out, kommuner = 1 }) {
  if (!Number.isInteger(kommuner) || kommuner < 1 || kommuner > KOMMUNER.length) throw new Error(`--kommuner ska vara 1–${KOMMUNER.length}.`);
  const generated = KOMMUNER.slice(0, kommuner).map((kommun, i) => {
    // The first kommun keeps the seed, so the one-kommun corpus is the one the bench has always measured.
    const share = Math.floor(n / kommuner) + (i < n % kommuner ? 1 : 0);
    const folder = kommuner === 1 ? 'strategy' : `${kommun.slug}/strategy`;
    return { name: kommun.name, folder, ...generateKommun({ n: share, seed: seed + i, kommun }) };
  });
  const docs = generated.flatMap((k) => k.docs.map((doc) => ({ file: `${k.folder}/${doc.file}`, text: doc.text })));
  if (out) {
    rmSync(out, { recursive: true, force: true });
    for (const k of generated) {
      mkdirSync(path.join(out, k.folder), { recursive: true });
      writeFileSync(path.join(out, k.folder, 'styrdok.config.yaml'), k.config);
    }
    for (const doc of docs) {
      const file = path.join(out, doc.file);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, doc.text);
    }
  }
  return { kommuner: generated, docs };
}

/** Storstads kommun → Storstads kommuns; a name that ends in s takes no second s. */
function genitive(name) {
  return /[sxz]$/.test(name) ? name : `${name}s`;
}

/** The strategies a verksamhetsplan's goals name, for its genomför list. */
function goalsStrategies(goalLines) {
  return goalLines.filter((line) => /^ {6}- [^ ]+#/.test(line)).map((line) => line.trim().slice(2).split('#')[0]);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { n: { type: 'string', default: '1000' }, seed: { type: 'string', default: '1' }, kommuner: { type: 'string', default: '1' }, out: { type: 'string' } } });
  if (!values.out) {
    console.error('Ange mappen att skriva till: --out <mapp>');
    process.exit(2);
  }
  const count = Number(values.kommuner);
  if (!Number.isInteger(count) || count < 1 || count > KOMMUNER.length) {
    console.error(`--kommuner ska vara ett heltal från 1 till ${KOMMUNER.length}, inte «${values.kommuner}».`);
    process.exit(2);
  }
  const { kommuner } = generateCorpus({ n: Number(values.n), seed: Number(values.seed), kommuner: count, out: values.out });
  for (const k of kommuner) {
    const bytes = k.docs.reduce((sum, d) => sum + Buffer.byteLength(d.text), 0);
    console.log(`${k.name}: ${k.docs.length} dokument, ${(bytes / 1e6).toFixed(1)} MB Markdown i ${path.join(values.out, k.folder)}`);
  }
}
