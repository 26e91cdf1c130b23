// Ring verdicts across the team: teammates' verdicts (pulled through team sync) join this laptop's
// in one history per ring, and the latest verdict stands for the team wherever verdicts count.
import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { RingDecisions } from '../../../renderer/src/core/rings/ringDecisions';
import { createDb, type StoredTeamEvent, type WorkbenchDb } from '../../../renderer/src/core/storage/schema';
import { ringVerdictHistories, teammateRingVerdicts, type TeamRingVerdict } from '../../../shared/team/ringVerdicts';
import { TEAM_SCHEMA_VERSION } from '../../../shared/team';

const T = Date.UTC(2026, 11, 31, 23, 0);
const MIN = 60_000;
const HASH = 'a'.repeat(64);
const BEN = '6f1c2a44-0000-4000-8000-000000000002';
const CARA = '6f1c2a44-0000-4000-8000-000000000003';

let db: WorkbenchDb | null = null;
afterEach(async () => {
  db?.close();
  await db?.delete();
  db = null;
});

let serverSeq = 0;
function pulledVerdict(deviceId: string, analyst: string, ringId: string, status: string, at: number): StoredTeamEvent {
  return {
    id: randomUUID(),
    deviceId,
    seq: ++serverSeq,
    prevHash: HASH,
    hash: HASH,
    kind: 'ring-verdict',
    payload: { ringId, status },
    analyst,
    at,
    schemaVersion: TEAM_SCHEMA_VERSION,
    serverSeq,
    receivedAt: at,
    subject: `ring:${ringId}`,
  };
}

describe('ringVerdictHistories', () => {
  const v = (analyst: string, at: number, deviceId: string | null, status: TeamRingVerdict['status'] = 'benign'): TeamRingVerdict => ({
    ringId: 'ring:shopify:#1001',
    status,
    analyst,
    at,
    deviceId,
  });

  it('orders each ring by when the verdict was given; at the same moment this laptop first, then teammates by device', () => {
    const history = ringVerdictHistories([v('Cara', T, CARA), v('Ben', T, BEN), v('Me', T, null), v('Old', T - MIN, CARA)]).get('ring:shopify:#1001')!;
    expect(history.map((h) => h.analyst)).toEqual(['Old', 'Me', 'Ben', 'Cara']);
  });

  it('reads only verdicts from pulled events: notes and payloads that do not fit are left out', () => {
    const events = [
      pulledVerdict(BEN, 'Ben', 'ring:shopify:#1001', 'confirmed-fraud', T),
      pulledVerdict(BEN, 'Ben', 'ring:shopify:#1001', 'note', T + MIN),
      pulledVerdict(BEN, 'Ben', 'ring:shopify:#1001', 'fraud-ish', T + 2 * MIN),
      { ...pulledVerdict(BEN, 'Ben', 'ring:shopify:#1001', 'benign', T), kind: 'note' as const },
    ];
    expect(teammateRingVerdicts(events).map((x) => [x.analyst, x.status, x.deviceId])).toEqual([['Ben', 'confirmed-fraud', BEN]]);
  });
});

describe('RingDecisions with teammates’ verdicts', () => {
  it('lets the latest verdict stand, here or on a teammate’s laptop, and shows every verdict in the ring’s history', async () => {
    const opened = (db = createDb(`ring-verdicts-${randomUUID()}`));
    await opened.open();
    await opened.meta.put({ key: 'analystName', value: 'K. Weber' });
    let now = T;
    const decisions = new RingDecisions(opened, { now: () => now });
    await decisions.markRing('ring:shopify:#1001', 'needs-review', 'looking into it');
    await decisions.markRing('ring:shopify:#2002', 'confirmed-fraud', 'same device, 9 accounts in 2 days');
    now = T + 5 * MIN;
    await decisions.markRing('ring:shopify:#1001', 'note', 'called the bank');

    // Without teammates, this laptop's own latest verdicts.
    expect([...(await decisions.currentMarks()).values()].map((m) => [m.ringId, m.status])).toEqual([
      ['ring:shopify:#1001', 'needs-review'],
      ['ring:shopify:#2002', 'confirmed-fraud'],
    ]);

    // Ben confirmed #1001 later than this laptop's verdict; Cara called #2002 benign before this laptop confirmed it.
    await opened.teamEvents.bulkAdd([
      pulledVerdict(BEN, 'Ben Ito', 'ring:shopify:#1001', 'confirmed-fraud', T + 10 * MIN),
      pulledVerdict(CARA, 'Cara Meyer', 'ring:shopify:#2002', 'benign', T - 60 * MIN),
      pulledVerdict(CARA, 'Cara Meyer', 'ring:shopify:#3003', 'benign', T + MIN),
    ]);
    const current = await decisions.currentMarks();
    expect([...current.entries()].map(([id, m]) => [id, m.status, m.analyst]).sort()).toEqual([
      ['ring:shopify:#1001', 'confirmed-fraud', 'Ben Ito'],
      ['ring:shopify:#2002', 'confirmed-fraud', 'K. Weber'],
      ['ring:shopify:#3003', 'benign', 'Cara Meyer'],
    ]);
    // This laptop's own verdict that stands keeps its log id and the ring's orders as marked.
    expect(current.get('ring:shopify:#2002')!.id).toBeGreaterThan(0);

    // The history: newest first, notes in their place, the teammate's verdict with no note of its own.
    expect((await decisions.marksOf('ring:shopify:#1001')).map((m) => [m.analyst, m.status, m.note])).toEqual([
      ['Ben Ito', 'confirmed-fraud', ''],
      ['K. Weber', 'note', 'called the bank'],
      ['K. Weber', 'needs-review', 'looking into it'],
    ]);
    expect((await decisions.marksOf('ring:shopify:#2002')).map((m) => m.analyst)).toEqual(['K. Weber', 'Cara Meyer']);
  });

  it('at one moment, the panel lists first the verdict the list shows: one rule orders both', async () => {
    const opened = (db = createDb(`ring-verdicts-${randomUUID()}`));
    await opened.open();
    await opened.meta.put({ key: 'analystName', value: 'K. Weber' });
    const decisions = new RingDecisions(opened, { now: () => T });
    await decisions.markRing('ring:shopify:#1001', 'needs-review', 'first look');
    await decisions.markRing('ring:shopify:#1001', 'benign', 'second look');
    // Cara's device sorts after Ben's: hers stands.
    await opened.teamEvents.bulkAdd([
      pulledVerdict(CARA, 'Cara Meyer', 'ring:shopify:#1001', 'confirmed-fraud', T),
      pulledVerdict(BEN, 'Ben Ito', 'ring:shopify:#1001', 'needs-review', T),
    ]);
    const stands = (await decisions.currentMarks()).get('ring:shopify:#1001')!;
    const listed = await decisions.marksOf('ring:shopify:#1001');
    expect([stands.analyst, stands.status]).toEqual(['Cara Meyer', 'confirmed-fraud']);
    expect(listed.map((m) => [m.analyst, m.status])).toEqual([
      ['Cara Meyer', 'confirmed-fraud'],
      ['Ben Ito', 'needs-review'],
      ['K. Weber', 'benign'],
      ['K. Weber', 'needs-review'],
    ]);
  });
});
