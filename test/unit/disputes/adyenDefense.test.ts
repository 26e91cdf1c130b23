// Adyen's defense documents by defense reason: the reason per scheme and claim, which document types
// the pack and the attached files fill, what is left to upload by hand, Adyen's format and size
// limits, and the file against its shape; in the pack only for disputes Adyen handles.
import { describe, expect, it } from 'vitest';
import { ADYEN_LIMITS, adyenChecks, adyenDefense, adyenDefenseFileSchema, type DefenseFileAttachment } from '../../../shared/disputes/adyenDefense';
import { evidencePack } from '../../../shared/disputes/evidence';
import type { Dispute } from '../../../shared/domain/dispute';
import { orderKey } from '../../../shared/domain/order';
import { order } from '../normalize/orderFixture';

const NOW = Date.UTC(2026, 10, 18, 14);
const placed = order({ externalId: '#700', createdAt: Date.UTC(2026, 9, 1), totalMinor: 8_990, shipName: 'Jan Muster' });
const dispute = (fields: Partial<Dispute> = {}): Dispute => ({
  id: 'DZ4DPSHB4WD2WN82',
  provider: 'adyen',
  paymentId: '8815798214051270',
  orderKey: orderKey(placed),
  network: 'mastercard',
  reasonCode: '4855',
  amountMinor: 8_990,
  currency: 'EUR',
  openedAt: Date.UTC(2026, 10, 10),
  dueAt: NOW + 5 * 86_400_000,
  status: 'new',
  ...fields,
});
const file = (id: number, purpose: DefenseFileAttachment['purpose'], type: DefenseFileAttachment['type'] = 'pdf', size = 200_000): DefenseFileAttachment => ({
  id,
  purpose,
  type,
  size,
  savedAs: `DZ4DPSHB4WD2WN82-attachment-${id}.${type === 'jpeg' ? 'jpg' : type}`,
});

describe('Adyen defense documents by defense reason', () => {
  it('Mastercard goods not received: GoodsOrServicesProvided, filled by an attached proof of delivery; without one, the proof is to upload by hand', () => {
    const none = adyenDefense(dispute(), 'not_received', [], true).file;
    expect(none.defenseReasonCode).toBe('GoodsOrServicesProvided');
    expect(none.defenseDocumentTypes.map((t) => [t.defenseDocumentTypeCode, t.requirementLevel])).toEqual([
      ['ProofOfGoodsOrServicesProvided', 'OneOrMore'],
      ['ProofOfAbilityToProvideServices', 'OneOrMore'],
    ]);
    expect(none.satisfied).toBe(false);
    expect(none.toUploadByHand.map((t) => t.defenseDocumentTypeCode)).toEqual(['ProofOfGoodsOrServicesProvided', 'ProofOfAbilityToProvideServices']);

    const proved = adyenDefense(dispute(), 'not_received', [file(3, 'proof-of-delivery', 'jpeg')], true).file;
    expect(proved.defenseDocumentTypes[0]!.files).toEqual([{ file: 'DZ4DPSHB4WD2WN82-attachment-3.jpg', contentType: 'image/jpeg', from: 'attachment' }]);
    // One of the OneOrMore types is enough.
    expect(proved.satisfied).toBe(true);
    expect(proved.toUploadByHand).toEqual([]);
    expect(proved.defendDispute).toEqual({ disputePspReference: 'DZ4DPSHB4WD2WN82', defenseReasonCode: 'GoodsOrServicesProvided' });
    expect(adyenDefenseFileSchema.safeParse(proved).success).toBe(true);
  });

  it('Visa fraud: AdditionalInformation, its defense material the evidence pack itself; no pack without the order', () => {
    const withOrder = adyenDefense(dispute({ network: 'visa', reasonCode: '10.4' }), 'fraud', [], true).file;
    expect(withOrder).toMatchObject({ defenseReasonCode: 'AdditionalInformation', satisfied: true });
    expect(withOrder.defenseDocumentTypes[0]!.files).toEqual([
      { file: 'evidence-pack-DZ4DPSHB4WD2WN82.pdf', contentType: 'application/pdf', from: 'evidence-pack' },
    ]);
    const noOrder = adyenDefense(dispute({ network: 'visa', reasonCode: '10.4' }), 'fraud', [], false).file;
    expect(noOrder.toUploadByHand).toEqual([
      { defenseDocumentTypeCode: 'DefenseMaterial', requirementLevel: 'Required', what: 'the defense: the evidence pack' },
    ]);
  });

  it('Mastercard not as described needs both Required types: the invoice from the pack, the product page by hand', () => {
    const f = adyenDefense(dispute({ reasonCode: '4853' }), 'not_as_described', [], true).file;
    expect(f.defenseReasonCode).toBe('GoodsWereAsDescribed');
    expect(f.toUploadByHand.map((t) => t.defenseDocumentTypeCode)).toEqual(['GoodsWereAsDescribed']);
    expect(f.satisfied).toBe(false);
  });

  it('another scheme takes the generic SupplyDefenseMaterial', () => {
    expect(adyenDefense(dispute({ network: 'amex', reasonCode: 'F29' }), 'fraud', [], true).file.defenseReasonCode).toBe('SupplyDefenseMaterial');
  });

  it('names the files Adyen would refuse: a PNG or an e-mail by type, a PDF over 2 MB by size; an image up to 10 MB is taken', () => {
    const d = adyenDefense(
      dispute(),
      'not_received',
      [
        file(1, 'proof-of-delivery', 'png'),
        file(2, 'customer-email', 'eml'),
        file(3, 'proof-of-delivery', 'pdf', ADYEN_LIMITS.pdfBytes + 1),
        file(4, 'proof-of-delivery', 'jpeg', ADYEN_LIMITS.imageBytes),
      ],
      true,
    );
    expect(d.refused.map((r) => r.id)).toEqual([1, 2, 3]);
    expect(d.refused[0]!.why).toMatch(/is PNG: Adyen takes PDF, JPG or TIFF/);
    expect(d.refused[2]!.why).toMatch(/over Adyen’s 2 MB for a PDF/);
    expect(d.file.defenseDocumentTypes[0]!.files.map((x) => x.file)).toEqual(['DZ4DPSHB4WD2WN82-attachment-4.jpg']);
    const checks = adyenChecks(d);
    expect(checks.filter((c) => c.level === 'block').map((c) => c.text)).toHaveLength(3);
    expect(checks.at(-1)!.text).toMatch(/PDF up to 2 MB, JPG and TIFF up to 10 MB.*19 pages per Mastercard/);
  });

  it('the schema refuses a file that is not Adyen’s shape', () => {
    const f = adyenDefense(dispute(), 'general', [], true).file;
    expect(adyenDefenseFileSchema.safeParse({ ...f, defenseReasonCode: '' }).success).toBe(false);
    expect(adyenDefenseFileSchema.safeParse({ ...f, extra: 1 }).success).toBe(false);
    expect(adyenChecks({ file: { ...f, defenseDocumentTypes: [] }, refused: [] })[0]!.level).toBe('block');
  });
});

describe('the evidence pack', () => {
  const input = (d: Dispute) => ({
    dispute: d,
    family: 'consumer' as const,
    reasonLabel: 'Goods or services not provided',
    disputed: { order: placed, payment: null, disputes: [d] },
    ce3: null,
    history: [{ order: placed, payment: null, disputes: [d] }],
    checklist: [],
    now: NOW,
  });

  it('carries Adyen’s file and its checks for an Adyen dispute: the reason, what to upload by hand, the limits', () => {
    const pack = evidencePack(input(dispute()));
    expect(pack.adyen?.defenseReasonCode).toBe('GoodsOrServicesProvided');
    const texts = pack.checks.map((c) => c.text);
    expect(texts).toContain('Adyen: upload by hand as ProofOfGoodsOrServicesProvided (OneOrMore): proof of delivery (carrier’s scan or signature)');
    expect(texts.some((t) => t.startsWith('Adyen limits: Adyen takes PDF up to 2 MB'))).toBe(true);
  });

  it('asks nothing of Stripe for an Adyen dispute: no Stripe checks, no Stripe fields to fill by hand, the items added in Adyen', () => {
    const pack = evidencePack(input(dispute()));
    const texts = pack.checks.map((c) => c.text);
    expect(texts.filter((t) => /Stripe/.test(t))).toEqual([]);
    expect(pack.byHand).toEqual([]);
    expect(texts).toContain('Product description names the order, not its items (the cache has no order lines): add the items in Adyen');
    expect(texts).toContain('Mastercard: keep the pack and the files you upload within 19 pages in all');
  });

  it('has no Adyen file for a dispute Stripe handles', () => {
    const pack = evidencePack(input(dispute({ provider: 'stripe' })));
    expect(pack.adyen).toBeNull();
    expect(pack.checks.some((c) => c.text.startsWith('Adyen'))).toBe(false);
    // Stripe's own: its JSON checked, its fields to fill by hand.
    expect(pack.checks.map((c) => c.text)).toContain('Stripe evidence JSON matches Stripe’s field names and shapes');
    expect(pack.byHand.length).toBeGreaterThan(0);
  });
});
