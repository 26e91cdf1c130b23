// The evidence pack: CE 3.0 eligibility on hand-built priors (exactly qualifying at both ends of the
// window, too old, too recent, disputed, one shared element), Stripe's evidence JSON against its
// shape, and what a pack holds for each reason (fraud, not received, not as described, ...).
import { describe, expect, it } from 'vitest';
import { ce3Check } from '../../../shared/disputes/ce3';
import { evidencePack, type EvidenceInput, type PackOrder } from '../../../shared/disputes/evidence';
import { CASE_CONTENTS, evidenceCaseOf, type EvidenceCase } from '../../../shared/disputes/evidenceCase';
import { reasonInfo } from '../../../shared/disputes/reasonCodes';
import { stripeEvidenceFileSchema, STRIPE_LIMITS } from '../../../shared/disputes/stripeEvidence';
import { EVIDENCE } from '../../../shared/disputes/workflow';
import type { Dispute } from '../../../shared/domain/dispute';
import { orderKey, type Order } from '../../../shared/domain/order';
import { order } from '../normalize/orderFixture';
import { PACK_CUSTOMER, stripePayment } from '../../support/evidencePack';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 18, 14);
const AT = Date.UTC(2026, 9, 1, 10);

const customer = {
  ...PACK_CUSTOMER,
  cvcCheck: 'pass',
  avsPostcodeCheck: 'pass',
  threeDs: 'authenticated',
};

const disputedOrder = order({ ...customer, externalId: '#900', createdAt: AT, totalMinor: 12_990 });
const prior = (id: string, daysBefore: number, fields: Partial<Order> = {}) =>
  order({ ...customer, externalId: id, createdAt: AT - daysBefore * DAY, ...fields });

function dispute(fields: Partial<Dispute> = {}): Dispute {
  return {
    id: 'dp_1',
    provider: 'stripe',
    paymentId: 'ch_900',
    orderKey: orderKey(disputedOrder),
    network: 'visa',
    reasonCode: '10.4',
    amountMinor: 12_990,
    currency: 'EUR',
    // Opened the day of the purchase, so the window is the same from both reference dates.
    openedAt: AT,
    dueAt: NOW + 5 * DAY,
    status: 'new',
    ...fields,
  };
}

const payment = stripePayment;

const packOrder = (o: Order, disputes: Dispute[] = []): PackOrder => ({ order: o, payment: payment(o), disputes });

function packFor(d: Dispute, history: Order[], checked = false) {
  return evidencePack(inputOf(d, history, checked));
}

function inputOf(d: Dispute, history: Order[] = [], checked = false): EvidenceInput {
  const disputedKeys = new Set([d.orderKey]);
  const info = reasonInfo(d.network, d.reasonCode);
  const orders = [disputedOrder, ...history];
  return {
    dispute: d,
    family: info.family,
    reasonLabel: info.label,
    disputed: packOrder(disputedOrder, [d]),
    ce3: d.network === 'visa' ? ce3Check(d, orders, disputedKeys) : null,
    history: orders.sort((a, b) => a.createdAt - b.createdAt).map((o) => packOrder(o, o === disputedOrder ? [d] : [])),
    checklist: EVIDENCE[info.family].map((item) => ({ item, checked })),
    now: NOW,
  };
}

describe('CE 3.0 eligibility on hand-built priors', () => {
  const keys = (history: Order[], disputed = new Set<string>()) => ce3Check(dispute(), [disputedOrder, ...history], disputed).priors.map((p) => p.orderKey);

  it('counts priors exactly 120 and 365 days before, and qualifies with two', () => {
    const r = ce3Check(dispute(), [disputedOrder, prior('#1', 120), prior('#2', 365)], new Set());
    expect(r.priors.map((p) => p.orderKey)).toEqual(['shopify:#2', 'shopify:#1']);
    expect(r.qualifies).toBe(true);
  });

  it('leaves out a prior too old (366 days) or too recent (119 days)', () => {
    expect(keys([prior('#old', 366), prior('#new', 119), prior('#ok', 200)])).toEqual(['shopify:#ok']);
    expect(ce3Check(dispute(), [disputedOrder, prior('#old', 366), prior('#ok', 200)], new Set()).qualifies).toBe(false);
  });

  it('leaves out a prior that was itself disputed', () => {
    expect(keys([prior('#1', 200), prior('#2', 250)], new Set(['shopify:#2']))).toEqual(['shopify:#1']);
  });

  it('needs a main element (IP or device) and one more: one shared element is not enough', () => {
    const onlyIp = { deviceId: '', customerId: 'other', email: 'other@example.org', shipStreet: 'Elsewhere 1', shipPostcode: '80331' };
    expect(keys([prior('#ip-only', 200, onlyIp)])).toEqual([]);
    // IP and e-mail: one main and one secondary element, as Visa's rule allows.
    expect(keys([prior('#ip-email', 200, { ...onlyIp, email: customer.email })])).toEqual(['shopify:#ip-email']);
    // Address and account without IP or device: two secondary elements only.
    expect(keys([prior('#secondary', 200, { ip: '198.51.100.1', deviceId: '' })])).toEqual([]);
  });
});

describe("Stripe's evidence JSON", () => {
  const history = [prior('#1', 130), prior('#2', 200, { ip: '198.51.100.7' }), prior('#3', 300)];

  it('matches the shape of Stripe’s dispute update, with exactly two CE 3.0 priors', () => {
    const pack = packFor(dispute(), history);
    const file = stripeEvidenceFileSchema.parse(pack.stripe);
    expect(file.submit).toBe(false);
    const e = file.evidence;
    expect(e).toMatchObject({
      customer_name: 'Anna Beispiel',
      customer_email_address: customer.email,
      customer_purchase_ip: customer.ip,
      shipping_address: 'Hauptstraße 5, 10115 Berlin, DE',
      billing_address: 'DE',
    });
    expect(e.access_activity_log!.split('\n')).toHaveLength(4);
    const ce3 = e.enhanced_evidence!.visa_compelling_evidence_3;
    expect(ce3.disputed_transaction).toMatchObject({ merchandise_or_services: 'merchandise', customer_device_fingerprint: customer.deviceId });
    expect(ce3.disputed_transaction.shipping_address).toEqual({
      line1: 'Hauptstraße 5',
      line2: '',
      city: 'Berlin',
      postal_code: '10115',
      state: '',
      country: 'DE',
    });
    // Three qualify; the two sharing most (IP, device, address, account, e-mail) are sent, newest first.
    expect(ce3.prior_undisputed_transactions.map((p) => p.charge)).toEqual(['ch_1', 'ch_3']);
    expect(pack.ce3!.priors.filter((p) => p.sent).map((p) => p.order.externalId)).toEqual(['#3', '#1']);
    expect(pack.checks).toContainEqual({ level: 'ok', text: expect.stringContaining('CE 3.0 eligible: 3 qualifying prior orders') });
    expect(pack.checks.filter((c) => c.level === 'block')).toEqual([]);
    // Card data stays BIN + last 4: no fingerprint or expiry in what goes to Stripe.
    expect(JSON.stringify(file)).not.toContain('fp_pack');
  });

  it('leaves CE 3.0 out when the dispute does not qualify, and says why', () => {
    const pack = packFor(dispute(), [prior('#1', 130)]);
    expect(stripeEvidenceFileSchema.parse(pack.stripe).evidence.enhanced_evidence).toBeUndefined();
    expect(pack.checks).toContainEqual({ level: 'todo', text: expect.stringContaining('CE 3.0 not eligible: only 1 earlier') });
  });

  it('refuses what Stripe refuses: a third prior, an unknown field, a text over 20,000 characters, a prior without its charge', () => {
    const good = packFor(dispute(), history).stripe;
    const ce3 = good.evidence.enhanced_evidence!.visa_compelling_evidence_3;
    const withCe3 = (c: object) => ({ ...good, evidence: { ...good.evidence, enhanced_evidence: { visa_compelling_evidence_3: { ...ce3, ...c } } } });
    expect(
      stripeEvidenceFileSchema.safeParse(
        withCe3({ prior_undisputed_transactions: [...ce3.prior_undisputed_transactions, ce3.prior_undisputed_transactions[0]] }),
      ).success,
    ).toBe(false);
    expect(stripeEvidenceFileSchema.safeParse({ ...good, evidence: { ...good.evidence, customer_phone: '+49' } }).success).toBe(false);
    expect(
      stripeEvidenceFileSchema.safeParse({ ...good, evidence: { ...good.evidence, uncategorized_text: 'x'.repeat(STRIPE_LIMITS.longText + 1) } }).success,
    ).toBe(false);
    expect(
      stripeEvidenceFileSchema.safeParse(withCe3({ prior_undisputed_transactions: ce3.prior_undisputed_transactions.map((p) => ({ ...p, charge: '' })) }))
        .success,
    ).toBe(false);
  });

  it('a prior whose payment is not in the cache blocks the JSON and says which', () => {
    const d = dispute();
    const orders = [disputedOrder, ...history];
    const pack = evidencePack({
      dispute: d,
      family: 'fraud',
      reasonLabel: 'Other fraud: card-absent environment',
      disputed: packOrder(disputedOrder, [d]),
      ce3: ce3Check(d, orders, new Set([d.orderKey])),
      history: orders.map((o) => ({ order: o, payment: o.externalId === '#3' ? null : payment(o), disputes: [] })),
      checklist: [],
      now: NOW,
    });
    expect(pack.checks).toContainEqual({ level: 'block', text: expect.stringContaining('CE 3.0 prior #3 has no Stripe charge id') });
  });
});

describe('what a pack holds, by what the cardholder claims', () => {
  it('reads the claim from every network’s codes', () => {
    const cases: [Dispute['network'], string, EvidenceCase][] = [
      ['visa', '10.4', 'fraud'],
      ['stripe', 'fraudulent', 'fraud'],
      ['mastercard', '4837', 'fraud'],
      ['visa', '13.1', 'not_received'],
      ['stripe', 'product_not_received', 'not_received'],
      ['amex', 'C08', 'not_received'],
      ['visa', '13.3', 'not_as_described'],
      ['paypal', 'MERCHANDISE_OR_SERVICE_NOT_AS_DESCRIBED', 'not_as_described'],
      ['visa', '13.6', 'credit_not_processed'],
      ['mastercard', '4860', 'credit_not_processed'],
      ['visa', '12.6.1', 'duplicate'],
      ['stripe', 'duplicate', 'duplicate'],
      ['visa', '13.2', 'subscription_cancelled'],
      ['stripe', 'subscription_canceled', 'subscription_cancelled'],
      ['visa', '11.3', 'general'],
      ['stripe', 'general', 'general'],
    ];
    for (const [network, code, want] of cases) expect(evidenceCaseOf(network, code), `${network} ${code}`).toBe(want);
  });

  it('a fraud pack argues with IP, device, card checks and CE 3.0; a not-received pack with the delivery', () => {
    const fraud = packFor(dispute(), [prior('#1', 130), prior('#2', 200)]);
    expect(fraud.contents.parts).toEqual(expect.arrayContaining(['payment-checks', 'ip-device', 'ce3']));
    expect(fraud.payment).toContainEqual(['CVC', 'passed']);
    expect(fraud.payment).toContainEqual(['3-D Secure', 'authenticated']);
    // The card's brand as its owner writes it, as the pack's cover names the network (Visa 10.4).
    expect(fraud.payment).toContainEqual(['Card', 'Visa BIN 424242 •••• 4242']);
    // The provider by its name, not the cache's key ("(stripe)").
    expect(fraud.cover[0]?.[1]).toMatch(/ \(Stripe\)$/);
    expect(fraud.ipDevice).toContainEqual(['IP address', customer.ip]);

    const notReceived = packFor(dispute({ network: 'stripe', reasonCode: 'product_not_received' }), []);
    expect(notReceived.caseOf).toBe('not_received');
    expect(notReceived.contents.parts).not.toContain('ce3');
    expect(notReceived.ce3).toBeNull();
    expect(notReceived.stripe.evidence).not.toHaveProperty('customer_purchase_ip');
    expect(notReceived.byHand.map((f) => f.field)).toEqual(
      expect.arrayContaining(['shipping_documentation', 'shipping_carrier', 'shipping_tracking_number', 'shipping_date']),
    );
  });

  it('credit not processed lists refunds; duplicate names the other charge; subscription asks for the cancellation policy', () => {
    const refunded = prior('#r', 40, { status: 'refunded' });
    const credit = packFor(dispute({ reasonCode: '13.6' }), [refunded]);
    expect(credit.refunds).toEqual([expect.stringContaining('Order #r')]);
    expect(credit.timeline.map((t) => t.kind)).toEqual(['order', 'refund', 'order', 'dispute']);
    expect(credit.byHand.map((f) => f.field)).toContain('refund_policy');

    const twin = order({ ...customer, externalId: '#901', createdAt: AT + 3_600_000, totalMinor: 12_990 });
    const dup = packFor(dispute({ network: 'stripe', reasonCode: 'duplicate' }), [twin]);
    expect(dup.duplicates).toEqual([expect.stringContaining('#901')]);
    expect(stripeEvidenceFileSchema.parse(dup.stripe).evidence).toMatchObject({ duplicate_charge_id: 'ch_901' });

    const sub = packFor(dispute({ reasonCode: '13.2' }), []);
    expect(sub.byHand.map((f) => f.field)).toEqual(expect.arrayContaining(['cancellation_policy', 'cancellation_rebuttal']));
    for (const c of Object.values(CASE_CONTENTS)) expect(c.files.map((f) => f.field)).toContain('uncategorized_file');
  });

  it('checks itself: a passed deadline and unticked evidence are named', () => {
    const late = packFor(dispute({ dueAt: NOW - 2 * DAY }), []);
    expect(late.checks).toContainEqual({ level: 'block', text: expect.stringMatching(/^The response deadline passed 2 d ago/) });
    expect(late.checks).toContainEqual({ level: 'todo', text: expect.stringMatching(/^7 of 7 evidence items are not ticked/) });
    expect(packFor(dispute(), [], true).checks.some((c) => c.text.includes('not ticked'))).toBe(false);
  });

  it('says so when the payment it prints is not the one the dispute names (that charge is not in the cache)', () => {
    const text =
      /^The dispute names payment 8836000000000001 \(Adyen\), which is not in the cache: the pack prints the order's payment ch_900 \(Stripe, €129.90\) in its place/;
    const other = packFor(dispute({ id: '8836000000009001', provider: 'adyen', paymentId: '8836000000000001' }), []);
    expect(other.checks).toContainEqual({ level: 'todo', text: expect.stringMatching(text) });
    expect(packFor(dispute(), []).checks.some((c) => c.text.startsWith('The dispute names payment'))).toBe(false);
    expect(packFor(dispute({ paymentId: '' }), []).checks.some((c) => c.text.startsWith('The dispute names payment'))).toBe(false);
  });

  it('lists attached files with size and SHA-256, and asks for each to be uploaded to the field its purpose names', () => {
    const base = packFor(dispute(), []);
    expect(base.attachments).toEqual([]);
    const files = [
      { id: 1, name: 'pod.png', type: 'png' as const, purpose: 'proof-of-delivery' as const, size: 35_000, sha256: 'a'.repeat(64), addedAt: AT },
      { id: 2, name: 'reply.eml', type: 'eml' as const, purpose: 'customer-email' as const, size: 812, sha256: 'b'.repeat(64), addedAt: AT },
    ];
    const pack = evidencePack({ ...inputOf(dispute()), attachments: files });
    expect(pack.attachments).toEqual(files);
    expect(pack.byHand.slice(0, 2)).toEqual([
      {
        field: 'shipping_documentation',
        kind: 'file',
        attachmentId: 1,
        what: `Attached: pod.png (Proof of delivery, PNG image, 34 KB, SHA-256 ${'a'.repeat(12)}…)`,
      },
      {
        field: 'customer_communication',
        kind: 'file',
        attachmentId: 2,
        what: `Attached: reply.eml (Customer e-mail, E-mail (.eml), 812 B, SHA-256 ${'b'.repeat(12)}…)`,
      },
    ]);
    expect(pack.checks).toContainEqual({ level: 'ok', text: expect.stringMatching(/^2 attached files \(35 KB in all\)/) });
  });
});
