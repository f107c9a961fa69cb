import { describe, expect, it } from 'vitest';
import { splitFrontmatter } from '../../src/load/frontmatter.js';
import { parseYamlSource } from '../../src/load/yaml-source.js';

describe('splitFrontmatter', () => {
  it('separates YAML and body and says where the body starts', () => {
    const split = splitFrontmatter('---\nid: a\n---\n# Rubrik\n');
    expect(split).toMatchObject({ yaml: 'id: a', yamlLineOffset: 1, body: '# Rubrik\n', bodyStartLine: 4 });
  });
  it('accepts a BOM, CRLF line endings and a ... terminator', () => {
    expect(splitFrontmatter('\uFEFF---\r\nid: a\r\n...\r\ntext').yaml).toBe('id: a');
  });
  it('names the problem: missing, not at the start, unclosed', () => {
    expect(splitFrontmatter('# Bara text').problem).toEqual({ kind: 'missing' });
    expect(splitFrontmatter('\n\n---\nid: a\n---\n').problem).toEqual({ kind: 'not-at-start', line: 3 });
    expect(splitFrontmatter('---\nid: a\n').problem).toEqual({ kind: 'unclosed' });
  });
});

describe('parseYamlSource', () => {
  it('locates keys and list items in file coordinates', () => {
    const source = parseYamlSource('id: a\nbeslut:\n  datum: 2023-12-18\nlista:\n  - x\n  - y\n', 1);
    expect(source.locate(['beslut', 'datum']).start).toEqual({ line: 4, column: 3 });
    expect(source.locate(['lista', 1]).start).toEqual({ line: 7, column: 5 });
    // A missing key falls back to its nearest existing ancestor.
    expect(source.locate(['beslut', 'paragraf']).start).toEqual({ line: 3, column: 1 });
  });
  it('refuses aliases instead of expanding them', () => {
    const source = parseYamlSource('a: &x [1]\nb: *x\n', 1);
    expect(source.data).toBeUndefined();
    expect(source.problems[0]?.message).toMatch(/Alias/);
    expect(source.problems[0]?.span.start.line).toBe(3);
  });
  it('reports duplicate keys in Swedish at the second key', () => {
    const source = parseYamlSource('id: a\nid: b\n', 1);
    expect(source.problems).toHaveLength(1);
    expect(source.problems[0]?.message).toMatch(/^Nyckeln finns redan/);
    expect(source.problems[0]?.span.start).toEqual({ line: 3, column: 1 });
  });
});
