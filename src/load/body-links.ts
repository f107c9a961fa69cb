import { unified } from 'unified';
import remarkParse from 'remark-parse';
import type { Root, Nodes } from 'mdast';

export interface BodyLink {
  url: string;
  line: number;
  column: number;
}

const parser = unified().use(remarkParse);

/**
 * Links and images in a Markdown body, in file coordinates. Bodies without link syntax skip the parser:
 * a full mdast per file is the most expensive step of a large check.
 */
export function bodyLinks(body: string, bodyStartLine: number): BodyLink[] {
  if (!body.includes('](') && !body.includes(']:') && !body.includes('<')) return [];
  const tree = parser.parse(body) as Root;
  const links: BodyLink[] = [];
  const walk = (node: Nodes) => {
    if ((node.type === 'link' || node.type === 'image' || node.type === 'definition') && node.position) {
      links.push({ url: node.url, line: node.position.start.line + bodyStartLine - 1, column: node.position.start.column });
    }
    if ('children' in node) for (const child of node.children) walk(child as Nodes);
  };
  walk(tree);
  return links;
}
