// Every file the app writes (CSV, PDF, PNG, backup, checkpoint) is an entry in an append-only
// export log: who, when, what, how many rows, and the decision log's head it was made from.
import { headOf, type LogHead } from '../../../../shared/decisions/chain';
import { systemClock, type Clock } from '../../../../shared/time/clock';
import { DecisionLog } from './decisionLog';
import { analystName } from './metaRepository';
import type { ExportLogRecord, WorkbenchDb } from './schema';

export type ExportInput = Pick<ExportLogRecord, 'kind' | 'fileName' | 'rows' | 'what'> & {
  /**
   * The decision log's head when the file was made (read before the save dialog opened): decisions
   * taken while the dialog stood open are not in the file. Without it, the head now.
   */
  logHead?: LogHead;
};

export class ExportLog {
  constructor(
    private readonly db: WorkbenchDb,
    private readonly clock: Clock = systemClock,
  ) {}

  async add(input: ExportInput): Promise<ExportLogRecord> {
    const record: ExportLogRecord = {
      at: this.clock.now(),
      analyst: await analystName(this.db),
      kind: input.kind,
      fileName: input.fileName.slice(0, 300),
      rows: input.rows,
      what: input.what.slice(0, 500),
      logHead: input.logHead ? await this.onTheChain(input.logHead) : await new DecisionLog(this.db).head(),
    };
    const id = (await this.db.exportLog.add(record)) as number;
    return { ...record, id };
  }

  /** `head` when it is an entry of this log (or the empty log's head); a head the log never had is refused. */
  private async onTheChain(head: LogHead): Promise<LogHead> {
    const { seq, hash } = head;
    const refused = new Error(`The file names a decision-log head (entry ${String(seq)}) this log does not have`);
    if (!Number.isSafeInteger(seq) || seq < 0 || typeof hash !== 'string') throw refused;
    const entry = seq === 0 ? headOf([]) : await this.db.decisions.where('seq').equals(seq).first();
    if (!entry || entry.hash !== hash) throw refused;
    return { seq, hash };
  }

  /** Newest first. */
  list(limit = 500): Promise<ExportLogRecord[]> {
    return this.db.exportLog.orderBy('id').reverse().limit(limit).toArray();
  }
}
