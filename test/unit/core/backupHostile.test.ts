// Hostile backups, generated: any byte changed or the file cut anywhere, unknown tables, rows of
// random shape, log entries edited, swapped or dropped. Each is refused before the cache changes,
// in the encrypted container and in the JSON backups of earlier versions alike.
import 'fake-indexeddb/auto';
import '../../support/blobReader';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planRestore, readBackup, writeBackup } from '../../../renderer/src/core/backup';
import { DecisionLog } from '../../../renderer/src/core/storage/decisionLog';
import { CURRENT_VERSION, type WorkbenchDb } from '../../../renderer/src/core/storage/schema';
import { TABLE_NAMES } from '../../../renderer/src/core/backup/tableSchemas';
import { headOf, type DecisionEntry } from '../../../shared/decisions/chain';
import { fixedClock } from '../../../shared/time/clock';
import { craftContainer, dump, fillCache, PASSPHRASE, tablesOf, TEST_ITERATIONS } from '../../support/backupCache';
import { fixtureName } from '../../fixtures/backups/fixtures';

let db: WorkbenchDb;
let file: Blob;
let bytes: Uint8Array;
let before: Record<string, string[]>;
let tables: [string, unknown[]][];
let entries: DecisionEntry[];

beforeAll(async () => {
  db = await fillCache('bk-hostile', 6, 120);
  file = (await writeBackup(db, { passphrase: PASSPHRASE, iterations: TEST_ITERATIONS, clock: fixedClock(Date.UTC(2026, 10, 18)) })).blob;
  bytes = new Uint8Array(await file.arrayBuffer());
  before = await dump(db);
  tables = await tablesOf(db);
  entries = await new DecisionLog(db).entries();
});
afterAll(async () => {
  expect(await dump(db)).toEqual(before);
  await db.delete();
});

/** Reading and relating a file: every hostile one must throw here, before a restore could start. */
const attempt = (f: Blob) => readBackup(f, PASSPHRASE).then((s) => planRestore(db, s, []));

describe('hostile backups are refused and change nothing', () => {
  it('any byte of the file changed', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 1, max: 255 }), async (pos, xor) => {
        const copy = bytes.slice();
        copy[pos % copy.length]! ^= xor;
        await expect(attempt(new Blob([copy]))).rejects.toThrow();
      }),
      { numRuns: 60 },
    );
  });

  it('the file cut off at any length', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 1_000_000 }), async (n) => {
        await expect(attempt(file.slice(0, n % file.size))).rejects.toThrow(/cut off|damaged|not a Fraud Workbench backup/);
      }),
      { numRuns: 40 },
    );
  });

  it('log entries edited, swapped or dropped by someone who knows the passphrase', async () => {
    const edits = fc.oneof(
      fc.record({ op: fc.constant('drop' as const), at: fc.nat() }),
      fc.record({ op: fc.constant('swap' as const), at: fc.nat(), with: fc.nat() }),
      fc.record({ op: fc.constant('field' as const), at: fc.nat(), field: fc.constantFrom('decision', 'analyst', 'at', 'orderKey', 'note', 'reasonCode') }),
    );
    await fc.assert(
      fc.asyncProperty(edits, async (edit) => {
        const list = entries.map((e) => ({ ...e }));
        const i = edit.at % list.length;
        if (edit.op === 'drop') list.splice(i, 1);
        else if (edit.op === 'swap') {
          const j = edit.with % list.length;
          if (i === j) list.splice(i, 1);
          else
            [list[i], list[j]] = [
              { ...list[j]!, seq: list[i]!.seq },
              { ...list[i]!, seq: list[j]!.seq },
            ];
        } else {
          const e = list[i]! as unknown as Record<string, unknown>;
          e[edit.field] =
            edit.field === 'at'
              ? (e['at'] as number) + 1
              : edit.field === 'decision'
                ? e['decision'] === 'cancel'
                  ? 'release'
                  : 'cancel'
                : `${String(e[edit.field])}x`;
        }
        const crafted = tables.map(([n, rows]): [string, unknown[]] => [n, n === 'decisions' ? list : rows]);
        await expect(attempt(await craftContainer(crafted, { schemaVersion: CURRENT_VERSION, logHead: headOf(entries) }))).rejects.toThrow(/decision log/);
      }),
      { numRuns: 30 },
    );
  });

  it('a row of any table replaced by a random object, or a table of any unknown name', async () => {
    const known = new Set<string>(TABLE_NAMES);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...TABLE_NAMES.filter((n) => (tables.find(([t]) => t === n)?.[1].length ?? 0) > 0)),
        fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 5 }),
        fc.string({ minLength: 1, maxLength: 20 }).filter((s) => !known.has(s) && !s.includes('\n')),
        async (table, junk, unknown) => {
          const withJunk = tables.map(([n, rows]): [string, unknown[]] => [n, n === table ? [junk, ...rows.slice(1)] : rows]);
          await expect(attempt(await craftContainer(withJunk, { schemaVersion: CURRENT_VERSION, logHead: headOf(entries) }))).rejects.toThrow(
            /not valid|does not match|does not verify|twice|differs/,
          );
          await expect(
            attempt(await craftContainer([...tables, [unknown, [{ id: 1 }]]], { schemaVersion: CURRENT_VERSION, logHead: headOf(entries) })),
          ).rejects.toThrow(/does not know/);
        },
      ),
      { numRuns: 30 },
    );
  });
});

describe('two rows under one key', () => {
  const withCopy = (name: string, at = 0) => tables.map(([n, rows]): [string, unknown[]] => [n, n === name ? [...rows, structuredClone(rows[at])] : rows]);

  it('a second dispute or ring verdict under a key the backup already holds is refused at inspection, naming table and rows', async () => {
    const disputes = tables.find(([n]) => n === 'disputes')![1].length;
    await expect(attempt(await craftContainer(withCopy('disputes'), { schemaVersion: CURRENT_VERSION, logHead: headOf(entries) }))).rejects.toThrow(
      `The backup's disputes row ${disputes + 1} has the key "dp_1" of row 1: this app never writes two rows under one key, so the backup was changed by hand`,
    );
    const marks = tables.find(([n]) => n === 'ringMarks')![1].length;
    await expect(attempt(await craftContainer(withCopy('ringMarks'), { schemaVersion: CURRENT_VERSION, logHead: headOf(entries) }))).rejects.toThrow(
      `The backup's ringMarks row ${marks + 1} has the key 1 of row 1`,
    );
  });

  it('in any table with rows, a copy of one of them is refused before a restore could start', async () => {
    for (const [name, rows] of tables.filter(([, r]) => r.length > 0)) {
      await expect(
        attempt(await craftContainer(withCopy(name, rows.length - 1), { schemaVersion: CURRENT_VERSION, logHead: headOf(entries) })),
        name,
      ).rejects.toThrow(/twice|has the key .* of row|does not match its order blocks/);
    }
  });
});

describe('hostile JSON backups of earlier versions are refused and change nothing', () => {
  const legacy = () => JSON.parse(readFileSync(fileURLToPath(new URL(`../../fixtures/backups/${fixtureName(6)}`, import.meta.url)), 'utf8'));
  const asFile = (json: unknown) => new File([JSON.stringify(json)], 'backup.json');

  it('an unknown table', async () => {
    const json = legacy();
    json.data.tables.push({ name: 'evil', schema: '++id', rowCount: 1 });
    json.data.data.push({ tableName: 'evil', inbound: true, rows: [{ id: 1 }] });
    await expect(attempt(asFile(json))).rejects.toThrow('The backup holds a table this app does not know: evil');
  });

  it('a malformed order block', async () => {
    const json = legacy();
    json.data.data.find((t: { tableName: string }) => t.tableName === 'orderBlocks').rows = [{ id: 1, foo: 'bar' }];
    await expect(attempt(asFile(json))).rejects.toThrow(/orderBlocks row 1 is not valid/);
  });

  it('a 50 MB string in one field', async () => {
    const json = legacy();
    json.data.data.find((t: { tableName: string }) => t.tableName === 'disputes').rows[0].reasonCode = 'x'.repeat(50 * 1024 * 1024);
    await expect(attempt(asFile(json))).rejects.toThrow(/not valid|could not be read/);
  });

  it('cut off at every tenth of its length', async () => {
    const text = JSON.stringify(legacy());
    for (let tenth = 1; tenth <= 9; tenth++) {
      await expect(attempt(new File([text.slice(0, Math.floor((text.length * tenth) / 10))], 'backup.json')), `cut at ${tenth}0 %`).rejects.toThrow();
    }
  });

  it('a refused backup of an earlier version leaves none of its rows in the profile', async () => {
    const { Dexie } = await import('dexie');
    const staged = async () => (await Dexie.getDatabaseNames()).includes('fraud-workbench-restore-staging');
    // Refused after its rows were staged: counted short, or two disputes under one id.
    const short = legacy();
    short.data.tables.find((t: { name: string }) => t.name === 'payments').rowCount = 2;
    await expect(attempt(asFile(short))).rejects.toThrow(/announces 2 rows in payments but holds 1/);
    expect(await staged()).toBe(false);
    const twice = legacy();
    const disputes = twice.data.data.find((t: { tableName: string }) => t.tableName === 'disputes');
    disputes.rows.push(disputes.rows[0]);
    twice.data.tables.find((t: { name: string }) => t.name === 'disputes').rowCount++;
    await expect(attempt(asFile(twice))).rejects.toThrow(/could not be read/);
    expect(await staged()).toBe(false);
    // An encrypted backup of schema 13 whose rows do not fit that schema (payments were rows then, keyed by id).
    const payment = { id: 'ch_9', orderRef: '#1009', createdAt: Date.UTC(2026, 9, 1), email: 'anna@example.de' };
    const older: [string, unknown[]][] = [...tables.filter(([n]) => n !== 'paymentBlocks' && n !== 'erasures'), ['payments', [payment, payment]]];
    await expect(attempt(await craftContainer(older, { schemaVersion: 13, logHead: headOf(entries) }))).rejects.toThrow(/do not fit its own schema 13/);
    expect(await staged()).toBe(false);
  });

  it('a row count that does not match the rows (a file cut between tables)', async () => {
    const json = legacy();
    const payments = json.data.data.find((t: { tableName: string }) => t.tableName === 'payments');
    payments.rows = [];
    await expect(attempt(asFile(json))).rejects.toThrow(/announces 1 rows in payments but holds 0/);
  });
});
