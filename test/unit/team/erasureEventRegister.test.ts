// The erasure event carries what a teammate's laptop needs to apply the same erasure (the register
// record: reference, orders, payments, salted hashes of linked values), within the payload limit,
// and an event of an older laptop without it still parses.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { erasureEventInputs, PAYLOADS, PUSH_LIMITS, payloadBytes } from '../../../shared/team';

const START = Date.UTC(2026, 10, 18, 14);

describe('the erasure event’s register', () => {
  const entry = { seq: 7, decision: 'erasure' as const, analyst: 'Ana', at: START };

  it('is optional: an erasure event of an older laptop still parses', () => {
    expect(PAYLOADS.erasure.safeParse({ reason: 'erasure', logSeq: 3, eventIds: [] }).success).toBe(true);
    expect(PAYLOADS.erasure.safeParse({ reason: 'erasure', logSeq: 3, eventIds: [], register: { reference: 'X', orderKeys: [], payments: [] } }).success).toBe(
      false,
    );
  });

  it('spreads a large erasure over events within the payload limit, each part whole in itself', () => {
    let n = 0;
    const register = {
      reference: 'GDPR-2026-300',
      orderKeys: Array.from({ length: 3000 }, (_, i) => `shopify:#${100000 + i}`),
      payments: Array.from({ length: 2000 }, (_, i) => `ch_${'x'.repeat(20)}${i}`),
      salt: '0'.repeat(32),
      linkValueHashes: ['a'.repeat(64)],
    };
    const ids = Array.from({ length: 2500 }, () => randomUUID());
    const inputs = erasureEventInputs(entry, ids, register, () => `id-${n++}`);
    expect(inputs.length).toBeGreaterThan(2);
    for (const i of inputs) {
      expect(payloadBytes(i)).toBeLessThanOrEqual(PUSH_LIMITS.maxPayloadBytes);
      expect(PAYLOADS.erasure.safeParse(i.payload).success).toBe(true);
    }
    const parts = inputs.flatMap((i) => (i.payload['register'] ? [i.payload['register'] as typeof register] : []));
    expect(parts.flatMap((p) => p.orderKeys)).toEqual(register.orderKeys);
    expect(parts.flatMap((p) => p.payments)).toEqual(register.payments);
    expect(parts.flatMap((p) => p.linkValueHashes)).toEqual(register.linkValueHashes);
    expect(parts.every((p) => p.reference === register.reference && p.salt === register.salt)).toBe(true);
    expect(inputs.flatMap((i) => i.payload['eventIds'] as string[])).toEqual(ids);
  });

  it('is never sent for a retention purge, which stays each laptop’s own', () => {
    const inputs = erasureEventInputs(
      { ...entry, decision: 'retention' },
      [],
      { reference: 'x', orderKeys: [], payments: [], salt: '0'.repeat(32), linkValueHashes: [] },
      () => randomUUID(),
    );
    expect(inputs).toHaveLength(1);
    expect(inputs[0]!.payload['register']).toBeUndefined();
  });
});
