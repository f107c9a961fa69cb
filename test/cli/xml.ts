/**
 * A strict XML 1.0 well-formedness check, enough for the JUnit report: htmlparser2 (used to read the report)
 * accepts broken markup, so this is what fails on an unescaped &, a stray <, a bad character or an unclosed
 * element. Returns the problems; [] means well-formed. No DTDs (the report has none).
 */
export function xmlWellFormednessProblems(xml: string): string[] {
  const problems: string[] = [];
  const NAME = /^[A-Za-z_:][-A-Za-z0-9_:.]*/;
  const BAD_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;
  const REFERENCE = /^&(?:amp|lt|gt|quot|apos|#[0-9]+|#x[0-9A-Fa-f]+);/;
  const stack: string[] = [];
  let roots = 0;
  let i = 0;

  const checkText = (text: string, where: string, inAttribute: boolean) => {
    if (BAD_CHAR.test(text)) problems.push(`character not allowed in XML ${where}`);
    if (inAttribute && text.includes('<')) problems.push(`raw < in ${where}`);
    if (!inAttribute && text.includes(']]>')) problems.push(`]]> in ${where}`);
    for (let at = text.indexOf('&'); at >= 0; at = text.indexOf('&', at + 1)) {
      if (!REFERENCE.test(text.slice(at))) problems.push(`bare & in ${where}: ${JSON.stringify(text.slice(at, at + 12))}`);
    }
  };

  if (xml.startsWith('<?xml')) {
    const end = xml.indexOf('?>');
    if (end < 0) return ['unclosed XML declaration'];
    if (!/^<\?xml version="1\.[0-9]"( encoding="[A-Za-z][-A-Za-z0-9._]*")?( standalone="(yes|no)")?\s*\?>$/.test(xml.slice(0, end + 2))) {
      problems.push('malformed XML declaration');
    }
    i = end + 2;
  }
  while (i < xml.length) {
    if (!xml.startsWith('<', i)) {
      const next = xml.indexOf('<', i);
      const text = xml.slice(i, next < 0 ? xml.length : next);
      if (stack.length === 0 && text.trim() !== '') problems.push(`text outside the root element: ${JSON.stringify(text.slice(0, 20))}`);
      checkText(text, `text in <${stack.at(-1) ?? ''}>`, false);
      i = next < 0 ? xml.length : next;
      continue;
    }
    if (xml.startsWith('<!--', i)) {
      const end = xml.indexOf('-->', i + 4);
      if (end < 0) return [...problems, 'unclosed comment'];
      if (xml.slice(i + 4, end).includes('--')) problems.push('-- inside a comment');
      i = end + 3;
      continue;
    }
    if (xml.startsWith('<![CDATA[', i)) {
      if (!stack.length) problems.push('CDATA outside the root element');
      const end = xml.indexOf(']]>', i);
      if (end < 0) return [...problems, 'unclosed CDATA section'];
      i = end + 3;
      continue;
    }
    if (xml.startsWith('<?', i)) {
      const end = xml.indexOf('?>', i);
      if (end < 0) return [...problems, 'unclosed processing instruction'];
      i = end + 2;
      continue;
    }
    if (xml.startsWith('</', i)) {
      const name = NAME.exec(xml.slice(i + 2))?.[0];
      const close = xml.slice(i + 2 + (name?.length ?? 0)).match(/^\s*>/)?.[0];
      if (!name || !close) return [...problems, `malformed end tag at ${i}`];
      const open = stack.pop();
      if (open !== name) problems.push(`</${name}> closes <${open ?? 'nothing'}>`);
      i += 2 + name.length + close.length;
      continue;
    }
    const name = NAME.exec(xml.slice(i + 1))?.[0];
    if (!name) return [...problems, `malformed start tag at ${i}: ${JSON.stringify(xml.slice(i, i + 20))}`];
    if (!stack.length && roots++ > 0) problems.push(`a second root element <${name}>`);
    i += 1 + name.length;
    const attributes = new Set<string>();
    for (;;) {
      const rest = xml.slice(i);
      const end = /^\s*(\/?)>/.exec(rest);
      if (end) {
        if (!end[1]) stack.push(name);
        i += end[0].length;
        break;
      }
      const attribute = /^(\s+)([A-Za-z_:][-A-Za-z0-9_:.]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/.exec(rest);
      if (!attribute) return [...problems, `malformed attribute in <${name}>: ${JSON.stringify(rest.slice(0, 30))}`];
      const attributeName = attribute[2]!;
      if (attributes.has(attributeName)) problems.push(`attribute ${attributeName} twice in <${name}>`);
      attributes.add(attributeName);
      checkText(attribute[3] ?? attribute[4] ?? '', `attribute ${attributeName} of <${name}>`, true);
      i += attribute[0].length;
    }
  }
  if (stack.length) problems.push(`unclosed elements: ${stack.join(' > ')}`);
  if (roots === 0) problems.push('no root element');
  return problems;
}
