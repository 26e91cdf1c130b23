// Reads a backup file into memory, table by table, without touching the cache: the encrypted
// container this app writes, or the JSON backups of earlier versions (dexie-export-import). A
// backup of an older schema goes through a staging database that the same migrations as a live
// cache upgrade; a newer one is refused. The result is rows at the current schema, unchecked.
import { importInto, peakImportFile } from 'dexie-export-import';
import { BackupError, checkContainerLayout, readBody, readHeader, type BackupHeader } from '../../../../shared/backup/container';
import { decodeRecord } from '../../../../shared/backup/records';
import { TableHash } from '../../../../shared/backup/tableHash';
import { CURRENT_VERSION, RETIRED_SINCE, RETIRED_TABLES, SCHEMA_HISTORY, createDb, type WorkbenchDb } from '../storage/schema';
import { isTableName, TABLE_NAMES, type TableName } from './tableSchemas';

export type StagedTables = Map<TableName, unknown[]>;

export interface StagedBackup {
  format: 'container' | 'legacy-json';
  fileName: string;
  /** The container's header; legacy backups have none. */
  header: BackupHeader | null;
  /** Schema version the backup was written at (its rows are now at the current one). */
  schemaVersion: number;
  tables: StagedTables;
}

const MAX_LINE = 64 * 1024 * 1024;
const STAGING_DB = 'fraud-workbench-restore-staging';

export type BackupKind = 'container' | 'legacy-json' | 'other';

/** What kind of file this is, from its first bytes. */
export async function backupKind(file: Blob): Promise<BackupKind> {
  const head = new TextDecoder().decode(await file.slice(0, 64).arrayBuffer());
  if (head.startsWith('FWBACKUP')) return 'container';
  if (/^\s*\{/.test(head)) return 'legacy-json';
  return 'other';
}

/**
 * What kind of file this is, and for this app's container whether what can be read without the
 * passphrase (its header, its chunks' lengths) is whole: a file cut off or damaged there is refused
 * before a passphrase is asked for it.
 */
export async function checkBackupFile(file: Blob): Promise<BackupKind> {
  const kind = await backupKind(file);
  if (kind === 'container') await checkContainerLayout(file);
  return kind;
}

function schemaTables(version: number): Set<string> {
  const names = new Set<string>();
  for (const v of SCHEMA_HISTORY) {
    if (v.version > version) continue;
    for (const [name, spec] of Object.entries(v.stores)) {
      if (spec === null) names.delete(name);
      else names.add(name);
    }
  }
  return names;
}

function checkVersion(version: number): void {
  if (version > CURRENT_VERSION)
    throw new BackupError(`The backup comes from a newer version of the app (schema ${version}, this app ${CURRENT_VERSION}); update the app first`);
  if (!SCHEMA_HISTORY.some((v) => v.version === version)) throw new BackupError(`The backup names schema ${version}, which no version of this app ever had`);
}

/** Lines of the decrypted body, each at most MAX_LINE characters. */
async function* lines(body: AsyncIterable<Uint8Array>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let buffer = '';
  for await (const piece of body) {
    buffer += decoder.decode(piece, { stream: true });
    let nl = buffer.indexOf('\n');
    while (nl >= 0) {
      yield buffer.slice(0, nl);
      buffer = buffer.slice(nl + 1);
      nl = buffer.indexOf('\n');
    }
    if (buffer.length > MAX_LINE) throw new BackupError('The backup holds a record larger than any this app writes: refused');
  }
  buffer += decoder.decode();
  if (buffer.length) yield buffer;
}

/** Reads this app's encrypted container. */
async function readContainer(file: File | Blob, passphrase: string, onProgress?: (done: number, total: number) => void): Promise<StagedBackup> {
  const { header } = await readHeader(file);
  checkVersion(header.schemaVersion);
  const known = schemaTables(header.schemaVersion);
  const tables: StagedTables = new Map();
  const encoder = new TextEncoder();
  let state: 'start' | 'tables' | 'end' = 'start';
  let current: { name: TableName; rows: number; got: unknown[]; hash: TableHash } | null = null;
  const hashes = new Map<string, string>();
  const finishTable = async () => {
    if (!current) return;
    if (current.got.length !== current.rows)
      throw new BackupError(`The backup is damaged: table ${current.name} holds ${current.got.length} rows, not the ${current.rows} it announces`);
    tables.set(current.name, current.got);
    hashes.set(current.name, await current.hash.hex());
    current = null;
  };
  let lineNo = 0;
  try {
    for await (const line of lines(readBody(file, { passphrase, maxBytes: Math.max(1, file.size) * 200, ...(onProgress ? { onProgress } : {}) }))) {
      lineNo++;
      if (state === 'end') throw new BackupError('The backup is damaged: records follow its end');
      let record: unknown;
      try {
        record = decodeRecord(line);
      } catch (e) {
        throw new BackupError(`The backup is damaged: record ${lineNo} is not readable (${(e as Error).message})`);
      }
      const r = record as Record<string, unknown>;
      if (current && current.got.length < current.rows) {
        current.got.push(record);
        await current.hash.addLine(encoder.encode(line));
        continue;
      }
      if (state === 'start') {
        if (r?.['kind'] !== 'start' || r['schemaVersion'] !== header.schemaVersion)
          throw new BackupError('The backup is damaged: its records do not start as a backup of this schema');
        state = 'tables';
      } else if (r?.['kind'] === 'table') {
        await finishTable();
        const name = String(r['name']);
        const rows = Number(r['rows']);
        // A table this schema retired comes in only from a backup of a schema that still had it (its rows are checked once migrated).
        const retired = (RETIRED_TABLES as readonly string[]).includes(name) && header.schemaVersion < RETIRED_SINCE;
        if (!(isTableName(name) || retired) || !known.has(name)) throw new BackupError(`The backup holds a table this app does not know: ${name.slice(0, 60)}`);
        if (tables.has(name as TableName)) throw new BackupError(`The backup holds table ${name} twice`);
        if (!Number.isInteger(rows) || rows < 0) throw new BackupError(`The backup is damaged: table ${name} announces ${String(r['rows']).slice(0, 20)} rows`);
        current = { name: name as TableName, rows, got: [], hash: new TableHash() };
      } else if (r?.['kind'] === 'end') {
        await finishTable();
        const listed = r['tables'];
        if (!Array.isArray(listed)) throw new BackupError('The backup is damaged: its end record lists no tables');
        for (const t of listed as { name?: unknown; rows?: unknown; sha256?: unknown }[]) {
          const name = String(t.name);
          if (hashes.get(name) !== t.sha256) throw new BackupError(`The backup is damaged: table ${name.slice(0, 60)} does not match its hash`);
        }
        if (listed.length !== hashes.size) throw new BackupError('The backup is damaged: its end record and its tables disagree');
        state = 'end';
      } else {
        throw new BackupError(`The backup is damaged: record ${lineNo} is not a row, a table or the end`);
      }
    }
  } catch (e) {
    if (e instanceof BackupError) throw e;
    if (e instanceof TypeError && /decode|encoded|utf-8/i.test(e.message)) throw new BackupError('The backup is damaged: its text is not valid UTF-8');
    throw e;
  }
  if (state !== 'end') throw new BackupError('The backup is cut off: its records end before the last table is complete');
  for (const t of header.tables) {
    const got = tables.get(t.name as TableName)?.length ?? 0;
    if (got !== t.rows) throw new BackupError(`The backup's header says ${t.rows} rows in ${t.name.slice(0, 60)}, but it holds ${got}`);
  }
  const staged: StagedBackup = { format: 'container', fileName: (file as File).name ?? 'backup', header, schemaVersion: header.schemaVersion, tables };
  return header.schemaVersion < CURRENT_VERSION ? migrate(staged) : staged;
}

/** Key path segments that lead from a row into the prototypes every object of the worker shares. */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
/** Longer than any field name or key path an earlier version wrote. */
const MAX_KEY = 1000;

/**
 * Refuses a JSON backup any of whose object keys, read as a key path (`a.b`, `~1` for a dot),
 * passes through `__proto__`, `constructor` or `prototype`. dexie-export-import revives typed
 * values at the key paths a row's `$types` names, and writes there: such a path reaches
 * Object.prototype, and a crafted file (refused later or not) changed every object of the cache
 * worker. No version of this app wrote such a key, so it is refused before any row is revived.
 * Keys are read as JSON reads them (escapes decoded), streaming: the file may be large.
 */
async function refusePrototypeKeys(file: Blob): Promise<void> {
  const refuse = (why: string): never => {
    throw new BackupError(`This backup was changed by hand: ${why}`);
  };
  const containers: string[] = [];
  let inString = false;
  let escaped = false;
  let isKey = false;
  let expectKey = false;
  let key = '';
  const checkKey = (raw: string) => {
    let name: string;
    try {
      name = JSON.parse(`"${raw}"`) as string;
    } catch {
      return refuse('it is not valid JSON');
    }
    for (const segment of name.split('.')) {
      if (PROTOTYPE_KEYS.has(segment.replace(/~1/g, '.').replace(/~0/g, '~')))
        refuse(`it names the key ${JSON.stringify(name.slice(0, 60))}, which no version of this app writes`);
    }
  };
  const reader = file.stream().pipeThrough(new TextDecoderStream()).getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    for (let i = 0; i < value.length; i++) {
      const c = value[i]!;
      if (inString) {
        if (escaped) escaped = false;
        else if (c === '\\') escaped = true;
        else if (c === '"') {
          inString = false;
          if (isKey) checkKey(key);
          continue;
        }
        if (isKey) {
          key += c;
          if (key.length > MAX_KEY) refuse('it holds a key longer than any this app writes');
        }
        continue;
      }
      if (c === '"') {
        inString = true;
        isKey = expectKey && containers.at(-1) === '{';
        expectKey = false;
        key = '';
      } else if (c === '{' || c === '[') {
        containers.push(c);
        expectKey = c === '{';
      } else if (c === '}' || c === ']') containers.pop();
      else if (c === ',') expectKey = containers.at(-1) === '{';
    }
  }
}

/** Reads a JSON backup of an earlier version through a staging database, never the live cache. */
async function readLegacy(file: File | Blob): Promise<StagedBackup> {
  await refusePrototypeKeys(file);
  let meta;
  try {
    meta = await peakImportFile(file);
  } catch (e) {
    throw new BackupError(`This file is not a Fraud Workbench backup (${(e as Error).message})`);
  }
  if (meta?.formatName !== 'dexie' || !meta.data || !Array.isArray(meta.data.tables))
    throw new BackupError('This file is not a Fraud Workbench backup (no backup header found)');
  if (meta.data.databaseName !== 'fraud-workbench')
    throw new BackupError(`This file is a backup of "${String(meta.data.databaseName).slice(0, 60)}", not of Fraud Workbench`);
  const version = Number(meta.data.databaseVersion);
  checkVersion(version);
  const known = schemaTables(version);
  for (const t of meta.data.tables)
    if (!known.has(t.name)) throw new BackupError(`The backup holds a table this app does not know: ${String(t.name).slice(0, 60)}`);
  const staging = await freshStaging(version);
  try {
    try {
      await importInto(staging, file, { acceptVersionDiff: false, acceptMissingTables: true, acceptNameDiff: true, chunkSizeBytes: 4 * 1024 * 1024 });
    } catch (e) {
      throw new BackupError(`The backup could not be read: ${(e as Error).message}`);
    }
    for (const t of meta.data.tables) {
      const got = await staging.table(t.name).count();
      if (got !== t.rowCount) throw new BackupError(`The backup is cut off or damaged: it announces ${t.rowCount} rows in ${t.name} but holds ${got}`);
    }
  } catch (e) {
    await dropStaging(staging);
    throw e;
  } finally {
    staging.close();
  }
  return { format: 'legacy-json', fileName: (file as File).name ?? 'backup', header: null, schemaVersion: version, tables: await readUpgraded() };
}

/**
 * Deletes the staging database after a refused read: it holds the backup's rows, personal data
 * included, which must not stay in the profile of a backup that was never restored. A deletion
 * that fails too leaves the refusal as the error the analyst sees; the next read starts by
 * deleting the staging database again (freshStaging).
 */
async function dropStaging(staging: WorkbenchDb): Promise<void> {
  await staging.delete().catch(() => undefined);
}

async function freshStaging(version: number): Promise<WorkbenchDb> {
  await createDb(STAGING_DB).delete();
  const staging = createDb(STAGING_DB, version);
  await staging.open();
  return staging;
}

/** Opens the staging database at the current schema (its migrations run) and reads every table. */
async function readUpgraded(): Promise<StagedTables> {
  const db = createDb(STAGING_DB);
  try {
    await db.open();
    const tables: StagedTables = new Map();
    for (const name of TABLE_NAMES) tables.set(name, await db.table(name).toArray());
    return tables;
  } catch (e) {
    throw new BackupError(`The backup could not be brought to this version's schema: ${(e as Error).message}`);
  } finally {
    db.close();
    await createDb(STAGING_DB).delete();
  }
}

/** Writes an older container's rows into a staging database at their schema, then upgrades it. */
async function migrate(staged: StagedBackup): Promise<StagedBackup> {
  const staging = await freshStaging(staged.schemaVersion);
  try {
    await staging.transaction('rw', staging.tables, async () => {
      for (const [name, rows] of staged.tables) await staging.table(name).bulkAdd(rows);
    });
  } catch (e) {
    await dropStaging(staging);
    throw new BackupError(`The backup's rows do not fit its own schema ${staged.schemaVersion}: ${(e as Error).message}`);
  } finally {
    staging.close();
  }
  return { ...staged, tables: await readUpgraded() };
}

/** Reads any backup this app or an earlier version wrote. */
export async function readBackup(file: File | Blob, passphrase: string | null, onProgress?: (done: number, total: number) => void): Promise<StagedBackup> {
  const kind = await backupKind(file);
  if (kind === 'other') throw new BackupError('This file is not a Fraud Workbench backup (no backup header found)');
  if (kind === 'legacy-json') return readLegacy(file);
  if (passphrase === null) throw new BackupError('This backup is encrypted: enter its passphrase');
  return readContainer(file, passphrase, onProgress);
}
