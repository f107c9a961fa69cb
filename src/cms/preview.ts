/**
 * The CMS's preview of a document, beside the form: the header as a reader of the document sees it, with
 * the form's own labels, names instead of ids (Kommunstyrelsen, not kommunstyrelsen; a document's title, not
 * its id), dates written out, and then the text. Decap's own preview lists the bare values without labels,
 * which says a clerk little. Drawn with the `h` and `createClass` Decap puts on the page for previews, and
 * styled by cms/styrdok-cms.css.
 */
import { swedishDate } from '../corpus/dates.js';

/** The part of an Immutable.js value the preview reads. */
interface Immutable {
  get(key: string): unknown;
  toJS(): unknown;
}
interface FieldConfig {
  name: string;
  label?: string;
  widget?: string;
  fields?: FieldConfig[];
  field?: FieldConfig;
}
interface PreviewProps {
  entry: Immutable;
  fields?: Immutable;
  fieldsMetaData?: Immutable;
  collection?: Immutable;
  widgetFor(name: string): unknown;
}
type Element = unknown;
type H = (tag: string, props: Record<string, unknown> | null, ...children: unknown[]) => Element;

/** Shown before the text or not at all: the id is in the address, the title and summary are drawn apart. */
const LEFT_OUT = new Set(['id', 'titel', 'sammanfattning', 'body', 'dokumenttyp']);
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function previewTemplate(h: H, createClass: (spec: { render(this: { props: PreviewProps }): Element }) => unknown): unknown {
  return createClass({
    render() {
      return documentPreview(h, this.props);
    },
  });
}

function documentPreview(h: H, props: PreviewProps): Element {
  const data = (props.entry.get('data') as Immutable | undefined)?.toJS() as Record<string, unknown> | undefined ?? {};
  const fields = (props.fields?.toJS() as FieldConfig[] | undefined) ?? [];
  const meta = (props.fieldsMetaData?.toJS() as Record<string, unknown> | undefined) ?? {};
  const rows = fields
    .filter((field) => !LEFT_OUT.has(field.name) && field.widget !== 'hidden' && present(data[field.name]))
    .map((field) => [h('dt', null, field.label ?? field.name), h('dd', null, shown(h, field, data[field.name], meta[field.name]))]);
  return h(
    'article',
    null,
    h('p', { className: 'typ' }, String(props.collection?.get('label_singular') ?? '')),
    h('h1', null, text(data.titel)),
    present(data.sammanfattning) ? h('p', { className: 'sammanfattning' }, text(data.sammanfattning)) : null,
    rows.length ? h('dl', null, ...rows.flat()) : null,
    props.widgetFor('body'),
  );
}

/** A value as the reader should see it: names for ids, dates in words, lists as lists. */
function shown(h: H, field: FieldConfig, value: unknown, meta: unknown): Element {
  if (Array.isArray(value)) {
    if (value.every((item) => typeof item !== 'object')) return value.map((item) => named(item, meta)).join(', ');
    return h('ul', null, ...value.map((item) => h('li', null, itemText(item))));
  }
  if (isRecord(value)) {
    const parts = (field.fields ?? []).filter((sub) => present(value[sub.name])).map((sub) => `${sub.label ?? sub.name}: ${scalar(value[sub.name])}`);
    return parts.join(', ');
  }
  return named(value, meta);
}

/** An id chosen from a list (an organ, a förvaltning, a document) by its name, as the form's list shows it. */
function named(value: unknown, meta: unknown): string {
  if (typeof value !== 'string' || !isRecord(meta)) return scalar(value);
  for (const byValue of Object.values(meta)) {
    const chosen = isRecord(byValue) ? byValue[value] : undefined;
    const name = nameOf(chosen, value, 0);
    if (name) return name;
  }
  return value;
}

/** The name of the thing with id `id` in a related entry: the entry's own title, or an organ's or förvaltning's name in the config. */
function nameOf(node: unknown, id: string, depth: number): string | undefined {
  if (depth > 4 || node === null || typeof node !== 'object') return undefined;
  if (Array.isArray(node)) {
    for (const item of node) {
      const found = nameOf(item, id, depth + 1);
      if (found) return found;
    }
    return undefined;
  }
  const record = node as Record<string, unknown>;
  if (depth === 0 && typeof record.titel === 'string' && (record.id === undefined || record.id === id)) return record.titel;
  if (record.id === id && typeof (record.namn ?? record.titel) === 'string') return String(record.namn ?? record.titel);
  for (const child of Object.values(record)) {
    const found = nameOf(child, id, depth + 1);
    if (found) return found;
  }
  return undefined;
}

/** A goal, an area or a measure in a list: its heading or text. */
function itemText(item: unknown): string {
  if (!isRecord(item)) return scalar(item);
  const main = item.rubrik ?? item.titel ?? item.mål ?? item.text ?? item.id;
  return scalar(main);
}

function scalar(value: unknown): string {
  if (typeof value === 'boolean') return value ? 'ja' : 'nej';
  if (typeof value === 'string' && ISO_DATE.test(value)) return swedishDate(value);
  return value === undefined || value === null ? '' : String(value);
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function present(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return false;
  if (Array.isArray(value)) return value.length > 0;
  if (isRecord(value)) return Object.values(value).some(present);
  return true;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
