import { describe, expect, it } from 'vitest';
import { canonicalJson, chainTeamEvents, GENESIS_HEAD, teamEventHash, teamEventSchema, verifyTeamChain } from '../../../shared/team';

const DEVICE = '5b0f3c1e-2a4d-4e8f-9a1b-3c5d7e9f1a2b';
const input = (n: number) => ({
  id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  kind: 'decision' as const,
  payload: { orderKey: `amazon:303-${n}`, decision: 'hold', tags: ['ring', { b: 1, a: 2 }] },
  analyst: 'Ana',
  at: Date.UTC(2026, 11, 31, 23, 59, 59),
});

describe('team events', () => {
  it('write one canonical text whatever the key order, and refuse numbers JSON cannot hold', () => {
    expect(canonicalJson({ b: [1, { d: null, c: 'x' }], a: true })).toBe('{"a":true,"b":[1,{"c":"x","d":null}]}');
    expect(() => canonicalJson({ x: Number.NaN })).toThrow(/finite/);
  });

  it('chain a device’s events so that the chain verifies and its head is the last hash', async () => {
    const events = await chainTeamEvents([input(1), input(2), input(3)], DEVICE, GENESIS_HEAD);
    expect(events.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(events.every((e) => teamEventSchema.safeParse(e).success)).toBe(true);
    expect(await verifyTeamChain(events)).toEqual({ ok: true, head: { seq: 3, hash: events[2]!.hash } });
    const reordered = { ...events[1]!, payload: { tags: ['ring', { a: 2, b: 1 }], decision: 'hold', orderKey: 'amazon:303-2' } };
    expect(await teamEventHash(reordered)).toBe(events[1]!.hash);
  });

  it('name the first event that was changed, removed or chained elsewhere', async () => {
    const events = await chainTeamEvents([input(1), input(2), input(3)], DEVICE, GENESIS_HEAD);
    const changed = [events[0]!, { ...events[1]!, payload: { orderKey: 'amazon:303-2', decision: 'release' } }, events[2]!];
    expect(await verifyTeamChain(changed)).toMatchObject({ ok: false, seq: 2, reason: expect.stringMatching(/changed after it was written/) });
    expect(await verifyTeamChain([events[0]!, events[2]!])).toMatchObject({ ok: false, seq: 3, reason: expect.stringMatching(/next is 2, not 3/) });
    expect(await verifyTeamChain([events[1]!], { seq: 1, hash: events[2]!.hash })).toMatchObject({ ok: false, reason: expect.stringMatching(/forked/) });
  });
});
