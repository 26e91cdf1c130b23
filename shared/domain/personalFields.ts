// The fields of an order or a payment that identify a person: what an erasure blanks on a laptop
// and what the team server blanks in the chunks of team imports. One list, so the two agree.
import type { OrderTextField } from './order';
import type { Payment } from './payment';

/** Order fields that identify a person. Dates, amounts, channel, countries, card brand and method stay. */
export const PERSONAL_ORDER_FIELDS = [
  'customerId',
  'email',
  'phone',
  'shipName',
  'shipStreet',
  'shipPostcode',
  'shipCity',
  'ip',
  'deviceId',
  'sessionId',
  'cardBin',
  'cardLast4',
  'cardExpiry',
  'cardFingerprint',
] as const satisfies readonly OrderTextField[];

/** Payment fields that identify a person (a payment has no name, address or phone). Card country and brand stay. */
export const PERSONAL_PAYMENT_FIELDS = [
  'email',
  'ip',
  'cardBin',
  'cardLast4',
  'cardExpiry',
  'cardFingerprint',
  'deviceId',
  'sessionId',
] as const satisfies readonly (keyof Payment)[];
