// What the import hands to storage: domain records with their upsert key, content hash and the
// rows they came from, plus the identity helpers the reconciliation and the cache layer share.
import type { RefundClaim } from '../disputes/claims';
import type { Dispute } from '../domain/dispute';
import type { Order } from '../domain/order';
import type { Payment } from '../domain/payment';
import { fnv1a64, hashFields } from './contentHash';

export type DomainKind = 'order' | 'payment' | 'dispute' | 'claim';

export interface ParsedRecordBase {
  /** Upsert key: `source:externalId` for orders, the PSP id for payments and disputes, the case reference for claims. */
  key: string;
  /** FNV-1a 64 of the canonical text of the fields in `provided`. */
  hash: string;
  /**
   * Names the set of fields this file fills (its `provided` list). Hashes are only comparable
   * within one scope: an Amazon All Orders row and an unshipped-orders row describe the same
   * order with different fields, so each report is compared with what that report said before.
   */
  scope: string;
  /** Domain fields read from the file; an update overwrites these and keeps the others. */
  provided: readonly string[];
  /** Line of the first row the record was read from. */
  line: number;
  /** Lines of all its rows, when there is more than one. */
  lines: readonly number[] | null;
  /** Data rows this record accounts for (0 for a record carried on another record's row). */
  rows: number;
  /** The column its key was read from (1-based, with its header), for a problem about the key itself. */
  keyColumn?: { column: number; name: string };
  /**
   * Set when the record may only add to one the cache holds (an order from a report without prices):
   * why it is set aside when the cache holds none.
   */
  updatesOnly?: string;
  /** Records read from the same rows, e.g. the dispute on a Stripe payments row. */
  companions?: ParsedRecord[];
}

export type ParsedRecord =
  | (ParsedRecordBase & { kind: 'order'; value: Order })
  | (ParsedRecordBase & { kind: 'payment'; value: Payment })
  | (ParsedRecordBase & {
      kind: 'dispute';
      value: Dispute;
      /**
       * Set when its rows only follow up earlier events (Adyen's InformationSupplied,
       * DisputeDefensePeriodEnded): they say nothing of the stage, so the dispute keeps the one the cache holds.
       */
      followsUp?: true;
    })
  | (ParsedRecordBase & { kind: 'claim'; value: RefundClaim });

export const ORDER_HASH_FIELDS = [
  'source',
  'externalId',
  'marketplace',
  'status',
  'createdAt',
  'totalMinor',
  'currency',
  'customerId',
  'email',
  'phone',
  'shipName',
  'shipStreet',
  'shipPostcode',
  'shipCity',
  'shipCountry',
  'billCountry',
  'ip',
  'deviceId',
  'cardBin',
  'cardLast4',
  'cardExpiry',
  'cardFingerprint',
  'cardBrand',
  'paymentMethod',
  'riskLevel',
  'cvcCheck',
  'avsPostcodeCheck',
  'avsLine1Check',
  'threeDs',
  'channel',
  'knownOutcome',
  'sessionId',
] as const;

export const PAYMENT_HASH_FIELDS = [
  'id',
  'provider',
  'orderRef',
  'createdAt',
  'amountMinor',
  'currency',
  'status',
  'email',
  'ip',
  'cardBin',
  'cardLast4',
  'cardExpiry',
  'cardFingerprint',
  'cardBrand',
  'cardCountry',
  'deviceId',
  'cvcCheck',
  'avsPostcodeCheck',
  'avsLine1Check',
  'threeDs',
  'knownOutcome',
  'sessionId',
] as const;

export const DISPUTE_HASH_FIELDS = [
  'id',
  'provider',
  'paymentId',
  'orderKey',
  'network',
  'reasonCode',
  'amountMinor',
  'currency',
  'openedAt',
  'dueAt',
  'status',
] as const;

/**
 * A dispute's content hash: its stage, and when it became a chargeback, count only where it has
 * them, so a chargeback hashes as it did before either existed and a file read again is still unchanged.
 * When its status was given (statusAt) does not count at all: a record that differs only there says
 * the same of the dispute, and a file read before statusAt existed stays unchanged when read again.
 */
export function disputeHash(d: Dispute): string {
  const base = d.chargebackAt !== undefined ? ESCALATED_DISPUTE_HASH_FIELDS : d.stage === undefined ? DISPUTE_HASH_FIELDS : STAGED_DISPUTE_HASH_FIELDS;
  const details = DISPUTE_DETAIL_FIELDS.filter((f) => d[f] !== undefined);
  return hashFields(d, details.length === 0 ? base : [...base, ...details]);
}

/**
 * What only some files say of a dispute: its reason in words, the brand behind network `other`, a
 * second chargeback or pre-arbitration. Each counts in the hash only where the dispute has it, and a
 * file that does not say it leaves what the cache holds (mergeDispute).
 */
export const DISPUTE_DETAIL_FIELDS = ['reasonText', 'brand', 'escalation'] as const;
const STAGED_DISPUTE_HASH_FIELDS = [...DISPUTE_HASH_FIELDS, 'stage'] as const;
const ESCALATED_DISPUTE_HASH_FIELDS = [...DISPUTE_HASH_FIELDS, 'chargebackAt'] as const;

/** A claim's fields an import fills; who entered it and when stay as the first import or the analyst set them. */
export const CLAIM_HASH_FIELDS = ['id', 'kind', 'orderRef', 'amountMinor', 'currency', 'openedAt', 'noticeDueAt', 'status', 'reason'] as const;

export function recordLines(r: ParsedRecordBase): readonly number[] {
  return r.lines ?? [r.line];
}

/** Short stable name of a field set: `order/3f9a…`, the same for every file that fills those fields. */
export function scopeOf(kind: DomainKind, provided: readonly string[]): string {
  return `${kind}/${fnv1a64(provided.join(',')).slice(0, 12)}`;
}
