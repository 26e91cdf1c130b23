// What the Imports screen may ask of the import worker: run files, cancel, the history, the
// quarantined rows, Undo. Plain data in and out across the worker boundary.
import { BUILT_IN_PRESETS, presetById } from '../../../shared/ingest/formats/registry';
import type { RowProblem } from '../../../shared/ingest/problems';
import { ImportHistory, type ImportEntry } from './importHistory';
import { importFile, type ImportControl, type ImportOutcome, type ImportProgress } from './importRunner';
import type { WorkbenchDb } from './schema';

/** Bytes handed to the reader at once: large enough that each batch is a sizeable transaction. */
const READ_CHUNK = 4 * 1024 * 1024;

export interface FormatChoice {
  id: string;
  label: string;
  kind: string;
}

export type FileProgressFn = (fileIndex: number, p: ImportProgress) => void;

async function* coalescedChunks(file: Blob): AsyncGenerator<Uint8Array> {
  const reader = file.stream().getReader();
  let parts: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (value) {
      parts.push(value);
      size += value.length;
    }
    if (size >= READ_CHUNK || (done && size > 0)) {
      const out = new Uint8Array(size);
      let at = 0;
      for (const p of parts) {
        out.set(p, at);
        at += p.length;
      }
      parts = [];
      size = 0;
      yield out;
    }
    if (done) return;
  }
}

export class ImportService {
  private control: ImportControl = { cancelled: false };
  private readonly history: ImportHistory;
  private recovered: Promise<number> | null = null;

  constructor(private readonly db: WorkbenchDb) {
    this.history = new ImportHistory(db);
  }

  formats(): FormatChoice[] {
    return BUILT_IN_PRESETS.map((p) => ({ id: p.id, label: p.label, kind: p.kind }));
  }

  /** Imports the files one after another; `presetId` forces a format, otherwise it is detected. */
  async run(files: File[], presetId: string | null, onProgress?: FileProgressFn): Promise<ImportOutcome[]> {
    await this.recover();
    this.control = { cancelled: false };
    const preset = presetId ? presetById(presetId) : undefined;
    const outcomes: ImportOutcome[] = [];
    for (const [i, file] of files.entries()) {
      if (this.control.cancelled) break;
      const outcome = await importFile(
        this.db,
        { name: file.name, size: file.size, chunks: coalescedChunks(file) },
        preset ? { preset } : {},
        this.control,
        (p) => onProgress?.(i, p),
      );
      outcomes.push(outcome);
    }
    return outcomes;
  }

  cancel(): void {
    this.control.cancelled = true;
  }

  /** Marks imports a crash cut off; runs once per app start. */
  recover(): Promise<number> {
    this.recovered ??= this.history.recoverInterrupted();
    return this.recovered;
  }

  async list(): Promise<ImportEntry[]> {
    await this.recover();
    return this.history.list();
  }

  problems(importId: number): Promise<RowProblem[]> {
    return this.history.problems(importId);
  }

  undo(importId: number): Promise<void> {
    return this.history.undo(importId);
  }
}
