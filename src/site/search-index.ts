import path from 'node:path';
import * as pagefind from 'pagefind';

/**
 * A static search index of the built pages (Pagefind): no server, and `<html lang="sv">` gives Swedish
 * stemming. Only pages marked data-pagefind-body (documents and nämnder) are indexed.
 */
export async function writeSearchIndex(outputDir: string): Promise<number> {
  const { index, errors } = await pagefind.createIndex({});
  try {
    if (!index) throw new Error(errors.join('\n'));
    const added = await index.addDirectory({ path: outputDir });
    if (added.errors.length) throw new Error(added.errors.join('\n'));
    const written = await index.writeFiles({ outputPath: path.join(outputDir, 'pagefind') });
    if (written.errors.length) throw new Error(written.errors.join('\n'));
    return added.page_count;
  } catch (error) {
    throw new Error(`Sökindexet kunde inte skrivas: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    await pagefind.close();
  }
}
