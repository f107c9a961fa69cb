import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { KIND_FOLDER, KINDS } from '../../src/authoring/conventions.js';
import { childNode, kindNode, propertyOrder, type SchemaNode } from '../../src/authoring/schema-info.js';
import { REPO_ROOT } from './helpers.js';

const GENERATOR = path.join(REPO_ROOT, 'scripts/generate-cms-config.mjs');
const CONFIG = path.join(REPO_ROOT, 'cms/config.yml');

interface Field {
  name: string;
  label?: string;
  widget?: string;
  required?: boolean;
  fields?: Field[];
  field?: Field;
  collection?: string;
  file?: string;
  value_field?: string;
  options?: string[];
  hint?: string;
  [key: string]: unknown;
}
interface Collection {
  name: string;
  label: string;
  folder?: string;
  files?: { name: string; file: string; fields: Field[] }[];
  fields?: Field[];
  filter?: { field: string; value: string };
  hide?: boolean;
  [key: string]: unknown;
}

// The part of Decap CMS's own config schema (decap-cms-core, src/constants/configSchema.js and the widgets'
// schemas) that a generated config can get wrong.
const FIELD = {
  $id: 'field',
  type: 'object',
  required: ['name'],
  properties: {
    name: { type: 'string', minLength: 1 },
    label: { type: 'string' },
    widget: { enum: ['string', 'text', 'markdown', 'number', 'boolean', 'datetime', 'select', 'relation', 'list', 'object', 'hidden'] },
    required: { type: 'boolean' },
    hint: { type: 'string' },
    pattern: { type: 'array', minItems: 2, maxItems: 2, items: { type: 'string' } },
    fields: { type: 'array', minItems: 1, items: { $ref: 'field' } },
    field: { $ref: 'field' },
  },
  allOf: [
    { if: { properties: { widget: { const: 'relation' } }, required: ['widget'] }, then: { required: ['collection', 'value_field', 'search_fields'], properties: { search_fields: { type: 'array', minItems: 1 }, display_fields: { type: 'array', minItems: 1 } } } },
    { if: { properties: { widget: { const: 'select' } }, required: ['widget'] }, then: { required: ['options'], properties: { options: { type: 'array', minItems: 1 } } } },
    { if: { properties: { widget: { const: 'object' } }, required: ['widget'] }, then: { required: ['fields'] } },
    { if: { properties: { widget: { const: 'number' } }, required: ['widget'] }, then: { properties: { value_type: { enum: ['int', 'float'] } } } },
  ],
};
const DECAP = {
  type: 'object',
  required: ['backend', 'collections', 'media_folder'],
  properties: {
    backend: { type: 'object', required: ['name'], properties: { name: { type: 'string' }, repo: { type: 'string', pattern: '^[^/]+/[^/]+$' } } },
    publish_mode: { enum: ['simple', 'editorial_workflow', ''] },
    media_folder: { type: 'string' },
    collections: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['name', 'label'],
        properties: {
          name: { type: 'string', pattern: '^[a-z0-9_-]+$' },
          fields: { type: 'array', minItems: 1, items: { $ref: 'field' } },
          files: { type: 'array', items: { type: 'object', required: ['name', 'label', 'file', 'fields'], properties: { fields: { type: 'array', minItems: 1, items: { $ref: 'field' } } } } },
          // Decap's own formats, and the one cms/styrdok-cms.js registers before Decap reads the config.
          format: { enum: ['yml', 'yaml', 'toml', 'json', 'frontmatter', 'yaml-frontmatter', 'toml-frontmatter', 'json-frontmatter', 'styrdok-frontmatter'] },
          nested: { type: 'object', required: ['depth'] },
        },
        oneOf: [{ required: ['files'] }, { required: ['folder', 'fields'] }],
      },
    },
  },
};

function load(): { collections: Collection[]; [key: string]: unknown } {
  return parse(readFileSync(CONFIG, 'utf8')) as { collections: Collection[] };
}

function allFields(fields: Field[] | undefined): Field[] {
  return (fields ?? []).flatMap((f) => [f, ...allFields(f.fields), ...(f.field ? allFields([f.field]) : [])]);
}

describe('cms/config.yml (Decap CMS)', () => {
  it('is current: generating it again from the schemas gives the same file', () => {
    const result = spawnSync(process.execPath, [GENERATOR, '--check'], { cwd: REPO_ROOT, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('gives every collection of documents the format cms/styrdok-cms.js registers (with a preview for each), and that script is current', () => {
    const formats = new Set(load().collections.filter((c) => c.extension === 'md').map((c) => c.format));
    expect([...formats]).toEqual(['styrdok-frontmatter']);
    const script = readFileSync(path.join(REPO_ROOT, 'cms/styrdok-cms.js'), 'utf8');
    expect(script).toContain(`registerCustomFormat("styrdok-frontmatter"`);
    expect(script).toContain('registerPreviewTemplate(');
    const result = spawnSync(process.execPath, [path.join(REPO_ROOT, 'scripts/build-cms-script.mjs'), '--check'], { cwd: REPO_ROOT, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('is valid YAML of the shape Decap expects, with unique field names and a pull request for every save', () => {
    const config = load();
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    ajv.addSchema(FIELD);
    const validate = ajv.compile(DECAP);
    expect(validate(config), JSON.stringify(validate.errors, null, 2)).toBe(true);
    expect(config.publish_mode).toBe('editorial_workflow');
    const names = config.collections.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
    const checkUnique = (fields: Field[] | undefined, where: string) => {
      const list = (fields ?? []).map((f) => f.name);
      expect(new Set(list).size, `field names in ${where}`).toBe(list.length);
      for (const f of fields ?? []) checkUnique(f.fields, `${where}.${f.name}`);
    };
    for (const c of config.collections) checkUnique(c.fields, c.name);
  });

  it('has one collection per dokumenttyp in the folder the conventions use, saving YAML frontmatter with a body (styrdok-frontmatter)', () => {
    const config = load();
    for (const kind of KINDS) {
      const collection = config.collections.find((c) => c.filter?.value === kind || (c.folder === `strategy/${KIND_FOLDER[kind]}` && !c.filter));
      expect(collection, kind).toBeDefined();
      expect(collection!.folder).toBe(`strategy/${KIND_FOLDER[kind]}`);
      expect(collection!.format).toBe('styrdok-frontmatter');
      expect(collection!.identifier_field).toBe('titel');
      const shared = KINDS.filter((k) => KIND_FOLDER[k] === KIND_FOLDER[kind]).length > 1;
      expect(Boolean(collection!.filter), `${kind} needs a filter when its folder is shared`).toBe(shared);
      const typ = collection!.fields!.find((f) => f.name === 'dokumenttyp');
      expect(typ).toMatchObject({ widget: 'hidden', default: kind });
      expect(collection!.fields!.at(-1)).toMatchObject({ name: 'body', widget: 'markdown' });
    }
  });

  it('covers every property of every schema, shared and nested, with a field labelled from the schema', () => {
    const config = load();
    let checked = 0;
    const walk = (node: SchemaNode, fields: Field[] | undefined, where: string) => {
      for (const key of propertyOrder(node)) {
        const field = fields?.find((f) => f.name === key);
        expect(field, `${where}.${key} has a field`).toBeDefined();
        expect(field!.label, `${where}.${key} has a label`).toBeTruthy();
        checked++;
        const child = childNode(node, key);
        if (!child) continue;
        const items = childNode(child, 0);
        if (items && propertyOrder(items).length) {
          expect(field!.widget, `${where}.${key} is a list`).toBe('list');
          walk(items, field!.fields, `${where}.${key}[]`);
        } else if (propertyOrder(child).length) {
          expect(field!.widget, `${where}.${key} is an object`).toBe('object');
          walk(child, field!.fields, `${where}.${key}`);
        }
      }
    };
    for (const kind of KINDS) {
      const collection = config.collections.find((c) => c.filter?.value === kind || (c.folder === `strategy/${KIND_FOLDER[kind]}` && !c.filter))!;
      walk(kindNode(kind)!, collection.fields, kind);
    }
    expect(checked).toBeGreaterThan(200);
  });

  it('chooses widgets from the schema types: dates, selects, numbers, relations to the config and to other documents', () => {
    const config = load();
    const strategi = config.collections.find((c) => c.name === 'strategi')!;
    const field = (pathText: string) => {
      let fields = strategi.fields;
      let found: Field | undefined;
      for (const name of pathText.split('.')) {
        found = fields?.find((f) => f.name === name);
        fields = found?.fields;
      }
      return found!;
    };
    expect(field('beslut.datum')).toMatchObject({ label: 'Beslutsdatum', widget: 'datetime', format: 'YYYY-MM-DD', time_format: false });
    expect(field('beslut.paragraf')).toMatchObject({ widget: 'number', value_type: 'int', min: 1, required: false });
    expect(field('beslutande_organ')).toMatchObject({ widget: 'relation', collection: 'konfiguration', file: 'styrdok', value_field: 'organ.*.id' });
    expect(field('dokumentansvarig')).toMatchObject({ widget: 'relation', value_field: 'förvaltningar.*.id' });
    expect(field('ersätter')).toMatchObject({ widget: 'relation', collection: 'dokument', value_field: 'id', multiple: true, required: false });
    expect(field('åtgärder.prioritet')).toMatchObject({ widget: 'select', options: ['hög', 'medel', 'låg'] });
    expect(field('giltighetstid.till')).toMatchObject({ widget: 'string', pattern: ['^(\\d{4}-\\d{2}-\\d{2}|tills vidare)$', 'Skriv ett datum ÅÅÅÅ-MM-DD eller «tills vidare».'] });
    expect(field('titel')).toMatchObject({ label: 'Titel', widget: 'string', hint: 'Dokumentets fullständiga titel.' });
    expect(field('titel').required).toBeUndefined();
    expect(field('nyckelord')).toMatchObject({ widget: 'list', field: { widget: 'string' } });
    // An anvisning is approved by a chef, not an organ.
    const anvisning = config.collections.find((c) => c.name === 'anvisning')!;
    expect(anvisning.fields!.find((f) => f.name === 'beslutande_organ')).toMatchObject({ value_field: 'förvaltningar.*.chef.id' });

    // Every relation points at a collection (and file) that exists, and to fields that collection has.
    const byName = new Map(config.collections.map((c) => [c.name, c]));
    for (const c of config.collections) {
      for (const f of allFields(c.fields).filter((x) => x.widget === 'relation')) {
        const target = byName.get(f.collection!);
        expect(target, `${c.name}.${f.name} → ${f.collection}`).toBeDefined();
        const targetFields = f.file ? target!.files!.find((x) => x.name === f.file)!.fields : target!.fields!;
        const first = f.value_field!.split('.')[0]!;
        expect(targetFields.map((x) => x.name), `${c.name}.${f.name}`).toContain(first);
      }
    }
    const configFile = byName.get('konfiguration')!.files![0]!.file;
    expect(readFileSync(path.join(REPO_ROOT, configFile), 'utf8')).toContain('förvaltningar:');
  });
});
