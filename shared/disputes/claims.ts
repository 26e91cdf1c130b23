// Refund claims beside chargebacks: Amazon A-to-z Guarantee and SAFE-T claims, PayPal buyer claims
// (item not received, not as described) and marketplace return disputes. Each kind has a response
// window kept as dated data with its source (the address and the day it was read), which analysts
// edit when a marketplace changes its rules; a claim's deadline is its window applied to its start,
// unless the marketplace's notice names one. Pure.
import type { DisputeStatus } from '../domain/dispute';
import { currencyDecimals } from '../ingest/amounts';
import { acceptCorrection, NEXT_STATUS, pastDeadline } from './workflow';

export const CLAIM_KINDS = ['amazon-a-to-z', 'amazon-safe-t', 'paypal-inr', 'paypal-snad', 'marketplace-return'] as const;
export type ClaimKind = (typeof CLAIM_KINDS)[number];

export const CLAIM_KIND_LABEL: Record<ClaimKind, string> = {
  'amazon-a-to-z': 'Amazon A-to-z claim',
  'amazon-safe-t': 'Amazon SAFE-T claim',
  'paypal-inr': 'PayPal claim: not received',
  'paypal-snad': 'PayPal claim: not as described',
  'marketplace-return': 'Marketplace return dispute',
};

/** Whose claim it is: a claim is known by its marketplace and its reference (two marketplaces may share a reference). */
export const CLAIM_MARKETPLACE: Record<ClaimKind, 'amazon' | 'paypal' | 'other'> = {
  'amazon-a-to-z': 'amazon',
  'amazon-safe-t': 'amazon',
  'paypal-inr': 'paypal',
  'paypal-snad': 'paypal',
  'marketplace-return': 'other',
};

/** What the seller must do by the deadline, and from what the clock runs. */
export const CLAIM_DUTY: Record<ClaimKind, { duty: string; startsAt: string }> = {
  'amazon-a-to-z': { duty: 'respond to Amazon', startsAt: 'the claim or Amazon’s request' },
  'amazon-safe-t': { duty: 'file the SAFE-T claim', startsAt: 'the refund (or the return’s delivery scan)' },
  'paypal-inr': { duty: 'respond to PayPal', startsAt: 'the escalation to a claim' },
  'paypal-snad': { duty: 'respond to PayPal', startsAt: 'the escalation to a claim' },
  'marketplace-return': { duty: 'respond to the buyer', startsAt: 'the return request' },
};

/** Who decides a claim, and whom the seller answers, as a sentence names them. */
export const CLAIM_DECIDER: Record<ClaimKind, string> = {
  'amazon-a-to-z': 'Amazon',
  'amazon-safe-t': 'Amazon',
  'paypal-inr': 'PayPal',
  'paypal-snad': 'PayPal',
  'marketplace-return': 'the marketplace',
};

/**
 * The moves a claim is offered at `now`. In time, the disputes' workflow. Past its deadline, still
 * new or gathering evidence, an answer can no longer go in time: left unanswered, Amazon grants an
 * A-to-z claim, PayPal decides for the buyer, and a return's buyer may ask the marketplace to step in
 * (the windows' notes). So, as for a chargeback, the analyst accepts it or records what was decided
 * (won or lost). Claims have no submit guard to ask why a late answer went in, so no late
 * submission. A SAFE-T claim is the seller's own, filed with Amazon: one filed after its window is
 * rejected, so there is nothing left to win or for Amazon to decide, only to give it up (accepted).
 * Once submitted or decided, as in time.
 */
export function claimMovesAt(c: Pick<RefundClaim, 'kind' | 'status'> & { dueAt: number }, now: number): readonly DisputeStatus[] {
  if (!pastDeadline(c, now)) return NEXT_STATUS[c.status];
  return c.kind === 'amazon-safe-t' ? ['accepted'] : ['accepted', 'won', 'lost'];
}

/**
 * Where a claim recorded as accepted by mistake goes back to, or null, as for a dispute
 * (acceptCorrection): the accept the analyst logged while the marketplace's record (`c.status`, as
 * entered or imported) still has the claim open. Only while it can still come to something else than
 * being given up at `now`: a SAFE-T claim past its filing window can only be accepted again, so a
 * correction would change nothing. `logged`: the statuses logged for the claim, oldest first.
 */
export function claimAcceptCorrection(
  c: Pick<RefundClaim, 'kind' | 'status'> & { dueAt: number },
  logged: readonly DisputeStatus[],
  now: number,
): DisputeStatus | null {
  const to = acceptCorrection(c.status, logged);
  if (to === null) return null;
  return claimMovesAt({ kind: c.kind, status: to, dueAt: c.dueAt }, now).some((m) => m !== 'accepted') ? to : null;
}

/** When correcting a claim's accept is right: the record here was wrong, not the claim given up where it is decided. */
export function claimCorrectionCaveat(kind: ClaimKind): string {
  switch (kind) {
    case 'amazon-a-to-z':
      return 'Only if you did not refund the buyer for it at Amazon';
    case 'amazon-safe-t':
      return 'Only if you mean to file it with Amazon after all';
    case 'paypal-inr':
    case 'paypal-snad':
      return 'Only if it was not accepted at PayPal';
    case 'marketplace-return':
      return 'Only if the return was not accepted at the marketplace';
    default: {
      const never: never = kind;
      throw new Error(`unknown kind of claim ${String(never)}`);
    }
  }
}

/** What a claim past its deadline can still come to, for its panel (null while in time, answered or decided). */
export function claimLateText(c: Pick<RefundClaim, 'kind' | 'status'> & { dueAt: number }, now: number): string | null {
  if (!pastDeadline(c, now)) return null;
  if (c.kind === 'amazon-safe-t') return 'Too late to file: Amazon rejects a SAFE-T claim filed after its window. Accept it as given up.';
  return `Too late to respond in time: accept it, or record what ${CLAIM_DECIDER[c.kind]} decided (won or lost).`;
}

/**
 * The accept confirm, in the claim's own words: what accepting gives up, for an amount already
 * formatted. A claim against the seller (A-to-z, PayPal, a return) accepted is the buyer's: the
 * amount refunded to them. A SAFE-T claim is the seller's against Amazon: accepting it is not
 * filing it, and the refund already paid to the buyer is not reimbursed.
 */
export function claimAcceptText(kind: ClaimKind, amount: string): { question: string; givesUp: string; confirm: string } {
  switch (kind) {
    case 'amazon-a-to-z':
      return {
        question: `Accept this A-to-z claim of ${amount} without contesting it?`,
        givesUp: `The claim is granted: the ${amount} is refunded to the buyer at your cost, and you no longer respond to Amazon.`,
        confirm: `Accept and give up ${amount}`,
      };
    case 'amazon-safe-t':
      return {
        question: `Give up this SAFE-T claim of ${amount} without filing it?`,
        givesUp: `Amazon does not reimburse the ${amount} you refunded to the buyer, and a SAFE-T claim filed after its window is rejected.`,
        confirm: `Accept and give up ${amount}`,
      };
    case 'paypal-inr':
    case 'paypal-snad':
      return {
        question: `Accept this PayPal claim of ${amount} without contesting it?`,
        givesUp: `PayPal decides it for the buyer: the ${amount} is refunded to the buyer, and you no longer respond to PayPal.`,
        confirm: `Accept and give up ${amount}`,
      };
    case 'marketplace-return':
      return {
        question: `Accept this return dispute of ${amount} without contesting it?`,
        givesUp: `The buyer’s return request goes their way: the ${amount} is refunded to the buyer, and you no longer respond to them.`,
        confirm: `Accept and give up ${amount}`,
      };
    default: {
      const never: never = kind;
      throw new Error(`unknown kind of claim ${String(never)}`);
    }
  }
}

export const WINDOW_UNITS = ['hours', 'days', 'business-days'] as const;
export type WindowUnit = (typeof WINDOW_UNITS)[number];

export interface ClaimWindow {
  kind: ClaimKind;
  amount: number;
  unit: WindowUnit;
  /** First day (YYYY-MM-DD, UTC) a claim starting then gets this window; the latest row in force wins. */
  effectiveFrom: string;
  /** Where the window is stated: an address (or a document's name). */
  source: string;
  /** The day the source was read (YYYY-MM-DD). */
  readOn: string;
  note: string;
}

const READ = '2026-12-03';
/** No start date published: the window applies to every claim until a newer row. */
const ALWAYS = '2000-01-01';

/** Defaults as read on 2026-12-03 (Seller Central, PayPal, eBay and seller-service pages); analysts edit them as data. */
export const DEFAULT_CLAIM_WINDOWS: readonly ClaimWindow[] = [
  {
    kind: 'amazon-a-to-z',
    amount: 72,
    unit: 'hours',
    effectiveFrom: ALWAYS,
    source: 'https://sellercentral.amazon.com/gp/help/external/help.html?itemID=27951&language=en_US',
    readOn: READ,
    note: 'About A-to-Z Guarantee claims (US): when Amazon asks for more information "you must respond within 72 hours"; a claim where the customer’s contact went unanswered for 72 hours is granted. Appeal within 30 calendar days of a grant. Other marketplaces’ pages say 48 hours: edit per marketplace.',
  },
  {
    kind: 'amazon-safe-t',
    amount: 60,
    unit: 'days',
    effectiveFrom: ALWAYS,
    source: 'https://biginternetcommerce.com/amazon-safe-t-claim-filing-window-reduced-to-30-days-what-us-sellers-must-do-now',
    readOn: READ,
    note: 'Filing window for SAFE-T reimbursement claims before 16 February 2026: 60 days (as the source states the earlier rule). Counted from the refund, the return’s delivery scan or a lost parcel’s last scan.',
  },
  {
    kind: 'amazon-safe-t',
    amount: 30,
    unit: 'days',
    effectiveFrom: '2026-02-16',
    source: 'https://biginternetcommerce.com/amazon-safe-t-claim-filing-window-reduced-to-30-days-what-us-sellers-must-do-now',
    readOn: READ,
    note: 'US seller-fulfilled orders from 16 February 2026: 30 days instead of 60; claims filed later are rejected (also northline-seller-recovery.com, 2026-04-26). Seller-service summary, not an Amazon page: check Seller Central’s SAFE-T policy for your marketplace.',
  },
  {
    kind: 'paypal-inr',
    amount: 10,
    unit: 'days',
    effectiveFrom: ALWAYS,
    source: 'https://accountinginsights.org/what-happens-if-the-seller-doesnt-respond-to-a-paypal-claim',
    readOn: READ,
    note: 'Once a dispute is escalated to a claim the seller has 10 days to respond, else PayPal decides for the buyer. PayPal’s own help (paypal.com/…/regarding-a-recent-transaction-escalated-to-a-claim-faq3962) says the case in the Resolution Center shows the deadline: enter that when it differs.',
  },
  {
    kind: 'paypal-snad',
    amount: 10,
    unit: 'days',
    effectiveFrom: ALWAYS,
    source: 'https://accountinginsights.org/what-happens-if-the-seller-doesnt-respond-to-a-paypal-claim',
    readOn: READ,
    note: 'As for item not received: 10 days after the escalation to a claim; the Resolution Center shows the case’s own deadline.',
  },
  {
    kind: 'marketplace-return',
    amount: 3,
    unit: 'business-days',
    effectiveFrom: ALWAYS,
    source: 'https://www.ebay.co.uk/help/buying/default/ask-ebay-to-step-in?id=4701',
    readOn: READ,
    note: 'eBay: the seller should resolve a return request within 3 business days, after which the buyer can ask eBay to step in. Other marketplaces: add a row or enter the deadline from the notice.',
  },
];

/** The window in force for a claim of `kind` starting at `startedAt`: the latest row whose day has come. */
export function windowFor(kind: ClaimKind, startedAt: number, windows: readonly ClaimWindow[]): ClaimWindow | null {
  const day = new Date(startedAt).toISOString().slice(0, 10);
  let best: ClaimWindow | null = null;
  for (const w of windows) if (w.kind === kind && w.effectiveFrom <= day && (!best || w.effectiveFrom >= best.effectiveFrom)) best = w;
  return best;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** `start` plus the window: hours and calendar days as elapsed time, business days skipping Saturdays and Sundays (UTC). */
export function addWindow(start: number, amount: number, unit: WindowUnit): number {
  switch (unit) {
    case 'hours':
      return start + amount * HOUR;
    case 'days':
      return start + amount * DAY;
    case 'business-days': {
      let t = start;
      for (let left = amount; left > 0;) {
        t += DAY;
        const wd = new Date(t).getUTCDay();
        if (wd !== 0 && wd !== 6) left--;
      }
      return t;
    }
    default: {
      const never: never = unit;
      throw new Error(`unknown window unit ${String(never)}`);
    }
  }
}

export const UNIT_LABEL: Record<WindowUnit, [one: string, many: string]> = {
  hours: ['hour', 'hours'],
  days: ['day', 'days'],
  'business-days': ['business day', 'business days'],
};

/** "72 hours", "3 business days". */
export function describeWindow(w: Pick<ClaimWindow, 'amount' | 'unit'>): string {
  return `${w.amount} ${UNIT_LABEL[w.unit][w.amount === 1 ? 0 : 1]}`;
}

/** A refund claim as entered: the marketplace's reference, its order, amount, start and state. */
export interface RefundClaim {
  /** The marketplace's claim or case reference (an A-to-z claim id, a PayPal case PP-D-…). */
  id: string;
  kind: ClaimKind;
  /** The order number as the marketplace shows it. */
  orderRef: string;
  amountMinor: number;
  currency: string;
  /** When the clock started: the claim filed, the refund issued (SAFE-T), the return requested. */
  openedAt: number;
  /** The deadline the marketplace's notice names, when it names one (epoch ms); null: from the window. */
  noticeDueAt: number | null;
  status: DisputeStatus;
  /** What the buyer says, in a few words (no personal data). */
  reason: string;
  createdAt: number;
  analyst: string;
}

export interface ClaimDeadline {
  /** 0 when no window is known and the notice named none. */
  dueAt: number;
  from: 'notice' | 'window' | 'none';
  window: ClaimWindow | null;
  /** How the deadline was reached, e.g. "72 hours from the claim or Amazon’s request (source, read 2026-12-03)". */
  text: string;
}

export function claimDeadline(c: Pick<RefundClaim, 'kind' | 'openedAt' | 'noticeDueAt'>, windows: readonly ClaimWindow[]): ClaimDeadline {
  const window = windowFor(c.kind, c.openedAt, windows);
  const { duty, startsAt } = CLAIM_DUTY[c.kind];
  if (c.noticeDueAt) return { dueAt: c.noticeDueAt, from: 'notice', window, text: `the deadline the notice names to ${duty}` };
  if (!window)
    return { dueAt: 0, from: 'none', window: null, text: `no response window for this kind of claim at that date: add one, or enter the notice’s deadline` };
  return {
    dueAt: addWindow(c.openedAt, window.amount, window.unit),
    from: 'window',
    window,
    text: `${describeWindow(window)} from ${startsAt} to ${duty} (${window.source}, read ${window.readOn})`,
  };
}

const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;

/** Windows as the analyst saved them, checked; throws naming the first row that is wrong. */
export function cleanClaimWindows(list: readonly ClaimWindow[]): ClaimWindow[] {
  return list.map((w, i) => {
    const row = `Window ${i + 1}`;
    if (!(CLAIM_KINDS as readonly string[]).includes(w.kind)) throw new Error(`${row}: unknown kind of claim`);
    if (!(WINDOW_UNITS as readonly string[]).includes(w.unit)) throw new Error(`${row}: the unit is hours, days or business days`);
    if (!Number.isInteger(w.amount) || w.amount < 1 || w.amount > 3650) throw new Error(`${row}: the window is a whole number from 1 to 3650`);
    if (!DAY_RE.test(w.effectiveFrom.trim())) throw new Error(`${row}: "from" is a day, YYYY-MM-DD`);
    if (!w.source.trim()) throw new Error(`${row}: name the source (its address), so the window can be checked`);
    if (!DAY_RE.test(w.readOn.trim())) throw new Error(`${row}: say the day the source was read, YYYY-MM-DD`);
    return { ...w, effectiveFrom: w.effectiveFrom.trim(), source: w.source.trim(), readOn: w.readOn.trim(), note: w.note.trim() };
  });
}

/**
 * An amount as the analyst types it ("49.99", "49,99", "1200") in minor units of `currency` (ISO 4217:
 * JPY has none, KWD three), as an import stores it; NaN when it is not a number or has more decimals
 * than the currency.
 */
export function claimAmountMinor(text: string, currency: string): number {
  const m = /^\s*(\d+)(?:[.,](\d+))?\s*$/.exec(text);
  if (!m) return NaN;
  const decimals = currencyDecimals(currency.trim().toUpperCase());
  const frac = m[2] ?? '';
  if (frac.length > decimals) return NaN;
  return Number(m[1]) * 10 ** decimals + Number(frac.padEnd(decimals, '0') || '0');
}
