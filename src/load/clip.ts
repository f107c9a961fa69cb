// In src/load/ because the parse cache keeps the messages made with it, and hashes the code of this folder.
/**
 * A value a message quotes, at most `max` characters, with the length of the rest: a frontmatter value or a
 * link can be 200 kB, and a finding that quotes it whole is one line nobody can read (or a CI annotation
 * GitHub cuts). Never cuts a character written as two UTF-16 units in half.
 */
export function clip(text: string, max = 80): string {
  if (text.length <= max) return text;
  let end = max - 1;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  // An ordinary space between the thousands, not sv-SE's hard one: inside «», a hard space would be taken for
  // one pasted into the value (hidden-characters.ts).
  return `${text.slice(0, end)}… (${text.length.toLocaleString('sv-SE').replace(/\u00a0/g, ' ')} tecken)`;
}
