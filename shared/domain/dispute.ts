// A dispute, chargeback or retrieval request against a payment, with its response deadline.

// `other`: a card the file names whose network has no reason table here (JCB, UnionPay, Cartes
// Bancaires): its chargebacks are kept, their codes shown as written, never read with another's table.
export const CARD_NETWORKS = ['visa', 'mastercard', 'amex', 'discover', 'paypal', 'stripe', 'other'] as const;
export type CardNetwork = (typeof CARD_NETWORKS)[number];

export const DISPUTE_STATUSES = ['new', 'gathering_evidence', 'submitted', 'won', 'lost', 'accepted'] as const;
export type DisputeStatus = (typeof DISPUTE_STATUSES)[number];

/** The outcomes: a dispute (or a refund claim) in one of these is decided, nothing is left to answer. */
const DECIDED_STATUSES: ReadonlySet<string> = new Set<DisputeStatus>(['won', 'lost', 'accepted']);

export function isDecided(status: DisputeStatus): boolean {
  return DECIDED_STATUSES.has(status);
}

/**
 * What a dispute record is before it is a chargeback: a request for information (a retrieval
 * request, Adyen's RequestForInformation, a Stripe inquiry) or an issuer's fraud report (Visa TC40,
 * Mastercard SAFE, Adyen's NotificationOfFraud). Neither takes money back; the card schemes'
 * programmes and the win rate count chargebacks (and Visa's VAMP also fraud reports), never
 * inquiries. A record without a stage is a chargeback.
 */
export const DISPUTE_STAGES = ['inquiry', 'fraud_report'] as const;
export type DisputeStage = (typeof DISPUTE_STAGES)[number];

export const DISPUTE_STAGE_LABEL: Record<DisputeStage, string> = { inquiry: 'Inquiry', fraud_report: 'Fraud report' };

/**
 * How far the issuer took a chargeback after the merchant's first answer: Adyen's `SecondChargeback`
 * (the issuer declined the defence and debits again; final in almost all cases, answerable only where
 * the report gives a new defence period) and a pre-arbitration. Once a record says so, it stays so.
 */
export const DISPUTE_ESCALATIONS = ['second_chargeback', 'pre_arbitration'] as const;
export type DisputeEscalation = (typeof DISPUTE_ESCALATIONS)[number];

export const DISPUTE_ESCALATION_LABEL: Record<DisputeEscalation, string> = {
  second_chargeback: 'Second chargeback',
  pre_arbitration: 'Pre-arbitration',
};

/** A chargeback, not an inquiry or a fraud report (records imported before stages existed are chargebacks). */
export function isChargeback(d: Pick<Dispute, 'stage'>): boolean {
  return d.stage === undefined;
}

export interface Dispute {
  /** PSP dispute reference, e.g. Stripe `dp_…`. */
  id: string;
  provider: string;
  paymentId: string;
  /** Order key (`source:externalId`) the dispute belongs to, when known. */
  orderKey: string;
  network: CardNetwork;
  /** Reason code as the network or PSP writes it: `10.4`, `4837`, `fraudulent`; empty where the file gives none. */
  reasonCode: string;
  /** The reason in words where the file gives them beside the code (Adyen's Dispute Reason: `Fraud`, `Consumer`). */
  reasonText?: string;
  /**
   * The card brand or payment method as the file names it (`jcb`, `cup`), kept where the network is
   * `other`: the rules read the network, the analyst reads the brand.
   */
  brand?: string;
  amountMinor: number;
  currency: string;
  openedAt: number;
  /** Evidence due date (epoch ms); 0 when no response is allowed. */
  dueAt: number;
  status: DisputeStatus;
  /** Absent for a chargeback the issuer has not taken further after the merchant's answer. */
  escalation?: DisputeEscalation;
  /** Absent for a chargeback; once a chargeback, always one (a later or older file's inquiry row does not undo it). */
  stage?: DisputeStage;
  /**
   * When a dispute opened as an inquiry or a fraud report became a chargeback (epoch ms); absent when
   * it was a chargeback from its first record. `openedAt` stays when the case opened; the card
   * schemes, and so the programmes and the KPIs, count a chargeback when it was raised (chargebackDate).
   */
  chargebackAt?: number;
  /**
   * When the provider's event that gave `status` happened (epoch ms), where the export dates each
   * event (Adyen's Record Date); absent where it does not (Stripe's exports). Only a later event
   * than this one reopens a decided dispute: files are imported in any order.
   */
  statusAt?: number;
}

/** When a chargeback was raised: when it became one after an inquiry or a fraud report, else when it opened. */
export function chargebackDate(d: Pick<Dispute, 'openedAt' | 'chargebackAt'>): number {
  return d.chargebackAt ?? d.openedAt;
}
