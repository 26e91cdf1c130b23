// What every CLI command shares: where it writes and reads (the process, or a test's capture), its
// signature (arguments in, exit code out), argument parsing and the text table.
import path from 'node:path';
import { systemClock, type Clock } from '../../../shared/time/clock';

/** The command's world: its two output streams and the directory relative file names start from. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  cwd: string;
  /** "Now" for figures that depend on it (disputes not yet due); the system clock when not given. */
  clock?: Clock;
}

/** The running process's streams and directory, for `npm run cli`. */
export function processIo(): CliIo {
  return { stdout: (t) => void process.stdout.write(t), stderr: (t) => void process.stderr.write(t), cwd: process.cwd(), clock: systemClock };
}

/** A subcommand: arguments after its name; returns the exit code, so a test can run it in process. */
export type Command = (args: readonly string[], io: CliIo, usage: string) => Promise<number>;

/** `file` as the command line named it, to open from the command's directory. */
export function pathIn(io: CliIo, file: string): string {
  return path.resolve(io.cwd, file);
}

export function out(io: CliIo, text: string): void {
  io.stdout(text.endsWith('\n') ? text : `${text}\n`);
}

export function usageError(io: CliIo, message: string, usage: string): number {
  io.stderr(`${message}\n${usage}\n`);
  return 2;
}

export interface ParsedArgs {
  flags: Set<string>;
  values: Map<string, string>;
  positional: string[];
  unknown: string[];
  /** Options with a value and positional arguments in the order given: `--shop` applies to the files after it. */
  sequence: ({ option: string; value: string } | { positional: string })[];
}

/** `--flag`, `--name value` for the names in `withValue`, the rest positional; `--` ends options. */
export function parseArgs(args: readonly string[], flags: readonly string[], withValue: readonly string[]): ParsedArgs {
  const parsed: ParsedArgs = { flags: new Set(), values: new Map(), positional: [], unknown: [], sequence: [] };
  const positional = (a: string) => {
    parsed.positional.push(a);
    parsed.sequence.push({ positional: a });
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') {
      args.slice(i + 1).forEach(positional);
      break;
    }
    if (!a.startsWith('--')) positional(a);
    else if (flags.includes(a)) parsed.flags.add(a);
    else if (withValue.includes(a) && i + 1 < args.length) {
      const value = args[++i]!;
      parsed.values.set(a, value);
      parsed.sequence.push({ option: a, value });
    } else parsed.unknown.push(a);
  }
  return parsed;
}

/** Left-aligned text columns, numbers right-aligned. */
export function table(rows: readonly (readonly (string | number)[])[]): string {
  const widths: number[] = [];
  for (const r of rows) r.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, String(c).length)));
  return rows
    .map((r) =>
      r
        .map((c, i) => (typeof c === 'number' ? String(c).padStart(widths[i]!) : String(c).padEnd(widths[i]!)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
