import { createInterface, type Interface } from 'node:readline/promises';
import { UsageError } from '../cli/exit-codes.js';

export type Parsed<T> = { value: T } | { error: string };

export interface Choice<T> {
  value: T;
  label: string;
  /** Other words that pick this choice: its id, its name, an abbreviation. */
  aliases?: string[];
}

/**
 * Questions on standard input, one answer a line. Lines are read through the interface's async iterator,
 * which buffers: answers piped in all at once (a script, a test) are not lost between two questions, as
 * they would be with rl.question().
 */
export class Prompter {
  private rl: Interface | undefined;
  private lines: AsyncIterator<string> | undefined;

  constructor(
    private readonly input: NodeJS.ReadableStream & { isTTY?: boolean },
    private readonly output: NodeJS.WritableStream,
    /** The command whose --help lists the flags, for the message when an answer is missing. */
    private readonly command = 'new',
  ) {}

  private open(): AsyncIterator<string> {
    if (!this.lines) {
      this.rl = createInterface({ input: this.input, output: this.output, terminal: Boolean(this.input.isTTY) });
      this.lines = this.rl[Symbol.asyncIterator]();
    }
    return this.lines;
  }

  say(text: string): void {
    this.output.write(text);
  }

  /** One raw answer, trimmed; throws a usage error when standard input has ended. */
  async ask(question: string, what: string): Promise<string> {
    const lines = this.open();
    this.output.write(question);
    const next = await lines.next();
    if (next.done) {
      this.output.write('\n');
      throw new UsageError(`Svaret på «${what}» saknas: indata tog slut. Ange det som flagga (se styrdok ${this.command} --help) eller svara på frågan.`);
    }
    const answer = String(next.value).trim();
    if (!this.input.isTTY) this.output.write(`${answer}\n`);
    return answer;
  }

  /** Asks until the answer parses; an empty answer takes `fallback` when there is one. */
  async askValid<T>(question: string, what: string, parse: (text: string) => Parsed<T>, fallback?: string): Promise<T> {
    for (;;) {
      const raw = await this.ask(fallback !== undefined && fallback !== '' ? `${question} [${fallback}]: ` : `${question}: `, what);
      const result = parse(raw === '' && fallback !== undefined ? fallback : raw);
      if ('value' in result) return result.value;
      this.output.write(`  ${result.error}\n`);
    }
  }

  /** A numbered list; the answer is a number or one of a choice's words. */
  async choose<T>(question: string, what: string, choices: Choice<T>[], fallback?: Choice<T>): Promise<T> {
    this.output.write(`${question}:\n`);
    const width = String(choices.length).length;
    choices.forEach((choice, i) => this.output.write(`  ${String(i + 1).padStart(width)}  ${choice.label}\n`));
    return this.askValid(`Välj 1–${choices.length}`, what, (text) => pickChoice(text, choices), fallback ? String(choices.indexOf(fallback) + 1) : undefined);
  }

  close(): void {
    this.rl?.close();
  }
}

/** Picks a choice by its number in the list or by one of its words, case-insensitive. */
export function pickChoice<T>(text: string, choices: Choice<T>[]): Parsed<T> {
  const wanted = text.trim().toLowerCase();
  if (/^\d+$/.test(wanted)) {
    const choice = choices[Number(wanted) - 1];
    if (choice) return { value: choice.value };
    return { error: `Välj ett nummer mellan 1 och ${choices.length}.` };
  }
  const found = choices.find((c) => [String(c.value), c.label, ...(c.aliases ?? [])].some((word) => word.toLowerCase() === wanted));
  if (found) return { value: found.value };
  return { error: `«${text}» finns inte bland valen. Svara med ett nummer från listan.` };
}
