// The decision log's hash chain: intact logs verify; any edit, deletion, reordering or insertion
// of stored entries is caught and the first broken entry is named.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chainEntry, entryContentHolds, GENESIS, sha256, verifyChain, type DecisionEntry, type DecisionInput } from '../../../shared/decisions/chain';

const input = (i: number, fields: Partial<DecisionInput> = {}): DecisionInput => ({
  orderKey: `shopify:#${1000 + i}`,
  decision: (['hold', 'release', 'cancel', 'note'] as const)[i % 4]!,
  reasonCode: i % 2 ? 'FRAUD-RING' : '',
  note: i % 3 ? `note ${i}` : '',
  analyst: 'K. Weber',
  at: Date.UTC(2026, 10, 24, 9, i),
  score: 40 + i,
  matrixVersion: 1,
  undoes: null,
  ...fields,
});

async function log(n: number): Promise<DecisionEntry[]> {
  const out: DecisionEntry[] = [];
  for (let i = 0; i < n; i++) out.push(await chainEntry(input(i), out.at(-1) ?? null));
  return out;
}

const headOf = (entries: DecisionEntry[]) => (entries.length ? { seq: entries.at(-1)!.seq, hash: entries.at(-1)!.hash } : null);

describe('decision chain', () => {
  it('numbers and chains entries; an intact log verifies', async () => {
    const entries = await log(5);
    expect(entries.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(entries[0]!.prevHash).toBe(GENESIS);
    expect(entries[3]!.prevHash).toBe(entries[2]!.hash);
    expect(await verifyChain(entries, headOf(entries))).toEqual({ ok: true, entries: 5 });
    expect(await verifyChain([], null)).toEqual({ ok: true, entries: 0 });
  });

  it('the same content always hashes the same, whatever the key order of the stored object', async () => {
    const [a] = await log(1);
    const shuffled = Object.fromEntries(Object.entries(a!).reverse()) as unknown as DecisionEntry;
    expect(await verifyChain([shuffled], headOf([a!]))).toEqual({ ok: true, entries: 1 });
  });

  it('names an edited entry', async () => {
    const entries = await log(6);
    entries[2] = { ...entries[2]!, decision: 'release' };
    expect(await verifyChain(entries, headOf(entries))).toMatchObject({ ok: false, seq: 3, reason: 'entry 3 was changed after it was written' });
  });

  it('covers the rules that fired: a rule edited, added or removed after the decision is caught; an entry without them hashes as before', async () => {
    const fired = [
      { ruleId: 'devices-per-card', points: 25, text: '+25 card used on 4 devices in 24 h' },
      { ruleId: 'new-customer', points: 5, text: "+5 customer's first order" },
    ];
    const salt = '0'.repeat(32);
    const e = await chainEntry(input(0, { fired }), null, salt);
    expect(e.fired).toEqual(fired);
    expect(await verifyChain([e], headOf([e]))).toEqual({ ok: true, entries: 1 });
    const edits: DecisionEntry[] = [
      { ...e, fired: [{ ...fired[0]!, text: '+25 card used on 2 devices in 24 h' }, fired[1]!] },
      { ...e, fired: [{ ...fired[0]!, points: 5 }, fired[1]!] },
      { ...e, fired: [fired[0]!] },
      { ...e, fired: [...fired, { ruleId: 'ring-3', points: 25, text: '+25 in a ring of 3 orders' }] },
      { ...e, fired: [fired[1]!, fired[0]!] },
      (({ fired: _, ...rest }) => rest)(e),
    ];
    for (const edited of edits)
      expect(await verifyChain([edited], headOf([e]))).toMatchObject({ ok: false, seq: 1, reason: 'entry 1 was changed after it was written' });
    // Rules that fired are written only when there are some: an empty list is no list.
    const none = await chainEntry(input(0), null, salt);
    expect(none).not.toHaveProperty('fired');
    expect((await chainEntry(input(0, { fired: [] }), null, salt)).hash).toBe(none.hash);
    expect(none.hash).not.toBe(e.hash);
  });

  it('catches removing the newest entry through the recorded head', async () => {
    const entries = await log(4);
    const head = headOf(entries);
    expect(await verifyChain(entries.slice(0, 3), head)).toMatchObject({ ok: false, seq: 4 });
    expect(await verifyChain([], head)).toMatchObject({ ok: false, seq: 1 });
  });

  it('an erased note verifies empty; text written into it afterwards is caught', async () => {
    const kept = await log(3);
    const erasure = await chainEntry(input(3, { orderKey: '', decision: 'erasure', note: 'Erased on request GDPR-7', refs: [2] }), kept.at(-1)!);
    const erased = [kept[0]!, { ...kept[1]!, note: '', noteErased: true }, kept[2]!, erasure];
    expect(await verifyChain(erased, headOf(erased))).toEqual({ ok: true, entries: 4 });

    // The chain covers only the salted hash of the note that was erased: any text now is new.
    const rewritten = erased.map((e) => (e.seq === 2 ? { ...e, note: 'Released on instruction of the Head of Risk' } : e));
    expect(await verifyChain(rewritten, headOf(rewritten))).toMatchObject({
      ok: false,
      seq: 2,
      reason: 'the note of entry 2 was erased, but holds text again: it was written after the erasure',
    });
  });

  it('any edit, deletion, swap or insertion of stored entries is detected (property)', async () => {
    const base = await log(8);
    const head = headOf(base);
    const forged = await chainEntry(input(99), base[2]!);
    const fields = ['orderKey', 'decision', 'reasonCode', 'note', 'analyst', 'at', 'score', 'matrixVersion', 'seq', 'prevHash', 'hash'] as const;
    const tamper = fc.oneof(
      fc.record({ kind: fc.constant('edit' as const), at: fc.nat(7), field: fc.constantFrom(...fields) }),
      fc.record({ kind: fc.constant('delete' as const), at: fc.nat(7) }),
      fc.record({ kind: fc.constant('swap' as const), at: fc.nat(6) }),
      fc.record({ kind: fc.constant('insert' as const), at: fc.nat(8) }),
    );
    await fc.assert(
      fc.asyncProperty(tamper, async (t) => {
        const entries = base.map((e) => ({ ...e }));
        let expectedSeq: number;
        if (t.kind === 'edit') {
          const e = entries[t.at]! as unknown as Record<string, unknown>;
          const v = e[t.field];
          e[t.field] = typeof v === 'number' ? v + 1 : `${String(v)}x`;
          expectedSeq = t.field === 'seq' ? (e.seq as number) : t.at + 1;
        } else if (t.kind === 'delete') {
          entries.splice(t.at, 1);
          expectedSeq = t.at + 2; // the entry now at that position; removing the newest: the head check names it
          if (t.at === 7) expectedSeq = 8;
        } else if (t.kind === 'swap') {
          [entries[t.at], entries[t.at + 1]] = [entries[t.at + 1]!, entries[t.at]!];
          expectedSeq = t.at + 2;
        } else {
          entries.splice(t.at, 0, forged);
          expectedSeq = 4;
        }
        const verdict = await verifyChain(entries, head);
        expect(verdict.ok).toBe(false);
        if (!verdict.ok && t.kind !== 'insert') expect(verdict.seq).toBe(expectedSeq);
      }),
      { numRuns: 120 },
    );
  });

  it('an entry of the first form (a log from before schema 7) carries nothing its hash does not cover', async () => {
    const body = {
      seq: 1,
      prevHash: GENESIS,
      orderKey: 'shopify:#1001',
      decision: 'release' as const,
      reasonCode: 'FALSE-POSITIVE',
      note: 'ok',
      analyst: 'K. Weber',
      at: Date.UTC(2025, 0, 10),
      score: 40,
      matrixVersion: 1,
      undoes: null,
    };
    const hash = await sha256(
      JSON.stringify([
        body.seq,
        body.prevHash,
        body.orderKey,
        body.decision,
        body.reasonCode,
        body.note,
        body.analyst,
        body.at,
        body.score,
        body.matrixVersion,
        body.undoes,
      ]),
    );
    const genuine: DecisionEntry = { ...body, hash };
    expect(await verifyChain([genuine], { seq: 1, hash })).toEqual({ ok: true, entries: 1 });
    expect(await entryContentHolds(genuine)).toBe(true);
    // Rules that never fired and a lead's resolution, written in beneath the app: the first form's hash never covered them.
    for (const added of [
      { fired: [{ ruleId: 'ring-size', points: 40, text: '+40 in a ring of 12 orders' }] },
      { settles: [{ deviceId: 'laptop-b', seq: 7 }] },
      { refs: [1] },
    ]) {
      const edited: DecisionEntry = { ...genuine, ...added };
      expect(await verifyChain([edited], { seq: 1, hash })).toEqual({
        ok: false,
        entries: 1,
        seq: 1,
        reason: 'entry 1 carries fields its form was never written with: they were added after it was written',
      });
      expect(await entryContentHolds(edited)).toBe(false);
    }
  });
});
