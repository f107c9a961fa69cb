#!/usr/bin/env node
// Bundles cms/styrdok-cms.js, the script that makes Decap CMS save a document by changing only what the
// clerk changed (src/cms/entry-text.ts) and preview it as a reader sees it (src/cms/preview.ts), with the
// yaml library it uses, for the browser. Run it after generate-cms-config.mjs, whose collections it reads:
//
//   node scripts/build-cms-script.mjs          writes cms/styrdok-cms.js (after npm run build)
//   node scripts/build-cms-script.mjs --check  exits 1 if cms/styrdok-cms.js is not current (tests)
//
// The file is committed, as cms/config.yml is, so cms/ can be published as it is, without a build step.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { parse } from 'yaml';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const BUNDLE = path.join(ROOT, 'cms/styrdok-cms.js');

const HEADER = `// GENERERAD av scripts/build-cms-script.mjs från src/cms/: ändra inte för hand.
// Innehåller biblioteket yaml (ISC-licens, Eemeli Aro, https://eemeli.org/yaml/).`;

/** The modeline `styrdok new` writes in a new document of each dokumenttyp, relative to its folder. */
async function modelines() {
  const conventions = new URL('../dist/authoring/conventions.js', import.meta.url);
  if (!existsSync(conventions)) {
    process.stderr.write('Hittar inte dist/authoring/conventions.js: kör npm run build först.\n');
    process.exit(2);
  }
  const { KINDS, documentPath, schemaModeline } = await import(conventions.href);
  return Object.fromEntries(KINDS.map((kind) => [kind, schemaModeline(kind, path.join(ROOT, documentPath(kind, 'dokument', 2026)), path.join(ROOT, 'schemas'))]));
}

/** The collections of documents in cms/config.yml: each gets the preview. */
function documentCollections() {
  const config = parse(readFileSync(path.join(ROOT, 'cms/config.yml'), 'utf8'));
  return config.collections.filter((c) => c.format === 'styrdok-frontmatter' && !c.hide).map((c) => c.name);
}

export async function bundleText() {
  const result = await build({
    entryPoints: [path.join(ROOT, 'src/cms/decap-setup.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    minify: true,
    legalComments: 'none',
    charset: 'utf8',
    define: { STYRDOK_MODELINES: JSON.stringify(await modelines()), STYRDOK_COLLECTIONS: JSON.stringify(documentCollections()) },
    banner: { js: HEADER },
    logLevel: 'silent',
  });
  return result.outputFiles[0].text;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const text = await bundleText();
  if (process.argv.includes('--check')) {
    const current = existsSync(BUNDLE) ? readFileSync(BUNDLE, 'utf8') : '';
    if (current !== text) {
      process.stderr.write('cms/styrdok-cms.js är inte aktuell: kör node scripts/build-cms-script.mjs.\n');
      process.exit(1);
    }
  } else {
    writeFileSync(BUNDLE, text);
    process.stdout.write(`Skrev ${path.relative(ROOT, BUNDLE)} (${Math.round(text.length / 1024)} kB).\n`);
  }
}
