// What an import can fill, per record kind: the fields a column mapping targets, how several
// columns combine into one field, which are required, and their usual EN/DE column names.

export const RECORD_KINDS = ['orders', 'payments', 'disputes', 'claims'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

/**
 * first: first non-empty of the mapped columns; firstColumn: only the first mapped column the file
 * has; join: non-empty values joined; sum: amounts added up (over the columns and an order's rows).
 */
export type Combine = 'first' | 'firstColumn' | 'join' | 'sum';

export interface FieldSpec {
  field: string;
  label: string;
  combine: Combine;
  separator?: string;
  /** Must be mapped to a column the file has (or, with `requiredUnless`, that other field must). */
  required?: boolean;
  requiredUnless?: string;
  /**
   * Ids and link keys: stored verbatim, never masked (that would merge orders or break links), so a
   * row with a card number in one is set aside. Other fields are free text, where card numbers are
   * reduced to BIN + last 4.
   */
  identifier?: boolean;
  /** Column names (EN and DE) that suggest this field. */
  synonyms: readonly string[];
  /** Suggested only for a column named like a synonym (case, spaces and punctuation aside): `Shipping Class` is no `class`. */
  exactName?: boolean;
  /** Column names with one of these words (folded: ä as ae) are something else: a `Browser Fingerprint` is no card's. */
  notWords?: readonly string[];
  /**
   * The address the field is of. A column named for the other address (`Rechnung PLZ` for the
   * ship-to postcode) is never suggested for it; one named for its own (`Lieferung PLZ`) is read
   * without that word and wins over a bare `PLZ`, which in such files is the customer's.
   */
  address?: 'ship' | 'bill';
}

const CARD_FIELDS: FieldSpec[] = [
  {
    field: 'cardNumber',
    label: 'Card number (reduced to BIN + last 4)',
    combine: 'first',
    synonyms: ['card number', 'kartennummer', 'pan', 'cc number', 'credit card number'],
  },
  { field: 'cardBin', label: 'Card BIN', combine: 'first', synonyms: ['bin', 'iin', 'card bin', 'kartenbin'] },
  {
    field: 'cardLast4',
    label: 'Card last 4',
    combine: 'first',
    synonyms: ['last4', 'last 4', 'card last4', 'card last 4', 'letzte 4 ziffern', 'kartenendziffern'],
  },
  {
    field: 'cardExpiry',
    label: 'Card expiry (MM/YY)',
    combine: 'first',
    synonyms: ['expiry', 'card expiry', 'expiration', 'exp date', 'ablaufdatum', 'gültig bis', 'valid thru'],
  },
  { field: 'cardExpMonth', label: 'Card expiry month', combine: 'first', synonyms: ['card exp month', 'exp month', 'expiry month', 'ablaufmonat'] },
  { field: 'cardExpYear', label: 'Card expiry year', combine: 'first', synonyms: ['card exp year', 'exp year', 'expiry year', 'ablaufjahr'] },
  {
    field: 'cardFingerprint',
    label: 'Card fingerprint',
    combine: 'first',
    identifier: true,
    synonyms: ['card fingerprint', 'fingerprint', 'payment method fingerprint'],
    // Fraud tools fingerprint browsers and devices too; linking orders by those as one card would join strangers.
    notWords: ['browser', 'device', 'geraet', 'geraete', 'visitor', 'session', 'client', 'canvas', 'user', 'audio', 'tls', 'ja3'],
  },
  { field: 'cardBrand', label: 'Card brand', combine: 'first', synonyms: ['card brand', 'brand', 'card type', 'kartentyp', 'kartenmarke', 'scheme'] },
];

/**
 * The known outcome of a labelled export (Kaggle's `Class`, PaySim's `isFraud`, a chargeback flag),
 * read through the value map in shared/domain/knownOutcome.ts.
 */
const KNOWN_OUTCOME_FIELD: FieldSpec = {
  field: 'knownOutcome',
  label: 'Known outcome (fraud or legitimate)',
  combine: 'first',
  exactName: true,
  synonyms: [
    'known outcome',
    'outcome',
    'is fraud',
    'is fraudulent',
    'fraud',
    'fraudulent',
    'fraud flag',
    'fraud label',
    'fraud bool',
    'fraud result',
    'fraud outcome',
    'class',
    'label',
    'chargeback',
    'chargeback flag',
    'betrug',
  ],
};

/** The issuer's answers to the card checks; see shared/domain/cardChecks.ts for the values read. */
const CARD_CHECK_FIELDS: FieldSpec[] = [
  {
    field: 'cvcCheck',
    label: 'CVC check result',
    combine: 'first',
    synonyms: ['card cvc status', 'cvc check', 'cvc result', 'cvc2 response', 'cvv result', 'cvv2 result', 'cvc status'],
  },
  {
    field: 'avsPostcodeCheck',
    label: 'AVS postcode check',
    combine: 'first',
    synonyms: ['card avs zip status', 'avs zip check', 'avs postal code check', 'avs zip result'],
  },
  {
    field: 'avsLine1Check',
    label: 'AVS address line 1 check',
    combine: 'first',
    synonyms: ['card avs line1 status', 'avs line1 check', 'avs street check', 'avs address check'],
  },
  {
    field: 'avsResult',
    label: 'AVS result (postcode and address in one column)',
    combine: 'first',
    synonyms: ['avs response', 'avs result', 'avs result code', 'avs code'],
  },
  {
    field: 'threeDs',
    label: '3-D Secure result',
    combine: 'first',
    synonyms: ['3d authentication response', '3ds result', '3d secure result', '3d secure', 'three d secure', 'eci', '3ds authenticated'],
  },
];

export const ORDER_FIELDS: readonly FieldSpec[] = [
  {
    field: 'externalId',
    label: 'Order number',
    combine: 'first',
    required: true,
    identifier: true,
    synonyms: [
      'order number',
      'order id',
      'order no',
      'order',
      'bestellnummer',
      'bestell nr',
      'bestell id',
      'bestellung',
      'auftragsnummer',
      'auftrags nr',
      'auftrags id',
      'order_number',
      'order reference',
    ],
  },
  {
    field: 'createdAt',
    label: 'Order date',
    combine: 'first',
    required: true,
    synonyms: [
      'created at',
      'order date',
      'purchase date',
      'date',
      'bestelldatum',
      'auftragsdatum',
      'datum',
      'erstellt am',
      'bestellt am',
      'bestellzeit',
      'order_date',
    ],
  },
  { field: 'currency', label: 'Currency', combine: 'first', synonyms: ['currency', 'währung', 'waehrung', 'currency code'] },
  {
    field: 'total',
    label: 'Order total',
    combine: 'first',
    required: true,
    requiredUnless: 'lineAmount',
    // The grand total before a bare `Betrag` or `Summe`, which a file with both uses for something less.
    synonyms: [
      'total',
      'order total',
      'amount',
      'gesamtbetrag',
      'gesamtsumme',
      'bruttobetrag',
      'rechnungsbetrag',
      'bestellwert',
      'bestellsumme',
      'betrag',
      'summe',
      'total amount',
      'gesamtpreis',
    ],
  },
  {
    field: 'lineAmount',
    label: 'Line amounts (summed)',
    combine: 'sum',
    synonyms: ['item price', 'line price', 'artikelpreis', 'shipping price', 'versandkosten'],
  },
  {
    // No synonyms: most exports price with tax included (VAT), where a tax column is the part of the
    // price that is tax, and adding it would count it twice. Mapped only by a preset, or by hand.
    field: 'lineTax',
    label: 'Line taxes (added: prices before tax)',
    combine: 'sum',
    synonyms: [],
  },
  { field: 'lineDiscount', label: 'Line discounts (subtracted)', combine: 'sum', synonyms: ['discount', 'rabatt', 'promotion discount', 'nachlass'] },
  {
    field: 'status',
    label: 'Status',
    combine: 'join',
    separator: '|',
    synonyms: ['status', 'order status', 'bestellstatus', 'financial status', 'fulfillment status', 'zahlungsstatus', 'versandstatus'],
  },
  { field: 'cancelledAt', label: 'Cancelled at', combine: 'first', synonyms: ['cancelled at', 'canceled at', 'storniert am', 'stornodatum'] },
  {
    field: 'customerId',
    label: 'Customer id',
    combine: 'first',
    identifier: true,
    synonyms: ['customer id', 'customer number', 'kundennummer', 'kunden nr', 'kundenid', 'customer_number'],
  },
  {
    field: 'email',
    label: 'Email',
    combine: 'first',
    identifier: true,
    synonyms: ['email', 'e mail', 'e-mail', 'mail', 'customer email', 'kunden e-mail', 'buyer email', 'e-mail-adresse', 'emailadresse'],
  },
  {
    field: 'phone',
    label: 'Phone',
    combine: 'first',
    identifier: true,
    synonyms: ['phone', 'telefon', 'telefonnummer', 'tel', 'mobile', 'handy', 'phone number', 'mobilnummer'],
  },
  {
    field: 'shipName',
    label: 'Ship-to name',
    combine: 'join',
    separator: ' ',
    address: 'ship',
    // `Kunde` is the buyer (often the customer number), not who the parcel goes to.
    synonyms: ['shipping name', 'recipient name', 'lieferadresse name', 'empfänger', 'empfaenger', 'name', 'customer name', 'vorname', 'nachname'],
    notWords: ['kunde', 'kunden', 'kaeufer', 'besteller'],
  },
  {
    field: 'shipStreet',
    label: 'Ship-to street',
    combine: 'join',
    separator: ', ',
    address: 'ship',
    // The street before the house number: a file with both names its street once, and mapping one column it should be that.
    synonyms: ['street', 'address', 'straße', 'strasse', 'adresse', 'address1', 'address line 1', 'anschrift', 'shipping street', 'hausnummer'],
  },
  {
    field: 'shipPostcode',
    label: 'Ship-to postcode',
    combine: 'first',
    address: 'ship',
    synonyms: ['zip', 'postcode', 'postal code', 'plz', 'postleitzahl', 'zip code', 'shipping zip'],
  },
  { field: 'shipCity', label: 'Ship-to city', combine: 'first', address: 'ship', synonyms: ['city', 'stadt', 'ort', 'shipping city', 'wohnort'] },
  {
    field: 'shipCountry',
    label: 'Ship-to country',
    combine: 'first',
    address: 'ship',
    synonyms: ['country', 'land', 'shipping country', 'lieferland', 'versandland', 'country code', 'ländercode'],
  },
  {
    field: 'billCountry',
    label: 'Billing country',
    combine: 'first',
    address: 'bill',
    synonyms: ['billing country', 'rechnungsland', 'bill country', 'rechnung land', 'rechnungsadresse land', 'rechnungsanschrift land'],
  },
  {
    field: 'ip',
    label: 'IP address',
    combine: 'first',
    identifier: true,
    synonyms: ['ip', 'ip address', 'ip adresse', 'ip-adresse', 'client ip', 'customer ip', 'browser ip'],
  },
  {
    field: 'deviceId',
    label: 'Device id',
    combine: 'first',
    identifier: true,
    synonyms: ['device id', 'geräte id', 'geraete id', 'device fingerprint', 'geräte-id', 'browser fingerprint'],
  },
  {
    field: 'sessionId',
    label: 'Checkout session id',
    combine: 'first',
    identifier: true,
    synonyms: ['session id', 'checkout session id', 'checkout session', 'session'],
  },
  ...CARD_FIELDS,
  ...CARD_CHECK_FIELDS,
  {
    field: 'channel',
    label: 'Sales channel (Amazon.co.uk, a shop name)',
    combine: 'first',
    synonyms: ['sales-channel', 'sales channel', 'vertriebskanal', 'verkaufskanal', 'sales_channel'],
  },
  { field: 'riskLevel', label: 'Marketplace risk level', combine: 'first', synonyms: ['risk level', 'fraud risk', 'risk', 'risikostufe', 'betrugsrisiko'] },
  {
    field: 'paymentMethod',
    label: 'Payment method',
    combine: 'first',
    synonyms: ['payment method', 'zahlungsart', 'zahlungsmethode', 'payment type', 'zahlart', 'zahlungsweise', 'bezahlart'],
  },
  KNOWN_OUTCOME_FIELD,
];

/** Fields that hold dates: their columns' day/month order is settled from their values (dateOrder.ts). */
export const DATE_FIELDS: readonly string[] = ['createdAt', 'cancelledAt', 'disputeOpenedAt', 'disputeDueAt', 'openedAt', 'eventAt', 'dueAt'];

export const PAYMENT_FIELDS: readonly FieldSpec[] = [
  {
    field: 'id',
    label: 'Payment id',
    combine: 'first',
    required: true,
    identifier: true,
    synonyms: ['id', 'payment id', 'charge id', 'transaction id', 'transaktions id', 'zahlungs id', 'psp reference'],
  },
  {
    field: 'orderRef',
    label: 'Order reference',
    combine: 'first',
    identifier: true,
    synonyms: ['order id', 'order reference', 'order number', 'bestellnummer', 'merchant reference', 'description', 'beschreibung'],
  },
  {
    field: 'createdAt',
    label: 'Payment date',
    combine: 'first',
    required: true,
    synonyms: ['created date (utc)', 'created', 'date', 'datum', 'payment date', 'zahlungsdatum', 'created at', 'creation date'],
  },
  { field: 'createdTime', label: 'Payment time (when the date column has the day only)', combine: 'first', synonyms: ['time', 'uhrzeit', 'payment time'] },
  { field: 'timeZone', label: 'Time zone of the payment date', combine: 'first', synonyms: ['time zone', 'timezone', 'zeitzone'] },
  { field: 'amount', label: 'Amount', combine: 'first', required: true, synonyms: ['amount', 'betrag', 'total', 'summe'] },
  { field: 'amountRefunded', label: 'Amount refunded', combine: 'first', synonyms: ['amount refunded', 'refunded amount', 'erstattet', 'erstatteter betrag'] },
  { field: 'currency', label: 'Currency', combine: 'first', synonyms: ['currency', 'währung', 'waehrung'] },
  { field: 'status', label: 'Status', combine: 'first', synonyms: ['status', 'payment status', 'zahlungsstatus'] },
  { field: 'email', label: 'Email', combine: 'first', identifier: true, synonyms: ['customer email', 'email', 'e-mail', 'e mail', 'mail', 'kunden e-mail'] },
  {
    field: 'ip',
    label: 'IP address',
    combine: 'first',
    identifier: true,
    synonyms: ['ip', 'ip address', 'ip adresse', 'client ip', 'customer ip', 'shopper ip', 'ip metadata', 'ip address metadata', 'customer ip metadata'],
  },
  {
    field: 'deviceId',
    label: 'Device id (checkout)',
    combine: 'first',
    identifier: true,
    synonyms: [
      'device id metadata',
      'device id',
      'device fingerprint',
      'device fingerprint metadata',
      'deviceid metadata',
      'shopper device fingerprint',
      'browser fingerprint',
    ],
  },
  {
    field: 'sessionId',
    label: 'Checkout session id',
    combine: 'first',
    identifier: true,
    synonyms: ['session id metadata', 'checkout session id metadata', 'checkout session metadata', 'sessionid metadata', 'session id', 'checkout session id'],
  },
  ...CARD_FIELDS,
  ...CARD_CHECK_FIELDS,
  { field: 'cardCountry', label: 'Card issuing country', combine: 'first', synonyms: ['card issue country', 'card country', 'issuer country', 'kartenland'] },
  { field: 'disputeId', label: 'Dispute id', combine: 'first', identifier: true, synonyms: ['dispute id'] },
  { field: 'disputeAmount', label: 'Disputed amount', combine: 'first', synonyms: ['disputed amount', 'dispute amount'] },
  { field: 'disputeStatus', label: 'Dispute status', combine: 'first', synonyms: ['dispute status'] },
  { field: 'disputeReason', label: 'Dispute reason', combine: 'first', synonyms: ['dispute reason'] },
  { field: 'disputeOpenedAt', label: 'Dispute date', combine: 'first', synonyms: ['dispute date (utc)', 'dispute date'] },
  { field: 'disputeDueAt', label: 'Dispute evidence due', combine: 'first', synonyms: ['dispute evidence due (utc)', 'evidence due'] },
  KNOWN_OUTCOME_FIELD,
];

export const DISPUTE_FIELDS: readonly FieldSpec[] = [
  {
    field: 'id',
    label: 'Dispute id',
    combine: 'first',
    required: true,
    identifier: true,
    synonyms: ['dispute id', 'dispute psp reference', 'dispute reference', 'chargeback id', 'id'],
  },
  {
    field: 'paymentId',
    label: 'Payment (PSP) reference',
    combine: 'first',
    identifier: true,
    synonyms: ['psp reference', 'payment id', 'charge id', 'transaction id', 'pspreferenz'],
  },
  {
    field: 'orderRef',
    label: 'Order reference',
    combine: 'firstColumn',
    identifier: true,
    synonyms: ['order reference', 'merchant reference', 'order id', 'order number', 'bestellnummer'],
  },
  {
    field: 'reasonCode',
    label: 'Reason code',
    combine: 'first',
    required: true,
    synonyms: ['reason code', 'reason', 'dispute reason', 'grund', 'rückbuchungsgrund', 'chargeback reason'],
  },
  {
    field: 'reasonText',
    label: 'Reason in words (shown where a row gives no reason code)',
    combine: 'first',
    synonyms: ['reason text', 'reason description', 'dispute reason description'],
  },
  {
    field: 'amount',
    label: 'Amount',
    combine: 'first',
    required: true,
    synonyms: ['amount', 'dispute amount', 'disputed amount', 'betrag', 'chargeback amount'],
  },
  { field: 'currency', label: 'Currency', combine: 'first', synonyms: ['currency', 'dispute currency', 'währung', 'waehrung'] },
  {
    field: 'openedAt',
    label: 'Opened date',
    combine: 'first',
    required: true,
    synonyms: ['opened date', 'opened', 'created', 'dispute date', 'record date', 'eröffnet am', 'datum', 'date'],
  },
  {
    field: 'eventAt',
    label: "Event date (a report of one row per event: when the row's event happened)",
    combine: 'first',
    synonyms: ['event date', 'status date', 'last updated', 'updated at', 'ereignisdatum'],
  },
  { field: 'dueAt', label: 'Evidence due date', combine: 'first', synonyms: ['due date', 'evidence due by', 'respond by', 'deadline', 'frist', 'fällig am'] },
  { field: 'status', label: 'Status', combine: 'first', synonyms: ['status', 'dispute status', 'record type'] },
  { field: 'network', label: 'Card network or brand', combine: 'first', synonyms: ['network', 'card brand', 'scheme', 'payment method', 'kartentyp'] },
  { field: 'timeZone', label: 'Time zone of the dates', combine: 'first', synonyms: ['time zone', 'timezone', 'record date timezone', 'zeitzone'] },
  {
    field: 'caseType',
    label: 'Case type (buyer claims become refund claims)',
    combine: 'first',
    exactName: true,
    synonyms: ['case type'],
  },
];

/**
 * Refund claims (A-to-z, SAFE-T, PayPal buyer claims, marketplace returns). No marketplace publishes
 * a claims download with a fixed header, so these are mapped in the wizard; the kind comes from a
 * column or, for a file of one kind, from the format.
 */
export const CLAIM_FIELDS: readonly FieldSpec[] = [
  {
    field: 'id',
    label: 'Claim or case reference',
    combine: 'first',
    required: true,
    identifier: true,
    synonyms: ['claim id', 'claim reference', 'claim number', 'case id', 'case number', 'a-to-z claim id', 'safe-t claim id', 'return request id', 'rma id'],
  },
  {
    field: 'claimKind',
    label: 'Kind of claim (A-to-z, SAFE-T, INR, SNAD, Return)',
    combine: 'first',
    synonyms: ['claim type', 'claim kind', 'kind of claim', 'type of claim'],
  },
  {
    field: 'orderRef',
    label: 'Order number',
    combine: 'firstColumn',
    identifier: true,
    synonyms: ['order id', 'amazon order id', 'order number', 'order reference', 'bestellnummer'],
  },
  {
    field: 'amount',
    label: 'Claim amount',
    combine: 'first',
    required: true,
    synonyms: ['claim amount', 'amount', 'disputed amount', 'refund amount', 'betrag'],
  },
  { field: 'currency', label: 'Currency', combine: 'first', synonyms: ['currency', 'claim currency', 'währung', 'waehrung'] },
  {
    field: 'openedAt',
    label: 'Opened (the clock starts)',
    combine: 'first',
    required: true,
    synonyms: ['claim date', 'claim filed', 'filed', 'opened', 'opened date', 'case filing date', 'claim creation time', 'created'],
  },
  {
    field: 'dueAt',
    label: 'Deadline the notice names',
    combine: 'first',
    synonyms: ['respond by', 'response due date', 'response due', 'deadline', 'due date', 'frist'],
  },
  { field: 'reason', label: 'Reason (a few words, no personal data)', combine: 'first', synonyms: ['claim reason', 'reason', 'case reason', 'grund'] },
  { field: 'status', label: 'Status', combine: 'first', synonyms: ['claim status', 'case status', 'status'] },
  { field: 'timeZone', label: 'Time zone of the dates', combine: 'first', synonyms: ['time zone', 'timezone', 'zeitzone'] },
];

export function fieldsOf(kind: RecordKind): readonly FieldSpec[] {
  switch (kind) {
    case 'orders':
      return ORDER_FIELDS;
    case 'payments':
      return PAYMENT_FIELDS;
    case 'disputes':
      return DISPUTE_FIELDS;
    case 'claims':
      return CLAIM_FIELDS;
    default: {
      const never: never = kind;
      throw new Error(`unknown record kind ${String(never)}`);
    }
  }
}
