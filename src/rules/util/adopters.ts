import type { Config } from '../../config/config.js';
import type { StyrDocument } from '../../model/document.js';

/** The organ ids (or chef ids) allowed to adopt this document under the config's type rules. */
export function allowedAdopters(doc: StyrDocument, config: Config): string[] {
  const rules = config.typeRules(doc.data.dokumenttyp);
  if (!rules) return [];
  return rules.beslutas_av.flatMap((who) => {
    if (who === 'förvaltningschef') {
      const owner = config.forvaltning(doc.data.dokumentansvarig);
      return owner ? [owner.chef.id] : [];
    }
    if (who === 'egen_nämnd') return 'nämnd' in doc.data && typeof doc.data.nämnd === 'string' ? [doc.data.nämnd] : [];
    return [who];
  });
}

/** The organ that stands for a decision maker: a chef decides under the nämnd of their förvaltning. */
export function organOfDecider(id: string, config: Config): string | undefined {
  if (config.organ(id)) return id;
  return config.forvaltningOfChef(id)?.nämnd;
}

/** Whether `decider` is `adopter` or above it: a chef sits below the nämnd of their förvaltning. */
export function hasAuthorityOver(decider: string, adopter: string, config: Config): boolean {
  const adopterOrgan = organOfDecider(adopter, config);
  if (!adopterOrgan) return false;
  const chain = [adopter, ...config.organChain(adopterOrgan).map((o) => o.id)];
  return chain.includes(decider);
}

export function decidersList(ids: string[], config: Config): string {
  return ids.map((id) => config.nameOf(id).toLowerCase()).join(' eller ');
}
