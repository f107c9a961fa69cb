import type { StyrdokConfigData } from '../model/schema-types.js';
import type { Dokumenttyp } from '../model/document.js';
import type { Severity } from '../model/diagnostic.js';

export type OrganData = StyrdokConfigData['organ'][number];
export type ForvaltningData = StyrdokConfigData['förvaltningar'][number];
export type TypeRules = NonNullable<StyrdokConfigData['dokumenttyper'][string]>;

/** The kommun's config with the look-ups the rules need. Built once per run. */
export interface Config {
  data: StyrdokConfigData;
  /** Path of the config file, relative to cwd. */
  file: string;
  organ(id: string): OrganData | undefined;
  forvaltning(id: string): ForvaltningData | undefined;
  /** The förvaltning whose chef has this id. */
  forvaltningOfChef(chefId: string): ForvaltningData | undefined;
  typeRules(kind: Dokumenttyp): TypeRules | undefined;
  /** A document type's name in singular («Strategi»), or the type as written when the config has no rules for it. */
  typeName(kind: string): string;
  /** Organs from this one up to fullmäktige, this one first. */
  organChain(id: string): OrganData[];
  /** Display name of an organ, a förvaltning or a chef. */
  nameOf(id: string): string;
  severity(ruleId: string, fallback: Severity): Severity | 'off';
}

export function createConfig(data: StyrdokConfigData, file: string): Config {
  const organs = new Map(data.organ.map((o) => [o.id, o]));
  const forvaltningar = new Map(data.förvaltningar.map((f) => [f.id, f]));
  const byChef = new Map(data.förvaltningar.map((f) => [f.chef.id, f]));
  return {
    data,
    file,
    organ: (id) => organs.get(id),
    forvaltning: (id) => forvaltningar.get(id),
    forvaltningOfChef: (id) => byChef.get(id),
    typeRules: (kind) => data.dokumenttyper[kind],
    typeName: (kind) => (Object.hasOwn(data.dokumenttyper, kind) ? data.dokumenttyper[kind]?.namn : undefined) ?? kind,
    organChain(id) {
      const chain: OrganData[] = [];
      let current = organs.get(id);
      while (current && !chain.includes(current)) {
        chain.push(current);
        current = current.överordnat ? organs.get(current.överordnat) : undefined;
      }
      return chain;
    },
    nameOf(id) {
      const chef = byChef.get(id);
      return organs.get(id)?.namn ?? forvaltningar.get(id)?.namn ?? (chef ? `${chef.chef.titel}` : id);
    },
    severity(ruleId, fallback) {
      return data.regler?.[ruleId] ?? fallback;
    },
  };
}
