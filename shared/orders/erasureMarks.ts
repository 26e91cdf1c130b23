// Why an order's personal fields are blank when the erasure register says so: erased on the
// customer's request (with its reference) or purged after the retention period. Screens show it
// beside the blank fields, so an analyst does not read them as data the shop never sent.
import { showDate } from '../domain/money';
import { PERSONAL_ORDER_FIELDS } from '../domain/personalFields';

/** The personal fields of an order (one list with the team server's redaction: shared/domain/personalFields.ts). */
export { PERSONAL_ORDER_FIELDS };

/** What the erasure register says of orders, as plain data for the screens. */
export interface ErasedOrders {
  /** By order key (source:externalId): the request that erased it (the latest when two did), and when. */
  onRequest: Record<string, { reference: string; at: number }>;
  /** The latest retention purge: personal data of orders placed before `before` went. */
  retention: { before: number; at: number } | null;
}

export type ErasureMark = { kind: 'request'; reference: string; at: number } | { kind: 'retention'; before: number; at: number };

/** Why the order `key`, placed at `createdAt`, has no personal data; null when nothing erased it. */
export function erasureMarkOf(erased: ErasedOrders | null, key: string, createdAt: number): ErasureMark | null {
  if (!erased) return null;
  const r = Object.hasOwn(erased.onRequest, key) ? erased.onRequest[key] : undefined;
  if (r) return { kind: 'request', ...r };
  return erased.retention && createdAt < erased.retention.before ? { kind: 'retention', ...erased.retention } : null;
}

/** `erased on request GDPR-2026-118`, `purged: placed before 01.05.2025` (the retention period). */
export function erasureMarkText(mark: ErasureMark): string {
  return mark.kind === 'request' ? `erased on request ${mark.reference}` : `purged: placed before ${showDate(mark.before)}`;
}

/** The word a blank personal field shows instead of nothing: `erased` or `purged`. */
export function erasureMarkWord(mark: ErasureMark): string {
  return mark.kind === 'request' ? 'erased' : 'purged';
}

/** The sentence an order's detail opens with: what went, why and when. */
export function erasureMarkSentence(mark: ErasureMark): string {
  return mark.kind === 'request'
    ? `Personal data erased on request ${mark.reference} on ${showDate(mark.at)}.`
    : `Personal data purged on ${showDate(mark.at)}: the retention period removes it from orders placed before ${showDate(mark.before)}.`;
}
