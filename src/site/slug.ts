/**
 * ASCII slug for URLs and heading ids: "Ansvar hos förskola och skola" → "ansvar-hos-forskola-och-skola".
 * Output is [a-z0-9-] with no leading, trailing or doubled hyphens, so ids the site itself makes with "--"
 * can never collide with a slug.
 */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/æ/gi, 'ae')
    .replace(/ø/gi, 'o')
    .replace(/ß/g, 'ss')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Hands out unique slugs, numbering repeats ("syfte", "syfte-2"), as GitHub does for headings. */
export function createSlugger(reserved: Iterable<string> = []): (text: string, fallback?: string) => string {
  const used = new Set(reserved);
  // The next number to try per base. Every number below it is taken (and `used` only grows), so starting there
  // gives the same slug as counting from 2, without counting again: 5,000 headings «Syfte» in one document
  // took seconds.
  const next = new Map<string, number>();
  return (text, fallback = 'avsnitt') => {
    const base = slugify(text) || fallback;
    let slug = base;
    if (used.has(slug)) {
      let n = next.get(base) ?? 2;
      while (used.has(`${base}-${n}`)) n++;
      slug = `${base}-${n}`;
      next.set(base, n + 1);
    }
    used.add(slug);
    return slug;
  };
}
