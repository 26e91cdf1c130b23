// Dispute reason codes across networks and PSPs, each with its name and a normalised family, so
// reports can compare fraud, consumer disputes, processing errors and authorisation across Visa,
// Mastercard, Amex, PayPal and Stripe. Unknown codes stay `unknown` and say so, never guessed.
import type { CardNetwork } from '../domain/dispute';

export const REASON_FAMILIES = ['fraud', 'consumer', 'processing', 'authorisation', 'unknown'] as const;
export type ReasonFamily = (typeof REASON_FAMILIES)[number];

export const REASON_FAMILY_LABEL: Record<ReasonFamily, string> = {
  fraud: 'Fraud',
  consumer: 'Consumer dispute',
  processing: 'Processing error',
  authorisation: 'Authorisation',
  unknown: 'Unknown',
};

export interface ReasonInfo {
  family: ReasonFamily;
  /** The network's own name for the code. */
  label: string;
}

type Table = Record<string, [ReasonFamily, string]>;

// Visa Claims Resolution: 10 fraud, 11 authorisation, 12 processing errors, 13 consumer disputes.
const VISA: Table = {
  '10.1': ['fraud', 'EMV liability shift counterfeit fraud'],
  '10.2': ['fraud', 'EMV liability shift non-counterfeit fraud'],
  '10.3': ['fraud', 'Other fraud: card-present environment'],
  '10.4': ['fraud', 'Other fraud: card-absent environment'],
  '10.5': ['fraud', 'Visa Fraud Monitoring Program'],
  '11.1': ['authorisation', 'Card recovery bulletin'],
  '11.2': ['authorisation', 'Declined authorisation'],
  '11.3': ['authorisation', 'No authorisation'],
  '12.1': ['processing', 'Late presentment'],
  '12.2': ['processing', 'Incorrect transaction code'],
  '12.3': ['processing', 'Incorrect currency'],
  '12.4': ['processing', 'Incorrect account number'],
  '12.5': ['processing', 'Incorrect amount'],
  // Some processors write the group without its sub-code.
  '12.6': ['processing', 'Duplicate processing or paid by other means'],
  '12.6.1': ['processing', 'Duplicate processing'],
  '12.6.2': ['processing', 'Paid by other means'],
  '12.7': ['processing', 'Invalid data'],
  '13.1': ['consumer', 'Merchandise / services not received'],
  '13.2': ['consumer', 'Cancelled recurring transaction'],
  '13.3': ['consumer', 'Not as described or defective merchandise / services'],
  '13.4': ['consumer', 'Counterfeit merchandise'],
  '13.5': ['consumer', 'Misrepresentation'],
  '13.6': ['consumer', 'Credit not processed'],
  '13.7': ['consumer', 'Cancelled merchandise / services'],
  '13.8': ['consumer', 'Original credit transaction not accepted'],
  '13.9': ['consumer', 'Non-receipt of cash or load transaction value'],
};

const VISA_GROUPS: Record<string, [ReasonFamily, string]> = {
  '10': ['fraud', 'Fraud'],
  '11': ['authorisation', 'Authorisation'],
  '12': ['processing', 'Processing error'],
  '13': ['consumer', 'Consumer dispute'],
};

const MASTERCARD: Table = {
  '4837': ['fraud', 'No cardholder authorisation'],
  '4840': ['fraud', 'Fraudulent processing of transactions'],
  '4849': ['fraud', 'Questionable merchant activity'],
  '4863': ['fraud', 'Cardholder does not recognise: potential fraud'],
  '4870': ['fraud', 'Chip liability shift'],
  '4871': ['fraud', 'Chip / PIN liability shift'],
  '4807': ['authorisation', 'Warning bulletin file'],
  '4808': ['authorisation', 'Authorisation-related chargeback'],
  '4812': ['authorisation', 'Account number not on file'],
  '4831': ['processing', 'Transaction amount differs'],
  '4834': ['processing', 'Point-of-interaction error (duplicate, paid by other means)'],
  '4842': ['processing', 'Late presentment'],
  '4846': ['processing', 'Correct transaction currency code not provided'],
  '4841': ['consumer', 'Cancelled recurring or digital goods transaction'],
  '4853': ['consumer', 'Cardholder dispute (not received, not as described, defective, credit not processed)'],
  '4854': ['consumer', 'Cardholder dispute: not elsewhere classified (US only)'],
  '4855': ['consumer', 'Goods or services not provided'],
  '4859': ['consumer', 'Addendum, no-show or ATM dispute'],
  '4860': ['consumer', 'Credit not processed'],
  '4850': ['consumer', 'Installment billing dispute'],
  '4999': ['consumer', 'Domestic chargeback dispute (Europe region only)'],
};

const AMEX: Table = {
  F10: ['fraud', 'Missing imprint'],
  F14: ['fraud', 'Missing signature'],
  F24: ['fraud', 'No card member authorisation'],
  F29: ['fraud', 'Card not present'],
  F30: ['fraud', 'EMV counterfeit'],
  F31: ['fraud', 'EMV lost / stolen / non-received'],
  FR2: ['fraud', 'Fraud full recourse programme'],
  FR4: ['fraud', 'Immediate chargeback programme'],
  FR6: ['fraud', 'Partial immediate chargeback programme'],
  A01: ['authorisation', 'Charge amount exceeds authorisation amount'],
  A02: ['authorisation', 'No valid authorisation'],
  A08: ['authorisation', 'Authorisation approval expired'],
  P01: ['processing', 'Unassigned card number'],
  P03: ['processing', 'Credit processed as charge'],
  P04: ['processing', 'Charge processed as credit'],
  P05: ['processing', 'Incorrect charge amount'],
  P07: ['processing', 'Late submission'],
  P08: ['processing', 'Duplicate charge'],
  P22: ['processing', 'Non-matching card number'],
  P23: ['processing', 'Currency discrepancy'],
  C02: ['consumer', 'Credit not processed'],
  C04: ['consumer', 'Goods / services returned or refused'],
  C05: ['consumer', 'Goods / services cancelled'],
  C08: ['consumer', 'Goods / services not received or only partially received'],
  C14: ['consumer', 'Paid by other means'],
  C18: ['consumer', '"No show" or CARDeposit cancelled'],
  C28: ['consumer', 'Cancelled recurring billing'],
  C31: ['consumer', 'Goods / services not as described'],
  C32: ['consumer', 'Goods / services damaged or defective'],
  M10: ['consumer', 'Vehicle rental: capital damages'],
  M49: ['consumer', 'Vehicle rental: theft or loss of use'],
  // Amex's numeric codes, still received: Braintree's list of live codes (2025-09-22) by category.
  '127': ['fraud', 'Not recognised'],
  '177': ['fraud', 'Not recognised'],
  '193': ['fraud', 'Fraud'],
  '4540': ['fraud', 'Fraud: card not present'],
  '155': ['consumer', 'Goods / services not received'],
  '4554': ['consumer', 'Goods / services not received'],
  '175': ['consumer', 'Credit not processed'],
  '684': ['consumer', 'Credit not processed'],
  '4513': ['consumer', 'Credit not processed'],
  '173': ['processing', 'Duplicate charge'],
};

// Discover: Antom's Discover/Diners table (docs.antom.com/ac/dispute/diners) and chargeback.com's
// Discover guide for the letter codes, TabaPay's Discover exception codes for the numeric ones.
const DISCOVER: Table = {
  UA01: ['fraud', 'Fraud: card-present transaction'],
  UA02: ['fraud', 'Fraud: card-not-present transaction'],
  UA05: ['fraud', 'Fraud: chip counterfeit transaction'],
  UA06: ['fraud', 'Fraud: chip and PIN transaction'],
  UA10: ['fraud', 'Request transaction receipt (swiped card)'],
  UA11: ['fraud', 'Cardholder claims fraud (swiped card, no signature)'],
  AA: ['fraud', 'Does not recognise'],
  AT: ['authorisation', 'Authorisation non-compliance'],
  DA: ['authorisation', 'Declined authorisation'],
  NA: ['authorisation', 'No authorisation'],
  EX: ['authorisation', 'Expired card'],
  LP: ['processing', 'Late presentment'],
  CD: ['processing', 'Credit / debit posted incorrectly'],
  IN: ['processing', 'Invalid card number'],
  IC: ['processing', 'Illegible sales data'],
  DP: ['processing', 'Duplicate processing'],
  AW: ['processing', 'Altered amount'],
  PM: ['processing', 'Paid by other means'],
  AP: ['consumer', 'Cancelled recurring payment'],
  RG: ['consumer', 'Non-receipt of goods or services'],
  RM: ['consumer', 'Cardholder disputes quality of goods or services'],
  RN2: ['consumer', 'Credit not processed'],
  NF: ['consumer', 'Non-receipt of cash from ATM'],
  '4534': ['processing', 'Duplicate processing'],
  '4541': ['consumer', 'Cancelled recurring transaction'],
  '4542': ['processing', 'Late presentment'],
  '4550': ['processing', 'Credit / debit posted incorrectly'],
  '4553': ['consumer', 'Cardholder disputes quality of goods or services'],
  '4586': ['processing', 'Altered amount'],
  '4752': ['fraud', 'Does not recognise'],
  '4753': ['processing', 'Invalid card number'],
  '4755': ['consumer', 'Non-receipt of goods or services'],
  '4863': ['authorisation', 'Authorisation non-compliance'],
  '4865': ['processing', 'Paid by other means'],
  '4866': ['fraud', 'Fraud: chip card counterfeit transaction'],
  '4867': ['fraud', 'Fraud: chip card and PIN transaction'],
  '7010': ['fraud', 'Fraud: card-present transaction'],
  '7030': ['fraud', 'Fraud: card-not-present transaction'],
  '8002': ['consumer', 'Credit not processed'],
};

// PayPal dispute reasons (API enum, lower-cased).
const PAYPAL: Table = {
  unauthorised: ['fraud', 'Unauthorised transaction'],
  unauthorised_transaction: ['fraud', 'Unauthorised transaction'],
  unauthorized: ['fraud', 'Unauthorised transaction'],
  merchandise_or_service_not_received: ['consumer', 'Item not received'],
  // As PayPal's case report and Resolution Center word them ("Non-Receipt", "Not as Described").
  non_receipt: ['consumer', 'Item not received'],
  item_not_received: ['consumer', 'Item not received'],
  not_as_described: ['consumer', 'Significantly not as described'],
  significantly_not_as_described: ['consumer', 'Significantly not as described'],
  unauthorized_claim: ['fraud', 'Unauthorised transaction'],
  merchandise_or_service_not_as_described: ['consumer', 'Significantly not as described'],
  credit_not_processed: ['consumer', 'Credit not processed'],
  canceled_recurring_billing: ['consumer', 'Cancelled recurring billing'],
  problem_with_remittance: ['consumer', 'Problem with remittance'],
  duplicate_transaction: ['processing', 'Duplicate transaction'],
  incorrect_amount: ['processing', 'Incorrect amount'],
  payment_by_other_means: ['processing', 'Paid by other means'],
  other: ['unknown', 'Other'],
};

// Stripe dispute reasons (API enum).
const STRIPE: Table = {
  fraudulent: ['fraud', 'Fraudulent'],
  unrecognized: ['fraud', 'Unrecognised'],
  product_not_received: ['consumer', 'Product not received'],
  product_unacceptable: ['consumer', 'Product unacceptable'],
  subscription_canceled: ['consumer', 'Subscription cancelled'],
  credit_not_processed: ['consumer', 'Credit not processed'],
  customer_initiated: ['consumer', 'Customer initiated'],
  duplicate: ['processing', 'Duplicate'],
  incorrect_account_details: ['processing', 'Incorrect account details'],
  bank_cannot_process: ['processing', 'Bank cannot process'],
  check_returned: ['processing', 'Cheque returned'],
  debit_not_authorized: ['authorisation', 'Debit not authorised'],
  insufficient_funds: ['authorisation', 'Insufficient funds'],
  // A compliance case (Visa or Mastercard): the issuer says the transaction broke the network's rules.
  noncompliant: ['processing', 'Not compliant with network rules'],
  general: ['unknown', 'General'],
};

/** Which table a network's codes are in; PSP enums (Stripe, PayPal) are read for any network. */
const NETWORK_TABLE: Record<CardNetwork, Table> = {
  visa: VISA,
  mastercard: MASTERCARD,
  amex: AMEX,
  discover: DISCOVER,
  paypal: PAYPAL,
  stripe: STRIPE,
  other: {},
};

/** A reason code as the tables key it: `10.4`, `F29`, `non_receipt` (from "Non-Receipt"), `fraudulent`. */
export function normaliseCode(code: string): string {
  const c = code.trim();
  // Stripe and PayPal enums are lower snake case; PayPal also writes UNAUTHORISED_TRANSACTION, and
  // its case report words ("Non-Receipt", "Not as Described") read as the same snake case.
  return /^[A-Za-z]+([ _-][A-Za-z]+)*$/.test(c) && c.length > 3 ? c.toLowerCase().replace(/[ -]/g, '_') : c.toUpperCase();
}

function lookup(table: Table, code: string): ReasonInfo | null {
  const hit = table[code];
  return hit ? { family: hit[0], label: hit[1] } : null;
}

/**
 * The family and name of a reason code. The network's own table first; then the PSP enums
 * (a Stripe export writes `fraudulent` for a Visa 10.4); then the other networks' numeric codes
 * (a generic report may leave the network blank). Without a code, the reason reads as the file words
 * it (`reasonText`, Adyen's Dispute Reason) or says no code was given: no code is claimed unknown.
 */
export function reasonInfo(network: CardNetwork | '', code: string, reasonText = ''): ReasonInfo {
  const c = normaliseCode(code);
  if (!c) return { family: familyOfWords(reasonText), label: reasonText.trim() || NO_REASON_CODE };
  const own = network ? lookup(NETWORK_TABLE[network], c) : null;
  if (own) return own;
  // Visa's codes are grouped by their first number: a code Visa added since, or a sub-code, is in its group.
  const group = network === 'visa' ? VISA_GROUPS[/^(1[0-3])\.\d+(\.\d+)?$/.exec(c)?.[1] ?? ''] : undefined;
  if (group) return { family: group[0], label: `${group[1]} (${c})` };
  // A card of another network (JCB, UnionPay) numbers its codes its own way: 4514 there is no Amex code.
  const tables = network === 'other' ? [STRIPE, PAYPAL] : [STRIPE, PAYPAL, VISA, MASTERCARD, AMEX, DISCOVER];
  for (const table of tables) {
    const hit = lookup(table, c);
    if (hit) return hit;
  }
  return { family: 'unknown', label: `Unknown reason code ${code.trim()}` };
}

export const NO_REASON_CODE = 'No reason code given';

/**
 * The family a reason in words names, for a dispute without a code: Adyen's Dispute Reason is one of
 * its four groups (Fraud, Consumer, Processing Error, Authorisation). A fraud chargeback whose code
 * the file left empty still counts as fraud in the ratios and the rings.
 */
function familyOfWords(text: string): ReasonFamily {
  const t = text.toLowerCase();
  if (/fraud/.test(t)) return 'fraud';
  if (/consumer/.test(t)) return 'consumer';
  if (/processing/.test(t)) return 'processing';
  if (/authori[sz]ation/.test(t)) return 'authorisation';
  return 'unknown';
}

/** The family of a reason code; `reasonText` (the file's words) decides only where the code is empty. */
export function reasonFamily(network: CardNetwork | '', code: string, reasonText = ''): ReasonFamily {
  return reasonInfo(network, code, reasonText).family;
}

/**
 * A code's or a name's words, spelt one way: Stripe's codes are American (`subscription_canceled`,
 * `unrecognized`, `check_returned`), the names British ("Subscription cancelled", "Unrecognised",
 * "Cheque returned"), and a name that only respells its code still repeats it.
 */
const wordsOf = (s: string) =>
  s
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ')
    .replace(/\bcanceled\b/g, 'cancelled')
    .replace(/\bcheck\b/g, 'cheque')
    .replace(/(\w)iz(e|ed|ing|ation)\b/g, '$1is$2');

/**
 * A dispute's reason as the analyst reads it: network, code and name, with a code left out where
 * the name only repeats it (Stripe's `fraudulent` is "Fraudulent"): `visa 10.4 · Other fraud: …`,
 * `visa · Fraudulent`, not `visa fraudulent Fraudulent`.
 */
export function reasonShown(network: string, code: string, label: string): { lead: string; label: string } {
  const repeats = wordsOf(code) === wordsOf(label);
  return { lead: [networkName(network), repeats ? '' : code.trim()].filter(Boolean).join(' '), label };
}

/**
 * A dispute's card network as the analyst reads it: a brand the app has no table for (network
 * `other`) by the name the file gave it (`JCB`, `UnionPay`), else the network's name.
 */
export function disputeNetworkName(d: { network: string; brand?: string }): string {
  const brand = d.brand?.trim() ?? '';
  if (d.network !== 'other' || brand === '') return networkName(d.network);
  return BRAND_NAME[brand.toLowerCase().replace(/[\s_-]+/g, '')] ?? brand;
}

/** A dispute's network (or brand) and code, as a line names it: `JCB 541`, `Mastercard` where no code was given. */
export function networkAndCode(d: { network: string; brand?: string; reasonCode: string }): string {
  return [disputeNetworkName(d), d.reasonCode.trim()].filter(Boolean).join(' ');
}

/** Brands as their owners write them, where the files write them otherwise (Adyen's `jcb`, `cup`). */
const BRAND_NAME: Readonly<Record<string, string>> = {
  jcb: 'JCB',
  cup: 'UnionPay',
  unionpay: 'UnionPay',
  chinaunionpay: 'UnionPay',
  diners: 'Diners Club',
  dinersclub: 'Diners Club',
  cartebancaire: 'Cartes Bancaires',
  cartesbancaires: 'Cartes Bancaires',
  elo: 'Elo',
  hipercard: 'Hipercard',
  rupay: 'RuPay',
  bcmc: 'Bancontact',
  bancontact: 'Bancontact',
  dankort: 'Dankort',
};

/** A card network as its owner writes it (`Visa 10.4`, `Mastercard 4855`, `PayPal`); one the app does not know, as stored. */
export function networkName(network: string): string {
  return NETWORK_NAME[network.trim().toLowerCase()] ?? network;
}

const NETWORK_NAME: Readonly<Record<string, string>> = {
  visa: 'Visa',
  mastercard: 'Mastercard',
  amex: 'Amex',
  discover: 'Discover',
  paypal: 'PayPal',
  stripe: 'Stripe',
  other: 'Other network',
};
