// Known outcomes from a labelled export: the value map, the wizard's suggestion by column name, the
// build (orders and payments, a value the map cannot read quarantined with line, column and
// reason, every row in one bucket), the check's list of values, and the payment carried to its order.
import { describe, expect, it } from 'vitest';
import { combinedOutcome, knownOutcomeOf } from '../../../shared/domain/knownOutcome';
import type { Order } from '../../../shared/domain/order';
import type { Payment } from '../../../shared/domain/payment';
import { ExportReader, parseFormatPreset, suggestMapping, type FormatPreset } from '../../../shared/ingest';
import { withPaymentFacts } from '../../../shared/orders/paymentFacts';
import { order } from '../../support/orders';
import { bucketsAddUp, runImport, utf8, values } from './support';

describe('the value map', () => {
  it.each([
    ['1', 'fraud'],
    ['0', 'legit'],
    ['1.0', 'fraud'],
    ['0.00', 'legit'],
    ['TRUE', 'fraud'],
    ['false', 'legit'],
    ['Yes', 'fraud'],
    ['no', 'legit'],
    ['Y', 'fraud'],
    ['n', 'legit'],
    ['Fraud', 'fraud'],
    ['fraudulent', 'fraud'],
    ['legit', 'legit'],
    ['Legitimate', 'legit'],
    ['genuine', 'legit'],
    ['OK', 'legit'],
    ['chargeback', 'fraud'],
    ['None', 'legit'],
    ['  1  ', 'fraud'],
    ['', ''],
    ['   ', ''],
  ])('%j reads as %j', (raw, expected) => {
    expect(knownOutcomeOf(raw)).toBe(expected);
  });

  it.each(['2', '-1', '0.5', '10', 'maybe', 'unknown', 'fraud?', 'legit fraud', 'hasOwnProperty', 'constructor'])('%j is not an outcome', (raw) => {
    expect(knownOutcomeOf(raw)).toBeNull();
  });

  it('a known fraud from either source stands over legit', () => {
    expect(combinedOutcome('legit', 'fraud')).toBe('fraud');
    expect(combinedOutcome('fraud', undefined)).toBe('fraud');
    expect(combinedOutcome(undefined, 'legit')).toBe('legit');
    expect(combinedOutcome('', undefined)).toBe('');
  });
});

describe('the wizard suggests the outcome column by its name', () => {
  it.each(['class', 'Class', 'is_fraud', 'isFraud', 'fraud', 'label', 'chargeback', 'Fraud Flag', 'fraud_bool', 'FraudResult'])('%s', (column) => {
    expect(suggestMapping(['order_id', 'order_date', 'amount', column], 'orders').mapping.knownOutcome).toBe(column);
    expect(suggestMapping(['id', 'created', 'amount', column], 'payments').mapping.knownOutcome).toBe(column);
  });

  it('only by the whole name: a shipping class or a fraud risk level is no outcome', () => {
    const { mapping } = suggestMapping(['Order ID', 'Order Date', 'Total', 'Shipping Class', 'Label Printed', 'Risk Level', 'Chargeback Amount'], 'orders');
    expect(mapping.knownOutcome).toBeUndefined();
    expect(mapping.riskLevel).toBe('Risk Level');
  });
});

function preset(kind: 'orders' | 'payments'): FormatPreset {
  const parsed = parseFormatPreset(
    kind === 'orders'
      ? {
          id: 'custom:labelled',
          label: 'Labelled orders',
          kind,
          markerColumns: ['order_id', 'is_fraud'],
          mapping: { externalId: 'order_id', createdAt: 'order_date', total: 'amount', currency: 'currency', email: 'email', knownOutcome: 'is_fraud' },
          options: { source: 'labelled', marketplace: 'shop', timeZone: 'UTC' },
        }
      : {
          id: 'custom:labelled-payments',
          label: 'Labelled payments',
          kind,
          markerColumns: ['charge', 'Fraud Flag'],
          mapping: { id: 'charge', orderRef: 'order', createdAt: 'created', amount: 'amount', currency: 'currency', knownOutcome: 'Fraud Flag' },
          options: { source: 'psp', orderSource: 'labelled', timeZone: 'UTC' },
        },
  );
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.preset;
}

const LABELLED = [
  'order_id,order_date,email,amount,currency,is_fraud',
  'L-1,2026-03-01 10:00,a@example.com,10.00,EUR,1',
  'L-2,2026-03-01 11:00,b@example.com,20.00,EUR,0',
  'L-3,2026-03-02 09:00,c@example.com,30.00,EUR,',
  'L-4,2026-03-02 10:00,d@example.com,40.00,EUR,maybe',
  'L-5,2026-03-03 10:00,e@example.com,50.00,EUR,TRUE',
].join('\n');

describe('an import reads the outcome of each order', () => {
  it('stores fraud / legit, leaves an empty cell unknown and quarantines a value the map cannot read', async () => {
    const p = preset('orders');
    const run = await runImport(utf8(LABELLED), { preset: p, presets: [p] });
    const orders = values<Order>(run, 'order');
    expect(orders.map((o) => [o.externalId, o.knownOutcome])).toEqual([
      ['L-1', 'fraud'],
      ['L-2', 'legit'],
      ['L-3', undefined],
      ['L-5', 'fraud'],
    ]);
    const s = run.summary;
    expect([s.rows, s.created, s.updated, s.unchanged, s.quarantined]).toEqual([5, 4, 0, 0, 1]);
    expect(bucketsAddUp(s)).toBe(true);
    const problem = s.problems.find((x) => x.line === 5)!;
    expect(problem).toMatchObject({ line: 5, column: 6, columnName: 'is_fraud', code: 'invalid-value' });
    expect(problem.reason).toContain('is not an outcome the import reads (1/0, true/false');
    // The reason names the column, never the cell's value.
    expect(problem.reason).not.toContain('maybe');
  });

  it('a re-import with a changed outcome updates the order; the same file again changes nothing', async () => {
    const p = preset('orders');
    const first = await runImport(utf8(LABELLED), { preset: p, presets: [p] });
    const again = await runImport(utf8(LABELLED), { preset: p, presets: [p] }, first.known);
    expect([again.summary.created, again.summary.updated, again.summary.unchanged, again.summary.quarantined]).toEqual([0, 0, 4, 1]);
    const changed = LABELLED.replace('L-2,2026-03-01 11:00,b@example.com,20.00,EUR,0', 'L-2,2026-03-01 11:00,b@example.com,20.00,EUR,chargeback');
    const third = await runImport(utf8(changed), { preset: p, presets: [p] }, first.known);
    expect([third.summary.created, third.summary.updated, third.summary.unchanged]).toEqual([0, 1, 3]);
    expect(values<Order>(third, 'order')[0]).toMatchObject({ externalId: 'L-2', knownOutcome: 'fraud' });
  });

  it('payments carry their outcome, and a value the map cannot read sets the payment aside', async () => {
    const p = preset('payments');
    const csv = [
      'charge,order,created,amount,currency,Fraud Flag',
      'ch_1,L-1,2026-03-01 10:01,10.00,EUR,Y',
      'ch_2,L-2,2026-03-01 11:01,20.00,EUR,N',
      'ch_3,L-3,2026-03-02 09:01,30.00,EUR,perhaps',
    ].join('\n');
    const run = await runImport(utf8(csv), { preset: p, presets: [p] });
    expect(values<Payment>(run, 'payment').map((x) => [x.id, x.knownOutcome])).toEqual([
      ['ch_1', 'fraud'],
      ['ch_2', 'legit'],
    ]);
    expect(run.summary.quarantined).toBe(1);
    expect(run.summary.problems[0]).toMatchObject({ line: 4, columnName: 'Fraud Flag', code: 'invalid-value' });
    expect(bucketsAddUp(run.summary)).toBe(true);
  });

  it('a file without an outcome column reads as before: no outcome field on its records', async () => {
    const p = parseFormatPreset({
      id: 'custom:plain',
      label: 'Plain',
      kind: 'orders',
      markerColumns: ['order_id'],
      mapping: { externalId: 'order_id', createdAt: 'order_date', total: 'amount', currency: 'currency' },
      options: { source: 'plain', marketplace: 'shop', timeZone: 'UTC' },
    });
    if (!p.ok) throw new Error(p.error);
    const run = await runImport(utf8(LABELLED), { preset: p.preset, presets: [p.preset] });
    expect(run.summary.created).toBe(5);
    expect(values<Order>(run, 'order').every((o) => !('knownOutcome' in o))).toBe(true);
    expect(run.written[0]!.provided).not.toContain('knownOutcome');
  });

  it('the check lists each value with what it reads as, on how many records', () => {
    const p = preset('orders');
    const reader = new ExportReader({ fileName: 'labelled.csv', preset: p });
    reader.push(utf8(LABELLED + '\nL-6,2026-03-04 10:00,f@example.com,60.00,EUR,true\n'));
    reader.end();
    expect(reader.info().knownOutcomes).toEqual({
      column: 'is_fraud',
      values: [
        { value: '1', reads: 'fraud', records: 1 },
        { value: '0', reads: 'legit', records: 1 },
        { value: 'maybe', reads: null, records: 1 },
        { value: 'TRUE', reads: 'fraud', records: 2 },
      ],
    });
    const plain = new ExportReader({ fileName: 'x.csv', preset: preset('payments') });
    plain.push(utf8('charge,order,created,amount,currency\n'));
    plain.end();
    expect(plain.info().knownOutcomes).toBeNull();
  });
});

describe('a payment carries its outcome to its order', () => {
  const pay = (knownOutcome?: string): Payment => ({
    id: 'ch_1',
    provider: 'stripe',
    orderRef: '#1001',
    createdAt: 1000,
    amountMinor: 5990,
    currency: 'EUR',
    status: 'succeeded',
    email: '',
    ip: '',
    cardBin: '',
    cardLast4: '',
    cardExpiry: '',
    cardFingerprint: '',
    cardBrand: '',
    cardCountry: '',
    ...(knownOutcome ? { knownOutcome } : {}),
  });
  it('fraud from the payment marks a legit or unlabelled order; nothing from the payment leaves it as it was', () => {
    expect(withPaymentFacts(order({ externalId: '#1001' }), pay('fraud')).knownOutcome).toBe('fraud');
    expect(withPaymentFacts(order({ externalId: '#1001', knownOutcome: 'legit' }), pay('fraud')).knownOutcome).toBe('fraud');
    expect(withPaymentFacts(order({ externalId: '#1001', knownOutcome: 'fraud' }), pay('legit')).knownOutcome).toBe('fraud');
    const plain = order({ externalId: '#1001', paymentMethod: 'card' });
    expect(withPaymentFacts(plain, pay())).toBe(plain);
  });
});
