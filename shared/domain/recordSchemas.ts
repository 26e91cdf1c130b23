// The domain records (orders, payments, disputes, refund claims) as zod schemas, for wherever they
// cross a boundary: a backup restored, a team import pulled. Card data is guarded here once.
import { z } from 'zod';
import { CLAIM_KINDS } from '../disputes/claims';
import { CARD_CHECK_RESULTS, THREE_DS_RESULTS } from './cardChecks';
import { CARD_NETWORKS, DISPUTE_ESCALATIONS, DISPUTE_STAGES, DISPUTE_STATUSES } from './dispute';
import { KNOWN_OUTCOMES } from './knownOutcome';
import { MARKETPLACES, ORDER_STATUSES } from './order';

/** An id, a name or an address line: long enough for any real one, short enough to refuse a stuffed one. */
export const recordText = z.string().max(500);
/** Epoch milliseconds. */
export const recordTime = z.number().finite();
const amountMinor = z.number().finite();
const currency = z.string().max(10);
const country = z.string().max(10);
const ip = z.string().max(100);

// Card data is BIN + last 4 + expiry or a fingerprint: a longer "BIN" would be a card number.
export const cardBinSchema = z.string().regex(/^\d{0,8}$/, 'a BIN of at most 8 digits');
export const cardLast4Schema = z.string().regex(/^\d{0,4}$/, 'at most the last 4 digits');
const cardExpiry = z.string().max(10);
const cardFingerprint = z.string().max(200);
const cardBrand = z.string().max(50);

const cardChecks = {
  cvcCheck: z.enum(CARD_CHECK_RESULTS).optional(),
  avsPostcodeCheck: z.enum(CARD_CHECK_RESULTS).optional(),
  avsLine1Check: z.enum(CARD_CHECK_RESULTS).optional(),
  threeDs: z.enum(THREE_DS_RESULTS).optional(),
};

export const orderSchema = z.strictObject({
  externalId: recordText,
  source: recordText,
  marketplace: z.enum(MARKETPLACES),
  status: z.enum(ORDER_STATUSES),
  createdAt: recordTime,
  totalMinor: amountMinor,
  currency,
  customerId: recordText,
  email: recordText,
  phone: recordText,
  shipName: recordText,
  shipStreet: recordText,
  shipPostcode: recordText,
  shipCity: recordText,
  shipCountry: country,
  billCountry: country,
  ip,
  deviceId: recordText,
  cardBin: cardBinSchema,
  cardLast4: cardLast4Schema,
  cardExpiry,
  cardFingerprint,
  cardBrand,
  paymentMethod: recordText,
  riskLevel: z.enum(['', 'low', 'medium', 'high']).optional(),
  ...cardChecks,
  channel: recordText.optional(),
  knownOutcome: z.enum(KNOWN_OUTCOMES).optional(),
  sessionId: recordText.optional(),
});

export const paymentSchema = z.strictObject({
  id: recordText,
  provider: recordText,
  orderRef: recordText,
  orderSource: recordText.optional(),
  shopAssumed: z.literal(true).optional(),
  createdAt: recordTime,
  amountMinor,
  currency,
  status: z.enum(['succeeded', 'failed', 'refunded']),
  email: recordText,
  ip,
  cardBin: cardBinSchema,
  cardLast4: cardLast4Schema,
  cardExpiry,
  cardFingerprint,
  cardBrand,
  cardCountry: country,
  deviceId: recordText.optional(),
  sessionId: recordText.optional(),
  ...cardChecks,
  knownOutcome: z.enum(KNOWN_OUTCOMES).optional(),
});

export const disputeSchema = z.strictObject({
  id: recordText,
  provider: recordText,
  paymentId: recordText,
  orderKey: recordText,
  network: z.enum(CARD_NETWORKS),
  reasonCode: z.string().max(50),
  reasonText: z.string().max(200).optional(),
  brand: z.string().max(50).optional(),
  amountMinor,
  currency,
  openedAt: recordTime,
  dueAt: recordTime,
  status: z.enum(DISPUTE_STATUSES),
  stage: z.enum(DISPUTE_STAGES).optional(),
  escalation: z.enum(DISPUTE_ESCALATIONS).optional(),
  chargebackAt: recordTime.optional(),
  statusAt: recordTime.optional(),
});

export const refundClaimSchema = z.strictObject({
  id: recordText,
  kind: z.enum(CLAIM_KINDS),
  orderRef: recordText,
  amountMinor,
  currency,
  openedAt: recordTime,
  noticeDueAt: recordTime.nullable(),
  status: z.enum(DISPUTE_STATUSES),
  reason: z.string().max(500),
  createdAt: recordTime,
  analyst: z.string().max(80),
});
