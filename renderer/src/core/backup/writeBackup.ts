// Writes the whole cache into one encrypted backup container: every table's rows as stored
// (column blocks stay typed arrays), page by page so 1M orders never sit in memory at once, with
// counts in the analyst's words and the decision log's head in the readable header.
import { writeContainer, type BackupManifest } from '../../../../shared/backup/container';
import { encodeRecord } from '../../../../shared/backup/records';
import { TableHash } from '../../../../shared/backup/tableHash';
import { systemClock, type Clock } from '../../../../shared/time/clock';
import { DecisionLog } from '../storage/decisionLog';
import { analystName } from '../storage/metaRepository';
import { CURRENT_VERSION, type WorkbenchDb } from '../storage/schema';
import { TABLE_NAMES } from './tableSchemas';
import { summaryCounts } from './summary';
import { attachmentFileName } from './checkBackup';

export interface BackupOptions {
  passphrase: string;
  clock?: Clock;
  appVersion?: string;
  /** Tests lower this; a real backup uses the container's default. */
  iterations?: number;
  onProgress?: (rowsDone: number, rowsTotal: number) => void;
}

const PAGE = 2_000;

/** What must not change while a backup is written: if it does, the backup is refused. */
async function stateMark(db: WorkbenchDb): Promise<string> {
  const counts = await Promise.all(TABLE_NAMES.map((t) => db.table(t).count()));
  const head = await db.decisionHead.get('head');
  const lastImport = await db.imports.orderBy('id').last();
  return JSON.stringify([counts, head?.seq ?? 0, lastImport?.id ?? 0, lastImport?.status ?? '', lastImport?.endedAt ?? 0]);
}

export async function writeBackup(db: WorkbenchDb, opts: BackupOptions): Promise<{ blob: Blob; manifest: BackupManifest }> {
  const clock = opts.clock ?? systemClock;
  const analyst = await analystName(db);
  const running = await db.imports.where('status').equals('running').count();
  if (running > 0) throw new Error('An import is running: back up when it has finished');
  const before = await stateMark(db);
  const rowCounts = await Promise.all(TABLE_NAMES.map(async (name) => ({ name, rows: await db.table(name).count() })));
  const total = rowCounts.reduce((n, t) => n + t.rows, 0);
  const logHead = await new DecisionLog(db).head();
  const manifest: BackupManifest = {
    schemaVersion: CURRENT_VERSION,
    app: { name: 'Fraud Workbench', version: opts.appVersion ?? 'unknown' },
    createdAt: clock.now(),
    createdBy: analyst,
    counts: await summaryCounts(db),
    tables: rowCounts,
    logHead,
    // Attached files by id, size and hash: a restore checks each against its bytes. No names (the header is readable).
    files: (await db.disputeAttachments.toArray()).map((a) => ({ name: attachmentFileName(a.id!), bytes: a.size, sha256: a.sha256 })),
  };

  const encoder = new TextEncoder();
  let done = 0;
  async function* body(): AsyncGenerator<Uint8Array> {
    yield encoder.encode(encodeRecord({ kind: 'start', schemaVersion: CURRENT_VERSION }) + '\n');
    const hashes: { name: string; rows: number; sha256: string }[] = [];
    for (const { name, rows } of rowCounts) {
      yield encoder.encode(encodeRecord({ kind: 'table', name, rows }) + '\n');
      const table = db.table(name);
      const keyPath = table.schema.primKey.keyPath as string;
      const hash = new TableHash();
      let written = 0;
      let last: unknown = undefined;
      // A payment block is up to 4,096 payments as objects: a few at a time, not every payment at once.
      const size = name === 'paymentBlocks' ? 16 : PAGE;
      for (;;) {
        const page = last === undefined ? await table.orderBy(':id').limit(size).toArray() : await table.where(':id').above(last).limit(size).toArray();
        if (page.length === 0) break;
        last = (page.at(-1) as Record<string, unknown>)[keyPath];
        const lines: string[] = [];
        for (const row of page) {
          const line = encodeRecord(row);
          await hash.addLine(encoder.encode(line));
          lines.push(line);
        }
        written += page.length;
        done += page.length;
        opts.onProgress?.(done, total);
        yield encoder.encode(lines.join('\n') + '\n');
      }
      if (written !== rows) throw new Error(`The cache changed while it was backed up (${name}: ${written} rows, ${rows} counted); back up again`);
      hashes.push({ name, rows: written, sha256: await hash.hex() });
    }
    yield encoder.encode(encodeRecord({ kind: 'end', tables: hashes }) + '\n');
  }

  const blob = await writeContainer({ manifest, passphrase: opts.passphrase, body: body(), ...(opts.iterations ? { iterations: opts.iterations } : {}) });
  if ((await stateMark(db)) !== before) throw new Error('The cache changed while it was backed up (an import, a decision or a restore ran); back up again');
  return { blob, manifest };
}
