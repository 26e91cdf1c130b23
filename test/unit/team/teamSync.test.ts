// The sync engine against an in-memory server with the real chain rules and an injected clock:
// records become one chained outbox per laptop, pushes resume from the confirmed head after a cut,
// replays change nothing, pulled chains are verified before they are stored, and what waits while
// the server is unreachable is counted and sent when it answers again.
import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createContext } from '../../../renderer/src/core/context';
import { DecisionLog } from '../../../renderer/src/core/storage/decisionLog';
import { analystName } from '../../../renderer/src/core/storage/metaRepository';
import { TeamStore } from '../../../renderer/src/core/storage/teamStore';
import { createDb, type WorkbenchDb } from '../../../renderer/src/core/storage/schema';
import { teamHandlers } from '../../../renderer/src/core/team/handlers';
import { TeamRefusal } from '../../../renderer/src/core/team/teamTransport';
import { verifyTeamChain, type Role } from '../../../shared/team';
import type { DecisionInput } from '../../../shared/decisions/chain';
import { FakeTeamServer } from './fakeTeamServer';

const START = Date.UTC(2026, 11, 31, 23, 50); // the year turns while laptops are offline
const ORIGIN = 'http://127.0.0.1:8787';
const opened: WorkbenchDb[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

class TestClock {
  at = START;
  now = () => this.at;
}

async function laptop(server: FakeTeamServer, name: string, role: Role = 'analyst', clock = new TestClock()) {
  const db = createDb(`team-${randomUUID()}`);
  opened.push(db);
  await db.open();
  const team = teamHandlers(createContext(db, clock), () => server.transport(name, role as 'analyst'));
  const log = new DecisionLog(db);
  const decide = (orderKey: string, decision: DecisionInput['decision'], analyst = name) =>
    log.append({
      orderKey,
      decision,
      reasonCode: decision === 'release' ? 'GOOD' : 'RING',
      note: 'private note',
      analyst,
      at: clock.now(),
      score: 50,
      matrixVersion: 1,
      undoes: null,
    });
  return { db, team, log, decide, clock };
}

describe('team sync', () => {
  it('turns what the signed-in analyst records into one chained outbox, leaving history and other names local', async () => {
    const server = new FakeTeamServer();
    const a = await laptop(server, 'Ana Weber');
    await a.decide('shopify:#1000', 'hold', 'K. Weber'); // before joining the team
    await a.team.teamSignIn(ORIGIN, 'Ana Weber', 'pw');
    expect(await analystName(a.db, 'decision')).toBe('Ana Weber');
    await a.decide('shopify:#1001', 'hold', 'Ana Weber');
    await a.decide('shopify:#1002', 'release', 'Ana Weber');
    expect(await a.team.teamStatus()).toMatchObject({ signedIn: true, waiting: 0 });
    const round = await a.team.syncTeam();
    expect(round).toMatchObject({ waiting: 0, offlineSince: null, lastSyncAt: START });
    const outbox = await a.db.teamOutbox.orderBy('seq').toArray();
    expect(outbox.map((e) => [e.seq, e.kind, e.payload['orderKey'], e.analyst])).toEqual([
      [1, 'decision', 'shopify:#1001', 'Ana Weber'],
      [2, 'decision', 'shopify:#1002', 'Ana Weber'],
    ]);
    expect(JSON.stringify(outbox)).not.toContain('private note');
    expect((await verifyTeamChain(outbox)).ok).toBe(true);
    expect(server.events).toHaveLength(2);
    await a.team.syncTeam();
    expect(server.events).toHaveLength(2);
    expect(await a.db.teamOutbox.count()).toBe(2);
  });

  it('counts what waits while the server is unreachable, since when, and sends it all when it answers', async () => {
    const server = new FakeTeamServer();
    const a = await laptop(server, 'Ana Weber');
    await a.team.teamSignIn(ORIGIN, 'Ana Weber', 'pw');
    server.faults.push('down');
    await a.decide('shopify:#1001', 'hold');
    await a.decide('shopify:#1002', 'hold');
    expect(await a.team.syncTeam()).toMatchObject({ waiting: 2, offlineSince: START, lastSyncAt: null });
    a.clock.at += 20 * 60_000;
    server.faults.push('down');
    expect(await a.team.syncTeam()).toMatchObject({ waiting: 2, offlineSince: START }); // still the first moment it was lost
    expect(await a.team.syncTeam()).toMatchObject({ waiting: 0, offlineSince: null, lastSyncAt: START + 20 * 60_000 });
    expect(server.events.map((e) => e.payload['orderKey'])).toEqual(['shopify:#1001', 'shopify:#1002']);
  });

  it('resends from the confirmed head after an answer was lost, and the server stores nothing twice', async () => {
    const server = new FakeTeamServer();
    const a = await laptop(server, 'Ana Weber');
    await a.team.teamSignIn(ORIGIN, 'Ana Weber', 'pw');
    await a.decide('shopify:#1001', 'hold');
    server.faults.push('lose-answer');
    expect(await a.team.syncTeam()).toMatchObject({ waiting: 1, offlineSince: START });
    expect(server.events).toHaveLength(1);
    await a.decide('shopify:#1002', 'cancel');
    expect(await a.team.syncTeam()).toMatchObject({ waiting: 0 });
    expect(server.duplicates).toBe(1);
    expect(server.events.map((e) => e.seq)).toEqual([1, 2]);
  });

  it('pulls teammates’ events into their own store, verified, and flags orders two analysts decided differently', async () => {
    const server = new FakeTeamServer();
    const a = await laptop(server, 'Ana Weber');
    const b = await laptop(server, 'Ben Ito');
    const lead = await laptop(server, 'Lea Lead', 'lead');
    for (const l of [a, b, lead]) await l.team.teamSignIn(ORIGIN, l === a ? 'Ana Weber' : l === b ? 'Ben Ito' : 'Lea Lead', 'pw');
    await a.decide('shopify:#1001', 'hold');
    // Ben decides a minute later (at equal times the laptops' ids would order them).
    b.clock.at += 60_000;
    await b.decide('shopify:#1001', 'release');
    await b.decide('shopify:#1002', 'hold');
    await a.team.syncTeam();
    await b.team.syncTeam();
    await lead.team.syncTeam();
    expect((await lead.team.teammatesDecisions('shopify:#1001')).map((d) => [d.analyst, d.decision])).toEqual([
      ['Ana Weber', 'hold'],
      ['Ben Ito', 'release'],
    ]);
    expect((await lead.team.teamConflicts()).map((c) => [c.orderKey, c.decisions.map((d) => d.analyst)])).toEqual([
      ['shopify:#1001', ['Ana Weber', 'Ben Ito']],
    ]);
    // Ana's own laptop sees the conflict too, her decision counted from her own log.
    await a.team.syncTeam();
    expect((await a.team.teamConflicts()).map((c) => c.orderKey)).toEqual(['shopify:#1001']);
    expect(await a.db.teamEvents.count()).toBe(2); // Ben's two, not her own
    // Pulling everything again (a cursor lost) stores nothing twice.
    await lead.db.teamState.put({ key: 'pullCursor', value: 0 });
    await lead.db.teamState.put({ key: 'pulledHeads', value: {} });
    await lead.team.syncTeam();
    expect(await lead.db.teamEvents.count()).toBe(3);
    expect((await lead.team.checkDeviceChain()).brokenDevices).toEqual([]);
  });

  it('keeps a teammate chain that does not verify out of the store, and names it', async () => {
    const server = new FakeTeamServer();
    const a = await laptop(server, 'Ana Weber');
    const lead = await laptop(server, 'Lea Lead', 'lead');
    await a.team.teamSignIn(ORIGIN, 'Ana Weber', 'pw');
    await lead.team.teamSignIn(ORIGIN, 'Lea Lead', 'pw');
    await a.decide('shopify:#1001', 'hold');
    await a.team.syncTeam();
    server.events[0]!.payload['decision'] = 'release'; // changed at the server after it was witnessed
    await lead.team.syncTeam();
    expect(await lead.db.teamEvents.count()).toBe(0);
    const check = await lead.team.checkDeviceChain();
    expect(check.brokenDevices).toHaveLength(1);
    expect(check.brokenDevices[0]!.reason).toMatch(/changed after it was written/);
  });

  it('checks this laptop’s chain against the head the server witnessed for it', async () => {
    const server = new FakeTeamServer();
    const a = await laptop(server, 'Ana Weber');
    await a.team.teamSignIn(ORIGIN, 'Ana Weber', 'pw');
    await a.decide('shopify:#1001', 'hold');
    await a.team.syncTeam();
    expect(await a.team.checkDeviceChain()).toMatchObject({ local: { ok: true, seq: 1 }, server: { seq: 1, matches: true } });
    const deviceId = (await a.team.teamStatus()).deviceId!;
    server.heads.set(deviceId, { seq: 1, hash: 'f'.repeat(64) });
    expect((await a.team.checkDeviceChain()).server).toMatchObject({ matches: false, reason: expect.stringMatching(/rewritten/) });
  });

  it('refuses a compliance account before anything is logged: it reads, it does not decide', async () => {
    const server = new FakeTeamServer();
    const c = await laptop(server, 'Cora Compliance', 'compliance');
    await c.team.teamSignIn(ORIGIN, 'Cora Compliance', 'pw');
    await expect(analystName(c.db, 'decision')).rejects.toThrow(/compliance account reads the team's work and does not record a decision/);
    expect(await analystName(c.db, 'export-log')).toBe('Cora Compliance');
  });

  it("a compliance laptop's restore and the texts a teammate's erasure blanked there stay local: pushed, they would be refused and block its chain", async () => {
    const server = new FakeTeamServer();
    const c = await laptop(server, 'Cora Compliance', 'compliance');
    await c.team.teamSignIn(ORIGIN, 'Cora Compliance', 'pw');
    // Restoring a backup logs a restore entry under her name; applying a teammate's erasure logs an
    // erasure entry and notes the teammates' texts it blanked here.
    await c.decide('', 'restore');
    const applied = await c.decide('', 'erasure');
    await new TeamStore(c.db).set('pendingErasures', { [String(applied.seq)]: [randomUUID()] });
    const head = (await c.db.decisionHead.get('head'))!;
    await c.db.exportLog.add({
      at: c.clock.now(),
      analyst: 'Cora Compliance',
      kind: 'decisions-csv',
      fileName: 'decisions.csv',
      rows: 2,
      what: 'the decision log',
      logHead: { seq: head.seq, hash: head.hash },
    });
    const round = await c.team.syncTeam();
    expect(round).toMatchObject({ waiting: 0 });
    // Her own trace of reading still reaches the team, and her chain goes on.
    expect(server.events.map((e) => [e.kind, e.analyst])).toEqual([['export-log', 'Cora Compliance']]);
    expect((await c.db.decisions.toArray()).map((e) => e.decision)).toEqual(['restore', 'erasure']);
    expect(await new TeamStore(c.db).get('pendingErasures')).toEqual({});
    // An analyst's restore goes to the team as before.
    const a = await laptop(server, 'Ana Weber');
    await a.team.teamSignIn(ORIGIN, 'Ana Weber', 'pw');
    await a.decide('', 'restore');
    await a.team.syncTeam();
    expect(server.events.filter((e) => e.analyst === 'Ana Weber').map((e) => [e.kind, e.payload['decision']])).toEqual([['decision', 'restore']]);
  });

  it('signs out: the name falls back to the self-declared one and nothing more is collected', async () => {
    const server = new FakeTeamServer();
    const a = await laptop(server, 'Ana Weber');
    await a.db.meta.put({ key: 'analystName', value: 'K. Weber' });
    await a.team.teamSignIn(ORIGIN, 'Ana Weber', 'pw');
    await a.team.teamSignOut();
    expect(await analystName(a.db)).toBe('K. Weber');
    await a.decide('shopify:#1001', 'hold', 'K. Weber');
    expect(await a.team.syncTeam()).toMatchObject({ signedIn: false, waiting: 0 });
    expect(await a.db.teamOutbox.count()).toBe(0);
  });

  it('keeps the idle lock in the cache: a reloaded window opens locked until the password signs in again', async () => {
    const server = new FakeTeamServer();
    const a = await laptop(server, 'Ana Weber');
    await a.team.teamSignIn(ORIGIN, 'Ana Weber', 'pw');
    expect((await a.team.teamStatus()).locked).toBe(false);
    expect((await a.team.teamLock()).locked).toBe(true);
    // A reload: the window's state is gone, the worker starts again on the same cache.
    const reloaded = teamHandlers(createContext(a.db, a.clock), () => server.transport('Ana Weber', 'analyst'));
    expect(await reloaded.teamStatus()).toMatchObject({ signedIn: true, locked: true });
    await reloaded.teamSignIn(ORIGIN, 'Ana Weber', 'pw');
    expect((await reloaded.teamStatus()).locked).toBe(false);
    // Signed out, nothing is locked (and a later sign-in starts unlocked).
    await reloaded.teamLock();
    await reloaded.teamSignOut();
    expect((await reloaded.teamStatus()).locked).toBe(false);
  });

  it('ends the session it replaces: unlocking (or signing in again) leaves no older token valid at the server', async () => {
    const server = new FakeTeamServer();
    let issued = 0;
    const ended: string[] = [];
    const a = await laptop(server, 'Ana Weber');
    const team = teamHandlers(createContext(a.db, a.clock), () => {
      const t = server.transport('Ana Weber', 'analyst');
      return {
        ...t,
        signIn: async (name, password) => ({ ...(await t.signIn(name, password)), token: `token-${++issued}-000000000000000000000` }),
        signOut: async (token) => void ended.push(token),
      };
    });
    await team.teamSignIn(ORIGIN, 'Ana Weber', 'pw');
    await team.teamLock();
    await team.teamSignIn(ORIGIN, 'Ana Weber', 'pw');
    expect(ended).toEqual(['token-1-000000000000000000000']);
    await team.teamSignOut();
    expect(ended).toEqual(['token-1-000000000000000000000', 'token-2-000000000000000000000']);
  });

  it('keeps the new session when a round that began with the replaced one is answered 401', async () => {
    const server = new FakeTeamServer();
    let issued = 0;
    let answerPush: (() => void) | null = null;
    const a = await laptop(server, 'Ana Weber');
    const team = teamHandlers(createContext(a.db, a.clock), () => {
      const t = server.transport('Ana Weber', 'analyst');
      return {
        ...t,
        signIn: async (name, password) => ({ ...(await t.signIn(name, password)), token: `token-${++issued}-000000000000000000000` }),
        // The first round's push hangs until the test answers it: by then its session was replaced and ended.
        push: (token, events, key) =>
          token.startsWith('token-1-')
            ? new Promise((_, reject) => (answerPush = () => reject(new TeamRefusal(401, { error: 'not signed in: sign in again', code: 'no-session' }))))
            : t.push(token, events, key),
      };
    });
    await team.teamSignIn(ORIGIN, 'Ana Weber', 'pw');
    await a.decide('shopify:#1001', 'hold');
    const round = team.syncTeam();
    await vi.waitFor(() => expect(answerPush).not.toBeNull());
    await team.teamSignIn(ORIGIN, 'Ana Weber', 'pw'); // the idle lock's unlock
    answerPush!();
    await round;
    expect(await team.teamStatus()).toMatchObject({ signedIn: true, account: { name: 'Ana Weber' } });
  });
});
