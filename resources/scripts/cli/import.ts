// `import --dry-run`: reads exports with the app's import core and reports, per file, how its rows
// would land in the cache: created, updated, unchanged or quarantined. Files share one in-memory
// cache, so a second file overlapping the first shows as unchanged or updated. Files of one own shop
// whose orders of one number differ are refused, not shown as updated (shopClashes.ts).
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import path from 'node:path';
import { importChunks, MemoryKnownRecords, type FileSummary, type ReaderOptions } from '../../../shared/ingest';
import { chooseFormat, errorCode, FORMAT_FLAGS, FORMAT_OPTIONS, type ShopFile } from './formatChoice';
import { out, parseArgs, pathIn, table, usageError, type CliIo } from './io';
import { ShopClashes } from './shopClashes';

const CHUNK_BYTES = 1 << 20;

interface FileResult {
  file: string;
  summary?: FileSummary;
  /** Set when the file could not be read at all. */
  unreadable?: string;
}

export async function runImport(args: readonly string[], io: CliIo, usage: string): Promise<number> {
  const a = parseArgs(args, ['--dry-run', '--json', ...FORMAT_FLAGS], [...FORMAT_OPTIONS, '--order-ref']);
  if (a.unknown.length) return usageError(io, `import: unknown option ${a.unknown.join(' ')}`, usage);
  if (!a.flags.has('--dry-run')) return usageError(io, 'import: the command line has no cache to write to; use --dry-run', usage);
  if (a.positional.length === 0) return usageError(io, 'import: name at least one file', usage);
  const choice = await chooseFormat(a, io);
  if (typeof choice === 'string') return usageError(io, `import: ${choice}`, usage);
  const { presets, chosen } = choice;
  const known = new MemoryKnownRecords();
  const clashes = new ShopClashes(choice.sameShop);
  const results: FileResult[] = [];
  for (const named of choice.files) {
    const options: ReaderOptions = { fileName: path.basename(named.file), presets };
    if (chosen) options.preset = chosen;
    if (named.shop !== undefined) options.shop = named.shop;
    const orderRef = a.values.get('--order-ref');
    if (orderRef) options.orderRefColumn = orderRef;
    results.push(await importOne(named, options, known, clashes, io));
  }
  // Counts that show one shop's orders updated by another's would mislead: nothing is printed.
  const refusal = clashes.refusal();
  if (refusal) {
    io.stderr(refusal);
    return 4;
  }
  if (a.flags.has('--json')) out(io, JSON.stringify({ files: results.map(toJson) }, null, 2));
  else out(io, render(results));
  // A file no format reads is an error, not an empty result: said on stderr, exit 3.
  for (const r of results) for (const e of r.summary?.errors ?? []) io.stderr(`${r.file}: ${e.message}\n`);
  return results.some((r) => r.unreadable) ? 1 : results.some((r) => (r.summary?.errors.length ?? 0) > 0) ? 3 : 0;
}

async function importOne({ file, shop }: ShopFile, options: ReaderOptions, known: MemoryKnownRecords, clashes: ShopClashes, io: CliIo): Promise<FileResult> {
  try {
    // Opening first turns a missing or unreadable file into one clear message before any output.
    const handle = await open(pathIn(io, file), 'r');
    await handle.close();
    const check = clashes.file(file, shop);
    const summary = await importChunks(createReadStream(pathIn(io, file), { highWaterMark: CHUNK_BYTES }), options, known, check.visit);
    check.end();
    return { file, summary };
  } catch (e) {
    return { file, unreadable: `cannot read file: ${errorCode(e)}` };
  }
}

function toJson(r: FileResult): Record<string, unknown> {
  if (!r.summary)
    return {
      file: r.file,
      format: null,
      rows: 0,
      created: 0,
      updated: 0,
      unchanged: 0,
      quarantined: [],
      errors: [{ level: 'error', code: 'unreadable', message: r.unreadable }],
      warnings: [],
    };
  const s = r.summary;
  return {
    file: r.file,
    format: s.format,
    rows: s.rows,
    created: s.created,
    updated: s.updated,
    unchanged: s.unchanged,
    quarantined: s.problems.map((p) => ({ line: p.line, column: p.column ?? null, columnName: p.columnName ?? null, code: p.code, reason: p.reason })),
    quarantinedCount: s.quarantined,
    quarantinedListTruncated: s.problemsTruncated,
    records: s.records,
    encoding: s.encoding,
    delimiter: s.delimiter,
    headerLine: s.headerLine,
    blankLines: s.blankLines,
    fileHash: s.fileHash,
    errors: s.errors,
    warnings: s.warnings,
  };
}

function render(results: readonly FileResult[]): string {
  const rows: (string | number)[][] = [['file', 'format', 'rows', 'created', 'updated', 'unchanged', 'quarantined']];
  const notes: string[] = [];
  for (const r of results) {
    const s = r.summary;
    rows.push(s ? [r.file, s.format ?? '-', s.rows, s.created, s.updated, s.unchanged, s.quarantined] : [r.file, '-', 0, 0, 0, 0, 0]);
    if (!s) {
      notes.push(`${r.file}: error: ${r.unreadable}`);
      continue;
    }
    for (const e of s.errors) notes.push(`${r.file}: error: ${e.message}`);
    for (const w of s.warnings) notes.push(`${r.file}: warning: ${w.message}${w.count ? ` (${w.count} times)` : ''}`);
    for (const p of s.problems.slice(0, 50)) {
      const where = p.column ? `line ${p.line}, column ${p.column}${p.columnName ? ` (${p.columnName})` : ''}` : `line ${p.line}`;
      notes.push(`${r.file}: ${where}: ${p.reason}`);
    }
    if (s.quarantined > 50) notes.push(`${r.file}: … ${s.quarantined - 50} more quarantined rows (use --json for all)`);
  }
  return table(rows) + (notes.length ? `\n\n${notes.join('\n')}` : '');
}
