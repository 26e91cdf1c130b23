import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chainEntry, type DecisionEntry } from '../../shared/decisions/chain';
import {
  disputeStepEventInput,
  erasureEventInputs,
  exportLogEventInput,
  linkOverrideEventInput,
  logEntryEventInput,
  matrixEventInput,
  reportSnapshotEventInput,
  verifyTeamChain,
  type PulledEvent,
  type TeamEventInput,
} from '../../shared/team';
import { Laptop, START, startHarness, type Harness } from './teamServerHarness';

const NOTE = 'Customer Jane Roe called from +44 20 7946 0958';

async function noteEntry(analyst: string, seq: number, note = NOTE): Promise<DecisionEntry> {
  const input = {
    orderKey: 'shopify:#1042',
    decision: 'note' as const,
    reasonCode: '',
    note,
    analyst,
    at: START + seq,
    score: null,
    matrixVersion: null,
    undoes: null,
  };
  return chainEntry(input, seq > 1 ? { seq: seq - 1, hash: 'a'.repeat(64) } : null);
}

/** One input of every kind a laptop records besides decisions and verdicts. */
async function everyKind(analyst: string): Promise<TeamEventInput[]> {
  const id = () => randomUUID();
  const step = { analyst, at: START + 10, note: 'customer sent the tracking link', disputeId: 'stripe:dp_1' };
  return [
    logEntryEventInput(await noteEntry(analyst, 1), id()),
    await linkOverrideEventInput(
      { id: 1, type: 'email', value: 'jane.roe@example.com', action: 'never-link', reason: 'her shared office inbox', analyst, createdAt: START + 2 },
      id(),
    ),
    (await disputeStepEventInput({ ...step, id: 1, kind: 'status', status: 'gathering_evidence' }, null, id()))!,
    (await disputeStepEventInput({ ...step, id: 2, kind: 'evidence', item: 'Proof of delivery', checked: true, note: '' }, null, id()))!,
    (await disputeStepEventInput(
      { ...step, id: 3, kind: 'attachment', note: '', file: { action: 'attached', attachmentId: 7, type: 'pdf', size: 2048, sha256: 'f'.repeat(64) } },
      { name: 'Jane Roe delivery.pdf', purpose: 'proof-of-delivery' },
      id(),
    ))!,
    await matrixEventInput(
      {
        version: 2,
        matrix: { version: 2, rules: [{ id: 'r1', signal: 'cvcFailed', atLeast: 1, points: 30 }], thresholds: { review: 40, hold: 70 } },
        analyst,
        savedAt: START + 4,
        note: 'CVC weighs more',
      },
      id(),
    ),
    await reportSnapshotEventInput(
      { id: 1, kind: 'kpi', title: 'KPI December', figures: { held: 3 }, dataHash: 'd'.repeat(64), createdAt: START + 5, analyst, hash: 'e'.repeat(64) },
      id(),
    ),
    await exportLogEventInput(
      {
        id: 1,
        at: START + 6,
        analyst,
        kind: 'csv',
        fileName: 'orders-jane-roe.csv',
        rows: 3,
        what: 'Orders of Jane Roe',
        logHead: { seq: 1, hash: 'a'.repeat(64) },
      },
      id(),
    ),
  ];
}

describe('team case records at the server', () => {
  let h: Harness;
  let ana: string;
  let ben: string;
  beforeAll(async () => {
    h = await startHarness();
    await h.addUser('Ana', 'analyst');
    await h.addUser('Ben', 'analyst');
    [ana, ben] = [await h.signIn('Ana'), await h.signIn('Ben')];
  });
  afterAll(() => h.close());

  async function pullAll(token: string): Promise<PulledEvent[]> {
    return (await h.call('GET', '/v1/events?after=0&limit=5000', token)).body.events;
  }
  const count = async (table: string) => (await h.pool.query(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n as number;

  it('sync every record kind with its personal text beside it, and a replay changes nothing', async () => {
    const laptop = new Laptop('Ana');
    const events = await laptop.chain(await everyKind('Ana'));
    expect((await h.push(ana, events)).body).toMatchObject({ accepted: 8, duplicates: 0 });
    const before = [await count('events'), await count('event_texts')];
    expect((await h.push(ana, events)).body).toMatchObject({ accepted: 0, duplicates: 8 });
    expect([await count('events'), await count('event_texts')]).toEqual(before);

    const pulled = (await pullAll(ben)).filter((e) => e.deviceId === laptop.deviceId);
    expect(pulled.map((e) => e.kind)).toEqual([
      'note',
      'link-override',
      'dispute-status',
      'evidence-change',
      'attachment',
      'scoring-matrix',
      'report-snapshot',
      'export-log',
    ]);
    expect(pulled[0]!.personal?.note?.text).toBe(NOTE);
    expect(pulled[1]!.personal?.value?.text).toBe('jane.roe@example.com');
    expect(pulled[4]!.personal?.name?.text).toBe('Jane Roe delivery.pdf');
    // The chained payloads hold salted hashes, never the texts. The hashes and salts are random hex,
    // which may hold "7946" by chance (one run in a few hundred did): they are left out of the search.
    expect(JSON.stringify(pulled.map((e) => e.payload)).replace(/\b[0-9a-f]{32,64}\b/g, '<hex>')).not.toMatch(/Jane|jane|7946|tracking/);
    expect(await verifyTeamChain(pulled.map(({ serverSeq: _s, receivedAt: _r, ...e }) => e))).toEqual({ ok: true, head: laptop.head });
  });

  it('refuse a payload that does not fit its kind (400), storing nothing of the batch', async () => {
    const laptop = new Laptop('Ana');
    const base = { id: randomUUID(), analyst: 'Ana', at: START };
    const bad: TeamEventInput[] = [
      { ...base, kind: 'note', payload: { orderKey: 'shopify:#1', logSeq: 1, note: 'the text itself' } },
      { ...base, kind: 'link-override', payload: { overrideId: 1, type: 'shoe-size', action: 'never-link', revokes: null, valueHash: null, reasonHash: null } },
      { ...base, kind: 'dispute-status', payload: { disputeId: 'stripe:dp_1', status: 'maybe', noteHash: null } },
      { ...base, kind: 'erasure', payload: { reason: 'erasure', logSeq: 3, eventIds: ['not-a-uuid'] } },
    ];
    const events0 = await count('events');
    for (const input of bad) {
      const fresh = new Laptop('Ana');
      const [good] = await fresh.chain([
        { ...base, id: randomUUID(), kind: 'evidence-change', payload: { disputeId: 'stripe:dp_1', item: 'Receipt', checked: true } },
      ]);
      const [wrong] = await fresh.chain([{ ...input, id: randomUUID() }]);
      const r = await h.push(ana, [good!, wrong!]);
      expect(r, input.kind).toMatchObject({ status: 400, body: { code: 'malformed-payload', index: 1 } });
      expect(r.body.error).toContain(`its ${input.kind} payload does not fit`);
    }
    // A text beside an event that its hash does not witness.
    const [noted] = await laptop.chain([logEntryEventInput(await noteEntry('Ana', 1), randomUUID())]);
    const swapped = { ...noted!, personal: { note: { ...noted!.personal!.note!, text: 'another text' } } };
    expect(await h.push(ana, [swapped])).toMatchObject({ status: 400, body: { code: 'personal-text-mismatch' } });
    expect(await count('events')).toBe(events0);
  });

  it('erase the text beside named events everywhere: gone from the database, every chain still verifies', async () => {
    const anaLaptop = new Laptop('Ana');
    const benLaptop = new Laptop('Ben');
    const [anaNote] = await anaLaptop.chain([logEntryEventInput(await noteEntry('Ana', 1), randomUUID())]);
    const [benNote] = await benLaptop.chain([logEntryEventInput(await noteEntry('Ben', 1, `${NOTE} again`), randomUUID())]);
    await h.push(ana, [anaNote!]);
    await h.push(ben, [benNote!]);
    const textRows = async () => (await h.pool.query(`SELECT count(*)::int AS n FROM event_texts WHERE texts LIKE '%Jane Roe%'`)).rows[0].n;
    expect(await textRows()).toBeGreaterThanOrEqual(2);

    // Ana erases the customer: her own note and Ben's, which she had pulled.
    const [erasure] = erasureEventInputs({ seq: 2, decision: 'erasure', analyst: 'Ana', at: START + 60_000 }, [anaNote!.id, benNote!.id], null, randomUUID);
    const [erased] = await anaLaptop.chain([erasure!]);
    expect((await h.push(ana, [erased!])).status).toBe(200);

    const rows = await h.pool.query(`SELECT texts FROM event_texts WHERE event_id = ANY($1::uuid[])`, [[anaNote!.id, benNote!.id]]);
    expect(rows.rowCount).toBe(0);
    const anywhere = await h.pool.query(`SELECT count(*)::int AS n FROM events WHERE payload LIKE '%Jane%'`);
    expect(anywhere.rows[0].n).toBe(0);
    // Ben's laptop resends its batch (a lost answer): a no-op, the text does not come back.
    expect((await h.push(ben, [benNote!])).body).toMatchObject({ accepted: 0, duplicates: 1 });
    expect((await h.pool.query(`SELECT count(*)::int AS n FROM event_texts WHERE event_id = $1`, [benNote!.id])).rows[0].n).toBe(0);

    const pulled = await pullAll(ben);
    for (const laptop of [anaLaptop, benLaptop]) {
      const chain = pulled.filter((e) => e.deviceId === laptop.deviceId);
      expect(chain.every((e) => e.personal === undefined)).toBe(true);
      expect(await verifyTeamChain(chain.map(({ serverSeq: _s, receivedAt: _r, ...e }) => e))).toEqual({ ok: true, head: laptop.head });
    }
    expect(pulled.find((e) => e.id === erased!.id)?.payload).toMatchObject({ reason: 'erasure', eventIds: [anaNote!.id, benNote!.id] });
  });
});
