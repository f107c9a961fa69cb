import path from 'node:path';
import { createRule, type Finding } from './rule.js';

const SAFE_SCHEMES = new Set(['http:', 'https:', 'mailto:', 'tel:']);

export default createRule({
  id: 'body-links',
  description: 'Länkar i dokumentets text leder till något som finns, stannar i förrådet och använder säkra adresser.',
  defaultSeverity: 'error',
  check({ corpus }) {
    const findings: Finding[] = [];
    const files = new Set(corpus.files);
    // Links to Markdown outside the corpus folder (a README, say) are not the corpus's to judge.
    const root = corpus.root;
    for (const document of corpus.documents) {
      for (const link of document.links) {
        const at = { line: link.line, column: link.column };
        const url = link.url.trim();
        const scheme = /^([a-z][a-z0-9+.-]*:)/i.exec(url)?.[1]?.toLowerCase();
        if (scheme) {
          if (!SAFE_SCHEMES.has(scheme)) {
            findings.push({ document, bodyPosition: at, message: `Länken använder ${scheme}, som inte är tillåtet. Använd en webbadress (https:) eller en länk till ett annat dokument i förrådet.` });
          }
          continue;
        }
        if (url === '' || url.startsWith('#') || url.startsWith('//')) continue;
        const target = decodeLink(url.split('#')[0]!.split('?')[0]!);
        if (target === undefined) {
          findings.push({ document, bodyPosition: at, message: `Länken «${url}» har felaktig kodning (%-tecken). Skriv filnamnet som det är, eller koda det rätt.` });
          continue;
        }
        if (path.isAbsolute(target) || target.startsWith('/')) {
          findings.push({ document, bodyPosition: at, message: `Länken «${url}» är en absolut sökväg. Skriv en relativ länk, till exempel ../policyer/dokument.md.` });
          continue;
        }
        const resolved = path.posix.normalize(path.posix.join(path.posix.dirname(document.file), target));
        if (resolved.startsWith('../') || resolved === '..') {
          findings.push({ document, bodyPosition: at, message: `Länken «${url}» leder utanför förrådet. Länka bara till dokument i förrådet.` });
        } else if (resolved.endsWith('.md') && !files.has(resolved) && isInside(resolved, root)) {
          findings.push({ document, bodyPosition: at, message: `Länken «${url}» leder till en fil som inte finns (${resolved}). Kontrollera filnamnet.` });
        }
      }
    }
    return findings;
  },
});

function decodeLink(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

function isInside(file: string, folder: string): boolean {
  return folder === '' || folder === '.' || file.startsWith(folder + '/');
}
