// Column mappings: suggestions from EN/DE header names, resolution against a header, presets as
// validated data, and format detection by marker columns.
import { describe, expect, it } from 'vitest';
import {
  applyMapping,
  BUILT_IN_PRESETS,
  detectFormat,
  parseFormatPreset,
  rankFormats,
  readHeader,
  resolveMapping,
  suggestMapping,
  type FormatPreset,
} from '../../../shared/ingest';
import { FileMessages } from '../../../shared/ingest/problems';
import { runImport, utf8 } from './support';

const header = (names: string[]) => readHeader(names, 1, new FileMessages());

describe('suggestMapping', () => {
  it('German order export headers', () => {
    const { mapping } = suggestMapping(
      [
        'Bestellnummer',
        'Bestelldatum',
        'Kundennummer',
        'E-Mail',
        'Telefon',
        'Name',
        'Straße',
        'PLZ',
        'Ort',
        'Land',
        'Gesamtbetrag',
        'Währung',
        'Status',
        'Zahlungsart',
        'Bemerkung',
      ],
      'orders',
    );
    expect(mapping).toEqual({
      externalId: 'Bestellnummer',
      createdAt: 'Bestelldatum',
      customerId: 'Kundennummer',
      email: 'E-Mail',
      phone: 'Telefon',
      shipName: 'Name',
      shipStreet: 'Straße',
      shipPostcode: 'PLZ',
      shipCity: 'Ort',
      shipCountry: 'Land',
      total: 'Gesamtbetrag',
      currency: 'Währung',
      status: 'Status',
      paymentMethod: 'Zahlungsart',
    });
  });

  it('English headers with spelling variants', () => {
    const { mapping, suggestions } = suggestMapping(
      ['Order ID', 'Order Date', 'Customer E-mail', 'Zip Code', 'City', 'Country', 'Order Total', 'IP Address', 'Card BIN', 'Card last 4'],
      'orders',
    );
    expect(mapping).toMatchObject({
      externalId: 'Order ID',
      createdAt: 'Order Date',
      email: 'Customer E-mail',
      shipPostcode: 'Zip Code',
      shipCity: 'City',
      shipCountry: 'Country',
      total: 'Order Total',
      ip: 'IP Address',
      cardBin: 'Card BIN',
      cardLast4: 'Card last 4',
    });
    expect(suggestions.every((s) => s.score >= 0.5 && s.score <= 1)).toBe(true);
  });

  it('dispute headers', () => {
    const { mapping } = suggestMapping(
      ['Chargeback ID', 'PSP Reference', 'Merchant Reference', 'Reason Code', 'Betrag', 'Currency', 'Dispute Date', 'Respond By', 'Status'],
      'disputes',
    );
    expect(mapping).toEqual({
      id: 'Chargeback ID',
      paymentId: 'PSP Reference',
      orderRef: 'Merchant Reference',
      reasonCode: 'Reason Code',
      amount: 'Betrag',
      currency: 'Currency',
      openedAt: 'Dispute Date',
      dueAt: 'Respond By',
      status: 'Status',
    });
  });

  it('a browser or device fingerprint is not suggested as the card fingerprint', () => {
    const orders = suggestMapping(['Order Number', 'Order Date', 'Total', 'Browser Fingerprint', 'Remote IP'], 'orders').mapping;
    expect(orders['cardFingerprint']).toBeUndefined();
    expect(orders['deviceId']).toBe('Browser Fingerprint');
    const payments = suggestMapping(['Transaction ID', 'Date', 'Amount', 'Visitor Fingerprint', 'Card Fingerprint'], 'payments').mapping;
    expect(payments['cardFingerprint']).toBe('Card Fingerprint');
    expect(suggestMapping(['Txn', 'Date', 'Amount', 'Geräte-Fingerprint'], 'payments').mapping['cardFingerprint']).toBeUndefined();
    expect(suggestMapping(['Txn', 'Date', 'Amount', 'Fingerprint'], 'payments').mapping['cardFingerprint']).toBe('Fingerprint');
  });

  it('suggests nothing for unrelated columns', () => {
    expect(suggestMapping(['Foo', 'Bar', 'Lorem ipsum'], 'orders').suggestions).toEqual([]);
  });

  it('a suggested mapping imports a German file end to end', async () => {
    const text =
      'Bestellnummer;Bestelldatum;E-Mail;PLZ;Ort;Land;Gesamtbetrag;Währung\nB-1;01.05.2026 10:00;a@example.de;10115;Berlin;Deutschland;1.234,50;EUR\n';
    const { mapping } = suggestMapping(text.split('\n')[0]!.split(';'), 'orders');
    const preset: FormatPreset = {
      id: 'custom:de',
      label: 'Shop DE',
      kind: 'orders',
      markerColumns: ['Bestellnummer'],
      mapping,
      options: { source: 'shop-de', marketplace: 'shop', timeZone: 'Europe/Berlin' },
    };
    const run = await runImport(utf8(text), { preset });
    expect(run.summary.errors).toEqual([]);
    expect(run.written[0]!.value).toMatchObject({
      externalId: 'B-1',
      source: 'shop-de',
      createdAt: Date.UTC(2026, 4, 1, 8),
      totalMinor: 123450,
      shipCountry: 'DE',
      shipPostcode: '10115',
    });
  });
});

describe('resolveMapping and applyMapping', () => {
  const h = header(['Name', 'Shipping Address1', 'Shipping Address2', 'order_id (metadata)', 'Description', 'CVV']);

  it('falls back row by row to the next mapped column, and never resolves security codes', () => {
    const { resolved, missing } = resolveMapping(h, 'payments', { id: 'Name', orderRef: ['order_id (metadata)', 'Description'], email: 'CVV' });
    expect(missing.map((m) => m.field)).toEqual(['createdAt', 'amount']);
    // The metadata cell is empty on this row, so the description speaks for the order.
    expect(applyMapping(resolved, ['p1', 'a', 'b', '', 'Order #9', '123'])).toEqual({ id: 'p1', orderRef: 'Order #9' });
    expect(applyMapping(resolved, ['p1', 'a', 'b', '#7', 'Order #9', '123'])).toEqual({ id: 'p1', orderRef: '#7' });
  });

  it('joins street parts, skipping empty ones', () => {
    const { resolved } = resolveMapping(h, 'orders', { externalId: 'Name', shipStreet: ['Shipping Address1', 'Shipping Address2'] });
    expect(applyMapping(resolved, ['#1', 'Hauptstraße 5', ' Hinterhaus ', '', '', '']).shipStreet).toBe('Hauptstraße 5, Hinterhaus');
    expect(applyMapping(resolved, ['#1', 'Hauptstraße 5', '', '', '', '']).shipStreet).toBe('Hauptstraße 5');
  });

  it('header names match case- and space-insensitively', () => {
    const { resolved, missing } = resolveMapping(header(['  ORDER number ', 'DATE']), 'orders', {
      externalId: 'Order Number',
      createdAt: 'date',
      total: 'Total',
    });
    expect(missing.map((m) => m.field)).toEqual(['total']);
    expect(applyMapping(resolved, ['A1', '2026-05-01'])).toEqual({ externalId: 'A1', createdAt: '2026-05-01' });
  });
});

describe('presets', () => {
  it('every built-in preset passes its own schema', () => {
    for (const p of BUILT_IN_PRESETS)
      expect(parseFormatPreset(JSON.parse(JSON.stringify(p))), p.id).toEqual({ ok: true, preset: JSON.parse(JSON.stringify(p)) });
  });

  it('a damaged saved preset is refused with the reason', () => {
    const r = parseFormatPreset({ id: 'x', label: 'X', kind: 'invoices', markerColumns: [], mapping: { externalId: 42 }, options: {} });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/kind.*mapping\.externalId.*options\.source/s);
  });
});

describe('format detection', () => {
  const detect = (names: string[]) => detectFormat(header(names))?.id ?? null;

  it('by marker columns, whatever else the file has or how it orders them', () => {
    expect(detect(['Total', 'Name', 'Created at', 'Lineitem name', 'Financial Status', 'Some New Column'])).toBe('shopify-orders');
    expect(detect(['amazon-order-id', 'purchase-date', 'order-status', 'item-price'])).toBe('amazon-all-orders');
    expect(detect(['order-id', 'order-item-id', 'purchase-date', 'recipient-name', 'ship-address-1', 'buyer-email'])).toBe('amazon-unshipped');
    expect(detect(['id', 'Created date (UTC)', 'Amount', 'Currency', 'Status', 'Card Last4'])).toBe('stripe-payments');
    expect(detect(['id', 'Charge ID', 'Reason', 'Status', 'Amount'])).toBe('stripe-disputes');
    expect(detect(['Name', 'Email'])).toBeNull();
  });

  it('PayPal in English and German, the statement layouts included; Adyen payments apart from its disputes', () => {
    const en = [
      'Date',
      'Time',
      'TimeZone',
      'Name',
      'Type',
      'Status',
      'Currency',
      'Gross',
      'Fee',
      'Net',
      'From Email Address',
      'To Email Address',
      'Transaction ID',
    ];
    const enStatement = [
      'Date',
      'Time',
      'Time Zone',
      'Description',
      'Currency',
      'Gross',
      'Fee',
      'Net',
      'Balance',
      'Transaction ID',
      'From Email Address',
      'Name',
      'Invoice ID',
    ];
    const de = [
      'Datum',
      'Uhrzeit',
      'Zeitzone',
      'Name',
      'Typ',
      'Status',
      'Währung',
      'Brutto',
      'Gebühr',
      'Netto',
      'Absender E-Mail-Adresse',
      'Empfänger E-Mail-Adresse',
      'Transaktionscode',
    ];
    const deStatement = [
      'Datum',
      'Uhrzeit',
      'Zeitzone',
      'Beschreibung',
      'Währung',
      'Brutto',
      'Entgelt',
      'Netto',
      'Guthaben',
      'Transaktionscode',
      'Absender E-Mail-Adresse',
      'Name',
      'Rechnungsnummer',
    ];
    expect([en, enStatement, de, deStatement].map(detect)).toEqual(['paypal-activity-en', 'paypal-activity-en', 'paypal-activity-de', 'paypal-activity-de']);
    const adyen = [
      'Company Account',
      'Merchant Account',
      'Psp Reference',
      'Merchant Reference',
      'Payment Method',
      'Creation Date',
      'TimeZone',
      'Currency',
      'Amount',
      'Type',
      'Risk Scoring',
      'Shopper Interaction',
      'Acquirer Response',
    ];
    expect(detect(adyen)).toBe('adyen-received-payments');
    expect(detect(['Psp Reference', 'Merchant Reference', 'Record Date', 'Record Type', 'Dispute Amount', 'Shopper IP'])).toBe('adyen-disputes');
  });

  it('ranks partial matches for "looks like" hints', () => {
    const ranked = rankFormats(header(['Name', 'Financial Status', 'Created at']));
    expect(ranked[0]!.preset.id).toBe('shopify-orders');
    expect(ranked[0]!.missing).toEqual(['Lineitem name', 'Total']);
  });

  it('suggests no format that shares only generic columns with the file', () => {
    // Columns of Amazon's All Orders flat file without the ones its preset looks for: `currency`
    // alone once made this "closest to a Stripe payments export".
    const amazonRest = ['merchant-order-id', 'last-updated-date', 'fulfillment-channel', 'sales-channel', 'sku', 'asin', 'quantity', 'currency', 'ship-city'];
    expect(rankFormats(header(amazonRest))).toEqual([]);
    expect(rankFormats(header(['id', 'Status', 'Currency', 'Amount', 'Date', 'Name', 'Email', 'Type']))).toEqual([]);
    // One specific column is enough for a hint; its generic neighbours still count towards the share.
    const stripeLike = rankFormats(header(['id', 'Amount', 'Currency', 'Created date (UTC)']));
    expect(stripeLike.map((m) => [m.preset.id, m.missing])).toEqual([['stripe-payments', ['Status']]]);
  });

  it('an unknown file is told no "closest" format when it shares only generic columns', async () => {
    const { summary } = await runImport('amazon-order-idx\tcurrency\tquantity\tsku\nA-1\tEUR\t1\tS1\n', { fileName: 'amazon.txt' });
    expect(summary.errors.map((e) => e.code)).toEqual(['unknown-format']);
    expect(summary.errors[0]!.message).toBe("no known export format has this file's columns; map them in the import wizard.");
  });
});
