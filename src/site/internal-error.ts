/** Exit code for a fault in styrdok itself: the CLI's code for an internal error; 1 is for what the user can fix. */
export { EXIT_USAGE as EXIT_INTERNAL } from '../cli/exit-codes.js';

/**
 * The report of an error nobody who edits the documents can fix: a fault in a template or in styrdok's own
 * code. It says so in Swedish first, so that a clerk reading a failed CI run knows whom to ask, then gives
 * the chain of messages (Eleventy wraps the template's own error in its `originalError`) and the stack
 * for whoever maintains styrdok.
 */
export function internalErrorReport(step: string, error: unknown): string {
  const messages: string[] = [];
  let stack = '';
  for (const cause of errorChain(error)) {
    const current = cause as { message?: unknown; stack?: unknown };
    const message = String(current.message ?? cause);
    // Eleventy names every page it was writing: the start of the list is enough.
    messages.push(message.length > 400 ? `${message.slice(0, 400)}…` : message);
    if (typeof current.stack === 'string') stack = current.stack;
  }
  return [
    `Internt fel: ${step} stannade på ett fel i styrdok, inte i styrdokumenten. Rapportera felet till styrdoks förvaltare, med det här meddelandet.`,
    ...messages.map((m) => `  ${m}`),
    '',
    'Teknisk information:',
    stack,
    '',
  ].join('\n');
}

/** An error and those it wraps: Eleventy's `originalError`, Node's `cause`; ten at most. */
export function errorChain(error: unknown): unknown[] {
  const chain: unknown[] = [];
  for (let cause = error; cause && chain.length < 10; ) {
    chain.push(cause);
    const current = cause as { originalError?: unknown; cause?: unknown };
    cause = current.originalError ?? current.cause;
  }
  return chain;
}
