#!/usr/bin/env node
// Generates cms/config.yml, the Decap CMS configuration for editing styrdokument in the browser, from
// schemas/*.schema.json and the kommun's config. Run it after changing a schema or the organs:
//
//   node scripts/generate-cms-config.mjs          writes cms/config.yml (after npm run build)
//   node scripts/generate-cms-config.mjs --check  exits 1 if cms/config.yml is not current (tests, CI)
//
// One collection per dokumenttyp (folder by type, as in src/authoring/conventions.ts), one field per schema
// property with the schema's Swedish title as label and its description as hint. Saving in the CMS opens a
// pull request (publish_mode: editorial_workflow), so the check runs on every change before it lands.
import { readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse, stringify } from 'yaml';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

// The folder of each dokumenttyp under strategy/: the table `styrdok new` and `styrdok import` use, from the
// build (as generate-validators.mjs reads the schema code), so the two cannot drift apart.
const CONVENTIONS = new URL('../dist/authoring/conventions.js', import.meta.url);
if (!existsSync(CONVENTIONS)) {
  process.stderr.write('Hittar inte dist/authoring/conventions.js: kör npm run build först.\n');
  process.exit(2);
}
const { KIND_FOLDER } = await import(CONVENTIONS.href);

/** Schema file of each dokumenttyp: the schema whose dokumenttyp is that kind's const (as src/schema/schema-files.ts). */
const KIND_SCHEMA = Object.fromEntries(
  readdirSync(path.join(ROOT, 'schemas'))
    .filter((file) => file.endsWith('.schema.json'))
    .sort()
    .flatMap((file) => {
      const kind = JSON.parse(readFileSync(path.join(ROOT, 'schemas', file), 'utf8')).properties?.dokumenttyp?.const;
      return typeof kind === 'string' ? [[kind, file]] : [];
    }),
);

const CONFIG_FILE = 'strategy/styrdok.config.yaml';
// The format cms/styrdok-cms.js registers (src/cms/decap-setup.ts): a save changes only what the clerk
// changed, where Decap's own yaml-frontmatter writes the whole frontmatter anew.
const FORMAT = 'styrdok-frontmatter';
const ascii = (text) => text.replace(/[åä]/g, 'a').replace(/ö/g, 'o').replace(/Å|Ä/g, 'A').replace(/Ö/g, 'O');

function loadSchemas(dir) {
  return new Map(
    readdirSync(dir)
      .filter((f) => f.endsWith('.schema.json'))
      .sort()
      .map((f) => [f, JSON.parse(readFileSync(path.join(dir, f), 'utf8'))]),
  );
}

/** A schema node with its $refs followed: { parts: nearest first, file }. */
function resolver(schemas) {
  const follow = (ref, from) => {
    const [filePart, fragment = ''] = ref.split('#');
    const file = filePart || from;
    let node = schemas.get(file);
    for (const part of fragment.split('/').filter(Boolean)) node = node?.[part];
    return node ? { schema: node, file, defName: fragment.startsWith('/$defs/') ? fragment.slice(7) : undefined } : undefined;
  };
  const chain = (node) => {
    const out = [];
    let current = node;
    while (current && out.length < 16) {
      out.push(current);
      current = typeof current.schema.$ref === 'string' ? follow(current.schema.$ref, current.file) : undefined;
    }
    return out;
  };
  const info = (node) => {
    const parts = chain(node);
    const pick = (key) => parts.map((p) => p.schema[key]).find((v) => v !== undefined);
    // A kind's schema may narrow a shared property (dokumenttyp: { const }): the two are merged, nearest last.
    const properties = {};
    const propertyFile = {};
    for (const p of [...parts].reverse()) {
      for (const [k, v] of Object.entries(p.schema.properties ?? {})) {
        properties[k] = { ...(properties[k] ?? {}), ...v };
        propertyFile[k] = p.file;
      }
    }
    const required = [...new Set(parts.flatMap((p) => p.schema.required ?? []))];
    const itemsPart = parts.find((p) => p.schema.items);
    return {
      title: pick('title'),
      description: pick('description'),
      type: pick('type'),
      enum: pick('enum'),
      const: pick('const'),
      format: pick('format'),
      pattern: pick('pattern'),
      minimum: pick('minimum'),
      maximum: pick('maximum'),
      maxLength: pick('maxLength'),
      anyOf: pick('anyOf'),
      anyOfFile: parts.find((p) => p.schema.anyOf)?.file,
      defName: parts.map((p) => p.defName).find(Boolean),
      file: parts[0].file,
      properties,
      propertyFile,
      required,
      items: itemsPart ? { schema: itemsPart.schema.items, file: itemsPart.file } : undefined,
      isDate: parts.some((p) => p.schema.format === 'date'),
    };
  };
  return { info, chain };
}

/** Where attachments (bilagor) are kept in the repository, and their address on the site. */
const MEDIA_FOLDER = 'strategy/bilagor';
const PUBLIC_FOLDER = '/bilagor';

const FREE_TEXT = new Set(['text', 'beskrivning', 'kommentar', 'uppföljning', 'sammanfattning', 'övergripande_mål', 'motivering', 'åtgärder']);

function hint(description, extra) {
  return [description, extra].filter(Boolean).join(' ') || undefined;
}

/** Builds the CMS field for one schema property. */
function fieldFor(name, node, required, ctx) {
  const { info } = ctx.resolve;
  const i = info(node);
  const label = i.title ?? name.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase());
  const base = { label, name };
  const withMeta = (field, extraHint) => {
    const h = hint(i.description, extraHint);
    return { ...base, ...field, ...(h ? { hint: h } : {}), ...(required ? {} : { required: false }) };
  };
  const relation = (collection, valueField, searchFields, displayFields, extra = {}) => ({ widget: 'relation', collection, ...extra, value_field: valueField, search_fields: searchFields, display_fields: displayFields });
  const organRelation = relation('konfiguration', 'organ.*.id', ['organ.*.namn', 'organ.*.id'], ['organ.*.namn'], { file: 'styrdok' });
  const chefRelation = relation('konfiguration', 'förvaltningar.*.chef.id', ['förvaltningar.*.chef.titel'], ['förvaltningar.*.chef.titel'], { file: 'styrdok' });
  const forvaltningRelation = relation('konfiguration', 'förvaltningar.*.id', ['förvaltningar.*.namn', 'förvaltningar.*.id'], ['förvaltningar.*.namn'], { file: 'styrdok' });

  if (i.const !== undefined) return { ...base, widget: 'hidden', default: i.const };
  if (ctx.top && name === 'beslutande_organ') {
    const byChef = (ctx.typeRules?.beslutas_av ?? []).includes('förvaltningschef');
    return withMeta(byChef ? chefRelation : organRelation, byChef ? 'Välj förvaltningschefen som godkände dokumentet.' : 'Välj organet som fattade beslutet.');
  }
  if (name === 'nämnd' || (name === 'organ' && ctx.parent === 'upphävd')) return withMeta(organRelation);
  if (name === 'dokumentansvarig' || name === 'ansvarig') return withMeta(forvaltningRelation);
  if (i.defName === 'idLista') return withMeta(relation('dokument', 'id', ['titel', 'id'], ['titel'], { multiple: true }), 'Välj ett eller flera dokument.');
  if (i.enum) return withMeta({ widget: 'select', options: i.enum.map((v) => String(v)) });
  if (Array.isArray(i.anyOf)) {
    const options = i.anyOf.map((option) => info({ schema: option, file: i.anyOfFile }));
    if (options.some((o) => o.type === 'boolean')) return withMeta({ widget: 'boolean', default: false }, 'En lag som anges med beteckning (till exempel SFS 2023:196) skrivs direkt i filen.');
    // A year (klart: 2025) is a number in the file, and the same year as text ('2025') to the schema, which is
    // what a string field writes. The pattern must let the number through too: Decap tests a document's
    // values as they are read, and refused to save a document with a year in it.
    const textual = options.filter((o) => !(o.type === 'string' && o.pattern));
    const alternatives = textual.map((o) =>
      o.isDate ? '\\d{4}-\\d{2}-\\d{2}' : o.type === 'integer' ? '\\d{4}' : o.const !== undefined ? String(o.const).replace(/[.*+?^${}()|[\]\\]/g, '\\$&') : undefined,
    );
    if (alternatives.every(Boolean)) {
      const words = textual.map((o) => (o.isDate ? 'ett datum ÅÅÅÅ-MM-DD' : o.type === 'integer' ? 'ett år ÅÅÅÅ' : `«${o.const}»`));
      const last = words.pop();
      return withMeta({ widget: 'string', pattern: [`^(${alternatives.join('|')})$`, `Skriv ${words.length ? `${words.join(', ')} eller ${last}` : last}.`] });
    }
    return withMeta({ widget: 'string' });
  }
  if (i.isDate) return withMeta({ widget: 'datetime', format: 'YYYY-MM-DD', date_format: 'YYYY-MM-DD', time_format: false, picker_utc: true });
  if (i.type === 'integer' || i.type === 'number') {
    return withMeta({ widget: 'number', value_type: i.type === 'integer' ? 'int' : 'float', ...(i.minimum !== undefined ? { min: i.minimum } : {}), ...(i.maximum !== undefined ? { max: i.maximum } : {}) });
  }
  if (i.type === 'boolean') return withMeta({ widget: 'boolean', default: false });
  if (i.type === 'array' && i.items) {
    const item = info(i.items);
    if (item.type === 'object' || Object.keys(item.properties).length) {
      const fields = objectFields(i.items, { ...ctx, top: false, parent: name });
      const summaryField = ['rubrik', 'titel', 'text', 'namn', 'period', 'id'].find((f) => f in item.properties);
      return withMeta({ widget: 'list', ...(summaryField ? { summary: `{{fields.${summaryField}}}` } : {}), fields });
    }
    const inner = fieldFor(name, i.items, true, { ...ctx, top: false });
    delete inner.hint;
    return withMeta({ widget: 'list', field: { ...inner, label: item.title ?? label } });
  }
  // A map with keys of its own (avstämd_mot, written by styrdok confirm) cannot be a form: it is kept as it is.
  if (i.type === 'object' && !Object.keys(i.properties).length) return { ...base, widget: 'hidden', ...(required ? {} : { required: false }) };
  if (i.type === 'object' || Object.keys(i.properties).length) {
    // Decap demands an optional object's required fields even when the object is left empty, so a draft (no
    // beslut) or a document in force (no upphävd) could not be saved: there they are optional, and styrdok check
    // says what is missing in an object that is filled in.
    const fields = objectFields(node, { ...ctx, top: false, parent: name }).map((f) => (required ? f : { ...f, required: false }));
    return withMeta({ widget: 'object', collapsed: false, fields }, required ? undefined : 'Lämna tomt, eller fyll i det som krävs (styrdok check säger vad som saknas).');
  }
  if (i.pattern) return withMeta({ widget: 'string', pattern: [i.pattern, i.defName === 'id' ? 'Bara små bokstäver a–z, siffror och bindestreck.' : `Skriv värdet som schemat kräver (${i.pattern}).`] });
  if (FREE_TEXT.has(name) || (i.maxLength ?? 0) > 300) return withMeta({ widget: 'text' });
  return withMeta({ widget: 'string' });
}

function objectFields(node, ctx) {
  const i = ctx.resolve.info(node);
  return Object.entries(i.properties).map(([name, schema]) => fieldFor(name, { schema, file: i.propertyFile[name] ?? i.file }, i.required.includes(name), ctx));
}

/** The whole Decap config as a plain object. */
/** owner/name of the GitHub repository from package.json's "repository", or a placeholder to replace. */
export function repositoryOf(root) {
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  const url = typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url;
  const m = url ? /(?:github[:.](?:com[/:])?)?([\w.-]+\/[\w.-]+?)(?:\.git)?$/.exec(url) : null;
  return m ? m[1] : 'kommunen/styrdok';
}

export function buildConfig({ root = ROOT, configFile = CONFIG_FILE, repo = repositoryOf(root), branch = 'main' } = {}) {
  const schemas = loadSchemas(path.join(root, 'schemas'));
  const resolve = resolver(schemas);
  const kommun = parse(readFileSync(path.join(root, configFile), 'utf8'));
  // In the order of the folder table (policy first), not the schema files' alphabetical order.
  const collections = Object.keys(KIND_FOLDER).map((kind) => [kind, KIND_SCHEMA[kind]]).map(([kind, file]) => {
    const node = { schema: schemas.get(file), file };
    const info = resolve.info(node);
    const rules = kommun.dokumenttyper?.[kind];
    const folder = KIND_FOLDER[kind];
    const shared = Object.entries(KIND_FOLDER).filter(([, f]) => f === folder).length > 1;
    const fields = objectFields(node, { resolve, typeRules: rules, top: true, kind });
    return {
      name: ascii(kind),
      label: rules?.plural ?? info.title,
      label_singular: rules?.namn ?? info.title,
      description: info.description,
      folder: `strategy/${folder}`,
      // A plan lives in its year's folder: {{år}}, since in a path Decap leaves {{fields.år}} empty (a new plan
      // became strategy/verksamhetsplaner//.md). Decap then looks for an entry's media beside it, among the
      // year's plans; the attachments go where every other document's do.
      ...(kind === 'verksamhetsplan' ? { path: '{{år}}/{{slug}}', media_folder: `/${MEDIA_FOLDER}`, public_folder: PUBLIC_FOLDER } : {}),
      ...(shared ? { filter: { field: 'dokumenttyp', value: kind } } : {}),
      create: true,
      extension: 'md',
      format: FORMAT,
      identifier_field: 'titel',
      slug: '{{fields.id}}',
      summary: '{{titel}}',
      sortable_fields: ['titel', 'id'],
      fields: [...fields, { label: 'Text', name: 'body', widget: 'markdown', hint: 'Dokumentets text. Rubriker börjar på nivå 2 (##): titeln är rubriken på nivå 1.' }],
    };
  });
  return {
    backend: { name: 'github', repo, branch },
    local_backend: true,
    publish_mode: 'editorial_workflow',
    locale: 'sv',
    ...(kommun.webbplats?.bas_url ? { site_url: kommun.webbplats.bas_url } : {}),
    media_folder: MEDIA_FOLDER,
    public_folder: PUBLIC_FOLDER,
    slug: { encoding: 'ascii', clean_accents: true },
    collections: [
      ...collections,
      {
        name: 'dokument',
        label: 'Alla styrdokument',
        description: 'Alla dokument, för val av relationer (ersätter, genomför, kompletteras med). Redigeras i sina egna samlingar.',
        folder: 'strategy',
        nested: { depth: 3 },
        hide: true,
        create: false,
        delete: false,
        extension: 'md',
        format: FORMAT,
        identifier_field: 'titel',
        fields: [
          { label: 'Id', name: 'id', widget: 'string' },
          { label: 'Titel', name: 'titel', widget: 'string' },
        ],
      },
      {
        name: 'konfiguration',
        label: 'Konfiguration',
        description: 'Organ och förvaltningar ur kommunens konfiguration, för valen i formulären. Ändras i filen, inte här.',
        hide: true,
        delete: false,
        publish: false,
        files: [
          {
            name: 'styrdok',
            label: 'Kommunens konfiguration',
            file: configFile,
            fields: [
              { label: 'Organ', name: 'organ', widget: 'list', fields: [{ label: 'Id', name: 'id', widget: 'string' }, { label: 'Namn', name: 'namn', widget: 'string' }] },
              {
                label: 'Förvaltningar',
                name: 'förvaltningar',
                widget: 'list',
                fields: [
                  { label: 'Id', name: 'id', widget: 'string' },
                  { label: 'Namn', name: 'namn', widget: 'string' },
                  { label: 'Chef', name: 'chef', widget: 'object', fields: [{ label: 'Id', name: 'id', widget: 'string' }, { label: 'Titel', name: 'titel', widget: 'string' }] },
                ],
              },
            ],
          },
        ],
      },
    ],
  };
}

export const HEADER = `# Decap CMS: redigering av styrdokument i webbläsaren. Se docs/redigera.md.
# GENERERAD av scripts/generate-cms-config.mjs från schemas/ och ${CONFIG_FILE}: ändra inte för hand,
# ändra schemat och kör node scripts/generate-cms-config.mjs.
`;

export function renderConfig(options) {
  return HEADER + stringify(buildConfig(options), { lineWidth: 0 });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const check = process.argv.includes('--check');
  const out = path.join(ROOT, 'cms', 'config.yml');
  const text = renderConfig();
  if (check) {
    const current = existsSync(out) ? readFileSync(out, 'utf8') : '';
    if (current !== text) {
      process.stderr.write('cms/config.yml är inte aktuell: kör node scripts/generate-cms-config.mjs och checka in resultatet.\n');
      process.exit(1);
    }
    process.stdout.write('cms/config.yml är aktuell.\n');
  } else {
    writeFileSync(out, text);
    process.stdout.write(`Skrev ${path.relative(process.cwd(), out)}.\n`);
  }
}
