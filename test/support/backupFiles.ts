// For end-to-end tests that play the attacker: open a backup the app wrote (with its passphrase,
// as its owner could), change its tables, and seal it again, valid as a container. The app must
// still refuse what the change makes wrong.
import { readBody, readHeader, writeContainer, type BackupManifest } from '../../shared/backup/container';
import { decodeRecord, encodeRecord } from '../../shared/backup/records';
import { TableHash } from '../../shared/backup/tableHash';

export type BackupTables = Map<string, unknown[]>;

export async function openBackup(bytes: Uint8Array, passphrase: string): Promise<{ manifest: BackupManifest; tables: BackupTables }> {
  const file = new Blob([bytes as BlobPart]);
  const { header } = await readHeader(file);
  const { format: _f, formatVersion: _v, compression: _c, encryption: _e, ...manifest } = header;
  const chunks: Uint8Array[] = [];
  for await (const c of readBody(file, { passphrase })) chunks.push(c);
  const text = new TextDecoder().decode(Buffer.concat(chunks));
  const tables: BackupTables = new Map();
  let current: unknown[] | null = null;
  let left = 0;
  for (const line of text.split('\n')) {
    if (!line) continue;
    const r = decodeRecord(line) as Record<string, unknown>;
    if (left > 0) {
      current!.push(r);
      left--;
    } else if (r['kind'] === 'table') {
      current = [];
      left = r['rows'] as number;
      tables.set(r['name'] as string, current);
    }
  }
  return { manifest, tables };
}

/** `chunkBytes`: smaller chunks than the app writes, so a small cache still spans several. */
export async function sealBackup(manifest: BackupManifest, tables: BackupTables, passphrase: string, chunkBytes?: number): Promise<Buffer> {
  const enc = new TextEncoder();
  async function* body(): AsyncGenerator<Uint8Array> {
    yield enc.encode(encodeRecord({ kind: 'start', schemaVersion: manifest.schemaVersion }) + '\n');
    const listed: { name: string; rows: number; sha256: string }[] = [];
    for (const [name, rows] of tables) {
      yield enc.encode(encodeRecord({ kind: 'table', name, rows: rows.length }) + '\n');
      const hash = new TableHash();
      for (const row of rows) {
        const line = encodeRecord(row);
        await hash.addLine(enc.encode(line));
        yield enc.encode(line + '\n');
      }
      listed.push({ name, rows: rows.length, sha256: await hash.hex() });
    }
    yield enc.encode(encodeRecord({ kind: 'end', tables: listed }) + '\n');
  }
  const tableRows = [...tables].map(([name, rows]) => ({ name, rows: rows.length }));
  const blob = await writeContainer({
    manifest: { ...manifest, tables: tableRows },
    passphrase,
    body: body(),
    iterations: 1_000,
    ...(chunkBytes ? { chunkBytes } : {}),
  });
  return Buffer.from(await blob.arrayBuffer());
}
