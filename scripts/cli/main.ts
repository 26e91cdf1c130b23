// `npm run cli -- <command>`: one table of subcommands. `import` reads exports with the app's own
// import core; `rings` (issue 4) and `report` (issue 6) will join the table.
import { runFormats } from './formats';
import { runImport } from './import';
import { out, type Command } from './io';

const COMMANDS: Record<string, Command> = {
  import: runImport,
  formats: runFormats,
};

export const USAGE = [
  'usage: npm run cli -- <command> [options]',
  '  import --dry-run [--json] [--format <id>] [--preset <preset.json>] [--order-ref <column>] <file>...',
  '  formats [--json]            list the export formats the import recognises',
  '  (planned: rings, report)',
].join('\n');

export async function main(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === '--help' || name === '-h' || name === 'help') {
    out(USAGE);
    return 0;
  }
  const command = name ? COMMANDS[name] : undefined;
  if (!command) {
    process.stderr.write(`${name ? `unknown command: ${name}\n` : ''}${USAGE}\n`);
    return 2;
  }
  return command(rest, USAGE);
}
