// What wins: win rates by channel and by evidence item ticked or not, on hand-made disputes with
// every figure worked out by hand.
import { describe, expect, it } from 'vitest';
import { reportDispute } from '../../support/disputes';
import type { Dispute } from '../../../shared/domain/dispute';
import { disputeWins, NO_CHANNEL } from '../../../shared/reports/disputeWins';
import { REASON_FAMILIES } from '../../../shared/disputes/reasonCodes';

const DAY = 86_400_000;
const T = Date.UTC(2026, 5, 1);
const FROM = T;
const TO = T + 30 * DAY;
const d = (id: string, fields: Partial<Dispute>): Dispute => reportDispute(T, id, fields);

describe('win rates by channel', () => {
  const channelOf = new Map([
    ['amazon:A1', 'Amazon.de'],
    ['amazon:A2', 'Amazon.de'],
    ['shopify:#1001', 'Own shop'],
  ]);
  const list = [
    d('a1', { orderKey: 'amazon:A1', status: 'won' }),
    d('a2', { orderKey: 'amazon:A2', status: 'won' }),
    d('a3', { orderKey: 'amazon:A1', status: 'won' }),
    d('a4', { orderKey: 'amazon:A2', status: 'lost' }),
    d('a5', { orderKey: 'amazon:A1', status: 'accepted' }), // not decided
    d('a6', { orderKey: 'amazon:A1', status: 'won', openedAt: TO }), // after the period
    d('s1', { orderKey: 'shopify:#1001', status: 'won' }),
    d('s2', { orderKey: 'shopify:#1001', status: 'lost' }),
    d('s3', { orderKey: 'shopify:#1001', status: 'lost' }),
    d('x1', { orderKey: 'zalando:gone', status: 'lost' }), // order not in the cache
  ];

  it('counts decided disputes of the period per channel, most decided first', () => {
    expect(disputeWins(list, FROM, TO, channelOf, null).byChannel).toEqual([
      { channel: 'Amazon.de', won: 3, lost: 1, winRate: 0.75 },
      { channel: 'Own shop', won: 1, lost: 2, winRate: 1 / 3 },
      { channel: NO_CHANNEL, won: 0, lost: 1, winRate: 0 },
    ]);
  });

  it('leaves the evidence rows out when the ticks are not known (exports, the CLI)', () => {
    expect(disputeWins(list, FROM, TO, channelOf, null).byEvidence).toEqual([]);
  });
});

describe('win rates by evidence item ticked or not', () => {
  const TDS = '3-D Secure authentication';
  const list = [
    // Fraud disputes: f1..f6 with 3-D Secure ticked (5 won, 1 lost), f7..f11 without (1 won, 4 lost).
    ...['won', 'won', 'won', 'won', 'won', 'lost'].map((status, i) => d(`f${i + 1}`, { status: status as Dispute['status'] })),
    ...['won', 'lost', 'lost', 'lost', 'lost'].map((status, i) => d(`f${i + 7}`, { status: status as Dispute['status'] })),
    d('f12', { status: 'submitted' }), // ticked but not decided: not counted
    d('c1', { status: 'won', reasonCode: '13.1' }), // consumer, proof of delivery ticked
  ];
  const ticked = new Map<string, Set<string>>([
    ...['f1', 'f2', 'f3', 'f4', 'f5', 'f6', 'f12'].map((id): [string, Set<string>] => [id, new Set([TDS])]),
    ['c1', new Set(['Proof of delivery (tracking, signature)'])],
  ]);
  const rows = disputeWins(list, FROM, TO, new Map(), ticked).byEvidence;
  const row = (item: string) => rows.find((r) => r.item === item)!;

  it('compares the win rate with the item against without it', () => {
    const r = row(TDS);
    expect(r.families).toEqual(['fraud']);
    expect(r.ticked).toEqual({ won: 5, lost: 1, winRate: 5 / 6 });
    expect(r.notTicked).toEqual({ won: 1, lost: 4, winRate: 0.2 });
    expect(r.tooFew).toBe(false);
    expect(r.difference).toBeCloseTo(5 / 6 - 0.2, 10); // +63.3 points
  });

  it('says too few to tell under 5 decided on either side', () => {
    const pod = row('Proof of delivery (tracking, signature)');
    expect(pod).toMatchObject({ families: ['consumer'], ticked: { won: 1, lost: 0, winRate: 1 }, notTicked: { won: 0, lost: 0, winRate: null }, tooFew: true });
    expect(pod.difference).toBeNull();
    // Nobody ticked AVS/CVC: 0 with it, all 11 decided fraud disputes without it.
    expect(row('AVS and CVC check results')).toMatchObject({ ticked: { won: 0, lost: 0 }, notTicked: { won: 6, lost: 5 }, tooFew: true, difference: null });
  });

  it('lists an item shared by several checklists once, over every family that has it', () => {
    const invoice = row('Order confirmation and invoice');
    expect(invoice.families).toEqual([...REASON_FAMILIES]);
    // 11 decided fraud (6 won, 5 lost) and the consumer one (won), none ticked.
    expect(invoice.notTicked).toEqual({ won: 7, lost: 5, winRate: 7 / 12 });
    expect(rows.filter((r) => r.item === 'Order confirmation and invoice')).toHaveLength(1);
  });
});
