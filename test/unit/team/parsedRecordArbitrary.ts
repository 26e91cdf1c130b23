// Generated parsed records of every kind, any text (line breaks, lone surrogates, emoji) in their
// fields, optional fields present or absent, companions or none: what a team import may carry.
import fc from 'fast-check';
import { CLAIM_KINDS } from '../../../shared/disputes/claims';
import { CARD_CHECK_RESULTS, THREE_DS_RESULTS } from '../../../shared/domain/cardChecks';
import { CARD_NETWORKS, DISPUTE_STATUSES } from '../../../shared/domain/dispute';
import { KNOWN_OUTCOMES } from '../../../shared/domain/knownOutcome';
import { MARKETPLACES, ORDER_STATUSES } from '../../../shared/domain/order';
import {
  CLAIM_HASH_FIELDS,
  DISPUTE_HASH_FIELDS,
  ORDER_HASH_FIELDS,
  PAYMENT_HASH_FIELDS,
  type DomainKind,
  type ParsedRecord,
} from '../../../shared/ingest/records';

const text = fc.string({ unit: 'binary', maxLength: 24 });
const code = fc.string({ maxLength: 8 });
const time = fc.integer({ min: 0, max: 4_102_444_800_000 });
// Amounts are whole minor units in practice; any finite number must still come back bit for bit (-0 is written as 0 by JSON).
const amount = fc.oneof(
  fc.integer({ min: -1e9, max: 1e9 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }).filter((n) => !Object.is(n, -0)),
);
const hex = (n: number) => fc.stringMatching(new RegExp(`^[0-9a-f]{${n}}$`));
const cardChecks = {
  cvcCheck: fc.constantFrom(...CARD_CHECK_RESULTS),
  avsPostcodeCheck: fc.constantFrom(...CARD_CHECK_RESULTS),
  avsLine1Check: fc.constantFrom(...CARD_CHECK_RESULTS),
  threeDs: fc.constantFrom(...THREE_DS_RESULTS),
};
const card = {
  cardBin: fc.stringMatching(/^\d{0,8}$/),
  cardLast4: fc.stringMatching(/^\d{0,4}$/),
  cardExpiry: code,
  cardFingerprint: text,
  cardBrand: code,
};

const order = fc.record(
  {
    externalId: text,
    source: text,
    marketplace: fc.constantFrom(...MARKETPLACES),
    status: fc.constantFrom(...ORDER_STATUSES),
    createdAt: time,
    totalMinor: amount,
    currency: code,
    customerId: text,
    email: text,
    phone: text,
    shipName: text,
    shipStreet: text,
    shipPostcode: text,
    shipCity: text,
    shipCountry: code,
    billCountry: code,
    ip: text,
    deviceId: text,
    ...card,
    paymentMethod: text,
    riskLevel: fc.constantFrom('', 'low', 'medium', 'high'),
    ...cardChecks,
    channel: text,
    knownOutcome: fc.constantFrom(...KNOWN_OUTCOMES),
    sessionId: text,
  },
  {
    noNullPrototype: true,
    requiredKeys: [
      ...(['externalId', 'source', 'marketplace', 'status', 'createdAt', 'totalMinor', 'currency', 'customerId', 'email', 'phone'] as const),
      ...(['shipName', 'shipStreet', 'shipPostcode', 'shipCity', 'shipCountry', 'billCountry', 'ip', 'deviceId', 'paymentMethod'] as const),
      ...(['cardBin', 'cardLast4', 'cardExpiry', 'cardFingerprint', 'cardBrand'] as const),
    ],
  },
);

const payment = fc.record(
  {
    id: text,
    provider: text,
    orderRef: text,
    createdAt: time,
    amountMinor: amount,
    currency: code,
    status: fc.constantFrom('succeeded' as const, 'failed' as const, 'refunded' as const),
    email: text,
    ip: text,
    ...card,
    cardCountry: code,
    deviceId: text,
    sessionId: text,
    ...cardChecks,
    knownOutcome: fc.constantFrom(...KNOWN_OUTCOMES),
  },
  {
    noNullPrototype: true,
    requiredKeys: [
      ...(['id', 'provider', 'orderRef', 'createdAt', 'amountMinor', 'currency', 'status', 'email', 'ip', 'cardCountry'] as const),
      ...(['cardBin', 'cardLast4', 'cardExpiry', 'cardFingerprint', 'cardBrand'] as const),
    ],
  },
);

const dispute = fc.record(
  {
    id: text,
    provider: text,
    paymentId: text,
    orderKey: text,
    network: fc.constantFrom(...CARD_NETWORKS),
    reasonCode: code,
    amountMinor: amount,
    currency: code,
    openedAt: time,
    dueAt: time,
    status: fc.constantFrom(...DISPUTE_STATUSES),
  },
  { noNullPrototype: true },
);

const claim = fc.record(
  {
    id: text,
    kind: fc.constantFrom(...CLAIM_KINDS),
    orderRef: text,
    amountMinor: amount,
    currency: code,
    openedAt: time,
    noticeDueAt: fc.option(time, { nil: null }),
    status: fc.constantFrom(...DISPUTE_STATUSES),
    reason: text,
    createdAt: time,
    analyst: text,
  },
  { noNullPrototype: true },
);

function base<K extends DomainKind>(kind: K, fields: readonly string[]) {
  return {
    kind: fc.constant(kind),
    key: fc.string({ unit: 'binary', minLength: 1, maxLength: 30 }),
    hash: hex(16),
    scope: hex(12).map((h) => `${kind}/${h}`),
    provided: fc.subarray([...fields]),
    line: fc.nat(),
    lines: fc.option(fc.array(fc.nat(), { maxLength: 5 }), { nil: null }),
    rows: fc.nat(),
    keyColumn: fc.record({ column: fc.integer({ min: 1, max: 500 }), name: text }, { noNullPrototype: true }),
    updatesOnly: fc.string({ minLength: 1, maxLength: 80 }),
  };
}
const optionalBase = ['kind', 'key', 'hash', 'scope', 'provided', 'line', 'lines', 'rows', 'value'] as const;

const single: fc.Arbitrary<ParsedRecord> = fc.oneof(
  fc.record({ ...base('order', ORDER_HASH_FIELDS), value: order }, { requiredKeys: [...optionalBase], noNullPrototype: true }),
  fc.record({ ...base('payment', PAYMENT_HASH_FIELDS), value: payment }, { requiredKeys: [...optionalBase], noNullPrototype: true }),
  fc.record({ ...base('dispute', DISPUTE_HASH_FIELDS), value: dispute }, { requiredKeys: [...optionalBase], noNullPrototype: true }),
  fc.record({ ...base('claim', CLAIM_HASH_FIELDS), value: claim }, { requiredKeys: [...optionalBase], noNullPrototype: true }),
);

/** A parsed record, with companions (records without their own) now and then. */
export const parsedRecordArb: fc.Arbitrary<ParsedRecord> = fc
  .tuple(single, fc.option(fc.array(single, { minLength: 1, maxLength: 2 }), { nil: undefined, freq: 4 }))
  .map(([r, companions]) => (companions ? { ...r, companions } : r));
