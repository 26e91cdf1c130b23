// Small shared pieces of the CLI: the command signature, argument parsing, output helpers.

/** A subcommand: arguments after its name; returns the exit code. */
export type Command = (args: readonly string[], usage: string) => Promise<number>;

export function out(text: string): void {
  process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
}

export function usageError(message: string, usage: string): number {
  process.stderr.write(`${message}\n${usage}\n`);
  return 2;
}

export interface ParsedArgs {
  flags: Set<string>;
  values: Map<string, string>;
  positional: string[];
  unknown: string[];
}

/** `--flag`, `--name value` for the names in `withValue`, the rest positional; `--` ends options. */
export function parseArgs(args: readonly string[], flags: readonly string[], withValue: readonly string[]): ParsedArgs {
  const parsed: ParsedArgs = { flags: new Set(), values: new Map(), positional: [], unknown: [] };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') {
      parsed.positional.push(...args.slice(i + 1));
      break;
    }
    if (!a.startsWith('--')) parsed.positional.push(a);
    else if (flags.includes(a)) parsed.flags.add(a);
    else if (withValue.includes(a) && i + 1 < args.length) parsed.values.set(a, args[++i]!);
    else parsed.unknown.push(a);
  }
  return parsed;
}

/** Left-aligned text columns, numbers right-aligned. */
export function table(rows: readonly (readonly (string | number)[])[]): string {
  const widths: number[] = [];
  for (const r of rows) r.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, String(c).length)));
  return rows
    .map((r) => r.map((c, i) => (typeof c === 'number' ? String(c).padStart(widths[i]!) : String(c).padEnd(widths[i]!))).join('  ').trimEnd())
    .join('\n');
}
