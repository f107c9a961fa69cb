/**
 * Where a check spends its time, as ESLint's TIMING=1 shows it: each step of the load and each rule, in
 * milliseconds. Only `check --timing` passes one; the rules stay pure, and are only timed from outside.
 */
export class CheckTiming {
  /** The load's steps (config, files, corpus), in the order they ran. */
  readonly steps = new Map<string, number>();
  /** Each rule that ran, by id, in the order they ran. */
  readonly rules = new Map<string, number>();
  /** The rules whose findings across documents were taken from the cache (check --cache: engine/kept-across.ts). */
  readonly keptAcross = new Set<string>();

  step<T>(label: string, work: () => T): T {
    return timed(this.steps, label, work);
  }

  rule<T>(id: string, work: () => T): T {
    return timed(this.rules, id, work);
  }
}

function timed<T>(into: Map<string, number>, key: string, work: () => T): T {
  const started = performance.now();
  try {
    return work();
  } finally {
    into.set(key, (into.get(key) ?? 0) + performance.now() - started);
  }
}

/** Runs `work`, timed under `label` when there is a timing to fill. */
export function maybeStep<T>(timing: CheckTiming | undefined, label: string, work: () => T): T {
  return timing ? timing.step(label, work) : work();
}
