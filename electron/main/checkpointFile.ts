// The decision log's checkpoint file in the user-data folder: main is its only writer, grows it
// only by lines the pure ledger (shared/decisions/checkpoints.ts) accepts, and syncs each line to
// disk before answering. Calls are queued, so two windows cannot interleave appends.
import { appendFile, open, readFile } from 'node:fs/promises';
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
    let text = '';
    try {
      text = await readFile(this.path, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
    if (text === '') {
      await this.appendLine(ledgerHeader(), 'wx');
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
    return this.ledger;
  }

  private async appendLine(text: string, flag: 'a' | 'wx' = 'a'): Promise<void> {
    if (flag === 'wx') {
      const handle = await open(this.path, 'wx', 0o600);
      try {
        await handle.writeFile(text + '\n');
        await handle.sync();
      } finally {
        await handle.close();
      }
      return;
    }
    await appendFile(this.path, text + '\n', { mode: 0o600 });
    const handle = await open(this.path, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  }

  private async commit(result: LedgerResult, ledger: CheckpointLedger): Promise<IpcResult<'checkpoint:extend'>> {
    if (!result.ok) return result;
    if (result.line) {
      await this.appendLine(serialiseLine(result.line as CheckpointLine));
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
