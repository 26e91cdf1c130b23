// PayPal's CSV downloads (Activity download, Statements) with English, German, French, Italian,
// Spanish, Dutch and Polish column names (PayPal names the columns in the account's language): one
// row per transaction of the account, customer payments among fees, refunds, holds and transfers.
import type { FormatPreset, PresetOptions, RowKindRule } from './preset';

// One provider for all languages: a re-export in another language upserts the same payments.
const OPTIONS: PresetOptions = {
  source: 'paypal',
  // Rows name their own zone (TimeZone / Zeitzone); this is for rows that leave it empty.
  timeZone: 'Europe/Berlin',
  // US accounts write their zone's abbreviation (PST and PDT, EST and EDT, ...), which the import
  // does not read everywhere (CST is China's time as often as Chicago's). Arizona writes MST all
  // year: Phoenix, which is MST in summer too, as Denver is in winter.
  zoneNames: {
    EST: 'America/New_York',
    EDT: 'America/New_York',
    CST: 'America/Chicago',
    CDT: 'America/Chicago',
    MST: 'America/Phoenix',
    MDT: 'America/Denver',
    PST: 'America/Los_Angeles',
    PDT: 'America/Los_Angeles',
    AKST: 'America/Anchorage',
    AKDT: 'America/Anchorage',
    HST: 'Pacific/Honolulu',
  },
  orderSource: 'shopify',
  grouping: 'none',
};

/**
 * A customer payment is a payment type with money coming in. The activity download's Type (the
 * statement's Description) also names refunds, holds and their releases, currency conversions,
 * withdrawals and bank deposits; a payment the seller made shows with a negative gross.
 */
const PAYMENTS_ONLY_EN: RowKindRule = {
  column: ['Type', 'Description'],
  include: ['payment'],
  exclude: ['refund', 'reversal', 'hold', 'release', 'withdrawal', 'conversion', 'fee', 'update to'],
  positiveAmount: true,
  noun: 'customer payment',
  chargebacks: ['chargeback'],
};

const PAYMENTS_ONLY_DE: RowKindRule = {
  column: ['Typ', 'Beschreibung'],
  include: ['zahlung'],
  // `ACH-Überweisung als Zahlungsquelle für Ausgleich von Kontoguthaben` is a bank top-up of the
  // balance (a funding transfer, gross positive), not a payment from a customer.
  exclude: [
    'rückzahlung',
    'erstattung',
    'rückbuchung',
    'storno',
    'stornierung',
    'einbehalt',
    'freigabe',
    'abbuchung',
    'umrechnung',
    'gebühr',
    'entgelt',
    'zahlungsquelle',
  ],
  positiveAmount: true,
  noun: 'customer payment',
  chargebacks: ['rückbuchung'],
};

export const PAYPAL_ACTIVITY_EN: FormatPreset = {
  id: 'paypal-activity-en',
  label: 'PayPal activity download (English)',
  kind: 'payments',
  markerColumns: ['Transaction ID', 'Gross', 'Net', 'From Email Address'],
  mapping: {
    id: 'Transaction ID',
    // The shop's order number goes into the invoice number; some integrations use the custom field.
    orderRef: ['Invoice Number', 'Invoice ID', 'Custom Number'],
    createdAt: 'Date',
    createdTime: 'Time',
    timeZone: ['TimeZone', 'Time Zone'],
    amount: 'Gross',
    currency: 'Currency',
    // The balance-affecting statement has no Status column: its rows are completed.
    status: 'Status',
    // On money received the sender is the buyer.
    email: 'From Email Address',
  },
  // Amounts are `1,309.80` or, from some German accounts, `1.309,80`: the file's cells decide.
  options: OPTIONS,
  rowKinds: PAYMENTS_ONLY_EN,
};

export const PAYPAL_ACTIVITY_DE: FormatPreset = {
  id: 'paypal-activity-de',
  label: 'PayPal activity download (German)',
  kind: 'payments',
  markerColumns: ['Transaktionscode', 'Brutto', 'Netto', 'Absender E-Mail-Adresse'],
  mapping: {
    id: 'Transaktionscode',
    // `Zollnummer` is the German export's name for the custom field (English: Custom Number).
    orderRef: ['Rechnungsnummer', 'Zollnummer'],
    createdAt: 'Datum',
    createdTime: 'Uhrzeit',
    timeZone: 'Zeitzone',
    amount: 'Brutto',
    currency: 'Währung',
    status: 'Status',
    email: 'Absender E-Mail-Adresse',
  },
  options: { ...OPTIONS, decimalMark: ',' },
  rowKinds: PAYMENTS_ONLY_DE,
};

/**
 * The downloads of French, Italian, Spanish, Dutch and Polish accounts: the classic activity download
 * (type and status columns) and the newer balance-affecting report (a description column names the
 * kind, no status), as the English preset reads both. Column names: real files as public importers
 * read them (test/unit/ingest/paypalLocalizedExports.test.ts names each source). Their amounts write
 * a decimal comma (`1.234,56`, `1 234,56`), as the German download's do; an amount with cents reads
 * the same either way, the mark only decides `1.234` (a yen or forint amount).
 */
function localRule(column: readonly string[], payment: string, exclude: readonly string[]): RowKindRule {
  return { column, include: [payment], exclude, positiveAmount: true, noun: 'customer payment' };
}

export const PAYPAL_ACTIVITY_FR: FormatPreset = {
  id: 'paypal-activity-fr',
  label: 'PayPal activity download (French)',
  kind: 'payments',
  markerColumns: ['Numéro de transaction', 'Avant commission', 'Commission', 'Net'],
  mapping: {
    id: 'Numéro de transaction',
    // `Numéro de client` stands where the English file has Custom Number.
    orderRef: ['Numéro de facture', 'Identifiant de facture', 'Numéro de client'],
    createdAt: 'Date',
    createdTime: 'Heure',
    timeZone: 'Fuseau horaire',
    amount: 'Avant commission',
    currency: 'Devise',
    status: 'État',
    // Typed with a straight or a typographic apostrophe, as the download's own text has it.
    email: ["De l'adresse email", 'De l’adresse email', "Adresse email de l'expéditeur", 'Adresse email de l’expéditeur'],
  },
  options: { ...OPTIONS, decimalMark: ',' },
  rowKinds: localRule(['Type', 'Description'], 'paiement', [
    'rembours',
    'annulation',
    'contestation',
    'opposition',
    'blocage',
    'retenue',
    'déblocage',
    'retrait',
    'conversion',
    'frais',
    'commission',
  ]),
};

export const PAYPAL_ACTIVITY_IT: FormatPreset = {
  id: 'paypal-activity-it',
  label: 'PayPal activity download (Italian)',
  kind: 'payments',
  markerColumns: ['Codice transazione', 'Lordo', 'Tariffa', 'Netto'],
  mapping: {
    id: 'Codice transazione',
    // `N° ordine commerciante` is the Invoice Number, `Numero personalizzato` the Custom Number.
    orderRef: ['N° ordine commerciante', 'N. fattura pro-forma', 'Numero personalizzato'],
    createdAt: 'Data',
    createdTime: ['Orario', 'Ora'],
    timeZone: 'Fuso orario',
    amount: 'Lordo',
    currency: 'Valuta',
    status: 'Stato',
    email: 'Indirizzo email mittente',
  },
  options: { ...OPTIONS, decimalMark: ',' },
  // `Versamento generico con carta` (a card top-up of the balance) names no payment.
  rowKinds: localRule(['Tipo', 'Descrizione'], 'pagamento', [
    'rimborso',
    'storno',
    'annullamento',
    'blocco',
    'trattenut',
    'sblocco',
    'prelievo',
    'conversione',
    'tariffa',
    'commissione',
  ]),
};

export const PAYPAL_ACTIVITY_ES: FormatPreset = {
  id: 'paypal-activity-es',
  label: 'PayPal activity download (Spanish)',
  kind: 'payments',
  markerColumns: ['Id. de transacción', 'Bruto', 'Comisión', 'Neto'],
  mapping: {
    id: 'Id. de transacción',
    orderRef: 'Id. de factura',
    createdAt: 'Fecha',
    createdTime: 'Hora',
    timeZone: 'Zona horaria',
    amount: 'Bruto',
    currency: 'Divisa',
    status: 'Estado',
    email: 'Correo electrónico del remitente',
  },
  options: { ...OPTIONS, decimalMark: ',' },
  rowKinds: localRule(['Tipo', 'Descripción'], 'pago', [
    'reembolso',
    'devolución',
    'cancelación',
    'anulación',
    'retención',
    'liberación',
    'retirada',
    'conversión',
    'comisión',
  ]),
};

export const PAYPAL_ACTIVITY_NL: FormatPreset = {
  id: 'paypal-activity-nl',
  label: 'PayPal activity download (Dutch)',
  kind: 'payments',
  // The net column is `Netto` in some files and `Net` in others: not a marker.
  markerColumns: ['Transactiereferentie', 'Bruto', 'Kosten'],
  mapping: {
    id: 'Transactiereferentie',
    orderRef: 'Factuurreferentie',
    createdAt: 'Datum',
    createdTime: 'Tijd',
    timeZone: 'Tijdzone',
    amount: 'Bruto',
    currency: 'Valuta',
    status: 'Status',
    email: 'Van e-mailadres',
  },
  options: { ...OPTIONS, decimalMark: ',' },
  // A refund is a `Terugbetaling`: it holds the word for payment.
  rowKinds: localRule(['Type', 'Omschrijving'], 'betaling', [
    'terugbetaling',
    'restitutie',
    'terugboeking',
    'annulering',
    'geannuleerd',
    'blokkering',
    'vrijgave',
    'opname',
    'omrekening',
    'conversie',
    'kosten',
  ]),
};

export const PAYPAL_ACTIVITY_PL: FormatPreset = {
  id: 'paypal-activity-pl',
  label: 'PayPal activity download (Polish)',
  kind: 'payments',
  markerColumns: ['Numer transakcji', 'Brutto', 'Opłata', 'Netto'],
  mapping: {
    id: 'Numer transakcji',
    orderRef: 'Numer faktury',
    createdAt: 'Data',
    createdTime: 'Godzina',
    timeZone: 'Strefa czasowa',
    amount: 'Brutto',
    currency: 'Waluta',
    status: 'Status',
    email: 'Z adresu e-mail',
  },
  options: { ...OPTIONS, decimalMark: ',' },
  rowKinds: localRule(['Typ', 'Opis'], 'płatnoś', ['zwrot', 'anulowan', 'obciążenie zwrotne', 'wstrzyman', 'zwolnien', 'wypłat', 'przeliczen', 'opłat']),
};

/**
 * PayPal's Case Report (formerly the Downloadable Dispute Report, `DDR-yyyymmdd.seq.version.CSV`):
 * chargebacks, disputes, claims and bank returns against the account. The file opens with report,
 * file and section header rows (`RH`, `FH`, `SH`), names its columns on the `CH` row and writes one
 * case per `SB` row; footer rows (`SF`, `SC`, `RF`, `RC`, `FF`) carry counts. Amounts are in minor
 * units without a decimal mark (5000 is 50.00). Buyer claims (case type Dispute or Claim, item not
 * received or not as described) are read as refund claims with the report's response date as the
 * deadline; chargebacks, bank returns and unauthorised-payment claims stay disputes. Column names: PayPal's Case Report specification
 * (PP_LRD_GenDisputeReport.pdf), as read by edx/edx-analytics-pipeline (see the fixture's README).
 */
export const PAYPAL_CASE_REPORT: FormatPreset = {
  id: 'paypal-case-report',
  label: 'PayPal case (dispute) report',
  kind: 'disputes',
  markerColumns: ['Case type', 'Case ID', 'Original transaction ID', 'Case reason', 'Response due date'],
  mapping: {
    id: 'Case ID',
    paymentId: 'Original transaction ID',
    // The shop's order number travels as the payment's invoice id.
    orderRef: 'Transaction invoice ID',
    // A card chargeback names the network's code (10.4, 4837); PayPal's own cases name their reason.
    reasonCode: ['Chargeback Reason Code', 'Case reason'],
    amount: 'Disputed amount',
    currency: 'Disputed currency',
    openedAt: 'Case filing date',
    dueAt: 'Response due date',
    // A closed case says how it ended in Outcome (PayPal's outcome codes); an open one only in Case status.
    status: ['Outcome', 'Case status'],
    // Filled when a card funded the payment; PayPal-funded cases leave it empty (network: PayPal).
    network: 'Card Type',
    // Dispute and Claim cases for item not received / not as described are buyer claims answered
    // to PayPal: they become refund claims (shared/ingest/claimKinds.ts), not chargebacks.
    caseType: 'Case type',
  },
  options: {
    source: 'paypal',
    timeZone: 'America/Los_Angeles',
    amountsInMinorUnits: true,
    defaultNetwork: 'paypal',
    orderSource: 'shopify',
    grouping: 'file',
  },
  rowKinds: { column: 'CH', include: ['sb'], noun: 'case row (SB)' },
};
