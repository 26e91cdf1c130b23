// `formats`: the export formats the import recognises, with their marker columns.
import { BUILT_IN_PRESETS } from '../../shared/ingest';
import { out, parseArgs, table, usageError } from './io';

export async function runFormats(args: readonly string[], usage: string): Promise<number> {
  const a = parseArgs(args, ['--json'], []);
  if (a.unknown.length || a.positional.length) return usageError(`formats: unexpected ${[...a.unknown, ...a.positional].join(' ')}`, usage);
  const list = BUILT_IN_PRESETS.map((p) => ({ id: p.id, label: p.label, kind: p.kind, markerColumns: p.markerColumns }));
  if (a.flags.has('--json')) out(JSON.stringify({ formats: list }, null, 2));
  else out(table([['id', 'kind', 'label', 'marker columns'], ...list.map((f) => [f.id, f.kind, f.label, f.markerColumns.join(', ')])]));
  return 0;
}
