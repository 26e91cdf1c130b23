// When a value shared by many identities is a hub (held back) and when it is a ring: by evidence,
// per key type. Steady use by many over months is a parcel locker, a warehouse or an office
// proxy; many identities on one device, card, e-mail or phone within days is the strongest fraud
// signal there is, whatever the count. The thresholds are data the analyst can change.
import { KEY_TYPES, type KeyType } from '../normalize';
import type { KeyIndex } from './keyIndex';

export interface HubRule {
  /** A value is a hub candidate when more identities than this use it... */
  identities: number;
  /** ...over more than this many days between first and last use... */
  steadyDays: number;
  /** ...unless this share (0-1) of its identities or more used it within `burstDays` of each other. */
  burstShare: number;
  burstDays: number;
  /**
   * ...or this share (0-1) of its identities, two at least, are known fraud (fraud chargebacks, or
   * orders a labelled export called fraud): a device or card many people use for months is no
   * locker when a quarter of them turn out to be fraud. Above 1: off.
   */
  fraudShare: number;
}

/**
 * Defaults (README, Rings): 8 identities is more than a household or a small office shares;
 * 45 days separates a campaign from steady use; half the identities within a week (a day for
 * IPs, which rotate) is a burst, not a locker; a quarter of its identities with known fraud (fraud
 * chargebacks or labelled outcomes) is a fraud operation working slowly, far above any locker's share of fraud (card-not-present
 * fraud is well under 1 % of orders). Collection points marked by their text are hubs by these
 * figures only when many used them within days (judgeMarkedPoint), unless the analyst allows them.
 */
export const DEFAULT_HUB_RULES: Readonly<Record<KeyType, HubRule>> = {
  card: { identities: 8, steadyDays: 45, burstShare: 0.5, burstDays: 7, fraudShare: 0.25 },
  device: { identities: 8, steadyDays: 45, burstShare: 0.5, burstDays: 7, fraudShare: 0.25 },
  email: { identities: 8, steadyDays: 45, burstShare: 0.5, burstDays: 7, fraudShare: 0.25 },
  phone: { identities: 8, steadyDays: 45, burstShare: 0.5, burstDays: 7, fraudShare: 0.25 },
  address: { identities: 8, steadyDays: 45, burstShare: 0.5, burstDays: 7, fraudShare: 0.25 },
  ip: { identities: 8, steadyDays: 45, burstShare: 0.5, burstDays: 1, fraudShare: 0.25 },
  account: { identities: 8, steadyDays: 45, burstShare: 0.5, burstDays: 7, fraudShare: 0.25 },
  name: { identities: 8, steadyDays: 45, burstShare: 0.5, burstDays: 7, fraudShare: 0.25 },
};

export type HubRules = Partial<Record<KeyType, Partial<HubRule>>>;

/** The rule for each key type: defaults, then the analyst's table, then a one-off count or span. */
export function hubRulesFor(rules: HubRules = {}, overrides: { identities?: number; steadyDays?: number } = {}): Record<KeyType, HubRule> {
  const out = {} as Record<KeyType, HubRule>;
  for (const t of KEY_TYPES) out[t] = { ...DEFAULT_HUB_RULES[t], ...rules[t], ...overrides };
  return out;
}

/** What is wrong with a rule, in the analyst's words; null when it is fine. */
export function hubRuleProblem(r: HubRule): string | null {
  if (!Number.isInteger(r.identities) || r.identities < 2 || r.identities > 10_000) return 'the number of identities must be a whole number from 2 to 10,000';
  if (!Number.isFinite(r.steadyDays) || r.steadyDays < 0 || r.steadyDays > 3650) return 'the steady-use span must be from 0 to 3,650 days';
  if (!Number.isFinite(r.burstDays) || r.burstDays <= 0 || r.burstDays > 365) return 'the burst window must be more than 0 and at most 365 days';
  if (!Number.isFinite(r.burstShare) || r.burstShare <= 0 || r.burstShare > 2) return 'the burst share must be more than 0 (above 1 turns burst detection off)';
  if (!Number.isFinite(r.fraudShare) || r.fraudShare <= 0 || r.fraudShare > 2) return 'the fraud share must be more than 0 (above 1 turns the fraud check off)';
  return null;
}

/** What was weighed for one value: its identities, their span and the densest burst. */
export interface HubEvidence {
  identities: number;
  spanDays: number;
  /** Most identities that used it within `burstDays` of each other. */
  burstIdentities: number;
  burstDays: number;
  /** Identities among them with known fraud: fraud chargebacks or orders labelled fraud (when either was at hand). */
  fraudIdentities?: number;
}

/** Whether order position i is known fraud: it drew a fraud chargeback (a fraud-family reason; not an inquiry) or a labelled export called it fraud. */
export type FraudOrder = (i: number) => boolean;

/** Distinct identities among key k's orders for which `fraud` holds. */
function fraudIdentitiesOf(index: KeyIndex, k: number, fraud: FraudOrder): number {
  const seen = new Set<number>();
  for (let j = index.keyStart[k] as number; j < (index.keyStart[k + 1] as number); j++) {
    const i = index.keyOrders[j] as number;
    if (fraud(i)) seen.add(index.customerOf[i] as number);
  }
  return seen.size;
}

const DAY_MS = 86_400_000;

/** The most distinct identities among key k's live orders within any window of `windowMs`. */
export function densestBurst(index: KeyIndex, k: number, windowMs: number): number {
  const start = index.keyStart[k] as number;
  const end = index.keyStart[k + 1] as number;
  const uses: { t: number; c: number }[] = [];
  for (let j = start; j < end; j++) {
    const i = index.keyOrders[j] as number;
    uses.push({ t: index.orderTime[i] as number, c: index.customerOf[i] as number });
  }
  uses.sort((a, b) => a.t - b.t);
  const inWindow = new Map<number, number>();
  let best = 0;
  let lo = 0;
  for (let hi = 0; hi < uses.length; hi++) {
    const u = uses[hi]!;
    inWindow.set(u.c, (inWindow.get(u.c) ?? 0) + 1);
    while (u.t - uses[lo]!.t > windowMs) {
      const c = uses[lo++]!.c;
      const left = inWindow.get(c)! - 1;
      if (left === 0) inWindow.delete(c);
      else inWindow.set(c, left);
    }
    best = Math.max(best, inWindow.size);
  }
  return best;
}

/** What is weighed for key k, whatever the verdict: its identities, the days between first and last use, the densest burst. */
export function hubEvidenceOf(index: KeyIndex, k: number, burstDays: number): HubEvidence {
  const identities = index.customersOf(k);
  const spanDays = Math.round(index.spanMsOf(k) / DAY_MS);
  return { identities, spanDays, burstIdentities: densestBurst(index, k, burstDays * DAY_MS), burstDays };
}

/**
 * Hub or not for a key that is not marked as a collection point: null when it is too small or
 * too short-lived to be a hub candidate; else the evidence and the verdict.
 */
export function judgeSharedKey(index: KeyIndex, k: number, rule: HubRule, fraud?: FraudOrder): { hub: boolean; evidence: HubEvidence } | null {
  // No more identities than orders: most keys are dismissed without counting their customers.
  if ((index.keyStart[k + 1] as number) - (index.keyStart[k] as number) <= rule.identities) return null;
  if (index.customersOf(k) <= rule.identities || index.spanMsOf(k) <= rule.steadyDays * DAY_MS) return null;
  const evidence = hubEvidenceOf(index, k, rule.burstDays);
  const { identities, burstIdentities } = evidence;
  if (burstIdentities >= rule.burstShare * identities) return { hub: false, evidence };
  if (!fraud) return { hub: true, evidence };
  const fraudIdentities = fraudIdentitiesOf(index, k, fraud);
  evidence.fraudIdentities = fraudIdentities;
  return { hub: fraudIdentities < Math.max(2, rule.fraudShare * identities), evidence };
}

/**
 * Hub or burst for a key marked as a collection point or forwarder by its text: a hub, unless more
 * identities than `burstShare` of a hub's (5 of 8 by default) used it within `burstDays`, half or
 * more of all that used it. Strangers meet at a busy Packstation over months, a few within a week;
 * five accounts collecting there within days are one operation, as on any other value.
 */
export function judgeMarkedPoint(index: KeyIndex, k: number, rule: HubRule): { hub: boolean; evidence: HubEvidence } {
  const evidence = hubEvidenceOf(index, k, rule.burstDays);
  const { identities, burstIdentities } = evidence;
  return { hub: !(burstIdentities > rule.burstShare * rule.identities && burstIdentities >= rule.burstShare * identities), evidence };
}

/**
 * Whether key k is held back as a hub (marked as a collection point by its text, or in steady use
 * by many), judged once per key: what happens on a hub is many people's, not one customer's.
 */
export function heldBackAsHub(index: KeyIndex, rules: Readonly<Record<KeyType, HubRule>>, fraud?: FraudOrder): (k: number) => boolean {
  const hub = new Map<number, boolean>();
  return (k) => {
    let h = hub.get(k);
    if (h === undefined) {
      const info = index.key(k);
      h = info.marked ? judgeMarkedPoint(index, k, rules[info.type]).hub : (judgeSharedKey(index, k, rules[info.type], fraud)?.hub ?? false);
      hub.set(k, h);
    }
    return h;
  };
}

/** "52 identities over 356 days, 3 of them within 7 days" */
function evidenceSpan(e: HubEvidence): string {
  return `${e.identities} identities over ${e.spanDays} days, ${e.burstIdentities} of them within ${e.burstDays} day${e.burstDays === 1 ? '' : 's'}`;
}

/** "9 identities over 120 days, at most 2 within 7 days: steady use" for the hubs list. */
export function describeHubEvidence(e: HubEvidence, hub: boolean): string {
  const span = evidenceSpan(e);
  // Fraud is weighed only for steady use (a burst links before it is counted): counted means steady.
  const fraud = e.fraudIdentities === undefined ? '' : `, ${e.fraudIdentities} with known fraud`;
  if (hub) return `${span}${fraud}: steady use by many, held back as a hub`;
  return e.fraudIdentities === undefined
    ? `${span}: a burst, linked as a ring`
    : `${span}${fraud}: steady use, but by too many with known fraud, linked as a ring`;
}

/**
 * A collection point or forwarder, held back by its text (or linked, being a burst); the figures
 * all the same, as for every other hub, so the analyst can weigh an allow.
 */
export function describeMarkedHub(e: HubEvidence, hub = true): string {
  return hub
    ? `${evidenceSpan(e)}: a collection point or forwarder by its address, held back as a hub`
    : `${evidenceSpan(e)}: a collection point or forwarder by its address, but a burst, linked as a ring`;
}
