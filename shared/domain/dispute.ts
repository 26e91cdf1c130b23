// A dispute, chargeback or retrieval request against a payment, with its response deadline.

export const CARD_NETWORKS = ['visa', 'mastercard', 'amex', 'paypal', 'stripe'] as const;
export type CardNetwork = (typeof CARD_NETWORKS)[number];

export const DISPUTE_STATUSES = ['new', 'gathering_evidence', 'submitted', 'won', 'lost', 'accepted'] as const;
export type DisputeStatus = (typeof DISPUTE_STATUSES)[number];

export interface Dispute {
  /** PSP dispute reference, e.g. Stripe `dp_…`. */
  id: string;
  provider: string;
  paymentId: string;
  /** Order key (`source:externalId`) the dispute belongs to, when known. */
  orderKey: string;
  network: CardNetwork;
  /** Reason code as the network or PSP writes it: `10.4`, `4837`, `fraudulent`. */
  reasonCode: string;
  amountMinor: number;
  currency: string;
  openedAt: number;
  /** Evidence due date (epoch ms); 0 when no response is allowed. */
  dueAt: number;
  status: DisputeStatus;
}
