/** The part of turndown's API that the import uses (the package ships no types of its own). */
declare module 'turndown' {
  interface TurndownNode {
    nodeName: string;
    parentNode: TurndownNode | null;
    children: ArrayLike<TurndownNode>;
    nextSibling: TurndownNode | null;
    getAttribute(name: string): string | null;
    querySelector(selector: string): TurndownNode | null;
  }
  interface Options {
    headingStyle?: 'setext' | 'atx';
    bulletListMarker?: '-' | '+' | '*';
    emDelimiter?: '_' | '*';
    strongDelimiter?: '**' | '__';
    codeBlockStyle?: 'indented' | 'fenced';
  }
  interface Rule {
    filter: string | string[] | ((node: TurndownNode, options: Options) => boolean);
    replacement: (content: string, node: TurndownNode, options: Options) => string;
  }
  class TurndownService {
    constructor(options?: Options);
    addRule(key: string, rule: Rule): this;
    remove(filter: string | string[]): this;
    turndown(html: string): string;
  }
  export default TurndownService;
}
