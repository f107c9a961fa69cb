import { DomUtils, parseDocument } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/model/diagnostic.js';
import { escapeXml, junit } from '../../src/report/formatters/junit.js';
import { context, diagnostics } from './fixture.js';

// htmlparser2 (in node_modules through @11ty/eleventy) in XML mode; it parses leniently, so a strict
// parser such as fast-xml-parser's XMLValidator would be the better check if it is ever added.
function parse(xml: string) {
  const doc = parseDocument(xml, { xmlMode: true });
  const all = (name: string, node: Parameters<typeof DomUtils.getElementsByTagName>[1] = doc) =>
    DomUtils.getElementsByTagName(name, node, true);
  return { doc, all };
}

describe('junit', () => {
  const xml = junit(diagnostics, context);
  const { all } = parse(xml);

  it('has one testsuite per checked file with correct counts', () => {
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites ')).toBe(true);
    expect(all('testsuites')[0]?.attribs).toMatchObject({ name: 'styrdok', tests: '6', failures: '3', errors: '0' });
    const suites = all('testsuite').map((s) => [s.attribs.name, s.attribs.tests, s.attribs.failures]);
    expect(suites).toEqual([
      ['strategy/a.md', '1', '0'],
      ['strategy/policyer/långsiktig hållbarhet.md', '2', '2'],
      ['strategy/policyer/miljöpolicy 2024.md', '1', '0'],
      ['strategy/riktlinjer/avfall.md', '1', '1'],
      ['strategy/riktlinjer/städning.md', '1', '0'],
    ]);
    expect(all('testcase')).toHaveLength(6);
    expect(all('failure')).toHaveLength(3);
  });

  it('keeps messages intact through escaping, line breaks included', () => {
    const [warning, error] = all('failure');
    expect(warning?.attribs).toEqual({ type: 'warning', message: 'Dokumentet är ersatt av "Miljöpolicy 2024".' });
    expect(DomUtils.textContent(warning!)).toBe(
      'strategy/policyer/långsiktig hållbarhet.md:3:1 ersatt-dokument\nse även strategy/policyer/miljöpolicy 2024.md:1:1: Det ersättande dokumentet',
    );
    expect(error?.attribs).toEqual({ type: 'error', message: 'Fältet "ägare" saknas.\nLägg till: ägare, t.ex. kommunstyrelsen.' });
    expect(DomUtils.textContent(error!)).toBe('strategy/policyer/långsiktig hållbarhet.md:12:3 agare-saknas');
    expect(all('testcase')[1]?.attribs).toEqual({ classname: 'strategy/policyer/långsiktig hållbarhet.md', name: 'ersatt-dokument 3:1' });
  });

  it('escapes markup and drops characters XML 1.0 cannot hold', () => {
    expect(escapeXml(`<a href="x">&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;');
    expect(escapeXml('a\u0000b\u0007c\u001bd\uFFFEe\uD800f\tg😀')).toBe('abcdef\tg😀');
    const d: Diagnostic = {
      file: 'R&D <utkast>.md',
      span: { start: { line: 1, column: 1 } },
      ruleId: 'r',
      severity: 'error',
      message: 'Tecken \u0001 och </failure> & "citat"',
    };
    const out = junit([d], { ...context, files: [] });
    expect(out).not.toMatch(/[\u0000-\u0008]/);
    const failure = parse(out).all('failure');
    expect(failure).toHaveLength(1);
    expect(failure[0]?.attribs.message).toBe('Tecken  och </failure> & "citat"');
    expect(parse(out).all('testsuite')[0]?.attribs.name).toBe('R&D <utkast>.md');
  });

  it('passes every file when there are no findings', () => {
    const clean = parse(junit([], context));
    expect(clean.all('testsuites')[0]?.attribs).toMatchObject({ tests: '5', failures: '0' });
    expect(clean.all('failure')).toHaveLength(0);
    expect(clean.all('testcase').map((t) => t.attribs.name)).toEqual(Array(5).fill('Inga problem'));
  });
});
