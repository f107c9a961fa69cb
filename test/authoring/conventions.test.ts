import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { schemaModeline, slugify } from '../../src/authoring/conventions.js';

describe('schemaModeline', () => {
  it("points from the document's folder to the kind's schema", () => {
    const root = path.join(path.sep, 'repo');
    expect(schemaModeline('strategi', path.join(root, 'strategy/strategier/a.md'), path.join(root, 'schemas'))).toBe('# yaml-language-server: $schema=../../schemas/strategi.schema.json');
  });

  it('writes a space on the way as %20, so the editor reads the whole path', () => {
    const docs = path.join(path.sep, 'Users', 'OneDrive - Solna stad', 'styrdok', 'strategy', 'riktlinjer', 'a.md');
    const schemas = path.join(path.sep, 'Users', 'Mina scheman');
    expect(schemaModeline('riktlinje', docs, schemas)).toBe('# yaml-language-server: $schema=../../../../Mina%20scheman/riktlinje.schema.json');
  });
});

describe('slugify', () => {
  it('makes an id of a title, and drops the invisible characters Word leaves in it', () => {
    expect(slugify('Trygghetsstrategi 2024–2026')).toBe('trygghetsstrategi-2024-2026');
    expect(slugify('Riktlinje för kame\u00adror\u200b')).toBe('riktlinje-for-kameror');
    expect(slugify('\ufeffPolicy för\u00a0trygghet\u202e')).toBe('policy-for-trygghet');
  });
});
