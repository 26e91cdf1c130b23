// A team import whose upload the server swept (declared longer ago than TEAM_UNFINISHED_UPLOAD_DAYS:
// the laptop was away) is refused as never declared when a chunk or the completion arrives. The
// laptop declares it again and sends it whole in the same round, and it is shared; swept once more
// meanwhile, it waits for the next round, saying why, and is never given up.
import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { ImportService } from '../../../renderer/src/core/imports/importService';
import { createDb, type WorkbenchDb } from '../../../renderer/src/core/storage/schema';
import { TeamStore } from '../../../renderer/src/core/storage/teamStore';
import { TeamRefusal, type TeamTransport } from '../../../renderer/src/core/team/teamTransport';
import type { ImportDeclaration, TeamOp } from '../../../shared/team';
import { fixedClock } from '../../../shared/time/clock';
import { shopifyExport, shopOrders } from '../../support/shopifyExport';
import { FakeTeamServer } from './fakeTeamServer';

const NOW = Date.UTC(2026, 10, 10, 9, 0);
const LEAD = 'Ana Weber';

/** The import routes of a team server that sweeps an upload just before the calls named in `sweepBefore`. */
class SweepingImportServer {
  readonly uploads = new Map<string, { declaration: ImportDeclaration; received: Set<number> }>();
  readonly ordered: TeamOp[] = [];
  /** Every import call as the laptop made it: `declare`, `chunk N`, `complete`. */
  readonly calls: string[] = [];
  constructor(private readonly sweepBefore: ('chunk' | 'complete')[]) {}

  private arrive(call: string, opId: string): { declaration: ImportDeclaration; received: Set<number> } {
    this.calls.push(call);
    if (this.sweepBefore[0] === call.split(' ')[0]) {
      this.sweepBefore.shift();
      this.uploads.delete(opId);
    }
    const upload = this.uploads.get(opId);
    if (!upload) throw new TeamRefusal(404, { error: `there is no team import ${opId}: declare it first`, code: 'no-such-import' });
    return upload;
  }

  transport(): TeamTransport {
    return {
      ...new FakeTeamServer().transport(LEAD, 'lead'),
      declareImport: async (_token, declaration) => {
        this.calls.push('declare');
        const held = this.uploads.get(declaration.opId) ?? { declaration, received: new Set<number>() };
        this.uploads.set(declaration.opId, held);
        return { opId: declaration.opId, received: [...held.received] };
      },
      uploadChunk: async (_token, opId, n) => void this.arrive(`chunk ${n}`, opId).received.add(n),
      completeImport: async (_token, opId, body) => {
        const { declaration: d, received } = this.arrive('complete', opId);
        if (received.size < d.chunkHashes.length) throw new TeamRefusal(409, { error: 'chunks missing', code: 'chunks-missing' });
        const { opId: id, deviceId, fileName, fileHash, format, formatLabel, orderSource, shop, records, chunkHashes, digest, chunkScheme } = d;
        const op: TeamOp = {
          ...{ seq: this.ordered.length + 1, opId: id, kind: 'import', undoes: null, by: LEAD, at: NOW, liveDigest: body.liveDigest },
          ...{ deviceId, fileName, fileHash, format, formatLabel, orderSource, shop, records, chunkHashes, digest, chunkScheme },
        };
        this.ordered.push(op);
        return { op };
      },
      teamOps: async (_token, after) => ({ ops: this.ordered.filter((o) => o.seq > after), latest: this.ordered.length, more: false }),
    };
  }
}

const opened: WorkbenchDb[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await db.delete();
  }
});

/** A lead's laptop, signed in, with one import made here and waiting to be shared. */
async function laptopWithImport(server: SweepingImportServer) {
  const db = createDb(`swept-upload-${randomUUID()}`);
  opened.push(db);
  await new TeamStore(db).set('session', {
    origin: 'https://team.example',
    token: 't'.repeat(32),
    expiresAt: NOW + 3_600_000,
    account: { name: LEAD, role: 'lead' },
  });
  const imports = new ImportService(db, fixedClock(NOW), undefined, () => server.transport());
  const file = new File([shopifyExport(shopOrders(12, '2026-11-03', 20, 'example.de'))], 'orders_2026-11.csv');
  expect((await imports.run([file], null))[0]).toMatchObject({ status: 'completed' });
  const [op] = await db.teamOps.toArray();
  return { db, imports, opId: op!.opId, chunks: op!.chunkHashes.map((_, n) => `chunk ${n}`) };
}

describe('a team import whose upload the server swept', () => {
  it('is declared again and sent whole when a chunk is refused as never declared, and shared in the same round', async () => {
    const server = new SweepingImportServer(['chunk']);
    const { db, imports, opId, chunks } = await laptopWithImport(server);
    expect(await imports.syncTeamOrders()).toMatchObject({ problem: null, waiting: 0 });
    expect(server.calls).toEqual(['declare', chunks[0], 'declare', ...chunks, 'complete']);
    expect(await db.teamOps.get(opId)).toMatchObject({ state: 'shared', seq: 1, problem: null });
    expect(await db.teamOpChunks.count()).toBe(0);
  });

  it('is declared again and sent whole when its completion is refused as never declared', async () => {
    const server = new SweepingImportServer(['complete']);
    const { db, imports, opId, chunks } = await laptopWithImport(server);
    expect(await imports.syncTeamOrders()).toMatchObject({ problem: null, waiting: 0 });
    expect(server.calls).toEqual(['declare', ...chunks, 'complete', 'declare', ...chunks, 'complete']);
    expect(await db.teamOps.get(opId)).toMatchObject({ state: 'shared', seq: 1, problem: null });
  });

  it('swept again before the second try, waits for the next round saying why, and is shared then', async () => {
    const server = new SweepingImportServer(['chunk', 'chunk']);
    const { db, imports, opId, chunks } = await laptopWithImport(server);
    const round = await imports.syncTeamOrders();
    expect(round).toMatchObject({ waiting: 1 });
    expect(round.problem).toMatch(/no team import/);
    expect(server.calls).toEqual(['declare', chunks[0], 'declare', chunks[0]]);
    expect(await db.teamOps.get(opId)).toMatchObject({ state: 'waiting', problem: expect.stringMatching(/no team import/) });

    expect(await imports.syncTeamOrders()).toMatchObject({ problem: null, waiting: 0 });
    expect(await db.teamOps.get(opId)).toMatchObject({ state: 'shared', seq: 1, problem: null });
  });
});
