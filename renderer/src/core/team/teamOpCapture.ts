// Keeps the records of an import made while signed in to the team, in the gzip chunks they will
// travel in, so the import can become a team operation (issue 16) once it has ended well.
import { encodeChunk, IMPORT_OP_LIMITS, NEW_CHUNK_SCHEME, opDigest } from '../../../../shared/team';
import type { ParsedBatch } from '../../../../shared/ingest/reader';
import type { ParsedRecord } from '../../../../shared/ingest/records';
import type { ImportOutcome } from '../imports/importRunner';
import type { TeamOpRecord, WorkbenchDb } from '../storage/schema';

export class TeamOpCapture {
  private held: ParsedRecord[] = [];
  /** Why the import cannot be shared (a record the team's schema refuses); its records are then not kept. */
  private unshareable: string | null = null;
  private readonly hashes: string[] = [];
  private records = 0;

  constructor(
    private readonly db: WorkbenchDb,
    readonly opId: string,
    private readonly by: { analyst: string; deviceId: string },
    private readonly perChunk: number = IMPORT_OP_LIMITS.recordsPerChunk,
  ) {}

  /** Takes a written batch's records; every full chunk is compressed and stored. */
  async add(batch: ParsedBatch): Promise<void> {
    this.records += batch.records.length;
    if (this.unshareable) return;
    for (const r of batch.records) this.held.push(r);
    try {
      while (this.held.length >= this.perChunk) await this.store(this.held.splice(0, this.perChunk));
    } catch (e) {
      // The import itself goes on: it only cannot travel to the team.
      await this.giveUp(e);
    }
  }

  private async giveUp(e: unknown): Promise<void> {
    this.unshareable = `cannot be shared: ${(e as Error).message}`;
    this.held = [];
    await this.discard();
  }

  private async store(records: ParsedRecord[]): Promise<void> {
    const chunk = await encodeChunk(records, { scheme: NEW_CHUNK_SCHEME });
    await this.db.teamOpChunks.put({ opId: this.opId, n: this.hashes.length, gzip: chunk.gzip });
    this.hashes.push(chunk.hash);
  }

  /**
   * A completed import that wrote records becomes an operation waiting to be shared; anything
   * else (cancelled, failed, nothing read) leaves no operation and no chunks behind.
   */
  async end(outcome: ImportOutcome, facts: { fileName: string; shop: string | null; orderSource: string; at: number }): Promise<TeamOpRecord | null> {
    const { summary } = outcome;
    if (outcome.status !== 'completed' || this.records === 0 || summary.format === null) {
      await this.discard();
      return null;
    }
    if (this.held.length && !this.unshareable) await this.store(this.held.splice(0)).catch((e: unknown) => this.giveUp(e));
    const op: TeamOpRecord = {
      opId: this.opId,
      seq: null,
      kind: 'import',
      undoes: null,
      // An import the team's schema refuses stays on this laptop, with no records kept to send.
      state: this.unshareable ? 'refused' : 'waiting',
      applied: true,
      importId: outcome.importId,
      fileName: facts.fileName,
      fileHash: summary.fileHash,
      format: summary.format,
      formatLabel: summary.formatLabel ?? summary.format,
      shop: facts.shop,
      orderSource: facts.orderSource,
      records: this.records,
      chunkHashes: this.unshareable ? [] : [...this.hashes],
      digest: await opDigest(this.unshareable ? [] : this.hashes),
      chunkScheme: NEW_CHUNK_SCHEME,
      by: this.by.analyst,
      deviceId: this.by.deviceId,
      at: facts.at,
      liveDigest: null,
      problem: this.unshareable,
    };
    await this.db.teamOps.put(op);
    return op;
  }

  async discard(): Promise<void> {
    await this.db.teamOpChunks.where('[opId+n]').between([this.opId, 0], [this.opId, Infinity]).delete();
  }
}
