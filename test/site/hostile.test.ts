/**
 * A clerk's text is data, never code: a document full of script, handlers, javascript: links and template
 * syntax builds, shows what the clerk wrote, and leaves nothing that runs anywhere in the output.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Element } from 'domhandler';
import { buildOk, corpusWith, FIXTURE, tag, text, type Page } from './helpers.js';
import { checkLinks, checkValid, readAll } from './page-checks.js';

const HOSTILE_RIKTLINJE = `---
id: riktlinje-fientlig
dokumenttyp: riktlinje
titel: "Fientlig {{ 7*7 }} {% raw %}riktlinje{% endraw %} <script>alert('titel')</script>"
sammanfattning: "Sammanfattning {{ 7*7 }} <img src=x onerror=alert('sammanfattning')>"
beslutande_organ: kommunstyrelsen
beslut:
  datum: 2025-02-17
  paragraf: 21
  diarienummer: KS/2025:21
antagen_till_följd_av_lag: false
giltighetstid:
  från: 2025-03-01
  till: tills vidare
dokumentansvarig: stadsledningsforvaltningen
uppföljning: "Uppföljning {% include 'x' %} <b onclick=alert(1)>fet</b>"
genomför:
  - strategi-ren-och-trygg-stad
nyckelord:
  - "{{ site }}"
  - "<i>kursiv</i>"
---

## Rubrik {{ 7*7 }} <script>alert('rubrik')</script>

Mallsyntax: {{ 7*7 }} och {% raw %}x{% endraw %} och {# dold #} och {%- set y = 1 -%} ska synas.

<script>alert('script')</script>

<img src=x onerror="alert('img')">

<a href="javascript:alert('a')">klicka</a>

<iframe srcdoc="<script>alert('iframe')</script>"></iframe>

<svg onload="alert('svg')"><circle r="1"/></svg>

<form action="javascript:alert('form')"><button formaction="javascript:alert('b')">skicka</button></form>

<div style="background:url(javascript:alert('style'))" onclick="alert('div')">hovra</div>

<meta http-equiv="refresh" content="0;url=javascript:alert('meta')">

<base href="javascript:alert('base')//">

<style>body { display: none }</style>

En [markdownlänk](javascript:alert('md')) och en [kodad](&#106;avascript:alert('kodad')) och [data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==) och <javascript:alert('auto')>.

En ![bild](javascript:alert('bild')) och [referens][r].

[r]: javascript:alert('ref')

Sista stycket: texten slutar här.
`;

const HOSTILE_PLAN = `---
id: verksamhetsplan-2026-sn
dokumenttyp: verksamhetsplan
titel: "Socialnämndens plan {{ 7*7 }}"
nämnd: socialnamnden
år: 2026
beslutande_organ: socialnamnden
beslut:
  datum: 2025-12-17
  paragraf: 5
  diarienummer: SN/2025:5
antagen_till_följd_av_lag: false
dokumentansvarig: socialforvaltningen
mål:
  - id: fientligt-mal
    titel: "Målet <script>alert('mål')</script> {{ 7*7 }} \\" ]; n0 -> n1 [label=\\"x"
    bidrar_till:
      - strategi-ren-och-trygg-stad#parker
    aktiviteter:
      - text: "Aktivitet <img src=x onerror=alert('aktivitet')>"
    indikatorer:
      - id: ind
        namn: "Indikator {{ 7*7 }}"
        enhet: "<b>st</b>"
        målvärde: 1
        riktning: öka
---
`;

let pages: Map<string, Page>;
let out: string;

beforeAll(async () => {
  const config = readFileSync(path.join(FIXTURE, 'styrdok.config.yaml'), 'utf8');
  // The body-links rule rightly stops javascript: links; lower it so the site's own defences are what is tested.
  const corpus = corpusWith({
    'styrdok.config.yaml': `${config}  body-links: warning\n`,
    'riktlinjer/riktlinje-fientlig.md': HOSTILE_RIKTLINJE,
    'verksamhetsplaner/verksamhetsplan-2026-sn.md': HOSTILE_PLAN,
  });
  out = await buildOk(corpus);
  pages = readAll(out);
}, 120_000);

const UNSAFE_URL = /^(javascript|vbscript|data):/;
const clean = (value: string) => value.replace(/[\s\u0000-\u001f]/g, '').toLowerCase();

describe('a hostile document', () => {
  it('builds, and its page shows the text the clerk wrote, template syntax included', () => {
    const p = pages.get('/dokument/riktlinje-fientlig/')!;
    expect(text(p.one(tag('h1')))).toBe("Fientlig {{ 7*7 }} {% raw %}riktlinje{% endraw %} <script>alert('titel')</script>");
    expect(text(p.one(tag('title')))).toContain('Fientlig {{ 7*7 }} {% raw %}riktlinje{% endraw %}');
    const body = text(p.byId('dokumentet'));
    expect(body).toContain('Mallsyntax: {{ 7*7 }} och {% raw %}x{% endraw %} och {# dold #} och {%- set y = 1 -%} ska synas.');
    expect(body).toContain('Rubrik {{ 7*7 }}');
    expect(body).toContain('markdownlänk');
    expect(body).toContain('Sista stycket: texten slutar här.');
    expect(text(p.byId('beslutsfakta'))).toContain("Uppföljning {% include 'x' %} <b onclick=alert(1)>fet</b>");
    expect(text(p.doc)).toContain('{{ site }}');
    expect(p.html).not.toMatch(/Fientlig 49|Mallsyntax: 49/);
  });

  it('still gives valid HTML with working links', async () => {
    await checkValid(pages);
    checkLinks(out, pages);
  });

  it('leaves no script, event handler or javascript:/data: URL anywhere in the site', () => {
    const problems: string[] = [];
    for (const [url, p] of pages) {
      for (const el of p.all(() => true)) {
        // The site's own scripts and forms: search, and the date field of the timeline.
        const ownScript = (url === '/sok/' && el.attribs.src === '/assets/sok.js') || (url === '/gallande/' && el.attribs.src === '/assets/gallande.js');
        if (['script', 'iframe', 'object', 'embed', 'base', 'style', 'frame'].includes(el.name) && !(el.name === 'script' && ownScript)) {
          problems.push(`${url}: <${el.name}>`);
        }
        if (el.name === 'meta' && el.attribs['http-equiv']) problems.push(`${url}: meta http-equiv`);
        if (el.name === 'form' && url !== '/sok/' && url !== '/gallande/') problems.push(`${url}: <form>`);
        for (const [name, value] of Object.entries(el.attribs)) {
          if (name.startsWith('on')) problems.push(`${url}: ${el.name}[${name}]`);
          if (['href', 'src', 'action', 'formaction', 'xlink:href', 'srcdoc', 'data', 'style'].includes(name) && (UNSAFE_URL.test(clean(value)) || clean(value).includes('javascript:'))) {
            problems.push(`${url}: ${el.name}[${name}=${value}]`);
          }
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('keeps a hostile goal title as text on the strategy, nämnd and traceability pages and in the diagram', () => {
    const title = `Målet <script>alert('mål')</script> {{ 7*7 }} " ]; n0 -> n1 [label="x`;
    for (const url of ['/dokument/strategi-ren-och-trygg-stad/', '/namnd/socialnamnden/', '/sparbarhet/']) {
      expect(text(pages.get(url)!.doc), url).toContain(title);
    }
    const svg = pages.get('/sparbarhet/')!.all(tag('svg'))[1] as Element;
    expect(text(svg).replace(/\s+/g, '')).toContain("Målet<script>alert('mål')</script>{{7*7}}");
  });

  it('keeps the text in the open data, as data', () => {
    const data = JSON.parse(readFileSync(path.join(out, 'data/styrdok.json'), 'utf8'));
    const doc = data.documents.find((d: { id: string }) => d.id === 'riktlinje-fientlig');
    expect(doc.frontmatter.titel).toBe("Fientlig {{ 7*7 }} {% raw %}riktlinje{% endraw %} <script>alert('titel')</script>");
    expect(doc.body).toContain("<script>alert('script')</script>");
  });
});
