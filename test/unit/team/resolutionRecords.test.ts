// A lead's resolution as a log entry and as a team event: the settled decisions are in the entry's
// hash, it travels as a 'resolution' (which only leads may push), and only that kind settles anything.
import { describe, expect, it } from 'vitest';
import { chainEntry, verifySegment } from '../../../shared/decisions/chain';
import { decisionEntrySchema } from '../../../shared/decisions/schema';
import { decisionEventInput, mayPush, mayResolve, teamDecisionOf } from '../../../shared/team';

const ANA = 'aaaaaaaa-0000-4000-8000-000000000001';
const LEA = 'cccccccc-0000-4000-8000-000000000003';
const at = Date.UTC(2026, 10, 18, 15);
const input = {
  orderKey: 'shopify:#1001',
  decision: 'hold' as const,
  reasonCode: 'VELOCITY',
  note: 'spoke to Ana and Ben',
  analyst: 'Lea Roth',
  at,
  score: null,
  matrixVersion: null,
  undoes: null,
};

describe('a resolution', () => {
  it('keeps the decisions it settles inside the entry’s hash, and leaves other entries’ hashes as they were', async () => {
    const settles = [
      { deviceId: ANA, seq: 4 },
      { deviceId: LEA, seq: 2 },
    ];
    const plain = await chainEntry(input, null, '0'.repeat(32));
    const resolution = await chainEntry({ ...input, settles }, null, '0'.repeat(32));
    expect(resolution.hash).not.toBe(plain.hash);
    expect(await chainEntry({ ...input, settles: [] }, null, '0'.repeat(32))).toEqual(plain);
    expect(await verifySegment([resolution])).toMatchObject({ ok: true });
    const moved = { ...resolution, settles: [{ deviceId: ANA, seq: 5 }, settles[1]!] };
    expect(await verifySegment([moved])).toMatchObject({ ok: false, reason: expect.stringMatching(/changed after it was written/) });
    // A backup carrying it parses.
    expect(decisionEntrySchema.safeParse(resolution).success).toBe(true);
  });

  it('travels as a resolution event that only leads and admins may push, and reads back with what it settles', async () => {
    const entry = await chainEntry({ ...input, settles: [{ deviceId: ANA, seq: 4 }] }, { seq: 6, hash: 'f'.repeat(64) });
    const e = decisionEventInput(entry, 'id-1');
    expect(e).toMatchObject({ kind: 'resolution', payload: { logSeq: 7, settles: [{ deviceId: ANA, seq: 4 }] } });
    expect(['admin', 'lead', 'analyst', 'compliance'].filter((r) => mayPush(r as 'lead', 'resolution'))).toEqual(['admin', 'lead']);
    expect([mayResolve('lead'), mayResolve('analyst')]).toEqual([true, false]);
    expect(teamDecisionOf({ ...e, deviceId: LEA })).toMatchObject({ seq: 7, decision: 'hold', settles: [{ deviceId: ANA, seq: 4 }] });
    const plain = decisionEventInput(await chainEntry(input, null), 'id-2');
    expect(plain.kind).toBe('decision');
    expect(plain.payload).not.toHaveProperty('settles');
  });

  it('settles nothing from a decision event (an analyst’s laptop cannot resolve by adding the field), nor without a list', () => {
    const payload = { orderKey: 'shopify:#1001', decision: 'hold', reasonCode: '', logSeq: 3, undoes: null, settles: [{ deviceId: ANA, seq: 1 }] };
    expect(teamDecisionOf({ kind: 'decision', payload, deviceId: ANA, analyst: 'Ana Weber', at })).toMatchObject({ settles: null });
    const { settles: _s, ...bare } = payload;
    expect(teamDecisionOf({ kind: 'resolution', payload: bare, deviceId: LEA, analyst: 'Lea Roth', at })).toBeNull();
    expect(teamDecisionOf({ kind: 'resolution', payload: { ...payload, decision: 'undo' }, deviceId: LEA, analyst: 'Lea Roth', at })).toBeNull();
  });
});
