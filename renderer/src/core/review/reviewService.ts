// The review queue: current orders not yet shipped (open or paid) that the scoring matrix sends
// to review or hold, minus those already released or cancelled; held ones stay until decided.
// Decisions go to the hash-chained decision log with the score and matrix version behind them.
import { keptNote } from '../../../../shared/domain/cardNumbers';
import { showDateTime } from '../../../../shared/domain/money';
import { REVIEW_WINDOW_DAYS, reviewWindowStart, SLA_HOURS } from '../../../../shared/decisions/sla';
import { systemClock, type Clock } from '../../../../shared/time/clock';
import { isFraudReason } from '../../../../shared/linking/metrics';
import {
  DEFAULT_MATRIX,
  matrixInForce,
  matrixProblem,
  scoreOrder,
  whatIf,
  type Confusion,
  type Fired,
  type Matrix,
  type Outcome,
  type Signal,
} from '../../../../shared/scoring/matrix';
import { computeSignals, ringVerdictSources, type RingFacts } from '../../../../shared/scoring/signals';
import type { DeclinedPayment } from '../../../../shared/scoring/cardTesting';
import { evaluateMatrix, type MatrixEvaluation } from '../../../../shared/scoring/evaluate';
import { isOrderDecision, type Decision, type DecisionEntry, type DecisionInput } from '../../../../shared/decisions/chain';
import { decisionProblem, NOTE_MAX } from '../../../../shared/decisions/reasons';
import { DECIDED, decisionThatStands } from '../../../../shared/decisions/standing';
import { undoProblem } from '../../../../shared/decisions/undo';
import { channelLabel, orderKey, type Marketplace, orderKeyLabel } from '../../../../shared/domain/order';
import { spellingFreeKey } from '../../../../shared/orders/paymentFacts';
import { isChargeback } from '../../../../shared/domain/dispute';
import { DecisionLog, type LogVerdict } from '../storage/decisionLog';
import { PaymentStore } from '../storage/paymentStore';
import type { Witness } from '../../../../shared/decisions/witness';
import type { IndexProgress, RingService } from '../rings/ringService';
import type { MatrixRecord, RingMarkRecord, WorkbenchDb } from '../storage/schema';
import { analystName, type ReviewSettings } from '../storage/metaRepository';

export const HOLD_REASONS = ['FRAUD-RING', 'STOLEN-CARD', 'ACCOUNT-TAKEOVER', 'VELOCITY', 'ADDRESS-RISK', 'CHARGEBACK-HISTORY', 'OTHER'] as const;
export const RELEASE_REASONS = ['CUSTOMER-VERIFIED', 'KNOWN-CUSTOMER', 'FALSE-POSITIVE', 'OTHER'] as const;

export const DEFAULT_REVIEW_SETTINGS: ReviewSettings = {
  slaHours: SLA_HOURS,
  windowDays: REVIEW_WINDOW_DAYS,
  holdReasons: [...HOLD_REASONS],
  releaseReasons: [...RELEASE_REASONS],
};

/** The review settings as saved, or the defaults (a lead's resolution asks the same reason codes as the queue). */
export async function readReviewSettings(db: WorkbenchDb): Promise<ReviewSettings> {
  const saved = (await db.meta.get('review'))?.value as ReviewSettings | undefined;
  // Settings saved before the review window existed take its default.
  return saved ? { ...saved, windowDays: saved.windowDays ?? REVIEW_WINDOW_DAYS } : DEFAULT_REVIEW_SETTINGS;
}

/** Checks and tidies settings an analyst entered. */
export function cleanReviewSettings(s: ReviewSettings): ReviewSettings {
  const codes = (list: string[]) => [...new Set(list.map((c) => c.trim().toUpperCase()).filter(Boolean))];
  if (!(Number.isFinite(s.slaHours) && s.slaHours > 0 && s.slaHours <= 24 * 30)) throw new Error('The decision target must be between 1 hour and 30 days');
  const windowDays = s.windowDays ?? REVIEW_WINDOW_DAYS;
  if (!(Number.isInteger(windowDays) && windowDays >= 1 && windowDays <= 365))
    throw new Error('The review window must be a whole number of days from 1 to 365');
  const holdReasons = codes(s.holdReasons);
  if (holdReasons.length === 0) throw new Error('Hold and cancel need at least one reason code');
  return { slaHours: s.slaHours, windowDays, holdReasons, releaseReasons: codes(s.releaseReasons) };
}

export interface QueueRow {
  orderKey: string;
  externalId: string;
  marketplace: Marketplace;
  /** Where it was sold as the analyst reads it (`Amazon.co.uk`, a named shop): two shops' #1001 are told apart by it. */
  channel: string;
  totalMinor: number;
  currency: string;
  createdAt: number;
  email: string;
  score: number;
  outcome: Outcome;
  fired: Fired[];
  /** What the fired rules read, each once (the queue's Why filter): two rules on one signal are one reason. */
  signals: Signal[];
  matrixVersion: number;
  /** The ring the order is in, if any (decide a ring's queued orders at once). */
  ringId: string | null;
  /** The verdict that stands on that ring, if it scores (confirmed fraud or benign): who gave it and when. */
  ringVerdict: RingFacts['verdict'] | null;
  /** `held` once an analyst put it on hold; `review` and `hold` are what the score suggests. */
  state: 'review' | 'hold' | 'held';
  /** Who put it on hold (the hold that stands); null when not held. */
  heldBy: string | null;
  slaDueAt: number;
}

export interface WhatIf {
  orders: number;
  /** Orders known to be fraud: a fraud-family chargeback, a ring confirmed as fraud, or a known outcome of fraud. */
  knownFraud: number;
  current: Confusion & { version: number };
  draft: Confusion;
  /**
   * Both matrices against the orders whose outcome an imported file says (fraud or legitimate), at
   * the review and hold thresholds; null when no order has a known outcome.
   */
  outcomes: { orders: number; fraud: number; current: MatrixEvaluation; draft: MatrixEvaluation } | null;
}

export class ReviewService {
  private readonly log: DecisionLog;
  private scores = new Map<string, { score: number; matrixVersion: number; fired: Fired[] }>();
  /**
   * Per order the queue showed, the hash of the decision that stood on it then (null: none): a
   * decision made on that view is refused if another window decided or undid one since.
   */
  private shown = new Map<string, string | null>();
  /** The failed payments as of the payments' write mark: read again only after payments change. */
  private declined: { mark: string | null; payments: DeclinedPayment[] } | null = null;

  constructor(
    private readonly db: WorkbenchDb,
    private readonly rings: RingService,
    private readonly clock: Clock = systemClock,
  ) {
    this.log = new DecisionLog(db);
  }

  settings(): Promise<ReviewSettings> {
    return readReviewSettings(this.db);
  }

  async saveSettings(s: ReviewSettings): Promise<ReviewSettings> {
    const clean = cleanReviewSettings(s);
    await this.db.meta.put({ key: 'review', value: clean });
    return clean;
  }

  /** The newest saved matrix, or the default one before anything was saved, with the verdict rules every matrix has. */
  async matrix(): Promise<Matrix> {
    const latest = await this.db.matrices.orderBy('version').last();
    return matrixInForce(latest?.matrix ?? DEFAULT_MATRIX);
  }

  async matrixHistory(): Promise<MatrixRecord[]> {
    return (await this.db.matrices.orderBy('version').toArray()).reverse();
  }

  /** Saves an edited matrix as the next version (earlier versions stay). */
  async saveMatrix(draft: Matrix, note: string): Promise<number> {
    const problem = matrixProblem(draft);
    if (problem) throw new Error(problem);
    // Kept for good with the version: a note a backup cannot hold would make every later backup one that cannot be restored.
    const why = keptNote(note);
    if (why.length > NOTE_MAX)
      throw new Error(`A note is at most ${NOTE_MAX.toLocaleString('en-US')} characters; this one has ${why.length.toLocaleString('en-US')}`);
    const analyst = await analystName(this.db, 'scoring-matrix');
    return this.db.transaction('rw', this.db.matrices, async () => {
      const latest = await this.db.matrices.orderBy('version').last();
      // A draft started from an older version than the one in force (saved since in another window,
      // or by a restore) would replace that version's rules unseen: refused, with who saved it.
      if (latest && latest.version > draft.version)
        throw new Error(
          `Matrix v${latest.version} was saved by ${latest.analyst} at ${showDateTime(latest.savedAt)} UTC after this draft was started from v${draft.version}: saving would replace its rules unseen. Reload Review to see v${latest.version}, then make your change again; nothing was saved.`,
        );
      const version = Math.max(DEFAULT_MATRIX.version, latest?.version ?? 0) + 1;
      await this.db.matrices.add({ version, matrix: matrixInForce({ ...draft, version }), analyst, savedAt: this.clock.now(), note: why });
      return version;
    });
  }

  /** How the current matrix and a draft would sort every current order, against known fraud. */
  async whatIf(draft: Matrix): Promise<WhatIf> {
    const problem = matrixProblem(draft);
    if (problem) throw new Error(problem);
    const ctx = await this.context();
    const [current, marks] = await Promise.all([this.matrix(), this.rings.verdicts()]);
    const confirmed = new Set<number>();
    for (const r of this.rings.lastRings()) if (marks.get(r.id)?.status === 'confirmed-fraud') for (const i of r.orders) confirmed.add(i);
    const all: number[] = [];
    for (let i = 0; i < ctx.orders.length; i++) if (ctx.live[i]) all.push(i);
    // Scored without the labels it is measured against: rings and hubs as they link when no
    // labelled outcome weighs in (a label deciding a ring would make the matrix look better here
    // than it will be on new orders), and without the ring verdicts, which are known fraud here.
    const unlabelled = await this.rings.ringsWithoutKnownOutcomes();
    const signals = computeSignals(
      unlabelled
        ? { ...ctx, ringOf: ringOfRings(unlabelled, ctx.fraudByOrder), knownOutcomesInHubs: false }
        : { ...ctx, ringOf: ringOfRings(this.rings.lastRings(), ctx.fraudByOrder) },
      all,
    );
    const outcome = all.map((i) => ctx.orders[i]!.knownOutcome);
    const fraud = all.map((i, n) => confirmed.has(i) || (ctx.fraudByOrder.get(spellingFreeKey(orderKey(ctx.orders[i]!))) ?? 0) > 0 || outcome[n] === 'fraud');
    // Positions (in `all`) of the orders whose outcome is known: what the matrices are measured against.
    const labelled: number[] = [];
    outcome.forEach((o, n) => {
      if (o === 'fraud' || o === 'legit') labelled.push(n);
    });
    const run = (m: Matrix) => {
      const scores = signals.map((v) => scoreOrder(v, m));
      const confusion = whatIf(scores.map((s, n) => ({ outcome: s.outcome, fraud: fraud[n]! })));
      const evaluation = evaluateMatrix(
        labelled.map((n) => ({ score: scores[n]!.score, fraud: outcome[n] === 'fraud' })),
        m.thresholds,
      );
      return { confusion, evaluation };
    };
    const now = run(current);
    const next = run(draft);
    return {
      orders: all.length,
      knownFraud: fraud.filter(Boolean).length,
      current: { ...now.confusion, version: current.version },
      draft: next.confusion,
      outcomes: labelled.length ? { orders: labelled.length, fraud: now.evaluation.review.fraud, current: now.evaluation, draft: next.evaluation } : null,
    };
  }

  /**
   * The declined tries card testing is scored from, with only the fields it reads (no amounts or
   * names held in memory); kept until a payment is written, removed or erased (a new write mark).
   */
  private async declinedPayments(): Promise<DeclinedPayment[]> {
    const store = new PaymentStore(this.db);
    const mark = await store.mark();
    if (this.declined?.mark === mark) return this.declined.payments;
    const payments = (await store.failed()).map((p): DeclinedPayment => ({
      status: p.status,
      orderRef: p.orderRef,
      ...(p.orderSource ? { orderSource: p.orderSource } : {}),
      createdAt: p.createdAt,
      email: p.email,
      ip: p.ip,
      cardBin: p.cardBin,
      cardLast4: p.cardLast4,
      cardExpiry: p.cardExpiry,
      cardFingerprint: p.cardFingerprint,
      ...(p.deviceId ? { deviceId: p.deviceId } : {}),
      ...(p.sessionId ? { sessionId: p.sessionId } : {}),
    }));
    this.declined = { mark, payments };
    return payments;
  }

  private async context(onProgress?: IndexProgress) {
    await this.rings.ensureComputed(onProgress);
    const [{ orders, index, live }, disputes, payments, hubRules] = await Promise.all([
      this.rings.current(),
      this.rings.standingDisputes(),
      this.declinedPayments(),
      // Declines on a hub (an office proxy, a carrier's shared IP) are many people's: judged as the rings judge them.
      this.rings.hubRules(),
    ]);
    const fraudByOrder = new Map<string, number>();
    // Fraud chargebacks, as Reports count them: an inquiry or a fraud report is not one.
    for (const d of disputes)
      if (isChargeback(d) && isFraudReason(d.reasonCode, d.network, d.reasonText)) {
        const key = spellingFreeKey(d.orderKey);
        fraudByOrder.set(key, (fraudByOrder.get(key) ?? 0) + 1);
      }
    // The verdict that stands on each ring: confirmed fraud and benign change its orders' scores.
    const ringOf = ringOfRings(this.rings.lastRings(), fraudByOrder, await this.rings.verdicts());
    // The parcel-locker rule's bar is in EUR: the analyst's report rates when they are into EUR.
    const rates = (await this.db.meta.get('reportRates'))?.value as { currency?: string; rates?: Record<string, number> } | undefined;
    const eurRates = rates?.currency === 'EUR' && rates.rates ? rates.rates : undefined;
    return { orders, index, live, disputes, ringOf, fraudByOrder, payments, hubRules, ...(eurRates ? { eurRates } : {}) };
  }

  /** `onProgress`: orders normalised of those to normalise while the rings it scores with are linked. */
  async queue(onProgress?: IndexProgress): Promise<QueueRow[]> {
    const [ctx, entries, matrix, settings] = await Promise.all([this.context(onProgress), this.log.entries(), this.matrix(), this.settings()]);
    // The signals are read with the matrix in force, verdict rules included (matrix()).
    const { orders, live } = ctx;
    const standing = decisionThatStands(entries);
    const last = { get: (key: string) => standing.get(key)?.decision };
    // History is not work: orders older than the review window are kept, not queued (a held one stays).
    const since = reviewWindowStart(this.clock.now(), settings.windowDays);
    const candidates: number[] = [];
    for (let i = 0; i < orders.length; i++) {
      const o = orders[i]!;
      if (!live[i] || (o.status !== 'open' && o.status !== 'paid')) continue;
      const d = last.get(orderKey(o));
      if (d === 'release' || d === 'cancel') continue;
      if (o.createdAt < since && d !== 'hold') continue;
      candidates.push(i);
    }
    const signals = computeSignals(ctx, candidates);
    const ringIdOf = new Map<number, string>();
    for (const r of this.rings.lastRings()) for (const i of r.orders) ringIdOf.set(i, r.id);
    const signalOf = new Map(matrix.rules.map((r) => [r.id, r.signal]));
    const rows: QueueRow[] = [];
    candidates.forEach((i, n) => {
      const o = orders[i]!;
      const ring = ctx.ringOf.get(i);
      const s = scoreOrder(signals[n]!, matrix, ringVerdictSources(ring));
      const key = orderKey(o);
      const stands = standing.get(key);
      const held = stands?.decision === 'hold';
      if (s.outcome === 'release' && !held) return;
      this.scores.set(key, { score: s.score, matrixVersion: s.matrixVersion, fired: s.fired });
      this.shown.set(key, stands?.hash ?? null);
      rows.push({
        orderKey: key,
        externalId: o.externalId,
        marketplace: o.marketplace,
        channel: channelLabel(o),
        totalMinor: o.totalMinor,
        currency: o.currency,
        createdAt: o.createdAt,
        email: o.email,
        score: s.score,
        outcome: s.outcome,
        fired: s.fired,
        signals: [...new Set(s.fired.flatMap((f) => signalOf.get(f.ruleId) ?? []))],
        matrixVersion: s.matrixVersion,
        ringId: ringIdOf.get(i) ?? null,
        ringVerdict: ring?.verdict ?? null,
        state: held ? 'held' : s.outcome === 'hold' ? 'hold' : 'review',
        heldBy: held ? stands.analyst : null,
        slaDueAt: o.createdAt + settings.slaHours * 3_600_000,
      });
    });
    // Highest score first; among equals the oldest (longest waiting) first.
    return rows.sort((a, b) => b.score - a.score || a.createdAt - b.createdAt || (a.orderKey < b.orderKey ? -1 : 1));
  }

  /** Checks a decision before it is logged; throws what is wrong in the analyst's words. */
  private async check(decision: Decision, reasonCode: string, note: string): Promise<void> {
    const problem = decisionProblem(decision, reasonCode, note, await this.settings());
    if (problem) throw new Error(problem);
  }

  private async inputFor(key: string, decision: Decision, reasonCode: string, note: string, analyst: string): Promise<DecisionInput> {
    const s = this.scores.get(key);
    return {
      orderKey: key,
      decision,
      reasonCode,
      note: keptNote(note),
      analyst,
      at: this.clock.now(),
      score: s?.score ?? null,
      matrixVersion: s?.matrixVersion ?? null,
      undoes: null,
      // Why the queue scored it so, as the analyst saw it when deciding (a hold, release or cancel).
      ...(s && s.fired.length > 0 && isOrderDecision(decision) ? { fired: s.fired.map((f) => ({ ruleId: f.ruleId, points: f.points, text: f.text })) } : {}),
    };
  }

  async decide(key: string, decision: Decision, reasonCode: string, note: string): Promise<DecisionEntry> {
    return (await this.decideMany([key], decision, reasonCode, note))[0]!;
  }

  /** One decision for several orders (a ring, less the analyst's exceptions): one entry each, all logged or none. */
  async decideMany(keys: readonly string[], decision: Decision, reasonCode: string, note: string): Promise<DecisionEntry[]> {
    if (keys.length === 0) throw new Error('No orders chosen');
    await this.check(decision, reasonCode, note);
    const analyst = await analystName(this.db, 'decision');
    const inputs = await Promise.all(keys.map((key) => this.inputFor(key, decision, reasonCode, note, analyst)));
    // A note decides nothing; a decision is made on what the queue showed, checked against the log it is written after.
    const entries = await this.log.appendAll(inputs, isOrderDecision(decision) ? (log) => this.unchangedSinceShown(keys, log) : undefined);
    if (isOrderDecision(decision)) for (const e of entries) if (this.shown.has(e.orderKey)) this.shown.set(e.orderKey, e.hash);
    return entries;
  }

  /** Throws when an order's decision changed since the queue showed it (another window decided or undid one). */
  private unchangedSinceShown(keys: readonly string[], log: readonly DecisionEntry[]): void {
    const standing = decisionThatStands(log);
    for (const key of keys) {
      if (!this.shown.has(key)) continue;
      const now = standing.get(key);
      if ((now?.hash ?? null) === this.shown.get(key)) continue;
      const number = orderKeyLabel(key);
      throw new Error(
        now
          ? `Order ${number} was ${DECIDED[now.decision]} by ${now.analyst} meanwhile (entry ${now.seq}, in another window?): look at it again; nothing was logged`
          : `Order ${number}'s decision was undone meanwhile (in another window?): look at it again; nothing was logged`,
      );
    }
  }

  /** Reverses a hold, release or cancel made within the undo window, by appending an undo entry. */
  async undo(seq: number): Promise<DecisionEntry> {
    return (await this.undoMany([seq]))[0]!;
  }

  /**
   * Reverses several decisions (a whole ring decision) at once: every undo is logged, or none is.
   * `hashes` (the entries as the window showed them): an entry number names another entry after a
   * restore in another window, and that one is not the decision the analyst made.
   */
  async undoMany(seqs: readonly number[], hashes?: readonly string[]): Promise<DecisionEntry[]> {
    if (seqs.length === 0) throw new Error('Nothing to undo');
    if (hashes && hashes.length !== seqs.length) throw new Error('Every entry to undo needs its hash');
    const entries = await this.log.entries();
    const analyst = await analystName(this.db, 'decision');
    const now = this.clock.now();
    // The entries as first read, unless the window said which: the same ones must still be there when the undos are written.
    const expected = hashes ?? seqs.map((seq) => entries.find((e) => e.seq === seq)?.hash);
    const problemIn = (log: readonly DecisionEntry[]) => {
      for (const [i, seq] of seqs.entries()) {
        const target = log.find((e) => e.seq === seq);
        if (target && target.hash !== expected[i])
          return `Entry ${seq} is no longer the decision you made: the log was replaced since (a restore in another window?); nothing was undone`;
        const problem = undoProblem(seq, log, now);
        if (problem) return problem;
      }
      return null;
    };
    const problem = problemIn(entries);
    if (problem) throw new Error(problem);
    const inputs = seqs.map((seq): DecisionInput => {
      const target = entries.find((e) => e.seq === seq)!;
      return {
        orderKey: target.orderKey,
        decision: 'undo',
        reasonCode: '',
        note: `undoes entry ${seq} (${target.decision})`,
        analyst,
        at: now,
        score: target.score,
        matrixVersion: target.matrixVersion,
        undoes: seq,
      };
    });
    if (new Set(seqs).size !== seqs.length) throw new Error('An entry is listed twice');
    // Checked again against the log each undo is written after: another window may have undone it,
    // or replaced it by a restore, meanwhile.
    let before: readonly DecisionEntry[] = entries;
    const undos = await this.log.appendAll(inputs, (log) => {
      const again = problemIn(log);
      if (again) throw new Error(again);
      before = log;
    });
    // What stands on those orders now, as this window undid it: the log the undos were written after, and them.
    const standing = decisionThatStands([...before, ...undos]);
    for (const e of undos) if (this.shown.has(e.orderKey)) this.shown.set(e.orderKey, standing.get(e.orderKey)?.hash ?? null);
    return undos;
  }

  /** Newest first. */
  async entries(): Promise<DecisionEntry[]> {
    return (await this.log.entries()).reverse();
  }

  verify(witnesses: readonly Witness[] = []): Promise<LogVerdict> {
    return this.log.verify(witnesses);
  }
}

/** Per ring member (order position): its ring's size, fraud chargebacks and the verdict that scores, if any. */
function ringOfRings(
  rings: readonly { id: string; orders: number[]; orderKeys: string[] }[],
  fraudByOrder: ReadonlyMap<string, number>,
  verdicts: ReadonlyMap<string, RingMarkRecord> = new Map(),
): Map<number, RingFacts> {
  const ringOf = new Map<number, RingFacts>();
  for (const r of rings) {
    const fraud = r.orderKeys.reduce((n, k) => n + (fraudByOrder.get(spellingFreeKey(k)) ?? 0), 0);
    const mark = verdicts.get(r.id);
    const verdict =
      mark?.status === 'confirmed-fraud' || mark?.status === 'benign' ? { status: mark.status, analyst: mark.analyst, at: mark.createdAt } : undefined;
    const facts: RingFacts = { size: r.orders.length, fraudDisputes: fraud, ...(verdict ? { verdict } : {}) };
    for (const i of r.orders) ringOf.set(i, facts);
  }
  return ringOf;
}
