/**
 * The organ or förvaltning a person names: by id, name or short name, in any case («SN», «socialnämnden»,
 * «Socialnämnden»), as a clerk writes it in a Word header or on the command line. Compared in NFC, so a
 * name typed with a decomposed å (macOS) is the same name.
 */
export function namedIn<T extends { id: string; namn: string; förkortning?: string }>(items: readonly T[], name: string): T | undefined {
  const wanted = name.normalize('NFC').trim().toLowerCase();
  return items.find((item) => [item.id, item.namn, item.förkortning].some((w) => w?.normalize('NFC').toLowerCase() === wanted));
}
