// Adyen's defense of a dispute as a file: the defense reason the pack argues for the dispute's scheme
// and claim, the defense document types that reason takes (Required, OneOrMore, Optional), which of
// them the evidence pack and the attached files fill, and which must still be uploaded by hand. In
// the names of Adyen's Disputes API (v30): defenseReasonCode, defenseDocumentTypeCode,
// requirementLevel; supplyDefenseDocument takes a document's contentType and content; defendDispute
// the reason. Pure.
//
// Reasons and their document types as Adyen's own code lists them: the mock data of
// Adyen/adyen-platform-experience-web (mocks/mock-data/disputes.ts: Mastercard and Visa reasons
// per fraud / consumer category, with each reason's document types and requirement levels) and
// the retrieveApplicableDefenseReasons test of Adyen/adyen-node-api-library (GoodsNotReturned,
// GoodsRepairedOrReplaced, GoodsWereAsDescribed, SupplyDefenseMaterial). Adyen's API reference says
// the full list of codes is given by Adyen Support, and retrieveApplicableDefenseReasons answers
// per dispute, so the file names its reason as the pack's choice, to confirm there. Read 2026-12-03.
import { z } from 'zod';
import type { Dispute } from '../domain/dispute';
import type { AttachmentPurpose, AttachmentType } from './attachments';
import type { EvidenceCase } from './evidenceCase';

/**
 * Adyen's defense requirements (docs.adyen.com/risk-management/understanding-disputes/defense-requirements,
 * read 2026-12-03): JPG and TIFF up to 10 MB, PDF up to 2 MB; Diners and Discover 3 MB; Mastercard
 * at most 19 pages per chargeback defense document, an RFI's 4. Content types per the API's
 * DefenseDocument (image/jpg, image/jpeg, image/tiff, application/pdf). Per defense reason 1 or 2
 * files (adyen.help, "I cannot upload chargeback defense documents").
 */
export const ADYEN_LIMITS = {
  pdfBytes: 2 * 1024 * 1024,
  imageBytes: 10 * 1024 * 1024,
  dinersDiscoverBytes: 3 * 1024 * 1024,
  mastercardPages: 19,
  rfiPages: 4,
  filesPerDocumentType: 2,
} as const;
export const ADYEN_LIMITS_TEXT =
  'Adyen takes PDF up to 2 MB, JPG and TIFF up to 10 MB (Diners and Discover 3 MB), at most 19 pages per Mastercard chargeback document and 4 for a request for information, 1 or 2 files per document type';
export const ADYEN_SOURCE = 'https://docs.adyen.com/risk-management/understanding-disputes/defense-requirements (read 2026-12-03)';

/** The content type Adyen takes for an attached file's checked type; null: convert it first. */
const ADYEN_CONTENT_TYPE: Record<AttachmentType, 'application/pdf' | 'image/jpeg' | null> = {
  pdf: 'application/pdf',
  jpeg: 'image/jpeg',
  png: null,
  eml: null,
};

export const REQUIREMENT_LEVELS = ['Required', 'OneOrMore', 'Optional'] as const;
type Level = (typeof REQUIREMENT_LEVELS)[number];
type Reason = { code: string; documents: readonly [code: string, level: Level][] };
const R = (code: string, ...documents: [string, Level][]): Reason => ({ code, documents });

const SUPPLY_MATERIAL = R('SupplyDefenseMaterial', ['DefenseMaterial', 'Required'], ['TIDorInvoice', 'Optional']);

/** The reason the pack argues, per scheme and what the cardholder claims; others: the generic one. */
const REASONS: Record<'visa' | 'mastercard', Record<EvidenceCase, Reason>> = {
  mastercard: {
    fraud: R('CompellingEvidence', ['CardholderIdentification', 'Required']),
    not_received: R('GoodsOrServicesProvided', ['ProofOfGoodsOrServicesProvided', 'OneOrMore'], ['ProofOfAbilityToProvideServices', 'OneOrMore']),
    not_as_described: R('GoodsWereAsDescribed', ['GoodsWereAsDescribed', 'Required'], ['TIDorInvoice', 'Required']),
    credit_not_processed: R('GoodsNotReturned', ['GoodsNotReturned', 'Required'], ['TIDorInvoice', 'Optional']),
    duplicate: SUPPLY_MATERIAL,
    subscription_cancelled: R('CreditOrCancellationPolicyProperlyDisclosed', ['DisclosureAtPointOfInteraction', 'Required']),
    general: SUPPLY_MATERIAL,
  },
  visa: {
    fraud: R('AdditionalInformation', ['DefenseMaterial', 'Required']),
    not_received: R('MerchandiseReceived', ['DateMerchandiseShipped', 'Required'], ['ProofOfGoodsOrServicesProvided', 'Required']),
    not_as_described: R('InvalidChargeback', ['InvalidChargeback', 'Optional']),
    credit_not_processed: R('InvalidChargeback', ['InvalidChargeback', 'Optional']),
    duplicate: R('InvalidChargeback', ['InvalidChargeback', 'Optional']),
    subscription_cancelled: R('ServicesProvided', ['ProofOfGoodsOrServicesProvided', 'Required']),
    general: R('InvalidChargeback', ['InvalidChargeback', 'Optional']),
  },
};

/**
 * What each document type is, and what fills it: the evidence pack (its order, payment, card
 * checks, timeline and CE 3.0 pages) and attached files of these purposes.
 */
const DOCUMENTS: Record<string, { what: string; pack: boolean; purposes: readonly AttachmentPurpose[] }> = {
  DefenseMaterial: { what: 'the defense: the evidence pack', pack: true, purposes: [] },
  TIDorInvoice: { what: 'the transaction or invoice: the pack’s order and payment pages', pack: true, purposes: ['receipt'] },
  InvalidChargeback: { what: 'why the chargeback is invalid: the pack’s summary and timeline', pack: true, purposes: ['other'] },
  CardholderIdentification: { what: 'who the cardholder is: the pack’s payment, IP, device and earlier orders', pack: true, purposes: ['customer-email'] },
  ProofOfGoodsOrServicesProvided: { what: 'proof of delivery (carrier’s scan or signature)', pack: false, purposes: ['proof-of-delivery'] },
  ProofOfAbilityToProvideServices: { what: 'proof the goods were ready to ship (dispatch note, carrier label)', pack: false, purposes: ['receipt'] },
  DateMerchandiseShipped: { what: 'when the goods were shipped (carrier’s label or tracking)', pack: false, purposes: ['proof-of-delivery'] },
  GoodsWereAsDescribed: { what: 'the goods as described: the product page or listing', pack: false, purposes: ['screenshot'] },
  GoodsNotReturned: { what: 'that the goods were never returned (returns log, no return scan)', pack: false, purposes: ['other'] },
  DisclosureAtPointOfInteraction: { what: 'the cancellation terms shown at checkout', pack: false, purposes: ['screenshot'] },
};

export interface DefenseFileAttachment {
  id: number;
  purpose: AttachmentPurpose;
  type: AttachmentType;
  size: number;
  /** The name it is saved under from the dispute (its original name can carry personal data). */
  savedAs: string;
}

const documentSchema = z
  .object({
    defenseDocumentTypeCode: z.string().min(1).max(80),
    requirementLevel: z.enum(REQUIREMENT_LEVELS),
    description: z.string().min(1).max(300),
    /** What fills it, as files to upload with supplyDefenseDocument; empty: upload it by hand. */
    files: z
      .array(
        z
          .object({ file: z.string().min(1).max(200), contentType: z.enum(['application/pdf', 'image/jpeg']), from: z.enum(['evidence-pack', 'attachment']) })
          .strict(),
      )
      .max(ADYEN_LIMITS.filesPerDocumentType),
  })
  .strict();

export const adyenDefenseFileSchema = z
  .object({
    provider: z.literal('adyen'),
    disputePspReference: z.string().min(1).max(100),
    paymentPspReference: z.string().max(100),
    scheme: z.string().min(1).max(30),
    reasonCode: z.string().max(60),
    defenseReasonCode: z.string().min(1).max(80),
    defenseDocumentTypes: z.array(documentSchema).min(1),
    /** Every Required type and one of the OneOrMore types has a file. */
    satisfied: z.boolean(),
    toUploadByHand: z.array(
      z.object({ defenseDocumentTypeCode: z.string().min(1), requirementLevel: z.enum(REQUIREMENT_LEVELS), what: z.string().min(1) }).strict(),
    ),
    defendDispute: z.object({ disputePspReference: z.string().min(1), defenseReasonCode: z.string().min(1) }).strict(),
    limits: z.string().min(1),
    source: z.string().min(1),
  })
  .strict();
export type AdyenDefenseFile = z.infer<typeof adyenDefenseFileSchema>;

/** Disputes Adyen handles: the defense goes to Adyen's Disputes API, whatever the card scheme. */
export const isAdyenDispute = (d: Pick<Dispute, 'provider'>) => d.provider === 'adyen';

/** The evidence pack PDF as the analyst saves it from the dispute. */
export const packFileName = (disputeId: string) => `evidence-pack-${disputeId}.pdf`;

export interface AdyenDefense {
  file: AdyenDefenseFile;
  /** Attached files Adyen would refuse as they are, and why. */
  refused: { id: number; why: string }[];
}

/** The defense file for an Adyen dispute: its reason, the document types, what fills each, what is missing. */
export function adyenDefense(d: Dispute, caseOf: EvidenceCase, attachments: readonly DefenseFileAttachment[], hasOrder: boolean): AdyenDefense {
  const reason = d.network === 'visa' || d.network === 'mastercard' ? REASONS[d.network][caseOf] : SUPPLY_MATERIAL;
  // A Discover dispute's files take at most 3 MB each, whatever their type.
  const discover = d.network === 'discover';
  const perFileLimit = (type: AttachmentType) =>
    Math.min(type === 'pdf' ? ADYEN_LIMITS.pdfBytes : ADYEN_LIMITS.imageBytes, discover ? ADYEN_LIMITS.dinersDiscoverBytes : Infinity);
  const limitText = (type: AttachmentType) =>
    type !== 'pdf' && discover ? '3 MB for a Discover dispute' : type === 'pdf' ? '2 MB for a PDF' : '10 MB for an image';
  const refused: AdyenDefense['refused'] = [];
  const usable = attachments.filter((a) => {
    const why = !ADYEN_CONTENT_TYPE[a.type]
      ? `${a.savedAs} is ${a.type.toUpperCase()}: Adyen takes PDF, JPG or TIFF, so save it as PDF first`
      : a.size > perFileLimit(a.type)
        ? `${a.savedAs} is over Adyen’s ${limitText(a.type)}`
        : null;
    if (why) refused.push({ id: a.id, why });
    return !why;
  });
  const documents = reason.documents.map(([code, level]) => {
    const spec = DOCUMENTS[code] ?? { what: code, pack: false, purposes: [] };
    const files: AdyenDefenseFile['defenseDocumentTypes'][number]['files'] = [];
    if (spec.pack && hasOrder) files.push({ file: packFileName(d.id), contentType: 'application/pdf', from: 'evidence-pack' });
    for (const a of usable)
      if (spec.purposes.includes(a.purpose) && files.length < ADYEN_LIMITS.filesPerDocumentType)
        files.push({ file: a.savedAs, contentType: ADYEN_CONTENT_TYPE[a.type]!, from: 'attachment' });
    return { defenseDocumentTypeCode: code, requirementLevel: level, description: spec.what, files };
  });
  const missing = documents.filter((doc) => doc.files.length === 0);
  const oneOrMore = documents.filter((doc) => doc.requirementLevel === 'OneOrMore');
  const oneOrMoreMet = oneOrMore.length === 0 || oneOrMore.some((doc) => doc.files.length > 0);
  const toUploadByHand = missing
    .filter((doc) => doc.requirementLevel === 'Required' || (doc.requirementLevel === 'OneOrMore' && !oneOrMoreMet))
    .map((doc) => ({ defenseDocumentTypeCode: doc.defenseDocumentTypeCode, requirementLevel: doc.requirementLevel, what: doc.description }));
  const file: AdyenDefenseFile = {
    provider: 'adyen',
    disputePspReference: d.id,
    paymentPspReference: d.paymentId,
    scheme: d.network,
    reasonCode: d.reasonCode,
    defenseReasonCode: reason.code,
    defenseDocumentTypes: documents,
    satisfied: toUploadByHand.length === 0,
    toUploadByHand,
    defendDispute: { disputePspReference: d.id, defenseReasonCode: reason.code },
    limits: ADYEN_LIMITS_TEXT,
    source: ADYEN_SOURCE,
  };
  return { file, refused };
}

/** The pack's checks of its Adyen file, in the pack's levels: `block` Adyen would refuse, `todo` the analyst adds. */
export function adyenChecks(defense: AdyenDefense): { level: 'ok' | 'todo' | 'block'; text: string }[] {
  const f = defense.file;
  const parsed = adyenDefenseFileSchema.safeParse(f);
  const out: { level: 'ok' | 'todo' | 'block'; text: string }[] = parsed.success
    ? [
        {
          level: 'ok',
          text: `Adyen defense file matches Adyen’s names and shapes: defense reason ${f.defenseReasonCode} (confirm it with retrieveApplicableDefenseReasons)`,
        },
      ]
    : parsed.error.issues.map((i) => ({ level: 'block' as const, text: `Adyen defense file: ${i.path.join('.') || 'file'}: ${i.message}` }));
  for (const doc of f.toUploadByHand)
    out.push({ level: 'todo', text: `Adyen: upload by hand as ${doc.defenseDocumentTypeCode} (${doc.requirementLevel}): ${doc.what}` });
  for (const r of defense.refused) out.push({ level: 'block', text: `Adyen would refuse ${r.why}` });
  out.push({ level: 'ok', text: `Adyen limits: ${ADYEN_LIMITS_TEXT} (${ADYEN_SOURCE})` });
  return out;
}
