// `formats`: the export formats the import recognises, with their marker columns.
import { BUILT_IN_PRESETS } from '../../../shared/ingest';
import { out, parseArgs, table, usageError, type CliIo } from './io';

export async function runFormats(args: readonly string[], io: CliIo, usage: string): Promise<number> {
  const a = parseArgs(args, ['--json'], []);
  if (a.unknown.length || a.positional.length) return usageError(io, `formats: unexpected ${[...a.unknown, ...a.positional].join(' ')}`, usage);
  const list = BUILT_IN_PRESETS.map((p) => ({ id: p.id, label: p.label, kind: p.kind, markerColumns: p.markerColumns }));
  if (a.flags.has('--json')) out(io, JSON.stringify({ formats: list }, null, 2));
  else out(io, table([['id', 'kind', 'label', 'marker columns'], ...list.map((f) => [f.id, f.kind, f.label, f.markerColumns.join(', ')])]));
  return 0;
}
