// markdown-it-footnote ships no types, and @types/markdown-it-footnote is typed against markdown-it's CommonJS
// build, which does not match the ES module this project imports.
declare module 'markdown-it-footnote' {
  import type { PluginSimple } from 'markdown-it';
  const footnote: PluginSimple;
  export default footnote;
}
