import path from 'node:path';
import * as pagefind from 'pagefind';

/** A page Pagefind indexes: only pages whose <main> carries data-pagefind-body (documents and nämnder). */
function searchable(html: string): boolean {
  const main = html.indexOf('<main');
  return main >= 0 && /^<main\b[^>]*\sdata-pagefind-body[\s>=]/.test(html.slice(main, html.indexOf('>', main) + 1));
}

export interface SearchIndex {
  /** Notes a built page that Pagefind will index. */
  add(url: string, html: string): void;
  /** Writes the index to <output>/pagefind and returns the number of pages in it. */
  write(outputDir: string): Promise<number>;
}

/**
 * A static search index of the built pages (Pagefind): no server, and `<html lang="sv">` gives Swedish
 * stemming. Only pages marked data-pagefind-body (documents and nämnder) are indexed. Pagefind reads the
 * built files itself, in parallel, but only those in the folders where the build made a searchable page:
 * the lists, period and uppföljning pages (a third of a large site) are never read back.
 */
export function createSearchIndex(): SearchIndex {
  const patterns = new Set<string>();
  return {
    add(url, html) {
      if (searchable(html)) patterns.add(filePattern(url));
    },
    async write(outputDir) {
      const { index, errors } = await pagefind.createIndex({});
      try {
        if (!index) throw new Error(errors.join('\n'));
        const added = await index.addDirectory({ path: outputDir, glob: glob(patterns) });
        if (added.errors.length) throw new Error(added.errors.join('\n'));
        const written = await index.writeFiles({ outputPath: path.join(outputDir, 'pagefind') });
        if (written.errors.length) throw new Error(written.errors.join('\n'));
        return added.page_count;
      } catch (error) {
        throw new Error(`Sökindexet kunde inte skrivas: ${error instanceof Error ? error.message : String(error)}`);
      } finally {
        await pagefind.close();
      }
    },
  };
}

/** The glob of a page's file with any folder in the last place: /dokument/x/ gives dokument/ * /index.html (no spaces). */
function filePattern(url: string): string {
  const file = url.replace(/^\//, '') + (url.endsWith('/') ? 'index.html' : '');
  const parts = file.split('/');
  if (parts.length > 1) parts[parts.length - 2] = '*';
  return parts.join('/');
}

/** A glob of the patterns, or every HTML file when a page's address holds characters a glob reads. */
function glob(patterns: Set<string>): string {
  const list = [...patterns].sort();
  if (!list.length || list.some((p) => !/^[\w./*-]+$/.test(p))) return '**/*.{html}';
  return list.length === 1 ? list[0]! : `{${list.join(',')}}`;
}
