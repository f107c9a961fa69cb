import { MAX_LINES_LISTED } from '../load/direction-controls.js';
import { codePoint } from '../load/hidden-characters.js';
import { createRule } from './rule.js';

export default createRule({
  id: 'text-direction',
  description: 'Filen har inga osynliga tecken som byter skrivriktning, så att texten visas i den ordning den står i filen.',
  defaultSeverity: 'warning',
  checkDocument(document) {
    const lines = document.directionControls;
    return lines.map((found, index) => {
      const more = index === MAX_LINES_LISTED - 1 ? ` Styrdok listar de första ${MAX_LINES_LISTED} raderna med sådana tecken; det kan finnas fler längre ned.` : '';
      // A position in the file (frontmatter or body), as the loader found it.
      return { bodyPosition: { line: found.line, column: found.column }, message: message([...found.chars]) + more };
    });
  },
});

function message(chars: string[]): string {
  const one = chars.length === 1;
  const codes = chars.map(codePoint).join(', ');
  return (
    `På raden står ${one ? 'ett osynligt tecken' : 'osynliga tecken'} för skrivriktning (${codes}). ` +
    `${one ? 'Det' : 'De'} syns inte, men kan göra att texten efter ${one ? 'det' : 'dem'} visas i en annan ordning än den står i filen: på webbplatsen och när ` +
    `ändringen granskas kan raden se ut att säga något annat än den gör. Sådana tecken kan följa med när text klistras in från en webbsida. ` +
    `Ta bort ${one ? 'tecknet' : 'tecknen'}; styrdok check --fix gör det.`
  );
}
