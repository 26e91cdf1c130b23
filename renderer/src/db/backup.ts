// Whole-cache backup to one file and restore from it (dexie-export-import: streams tables
// as JSON and keeps typed arrays, so column blocks survive the round trip bit for bit).
import { exportDB, importInto, peakImportFile } from 'dexie-export-import';
import { replacingLogs } from './appendOnly';
import { DB_NAME, type WorkbenchDb } from './schema';

export interface BackupSummary {
  databaseVersion: number;
  tables: { name: string; rowCount: number }[];
}

export async function exportBackup(db: WorkbenchDb, onProgress?: (done: number, total: number) => void): Promise<Blob> {
  return exportDB(db, {
    numRowsPerChunk: 50,
    progressCallback: (p) => {
      onProgress?.(p.completedRows, p.totalRows ?? 0);
      return true;
    },
  });
}

/** Checks that a file is a backup of this app before anything in the cache is touched. */
export async function inspectBackup(file: Blob, expectedName = DB_NAME): Promise<BackupSummary> {
  let meta;
  try {
    meta = await peakImportFile(file);
  } catch (e) {
    throw new Error(`This file is not a Fraud Workbench backup (${(e as Error).message})`, { cause: e });
  }
  if (meta?.formatName !== 'dexie' || !meta.data || !Array.isArray(meta.data.tables)) {
    throw new Error('This file is not a Fraud Workbench backup (no backup header found)');
  }
  if (meta.data.databaseName !== expectedName) {
    throw new Error(`This file is a backup of "${meta.data.databaseName}", not of Fraud Workbench`);
  }
  return {
    databaseVersion: meta.data.databaseVersion,
    tables: meta.data.tables.map((t) => ({ name: t.name, rowCount: t.rowCount })),
  };
}

/** Replaces the cache with the backup's content, after checking it is a backup of this app. */
export async function restoreBackup(db: WorkbenchDb, file: Blob): Promise<BackupSummary> {
  const summary = await inspectBackup(file, db.name);
  if (summary.databaseVersion > db.verno) {
    throw new Error(
      `The backup comes from a newer version of the app (schema ${summary.databaseVersion}, this app ${db.verno}); update the app first`,
    );
  }
  // A restore replaces the decision log by the backup's own (chained, verifiable) log.
  await replacingLogs(db.name, () => importInto(db, file, { clearTablesBeforeImport: true, acceptVersionDiff: true, chunkSizeBytes: 4 * 1024 * 1024 }));
  return summary;
}
