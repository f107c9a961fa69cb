import type { Diagnostic } from '../../model/diagnostic.js';
import type { Formatter } from '../formatter.js';
import { allFiles, groupByFile, position } from './common.js';

/** Characters XML 1.0 cannot carry at all, not even as references; lone surrogates included (the u flag makes them code points). */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function escapeXml(text: string): string {
  return text
    .replace(NOT_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** Parsers turn raw tabs and line breaks in attributes into spaces; references keep them. */
function attr(text: string): string {
  return escapeXml(text).replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
}

function testcase(file: string, d: Diagnostic): string {
  const where = `${file}:${position(d.span.start)}`;
  const body = [`${where} ${d.ruleId}`, ...(d.related ?? []).map((r) => `se även ${r.file}:${position(r.span.start)}: ${r.message}`)];
  return (
    `    <testcase classname="${attr(file)}" name="${attr(`${d.ruleId} ${position(d.span.start)}`)}">\n` +
    `      <failure type="${d.severity}" message="${attr(d.message)}">${escapeXml(body.join('\n'))}</failure>\n` +
    `    </testcase>`
  );
}

/** One testsuite per checked file: a failing testcase per finding (warnings too), or one passing testcase. */
export const junit: Formatter = (diagnostics, context) => {
  const byFile = groupByFile(diagnostics);
  let tests = 0;
  const suites = allFiles(diagnostics, context).map((file) => {
    const found = byFile.get(file) ?? [];
    const cases = found.length
      ? found.map((d) => testcase(file, d))
      : [`    <testcase classname="${attr(file)}" name="Inga problem"/>`];
    tests += cases.length;
    const counts = `tests="${cases.length}" failures="${found.length}" errors="0" skipped="0"`;
    return `  <testsuite name="${attr(file)}" ${counts}>\n${cases.join('\n')}\n  </testsuite>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="styrdok" tests="${tests}" failures="${diagnostics.length}" errors="0">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
};

export default junit;
