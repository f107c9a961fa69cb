import type { ParseCache } from '../load/parse-cache.js';

/**
 * The inputs (load/rule-inputs.ts) of the files that kept findings point into, by file: a finding is kept only
 * while they are the same, since the lines it points to may have moved. One for each file, however often named.
 */
export function inputsOf(files: Iterable<string>, cache: ParseCache): Record<string, string> {
  const inputs: Record<string, string> = {};
  for (const file of files) inputs[file] = cache.ruleInputs(file) ?? '';
  return inputs;
}

/** Whether every file in `inputs` is as it was when they were noted. */
export function sameInputs(inputs: Record<string, string>, cache: ParseCache): boolean {
  for (const file in inputs) if (cache.ruleInputs(file) !== inputs[file]) return false;
  return true;
}
