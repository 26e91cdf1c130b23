// The laptop's device key: made once, kept, and sent with every push, so the server can bind this
// device's chain to this laptop (and refuse another laptop extending it).
import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { createContext } from '../../../renderer/src/core/context';
import { DecisionLog } from '../../../renderer/src/core/storage/decisionLog';
import { createDb, type WorkbenchDb } from '../../../renderer/src/core/storage/schema';
import { teamHandlers } from '../../../renderer/src/core/team/handlers';
import type { TeamTransport } from '../../../renderer/src/core/team/teamTransport';
import { DEVICE_KEY_PATTERN } from '../../../shared/team';
import { FakeTeamServer } from './fakeTeamServer';

const AT = Date.UTC(2026, 1, 28, 23, 59);
const opened: WorkbenchDb[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

async function laptopSendingTo(server: FakeTeamServer, name: string, keys: (string | undefined)[]) {
  const db = createDb(`device-key-${randomUUID()}`);
  opened.push(db);
  await db.open();
  const transport = (): TeamTransport => {
    const real = server.transport(name);
    return { ...real, push: (token, events, key) => (keys.push(key), real.push(token, events, key)) };
  };
  const team = teamHandlers(createContext(db, { now: () => AT }), transport);
  const log = new DecisionLog(db);
  const decide = (orderKey: string) =>
    log.append({ orderKey, decision: 'hold', reasonCode: 'RING', note: '', analyst: name, at: AT, score: 50, matrixVersion: 1, undoes: null });
  return { team, decide };
}

describe('team device key', () => {
  it('is made at the first push, kept, and sent with every push from this laptop; another laptop has its own', async () => {
    const server = new FakeTeamServer();
    const keys: (string | undefined)[] = [];
    const a = await laptopSendingTo(server, 'Ana Weber', keys);
    await a.team.teamSignIn('http://127.0.0.1:8787', 'Ana Weber', 'pw');
    await a.decide('shopify:#1001');
    await a.team.syncTeam();
    await a.decide('shopify:#1002');
    await a.team.syncTeam();
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(DEVICE_KEY_PATTERN);
    expect(keys[1]).toBe(keys[0]);

    const other: (string | undefined)[] = [];
    const b = await laptopSendingTo(server, 'Ben Ito', other);
    await b.team.teamSignIn('http://127.0.0.1:8787', 'Ben Ito', 'pw');
    await b.decide('shopify:#1003');
    await b.team.syncTeam();
    expect(other[0]).toMatch(DEVICE_KEY_PATTERN);
    expect(other[0]).not.toBe(keys[0]);
  });
});
