// Every record kind beyond decisions and verdicts, end to end on two laptops against the in-memory
// server: each becomes one chained event with its text beside it (never in the payload), only
// when the signed-in account made it, never twice; teammates read them back on the order, the
// dispute and the overrides; an erasure blanks the text here, at the server and on the teammate.
import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { createContext } from '../../../renderer/src/core/context';
import { sha256Hex } from '../../../renderer/src/core/disputes/attachmentService';
import { applyPersonalDataPlan, cacheStateOf } from '../../../renderer/src/core/privacy/personalData';
import { DecisionLog } from '../../../renderer/src/core/storage/decisionLog';
import { createDb, type WorkbenchDb } from '../../../renderer/src/core/storage/schema';
import { teamCaseHandlers } from '../../../renderer/src/core/team/caseHandlers';
import { teamHandlers } from '../../../renderer/src/core/team/handlers';
import { PAYLOADS, personalTextProblem, verifyTeamChain } from '../../../shared/team';
import { FakeTeamServer } from './fakeTeamServer';

const START = Date.UTC(2026, 1, 28, 23, 0); // a month end
const ORIGIN = 'http://127.0.0.1:8787';
const NOTE = 'Spoke to Jane Roe, +44 20 7946 0958: says the parcel never came';
const opened: WorkbenchDb[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

async function laptop(server: FakeTeamServer, name: string) {
  const clock = {
    at: START,
    now() {
      return this.at;
    },
  };
  const db = createDb(`team-${randomUUID()}`);
  opened.push(db);
  await db.open();
  const ctx = createContext(db, clock);
  const team = { ...teamHandlers(ctx, () => server.transport(name)), ...teamCaseHandlers(ctx) };
  await team.teamSignIn(ORIGIN, name, 'pw');
  const log = new DecisionLog(db);
  const note = (orderKey: string, text: string, analyst = name) =>
    log.append({ orderKey, decision: 'note', reasonCode: '', note: text, analyst, at: clock.at++, score: null, matrixVersion: null, undoes: null });
  return { db, ctx, team, clock, log, note };
}

/** One record of every other kind, as the services write them. */
async function recordEveryKind(l: Awaited<ReturnType<typeof laptop>>, analyst: string, matrixVersion = 2) {
  const at = () => l.clock.at++;
  await l.note('shopify:#1001', NOTE, analyst);
  const overrideId = (await l.db.linkOverrides.add({
    type: 'email',
    value: 'Jane.Roe@example.com',
    action: 'never-link',
    reason: 'her office inbox',
    analyst,
    createdAt: at(),
  })) as number;
  await l.db.disputeEvents.add({
    disputeId: 'stripe:dp_1',
    kind: 'status',
    status: 'gathering_evidence',
    note: 'asked Jane for the receipt',
    analyst,
    at: at(),
  });
  await l.db.disputeEvents.add({ disputeId: 'stripe:dp_1', kind: 'evidence', item: 'Proof of delivery', checked: true, note: '', analyst, at: at() });
  const bytes = new TextEncoder().encode('%PDF-1.7\n');
  const sha256 = await sha256Hex(bytes);
  const attachmentId = (await l.db.disputeAttachments.add({
    disputeId: 'stripe:dp_1',
    name: 'jane-roe-pod.pdf',
    type: 'pdf',
    purpose: 'proof-of-delivery',
    size: bytes.length,
    sha256,
    bytes,
    addedAt: at(),
    analyst,
  })) as number;
  await l.db.disputeEvents.add({
    disputeId: 'stripe:dp_1',
    kind: 'attachment',
    file: { action: 'attached', attachmentId, type: 'pdf', size: bytes.length, sha256 },
    note: '',
    analyst,
    at: at(),
  });
  await l.db.matrices.add({
    version: matrixVersion,
    matrix: { version: matrixVersion, rules: [{ id: 'r1', signal: 'cvcFailed', atLeast: 1, points: 30 }], thresholds: { review: 40, hold: 70 } },
    analyst,
    savedAt: at(),
    note: 'CVC weighs more',
  });
  await l.db.reportSnapshots.add({
    kind: 'kpi',
    title: 'KPI February',
    params: {},
    figures: { held: 3 },
    dataHash: 'd'.repeat(64),
    createdAt: at(),
    analyst,
    hash: 'e'.repeat(64),
    logHead: { seq: 1, hash: 'f'.repeat(64) },
  });
  await l.db.exportLog.add({
    at: at(),
    analyst,
    kind: 'csv',
    fileName: 'orders.csv',
    rows: 3,
    what: 'Orders of 2026-02',
    logHead: { seq: 1, hash: 'f'.repeat(64) },
  });
  return { overrideId };
}

describe('team sync of every record kind', () => {
  it('collects each kind once, as its own event with a payload its schema takes and the text beside it, only for the signed-in account', async () => {
    const server = new FakeTeamServer();
    const a = await laptop(server, 'Ana Weber');
    await recordEveryKind(a, 'Ana Weber');
    await recordEveryKind(a, 'K. Weber', 3); // another name on a shared laptop stays local
    expect(await a.team.syncTeam()).toMatchObject({ waiting: 0, problem: null });
    const outbox = await a.db.teamOutbox.orderBy('seq').toArray();
    expect(outbox.map((e) => e.kind)).toEqual([
      'note',
      'link-override',
      'dispute-status',
      'evidence-change',
      'attachment',
      'scoring-matrix',
      'report-snapshot',
      'export-log',
    ]);
    for (const e of outbox) expect(PAYLOADS[e.kind].safeParse(e.payload).success, e.kind).toBe(true);
    expect(JSON.stringify(outbox)).not.toMatch(/Jane|jane|receipt|CVC weighs|orders\.csv/);
    expect((await verifyTeamChain(outbox)).ok).toBe(true);
    // The texts sit beside, each witnessed by its salted hash, and reached the server with the events.
    const texts = await a.db.teamText.toArray();
    expect(texts.map((t) => Object.keys(t.personal).sort().join('+')).sort()).toEqual(['name', 'name+what', 'note', 'note', 'note', 'reason+value']);
    for (const e of server.events) expect(await personalTextProblem(e.payload, e.personal)).toBeNull();
    expect(server.events.find((e) => e.kind === 'note')?.personal?.note?.text).toBe(NOTE);
    // Nothing is chained twice; a record made later is chained once.
    await a.team.syncTeam();
    expect(await a.db.teamOutbox.count()).toBe(8);
    await a.db.linkOverrides.add({
      type: 'email',
      value: 'jane.roe@example.com',
      action: 'never-link',
      reason: 'undone',
      analyst: 'Ana Weber',
      createdAt: a.clock.at++,
      revokes: 1,
    });
    await a.team.syncTeam();
    expect((await a.db.teamOutbox.orderBy('seq').last())?.payload).toMatchObject({ overrideId: 3, revokes: 1 });
  });

  it('shows a teammate’s notes on the order, dispute changes on the dispute, and offers the team’s overrides to apply', async () => {
    const server = new FakeTeamServer();
    const a = await laptop(server, 'Ana Weber');
    const b = await laptop(server, 'Ben Ito');
    const { overrideId } = await recordEveryKind(a, 'Ana Weber');
    await a.team.syncTeam();
    await b.team.syncTeam();
    const deviceA = (await a.team.teamStatus()).deviceId!;
    expect(await b.team.teammatesNotes('shopify:#1001')).toEqual([
      expect.objectContaining({ analyst: 'Ana Weber', decision: 'note', text: NOTE, deviceId: deviceA }),
    ]);
    expect(await b.team.teammatesNotes('shopify:#9999')).toEqual([]);
    const steps = await b.team.teammatesDisputeSteps('stripe:dp_1');
    expect(steps.map((s) => s.kind)).toEqual(['attachment', 'evidence', 'status']);
    expect(steps[0]).toMatchObject({ name: 'jane-roe-pod.pdf', type: 'pdf', size: 9 });
    expect(steps[2]).toMatchObject({ status: 'gathering_evidence', note: 'asked Jane for the receipt', analyst: 'Ana Weber' });

    const [offered] = await b.team.teamOverrides();
    expect(offered).toMatchObject({
      analyst: 'Ana Weber',
      type: 'email',
      action: 'never-link',
      value: 'Jane.Roe@example.com',
      revokedAt: null,
      appliedHere: false,
    });
    await b.team.applyTeamOverride(deviceA, overrideId);
    const [mine] = await b.ctx.rings.decisions.overrides();
    expect(mine).toMatchObject({ analyst: 'Ben Ito', value: 'Jane.Roe@example.com', reason: "Ana Weber's override: her office inbox", active: true });
    expect((await b.team.teamOverrides())[0]?.appliedHere).toBe(true);
    await expect(b.team.applyTeamOverride(deviceA, overrideId)).rejects.toThrow(/already/);
    // Ana takes hers back: Ben sees it, and cannot apply it any more.
    await a.db.linkOverrides.add({
      type: 'email',
      value: 'Jane.Roe@example.com',
      action: 'never-link',
      reason: 'undone',
      analyst: 'Ana Weber',
      createdAt: a.clock.at++,
      revokes: overrideId,
    });
    await a.team.syncTeam();
    await b.team.syncTeam();
    expect((await b.team.teamOverrides())[0]?.revokedAt).not.toBeNull();
  });

  it('keeps a teammate chain out when a payload does not fit its kind, though its hashes hold', async () => {
    const server = new FakeTeamServer();
    const a = await laptop(server, 'Ana Weber');
    const b = await laptop(server, 'Ben Ito');
    await a.note('shopify:#1001', NOTE);
    await a.team.syncTeam();
    // A server that lets a malformed payload through (re-chained so every hash holds).
    const { chainTeamEvents } = await import('../../../shared/team');
    const [bad] = await chainTeamEvents(
      [{ id: randomUUID(), kind: 'note', analyst: 'Mallory', at: START, payload: { orderKey: 'shopify:#1', logSeq: 1, note: NOTE } }],
      randomUUID(),
      { seq: 0, hash: '0'.repeat(64) },
    );
    server.events.push({ ...bad!, serverSeq: server.events.length + 1, receivedAt: 0 });
    await b.team.syncTeam();
    const check = await b.team.checkDeviceChain();
    expect(check.brokenDevices).toEqual([{ deviceId: bad!.deviceId, reason: expect.stringContaining('its note payload does not fit') }]);
    expect(await b.db.teamEvents.get(bad!.id)).toBeUndefined();
    expect((await b.team.teammatesNotes('shopify:#1001'))[0]?.text).toBe(NOTE);
  });

  it('an erasure blanks the text beside the team’s events here, at the server and on the teammate who pulls it; every chain verifies', async () => {
    const server = new FakeTeamServer();
    const a = await laptop(server, 'Ana Weber');
    const b = await laptop(server, 'Ben Ito');
    await b.note('shopify:#1001', `${NOTE} (Ben)`);
    await b.team.syncTeam();
    const entry = await a.note('shopify:#1001', NOTE);
    await a.note('shopify:#2002', 'another customer entirely');
    await a.team.syncTeam(); // Ana now holds Ben's note too
    expect((await a.team.teammatesNotes('shopify:#1001'))[0]?.text).toBe(`${NOTE} (Ben)`);

    await applyPersonalDataPlan(
      a.db,
      {
        kind: 'erasure',
        cacheState: await cacheStateOf(a.db),
        logHead: (await a.db.decisionHead.get('head')) ?? null,
        rows: new Map(),
        orderKeys: ['shopify:#1001'],
        orders: 1,
        payments: [],
        notes: [entry.seq],
        keptNotes: [],
        archivedNotes: [],
        noteHashes: [entry.hash],
        keptArchivedNotes: [],
        overrides: [],
        attachments: [],
        linkValues: [],
      },
      { reference: 'DSR-2026-017', clock: { now: () => a.clock.at++ } },
    );
    expect(await a.db.teamText.where('subject').equals('order:shopify:#1001').count()).toBe(0);
    expect(await a.db.teamText.where('subject').equals('order:shopify:#2002').count()).toBe(1);
    await a.team.syncTeam();
    const erasure = (await a.db.teamOutbox.orderBy('seq').last())!;
    expect(erasure).toMatchObject({ kind: 'erasure', payload: { reason: 'erasure' } });
    expect((erasure.payload['eventIds'] as string[]).length).toBe(2);
    expect(JSON.stringify(server.events)).not.toContain('Jane Roe');
    expect(JSON.stringify(server.events)).toContain('another customer entirely');

    await b.team.syncTeam();
    expect(await b.team.teammatesNotes('shopify:#1001')).toEqual([expect.objectContaining({ analyst: 'Ana Weber', text: null })]);
    expect(JSON.stringify(await b.db.teamText.toArray())).not.toContain('Jane Roe');
    expect((await b.team.checkDeviceChain()).brokenDevices).toEqual([]);
    expect((await verifyTeamChain(await a.db.teamOutbox.orderBy('seq').toArray())).ok).toBe(true);
    // Nothing left to name: the pending list of the erasure is gone.
    expect(await a.db.teamState.get('pendingErasures')).toMatchObject({ value: {} });
  });
});
