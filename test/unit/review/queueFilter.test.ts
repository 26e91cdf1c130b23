import { describe, expect, it } from 'vitest';
import type { QueueRow } from '../../../renderer/src/core/contract';
import {
  filterQueue,
  filtersQueue,
  NO_QUEUE_FILTER,
  nextToDecide,
  queueChannels,
  queueSignals,
  signalName,
} from '../../../renderer/src/features/review/queueState';

const NOW = Date.UTC(2026, 11, 7, 12);
const HOUR = 3_600_000;

function row(externalId: string, over: Partial<QueueRow> = {}): QueueRow {
  return {
    orderKey: `own:${externalId}`,
    externalId,
    marketplace: 'shop',
    channel: 'Own shop',
    totalMinor: 1000,
    currency: 'EUR',
    createdAt: NOW - 2 * HOUR,
    email: `${externalId.replace('#', 'c')}@example.com`,
    score: 40,
    outcome: 'review',
    fired: [],
    signals: ['marketplaceRisk'],
    matrixVersion: 1,
    ringId: null,
    ringVerdict: null,
    state: 'review',
    heldBy: null,
    slaDueAt: NOW + 10 * HOUR,
    ...over,
  };
}

const queue = [
  row('#1001', { score: 70, state: 'held', heldBy: 'K. Weber' }),
  row('#1002', { score: 60, slaDueAt: NOW - HOUR }),
  row('30210001', { score: 55, marketplace: 'zalando', channel: 'Zalando', orderKey: 'zalando:30210001' }),
  row('#1001', { score: 50, channel: 'Shop B', orderKey: 'own:shop-b:#1001', slaDueAt: NOW - 2 * HOUR }),
  row('#2001', { score: 30, state: 'hold', signals: ['ringSize', 'devicesPerCard'] }),
];

describe('the review queue narrowed by its filters', () => {
  it('keeps the whole queue, in its order, when nothing is chosen', () => {
    expect(filtersQueue(NO_QUEUE_FILTER)).toBe(false);
    expect(filterQueue(queue, NO_QUEUE_FILTER, NOW)).toEqual(queue);
    // Spaces or a lone # in the Find box narrow nothing.
    expect(filtersQueue({ ...NO_QUEUE_FILTER, find: ' # ' })).toBe(false);
  });

  it('tells two shops apart by channel', () => {
    const shopB = filterQueue(queue, { ...NO_QUEUE_FILTER, channel: 'Shop B' }, NOW);
    expect(shopB.map((r) => r.orderKey)).toEqual(['own:shop-b:#1001']);
    expect(queueChannels(queue)).toEqual(['Own shop', 'Shop B', 'Zalando']);
  });

  it('splits orders still to decide from those on hold; a suggested hold is still to decide', () => {
    expect(filterQueue(queue, { ...NO_QUEUE_FILTER, state: 'held' }, NOW).map((r) => r.score)).toEqual([70]);
    expect(filterQueue(queue, { ...NO_QUEUE_FILTER, state: 'decide' }, NOW).map((r) => r.score)).toEqual([60, 55, 50, 30]);
  });

  it('keeps only undecided orders past the target, by the clock it is given', () => {
    expect(filterQueue(queue, { ...NO_QUEUE_FILTER, overdue: true }, NOW).map((r) => r.score)).toEqual([60, 50]);
    // Three hours earlier neither was late yet.
    expect(filterQueue(queue, { ...NO_QUEUE_FILTER, overdue: true }, NOW - 3 * HOUR)).toEqual([]);
  });

  it('finds an order by part of its number with or without # (and a space after it), or by e-mail, case ignored', () => {
    const keys = (find: string) => filterQueue(queue, { ...NO_QUEUE_FILTER, find }, NOW).map((r) => r.orderKey);
    expect(keys('1001')).toEqual(['own:#1001', 'own:shop-b:#1001']);
    expect(keys(' #1001 ')).toEqual(['own:#1001', 'own:shop-b:#1001']);
    // As an order number is said aloud or pasted from a mail: a space after the #.
    expect(keys('# 1001')).toEqual(['own:#1001', 'own:shop-b:#1001']);
    expect(keys('3021')).toEqual(['zalando:30210001']);
    expect(keys('C2001@EXAMPLE')).toEqual(['own:#2001']);
    expect(keys('9999')).toEqual([]);
  });

  it('keeps the orders a rule on the chosen signal fired for, and names each signal plainly', () => {
    expect(filterQueue(queue, { ...NO_QUEUE_FILTER, signal: 'devicesPerCard' }, NOW).map((r) => r.externalId)).toEqual(['#2001']);
    expect(filterQueue(queue, { ...NO_QUEUE_FILTER, signal: 'marketplaceRisk' }, NOW)).toHaveLength(4);
    expect(queueSignals(queue).map(signalName)).toEqual(['Devices that used its card within 24 h', 'Orders in its ring', 'Risk level the sales channel gives']);
    expect(signalName('countryMismatch')).toBe('Billing country differs from shipping country');
    expect(signalName('avsFailed')).toBe('Address check failed');
  });

  it('combines its filters, and the cursor moves on within what is shown', () => {
    const shown = filterQueue(queue, { ...NO_QUEUE_FILTER, channel: 'Own shop', state: 'decide' }, NOW);
    expect(shown.map((r) => r.score)).toEqual([60, 30]);
    expect(nextToDecide(shown, 0, new Set([shown[0]!.orderKey]))).toBe('own:#2001');
  });
});
