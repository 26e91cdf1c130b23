// Each kind's payload schema and the personal text beside an event: what the server and a
// pulling laptop accept, and the text a salted hash does or does not witness.
import { describe, expect, it } from 'vitest';
import { chainEntry } from '../../../shared/decisions/chain';
import { caseSubject, EVENT_KINDS, logEntryEventInput, parseCasePayload, PAYLOADS, personalField, personalTextProblem } from '../../../shared/team';

const AT = Date.UTC(2026, 11, 31, 23, 59);

describe('team case payloads', () => {
  it('has a schema for every event kind', () => {
    expect(Object.keys(PAYLOADS).sort()).toEqual([...EVENT_KINDS].sort());
  });

  it.each([
    ['note', { orderKey: 'shopify:#1', logSeq: 1, noteHash: null }, 'order:shopify:#1'],
    ['link-override', { overrideId: 2, type: 'address', action: 'allow', revokes: null, valueHash: null, reasonHash: null }, 'overrides'],
    ['dispute-status', { disputeId: 'claim:az-1', status: 'won', noteHash: null }, 'dispute:claim:az-1'],
    ['evidence-change', { disputeId: 'stripe:dp_1', item: 'Receipt', checked: false }, 'dispute:stripe:dp_1'],
    ['erasure', { reason: 'retention', logSeq: 9, eventIds: [] }, 'erasures'],
  ] as const)('reads a %s payload and names its case', (kind, payload, subject) => {
    expect(parseCasePayload({ kind, payload: payload as never })).toMatchObject({ ok: true });
    expect(caseSubject({ kind, payload: payload as never })).toBe(subject);
  });

  it.each([
    ['note', { orderKey: '', logSeq: 1, noteHash: null }, 'orderKey'],
    ['note', { orderKey: 'shopify:#1', logSeq: 0, noteHash: null }, 'logSeq'],
    ['link-override', { overrideId: 2, type: 'address', action: 'merge', revokes: null, valueHash: null, reasonHash: null }, 'action'],
    [
      'attachment',
      { disputeId: 'd', action: 'attached', attachmentId: 1, type: 'exe', purpose: null, size: 1, sha256: 'f'.repeat(64), nameHash: null },
      'type',
    ],
    ['dispute-status', { disputeId: 'd', status: 'won', noteHash: 'NOT-HEX' }, 'noteHash'],
  ] as const)('refuses a %s payload with a bad %s', (kind, payload, field) => {
    const read = parseCasePayload({ kind, payload: payload as never });
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.reason).toContain(field);
    expect(caseSubject({ kind, payload: payload as never })).toBe('');
  });

  it('witnesses the text beside an event by its salted hash, and nothing else', async () => {
    const f = await personalField('Jane Roe, +44 20 7946 0958', '0123456789abcdef0123456789abcdef');
    const payload = { noteHash: f.hash };
    expect(await personalTextProblem(payload, { note: f.side! })).toBeNull();
    expect(await personalTextProblem(payload, { note: { ...f.side!, text: 'Jane Doe' } })).toMatch(/does not match/);
    expect(await personalTextProblem(payload, { value: f.side! })).toMatch(/no valueHash/);
    expect(await personalTextProblem(payload, undefined)).toBeNull(); // erased: the hash stays, the text is gone
    expect(await personalField('')).toEqual({ hash: null, side: null });
  });

  it('sends a note with the salt and hash the decision log chained, and an erased one without text', async () => {
    const entry = await chainEntry(
      {
        orderKey: 'shopify:#7',
        decision: 'note',
        reasonCode: '',
        note: 'called her back',
        analyst: 'Ana',
        at: AT,
        score: null,
        matrixVersion: null,
        undoes: null,
      },
      null,
    );
    const input = logEntryEventInput(entry, '00000000-0000-4000-8000-000000000001');
    expect(input).toMatchObject({
      kind: 'note',
      payload: { orderKey: 'shopify:#7', logSeq: 1, noteHash: entry.noteHash },
      personal: { note: { salt: entry.noteSalt, text: 'called her back' } },
    });
    expect(JSON.stringify(input.payload)).not.toContain('called');
    const erased = logEntryEventInput({ ...entry, note: '', noteErased: true }, '00000000-0000-4000-8000-000000000002');
    expect(erased).toMatchObject({ payload: { noteHash: null } });
    expect(erased.personal).toBeUndefined();
    const hold = logEntryEventInput({ ...entry, decision: 'hold' }, '00000000-0000-4000-8000-000000000003');
    expect(hold).toMatchObject({ kind: 'decision', payload: { decision: 'hold', noteHash: entry.noteHash } });
  });
});
