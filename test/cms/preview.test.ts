/**
 * The CMS preview's content (src/cms/preview.ts), drawn with a stand-in for Decap's `h` that builds plain
 * objects: which rows it shows and how it names what the lists chose. test/quality/cms.test.ts shows it in
 * Decap in Chromium.
 */
import { describe, expect, test } from 'vitest';
import { previewTemplate } from '../../src/cms/preview.js';

interface Drawn {
  tag: string;
  props: Record<string, unknown> | null;
  children: unknown[];
}
const h = (tag: string, props: Record<string, unknown> | null, ...children: unknown[]): Drawn => ({ tag, props, children });
const createClass = (spec: { render(this: { props: unknown }): unknown }) => spec;
/** Immutable.js as Decap hands it over: get() gives a scalar as it is and anything else wrapped. */
const immutable = (value: unknown): { get(key: string): unknown; toJS(): unknown } => ({
  get: (key: string) => {
    const child = (value as Record<string, unknown>)[key];
    return typeof child === 'object' && child !== null ? immutable(child) : child;
  },
  toJS: () => value,
});

function draw(data: Record<string, unknown>, fields: unknown[], meta: Record<string, unknown> = {}): Drawn {
  const template = previewTemplate(h, createClass) as { render(this: { props: unknown }): Drawn };
  return template.render.call({ props: { entry: immutable({ data }), fields: immutable(fields), fieldsMetaData: immutable(meta), collection: immutable({ label_singular: 'Riktlinje' }), widgetFor: () => 'TEXTEN' } });
}

/** The rows of the header as [label, text]: a list's items joined with « | ». */
function rows(drawn: Drawn): [string, string][] {
  const list = drawn.children.find((c) => (c as Drawn | null)?.tag === 'dl') as Drawn | undefined;
  const text = (node: unknown): string => (typeof node === 'string' ? node : (node as Drawn).tag === 'ul' ? (node as Drawn).children.map(text).join(' | ') : (node as Drawn).children.map(text).join(''));
  const cells = (list?.children ?? []) as Drawn[];
  return cells.filter((c) => c.tag === 'dt').map((dt, i) => [text(dt), text(cells[2 * i + 1])]);
}

const config = {
  organ: [{ id: 'kommunstyrelsen', namn: 'Kommunstyrelsen' }],
  förvaltningar: [{ id: 'stadsledningsforvaltningen', namn: 'Stadsledningsförvaltningen', chef: { id: 'stadsdirektoren', titel: 'Stadsdirektör' } }],
};

describe('the CMS preview', () => {
  test('shows the type, the title, the header with names and dates in words, and the text last; leaves out what is empty', () => {
    const drawn = draw(
      {
        id: 'riktlinje-x',
        titel: 'Riktlinje för X',
        sammanfattning: '',
        beslutande_organ: 'stadsdirektoren',
        beslut: { datum: '2026-03-02', paragraf: 12 },
        antagen_till_följd_av_lag: true,
        dokumentansvarig: 'stadsledningsforvaltningen',
        genomför: ['strategi-y', 'okand'],
        nyckelord: [],
        åtgärder: [{ id: 'a1', text: 'Gör något.' }, { id: 'a2' }],
        upphävd: { datum: '' },
      },
      [
        { name: 'id', label: 'Id' },
        { name: 'titel', label: 'Titel' },
        { name: 'sammanfattning', label: 'Sammanfattning' },
        { name: 'beslutande_organ', label: 'Beslutande organ' },
        { name: 'beslut', label: 'Beslut', fields: [{ name: 'datum', label: 'Beslutsdatum' }, { name: 'paragraf', label: 'Paragraf' }, { name: 'diarienummer', label: 'Diarienummer' }] },
        { name: 'antagen_till_följd_av_lag', label: 'Antagen till följd av lag' },
        { name: 'dokumentansvarig', label: 'Dokumentansvarig' },
        { name: 'genomför', label: 'Genomför' },
        { name: 'nyckelord', label: 'Nyckelord' },
        { name: 'åtgärder', label: 'Åtgärder' },
        { name: 'upphävd', label: 'Upphävd' },
        { name: 'dokumenttyp', label: 'Dokumenttyp', widget: 'hidden' },
      ],
      {
        beslutande_organ: { konfiguration: { stadsdirektoren: config } },
        dokumentansvarig: { konfiguration: { stadsledningsforvaltningen: config } },
        genomför: { dokument: { 'strategi-y': { id: 'strategi-y', titel: 'Strategi Y' } } },
      },
    );
    expect(drawn.children.slice(0, 3)).toEqual([h('p', { className: 'typ' }, 'Riktlinje'), h('h1', null, 'Riktlinje för X'), null]);
    expect(rows(drawn)).toEqual([
      ['Beslutande organ', 'Stadsdirektör'],
      ['Beslut', 'Beslutsdatum: 2 mars 2026, Paragraf: 12'],
      ['Antagen till följd av lag', 'ja'],
      ['Dokumentansvarig', 'Stadsledningsförvaltningen'],
      // An id the lists do not know is shown as it is written.
      ['Genomför', 'Strategi Y, okand'],
      ['Åtgärder', 'Gör något. | a2'],
    ]);
    expect(drawn.children.at(-1)).toBe('TEXTEN');
  });

  test('a new, empty document draws without a header', () => {
    const drawn = draw({}, [{ name: 'titel', label: 'Titel' }]);
    expect(rows(drawn)).toEqual([]);
    expect(drawn.children[1]).toEqual(h('h1', null, ''));
  });
});
