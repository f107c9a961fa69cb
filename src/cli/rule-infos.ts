import { loadChecks, rules } from '../rules/index.js';
import { docsPath } from '../rules/rule.js';
import type { RuleInfo } from '../report/formatter.js';

export function ruleInfos(): RuleInfo[] {
  return [...loadChecks, ...rules].map((rule) => ({ id: rule.id, description: rule.description, docs: docsPath(rule.id) }));
}
