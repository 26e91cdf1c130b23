// The export log records the decision log's head each file was made from. It read the head when the
// save dialog closed: decisions taken while the dialog stood open (another window, a team sync) were
// named as in a file that does not hold them. The head is now read before the dialog opens, and a
// head the log never had is refused rather than recorded.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { headOf, type LogHead } from '../../../shared/decisions/chain';
import { fixedClock } from '../../../shared/time/clock';
import { DecisionLog } from '../../../renderer/src/core/storage/decisionLog';
import { ExportLog, type ExportInput } from '../../../renderer/src/core/storage/exportLog';
import { MetaRepository } from '../../../renderer/src/core/storage/metaRepository';
import { createDb, type WorkbenchDb } from '../../../renderer/src/core/storage/schema';
import { decisionInput } from '../../support/backupCache';

const clock = fixedClock(Date.UTC(2026, 10, 18, 14));
const the = vi.hoisted(() => ({ head: null as LogHead | null, onSave: async () => {}, logged: [] as ExportInput[] }));
vi.mock('../../../renderer/src/core/client', () => ({
  cache: {
    logHead: async () => the.head,
    logExport: async (input: ExportInput) => {
      the.logged.push(input);
    },
  },
}));
vi.mock('../../../renderer/src/platform', () => ({
  platform: {
    host: 'browser',
    saveFile: async () => {
      await the.onSave();
      return true;
    },
  },
}));
vi.mock('../../../renderer/src/state/uiStore', () => ({ useUi: { getState: () => ({ exportLogged: () => {} }) } }));
const { exportFile } = await import('../../../renderer/src/app/exportFile');

let db: WorkbenchDb;
afterEach(async () => {
  db?.close();
  await db?.delete();
});

describe('the head an export is logged with', () => {
  it('is the head when the file was made, not when the save dialog closed', async () => {
    db = createDb('export-head');
    await new MetaRepository(db).set('analystName', 'K. Weber');
    const log = new DecisionLog(db);
    for (let i = 1; i <= 2; i++) await log.append(decisionInput(i));
    the.head = await log.head();
    // Another window decides while the dialog stands open.
    the.onSave = async () => {
      await log.append(decisionInput(3));
    };
    the.logged = [];
    expect(await exportFile({ kind: 'csv', suggestedName: 'queue.csv', filters: [], data: 'a,b\n', rows: 1, what: 'review queue' })).toBe(true);
    expect(the.logged).toEqual([expect.objectContaining({ fileName: 'queue.csv', logHead: { seq: 2, hash: the.head.hash } })]);
    // The core records that head, an entry of its log though no longer the newest.
    const record = await new ExportLog(db, clock).add(the.logged[0]!);
    expect(record.logHead).toEqual({ seq: 2, hash: the.head.hash });
    expect((await log.head()).seq).toBe(3);
  });

  it('a head the log never had is refused', async () => {
    db = createDb('export-head-refused');
    await new MetaRepository(db).set('analystName', 'K. Weber');
    const log = new DecisionLog(db);
    await log.append(decisionInput(1));
    const exports = new ExportLog(db, clock);
    const input = { kind: 'csv' as const, fileName: 'x.csv', rows: 1, what: 'x' };
    await expect(exports.add({ ...input, logHead: { seq: 1, hash: 'f'.repeat(64) } })).rejects.toThrow('this log does not have');
    await expect(exports.add({ ...input, logHead: { seq: 7, hash: (await log.head()).hash } })).rejects.toThrow('this log does not have');
    await expect(exports.add({ ...input, logHead: { seq: Number.NaN, hash: '' } })).rejects.toThrow('this log does not have');
    expect(await db.exportLog.count()).toBe(0);
    // The empty log's head, and the head now, are recorded as they are.
    expect((await exports.add({ ...input, logHead: headOf([]) })).logHead).toEqual(headOf([]));
    expect((await exports.add(input)).logHead).toEqual(await log.head());
  });
});
