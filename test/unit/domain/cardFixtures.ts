// Card numbers and card-like ids for tests: every network's published test cards, plain and as
// printed, and real-shaped ids that pass Luhn without being cards.

/** Test card numbers the networks' acquirers publish (Stripe, Adyen, Braintree test-card lists; the Mir one is
 * built to the table's rules), with the grouping cards are printed in. */
export const TEST_CARDS: readonly { network: string; plain: string; printed: string }[] = [
  { network: 'Visa', plain: '4111111111111111', printed: '4111 1111 1111 1111' },
  { network: 'Visa', plain: '4012888888881881', printed: '4012-8888-8888-1881' },
  { network: 'Visa', plain: '4222222222222', printed: '4222222222222' },
  { network: 'Mastercard', plain: '5555555555554444', printed: '5555 5555 5555 4444' },
  { network: 'Mastercard', plain: '5105105105105100', printed: '5105-1051-0510-5100' },
  { network: 'Mastercard', plain: '2223003122003222', printed: '2223 0031 2200 3222' },
  { network: 'American Express', plain: '378282246310005', printed: '3782 822463 10005' },
  { network: 'American Express', plain: '371449635398431', printed: '3714-496353-98431' },
  { network: 'Discover', plain: '6011111111111117', printed: '6011 1111 1111 1117' },
  { network: 'Discover', plain: '6011000990139424', printed: '6011 0009 9013 9424' },
  { network: 'JCB', plain: '3530111333300000', printed: '3530 1113 3330 0000' },
  { network: 'JCB', plain: '3566002020360505', printed: '3566-0020-2036-0505' },
  { network: 'Diners Club', plain: '30569309025904', printed: '3056 930902 5904' },
  { network: 'Diners Club', plain: '38520000023237', printed: '3852-000002-3237' },
  { network: 'Diners Club', plain: '36227206271667', printed: '3622 720627 1667' },
  { network: 'UnionPay', plain: '6200000000000005', printed: '6200 0000 0000 0005' },
  { network: 'Maestro', plain: '6759649826438453', printed: '6759 6498 2643 8453' },
  { network: 'Maestro', plain: '6304000000000000', printed: '6304 0000 0000 0000' },
  { network: 'Mir', plain: '2200000000000004', printed: '2200 0000 0000 0004' },
];

/** Real-shaped ids that pass Luhn (so only the IIN table and the grouping rule keep them out). */
export const LUHN_VALID_IDS: readonly [string, string][] = [
  ['Shopify order id, 13 digits from 56', '5678901234565'],
  ['Shopify order id, 13 digits from 6', '6123456789019'],
  ['Amazon order number 3-7-7', '303-1234567-1234564'],
  ['Amazon order number without dashes', '30312345671234564'],
  ['Amazon.de order number 028-', '028-1234567-1234568'],
  ['IMEI, TAC from 35', '356938035643809'],
  ['IMEI, TAC from 49', '490154203237518'],
  ['IMEI, TAC from 86', '861536030196001'],
  ['IMEI, TAC from 01', '012345678901237'],
  ['IMEI, TAC from 99', '990001234567899'],
  ['IMEI, TAC from 45', '451234567890123'],
  ['IMEI, TAC from 50', '501234567890123'],
  ['phone in E.164', '+4915112345678'],
  ['Adyen PSP reference', '8836000000000201'],
];
