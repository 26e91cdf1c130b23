// `npm run cli -- <command>`: one table of subcommands. `import` reads exports with the app's own
// import core; `rings` links their orders; `report` prints the Reports screen's figures.
import { runFormats } from './formats';
import { runImport } from './import';
import { out, processIo, type CliIo, type Command } from './io';
import { runReport } from './report';
import { runRings } from './rings';

const COMMANDS: Record<string, Command> = {
  import: runImport,
  formats: runFormats,
  rings: runRings,
  report: runReport,
};

export const USAGE = [
  'usage: npm run cli -- <command> [options]',
  '  import --dry-run [--json] [--format <id>] [--preset <preset.json>] [--order-ref <column>] [--same-shop] [<file>...] [--shop <name> <file>...]...',
  '  formats [--json]            list the export formats the import recognises',
  '  rings --json [--keys card,device,email,address,phone,ip] [--hub-threshold N] [--format <id>] [--preset <preset.json>] [--same-shop] [<file>...] [--shop <name> <file>...]...',
  '  report fraud-trend --json --period week|month [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--by marketplace|country|paymentMethod|cardBrand]',
  '         [--currency EUR] [--decisions <decisions.csv>] [--format <id>] [--preset <preset.json>] [--same-shop] [<file>...] [--shop <name> <file>...]...',
  '  report kpi --json [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--sla-hours 24] [--decisions <decisions.csv>] [--format <id>] [--preset <preset.json>]',
  '         [--same-shop] [<file>...] [--shop <name> <file>...]...',
  "shops: own shops number their orders alike (#1001 ...). Files before any --shop are the own shop's; --shop <name> applies to the files",
  '       after it, up to the next --shop (its orders, and the payments and disputes that refer to them):',
  '         npm run cli -- rings --json orders.csv stripe.csv --shop Outlet outlet-orders.csv outlet-stripe.csv',
  '       Two files of one shop with an order of one number but another date, amount, currency or buyer are refused (exit 4),',
  "       naming both files; --same-shop says they are one shop's, and later files update its orders.",
  'exit codes: 0 done, 1 a file could not be read, 2 usage error, 3 a file no format reads (or not as the chosen one),',
  '            4 two files of one shop hold an order of one number with other facts (see shops)',
].join('\n');

/** Runs one command line; the exit code is returned, not set, so tests call it in process. */
export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  const [name, ...rest] = argv;
  if (name === '--help' || name === '-h' || name === 'help') {
    out(io, USAGE);
    return 0;
  }
  const command = name && Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) {
    io.stderr(`${name ? `unknown command: ${name}\n` : ''}${USAGE}\n`);
    return 2;
  }
  return command(rest, io, USAGE);
}
