// Every file the app writes (CSV, PDF, PNG, backup, checkpoint) is an entry in an append-only
// export log: who, when, what, how many rows, and the decision log's head it was made from.
import { systemClock, type Clock } from '../../../../shared/time/clock';
import { DecisionLog } from './decisionLog';
import { analystName } from './metaRepository';
import type { ExportLogRecord, WorkbenchDb } from './schema';

export type ExportInput = Pick<ExportLogRecord, 'kind' | 'fileName' | 'rows' | 'what'>;

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
      logHead: await new DecisionLog(this.db).head(),
    };
    const id = (await this.db.exportLog.add(record)) as number;
    return { ...record, id };
  }

  /** Newest first. */
  list(limit = 500): Promise<ExportLogRecord[]> {
    return this.db.exportLog.orderBy('id').reverse().limit(limit).toArray();
  }
}
