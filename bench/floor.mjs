// The floor of any check: read every Markdown file under a folder and parse only its frontmatter with yaml.
// node bench/floor.mjs <folder>
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

function markdownFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? markdownFiles(full) : entry.name.endsWith('.md') ? [full] : [];
  });
}

let keys = 0;
for (const file of markdownFiles(process.argv[2])) {
  const text = readFileSync(file, 'utf8');
  const end = text.indexOf('\n---', 4);
  const data = parse(text.slice(4, end));
  keys += Object.keys(data ?? {}).length;
}
console.log(`${keys} nycklar`);
