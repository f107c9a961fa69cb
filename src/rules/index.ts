import type { Rule } from './rule.js';
import adoptingOrgan from './adopting-organ.js';
import bodyLinks from './body-links.js';
import coverage from './coverage.js';
import followupPeriod from './followup-period.js';
import decisionRecord from './decision-record.js';
import goalReview from './goal-review.js';
import hierarchy from './hierarchy.js';
import owner from './owner.js';
import references from './references.js';
import reportDeadline from './report-deadline.js';
import replacementAuthority from './replacement-authority.js';
import revision from './revision.js';
import strategyActions from './strategy-actions.js';
import textDirection from './text-direction.js';
import traceability from './traceability.js';
import validity from './validity.js';

/** The rules that run on the corpus. Adding a rule is one line here. */
export const rules: readonly Rule[] = [
  adoptingOrgan,
  decisionRecord,
  validity,
  revision,
  owner,
  references,
  hierarchy,
  replacementAuthority,
  strategyActions,
  traceability,
  coverage,
  reportDeadline,
  followupPeriod,
  goalReview,
  bodyLinks,
  textDirection,
];

/** Checks that run while reading files, before the corpus exists; listed so `styrdok rules` and the docs cover them. */
export const loadChecks = [
  { id: 'file', description: 'Filen går att läsa: en vanlig fil, inte tom, inte binär, sparad som UTF-8, inte för stor och inte en länk ut ur förrådet.' },
  { id: 'frontmatter', description: 'Filen börjar med frontmatter mellan två rader ---, med nycklar och värden.' },
  { id: 'yaml', description: 'Frontmatter är giltig YAML: rätt indrag, inga dubbla nycklar, inga tabbar, alias, ankare eller okända taggar.' },
  { id: 'schema', description: 'Frontmatter följer dokumenttypens JSON Schema: rätt nycklar, typer, datum och värden.' },
  { id: 'config', description: 'Konfigurationsfilen är giltig och hänger ihop.' },
] as const;
