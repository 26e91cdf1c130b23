// A lead resolves an order two analysts decided differently, through the team room against an
// in-memory server: refused to an analyst before anything is logged, logged in the lead's own log
// with what it settles, synced as a resolution that clears the conflict on the analysts' laptops,
// and re-opened by a later re-decision.
import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { createContext } from '../../../renderer/src/core/context';
import { DecisionLog } from '../../../renderer/src/core/storage/decisionLog';
import { createDb, type WorkbenchDb } from '../../../renderer/src/core/storage/schema';
import { teamHandlers } from '../../../renderer/src/core/team/handlers';
import type { Decision } from '../../../shared/decisions/chain';
import { FakeTeamServer } from './fakeTeamServer';

const ORIGIN = 'http://127.0.0.1:8787';
const ORDER = 'shopify:#1001';
const opened: WorkbenchDb[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

async function laptop(server: FakeTeamServer, name: string, role: 'analyst' | 'lead', at: number) {
  const db = createDb(`resolve-${randomUUID()}`);
  opened.push(db);
  await db.open();
  const clock = {
    at,
    now() {
      return this.at;
    },
  };
  const team = teamHandlers(createContext(db, clock), () => server.transport(name, role));
  await team.teamSignIn(ORIGIN, name, 'pw');
  const log = new DecisionLog(db);
  const decide = (decision: Decision) =>
    log.append({
      orderKey: ORDER,
      decision,
      reasonCode: decision === 'hold' ? 'VELOCITY' : '',
      note: '',
      analyst: name,
      at: clock.now(),
      score: 50,
      matrixVersion: 1,
      undoes: null,
    });
  return { db, team, log, decide, clock };
}

const T = Date.UTC(2026, 10, 18, 15);

describe('resolving a team conflict', () => {
  it('lets a lead settle it for every laptop, refuses an analyst, and re-opens on a later re-decision', async () => {
    const server = new FakeTeamServer();
    const ana = await laptop(server, 'Ana Weber', 'analyst', T);
    const ben = await laptop(server, 'Ben Ito', 'analyst', T + 3_600_000);
    const lea = await laptop(server, 'Lea Roth', 'lead', T + 7_200_000);
    await ana.decide('release');
    await ben.decide('hold');
    for (const l of [ana, ben, lea]) await l.team.syncTeam();
    expect((await lea.team.teamConflicts()).map((c) => c.orderKey)).toEqual([ORDER]);

    await expect(ben.team.resolveConflict(ORDER, 'hold', 'VELOCITY', '')).rejects.toThrow('Only a lead or an admin resolves');
    await expect(lea.team.resolveConflict(ORDER, 'hold', '', '')).rejects.toThrow('A hold needs a reason code');
    await expect(lea.team.resolveConflict(ORDER, 'note', '', 'x')).rejects.toThrow('holds, releases or cancels');
    expect(await ben.log.entries()).toHaveLength(1);
    expect(await lea.log.entries()).toHaveLength(0);

    const entry = await lea.team.resolveConflict(ORDER, 'hold', 'VELOCITY', 'called the customer');
    const [anaDevice, benDevice] = [await ana.team.teamStatus(), await ben.team.teamStatus()].map((s) => s.deviceId!);
    expect(entry).toMatchObject({
      decision: 'hold',
      analyst: 'Lea Roth',
      settles: [
        { deviceId: anaDevice, seq: 1 },
        { deviceId: benDevice, seq: 1 },
      ],
    });
    expect(await lea.team.teamConflicts()).toEqual([]);
    await expect(lea.team.resolveConflict(ORDER, 'release', '', '')).rejects.toThrow('no longer decides #1001 differently');

    await lea.team.syncTeam();
    expect(server.events.filter((e) => e.kind === 'resolution').map((e) => e.analyst)).toEqual(['Lea Roth']);
    await ana.team.syncTeam();
    expect(await ana.team.teamConflicts()).toEqual([]);
    const standing = await ana.team.teamStandingOf(ORDER);
    expect(standing).toMatchObject({ conflict: false, stands: { analyst: 'Lea Roth', decision: 'hold', reasonCode: 'VELOCITY' } });
    expect(standing!.settled.map((d) => `${d.analyst} ${d.decision}`)).toEqual(['Ana Weber release', 'Ben Ito hold']);
    expect((await ana.team.teamResolutions()).map((r) => r.orderKey)).toEqual([ORDER]);

    // Ana decides it again, differently from the resolution: the lead sees it re-opened.
    ana.clock.at += 3 * 3_600_000;
    await ana.decide('release');
    await ana.team.syncTeam();
    await lea.team.syncTeam();
    const [reopened] = await lea.team.teamConflicts();
    expect(reopened).toMatchObject({ orderKey: ORDER, reopens: { analyst: 'Lea Roth' } });
    expect(reopened!.decisions.map((d) => `${d.analyst} ${d.decision}`)).toEqual(['Lea Roth hold', 'Ana Weber release']);
  });
});
