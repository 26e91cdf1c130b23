// The decision log's checkpoint file in the user-data folder: main is its only writer, grows it
// only by lines the pure ledger (shared/decisions/checkpoints.ts) accepts, and syncs each line to
// disk before answering. Calls are queued, so two windows cannot interleave appends.
import { constants } from 'node:fs';
import { open, readFile } from 'node:fs/promises';
import {
  CheckpointLedger,
  extensionOf,
  ledgerHeader,
  parseLedger,
  restoreOf,
  serialiseLine,
  type CheckpointLine,
  type LedgerResult,
} from '../../shared/decisions/checkpoints';
import type { DecisionEntry } from '../../shared/decisions/chain';
import type { IpcResult } from '../../shared/ipc';

export const CHECKPOINT_FILE_NAME = 'decision-log-checkpoints.jsonl';

export class CheckpointFile {
  private ledger: CheckpointLedger | null = null;
  private problem: string | null = null;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly path: string,
    private readonly now: () => number = Date.now,
  ) {}

  private serial<T>(job: () => Promise<T>): Promise<T> {
    const next = this.queue.then(job, job);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async load(): Promise<CheckpointLedger> {
    if (this.ledger) return this.ledger;
    let bytes: Buffer | null = null;
    try {
      bytes = await readFile(this.path);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
    const text = bytes?.toString('utf8') ?? '';
    // A crash while the file was being created leaves it empty or with part of its header: it
    // witnessed nothing yet, so it is written again from the start.
    const unwritten = bytes !== null && !text.includes('\n') && ledgerHeader().startsWith(text);
    if (bytes === null || unwritten) {
      await this.writeHeader(unwritten);
      this.ledger = new CheckpointLedger();
      return this.ledger;
    }
    try {
      const parsed = parseLedger(text);
      this.ledger = parsed.ledger;
      this.problem = parsed.problem;
    } catch (e) {
      // A checkpoint file that does not parse witnesses nothing; say so rather than start a new one over it.
      this.problem = `the checkpoint file is damaged (${(e as Error).message}); it is kept as it is`;
      throw new Error(this.problem, { cause: e });
    }
    if (!text.endsWith('\n')) await this.endLastLine(bytes, this.problem !== null);
    return this.ledger;
  }

  private async writeHeader(overUnwritten: boolean): Promise<void> {
    // 'wx' never follows or replaces a file that appeared meanwhile; 'r+' only opens the one just read.
    const handle = await open(this.path, overUnwritten ? 'r+' : 'wx', 0o600);
    try {
      await handle.truncate(0);
      await handle.writeFile(ledgerHeader() + '\n');
      await handle.sync();
    } finally {
      await handle.close();
    }
  }

  /**
   * The file does not end with a newline, so the next line would be glued onto its last one and
   * the file read as damaged from then on. A last line the crash cut off (parseLedger already set
   * it aside and reports it) was never confirmed to the app and is cut away; a whole one is ended.
   */
  private async endLastLine(bytes: Buffer, cutOff: boolean): Promise<void> {
    const handle = await open(this.path, 'r+');
    try {
      if (cutOff) await handle.truncate(bytes.lastIndexOf(0x0a) + 1);
      else await handle.write('\n', bytes.byteLength);
      await handle.sync();
    } finally {
      await handle.close();
    }
  }

  private async appendLine(text: string): Promise<void> {
    // One handle writes and syncs, in append mode without create: a file removed behind the app's
    // back is not silently recreated without its header.
    const handle = await open(this.path, constants.O_WRONLY | constants.O_APPEND);
    try {
      await handle.writeFile(text + '\n');
      await handle.sync();
    } finally {
      await handle.close();
    }
  }

  private async commit(result: LedgerResult, ledger: CheckpointLedger): Promise<IpcResult<'checkpoint:extend'>> {
    if (!result.ok) return result;
    if (result.line) {
      try {
        await this.appendLine(serialiseLine(result.line as CheckpointLine));
      } catch (e) {
        // Part of the line may be on disk: the next call reads the file again, which sets it aside.
        this.ledger = null;
        throw e;
      }
      ledger.apply(result.line);
    }
    return { ok: true, head: result.head };
  }

  read(): Promise<IpcResult<'checkpoint:read'>> {
    return this.serial(async () => {
      const ledger = await this.load();
      return { heads: ledger.heads(), restores: [...ledger.restores], updatedAt: ledger.updatedAt, problem: this.problem };
    });
  }

  extend(entries: readonly DecisionEntry[]): Promise<IpcResult<'checkpoint:extend'>> {
    return this.serial(async () => {
      const ledger = await this.load();
      return this.commit(await extensionOf(ledger, entries, this.now()), ledger);
    });
  }

  restore(entry: DecisionEntry): Promise<IpcResult<'checkpoint:restore'>> {
    return this.serial(async () => {
      const ledger = await this.load();
      return this.commit(await restoreOf(ledger, entry, this.now()), ledger);
    });
  }
}
