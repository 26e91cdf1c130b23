// The Reports screen's figures, computed in the cache worker from the cache's columns (no order
// is decoded for the figures) and the team's decisions (this laptop's log and the verified pulled
// ones, each order once by the decision that stands for the team), and report snapshots: the parameters, the figures, when, who and
// a hash of the data behind them, stored append-only so a saved report reopens unchanged.
import { disputesAsTheyStand } from '../disputes/dueWhenLogged';
import { standingDisputes } from '../../../../shared/disputes/standing';
import { loggedAnswers, type LoggedAnswers } from '../../../../shared/reports/disputeAnswers';
import { onStoredOrders } from '../disputes/onStoredOrders';
import { systemClock, type Clock } from '../../../../shared/time/clock';
import { channelLabel, MARKETPLACES } from '../../../../shared/domain/order';
import { chargebackDate, isChargeback, type Dispute } from '../../../../shared/domain/dispute';
import { minorRateInto } from '../../../../shared/domain/money';
import { reasonFamily } from '../../../../shared/disputes/reasonCodes';
import { sha256 } from '../../../../shared/decisions/chain';
import { FRAUD_BY, fraudTrend, ringsOfRange, type PeriodRing, type TrendParams, type TrendReport } from '../../../../shared/reports/fraudTrend';
import { kpiReport, type KpiReport } from '../../../../shared/reports/kpi';
import { DEFAULT_THRESHOLDS, programmeMonthsOf, programmeNetwork, type Threshold } from '../../../../shared/reports/programmes';
import { confirmedFraud, DEFAULT_RATES, disputesInCurrency, fraudRowsOf, groupLabel, ratesApplied, trendChargebacks } from '../../../../shared/reports/sources';
import { DIMENSION_FIELD } from '../../../../shared/reports/ordersBehind';
import { DecisionLog } from '../storage/decisionLog';
import { TeamStore } from '../storage/teamStore';
import { readTeamDecisions, type TeamDecisions } from '../team/teamDecisions';
import { describeSources, teamLines } from './reportSources';
import { analystName, MetaRepository } from '../storage/metaRepository';
import type { OrderSnapshot, OrderStore } from '../storage/orderStore';
import type { OrdersBehind } from '../../../../shared/orders/query';
import type { RingService } from '../rings/ringService';
import type { ReportSnapshotRecord, WorkbenchDb } from '../storage/schema';

export interface ReportRates {
  currency: string;
  asOf: string;
  source: string;
  rates: Record<string, number>;
}

export interface TrendResult {
  report: TrendReport;
  /** SHA-256 of the data behind the figures (orders, disputes, decisions, verdicts, rates). */
  dataHash: string;
  computedMs: number;
  sources: string[];
  /** Whose decisions the figures count, when teammates' are among them (also in `sources`). */
  team: string[];
}

export interface RingsOfRange {
  top: PeriodRing[];
  fresh: PeriodRing[];
  /** Rings were built from the cache for this answer (false: none to build from). */
  built: boolean;
}

export interface KpiResult {
  report: KpiReport;
  dataHash: string;
  sources: string[];
  team: string[];
}

export type SnapshotKind = ReportSnapshotRecord['kind'];

/** The canonical text a snapshot's hash covers: fixed field order, figures as stored. */
export function snapshotCanonical(s: Omit<ReportSnapshotRecord, 'id' | 'hash'>): string {
  const fields: unknown[] = [s.kind, s.title, s.params, s.figures, s.dataHash, s.createdAt, s.analyst];
  // Snapshots since schema 7 also name the decision log's head they were made from.
  if (s.logHead) fields.push([s.logHead.seq, s.logHead.hash]);
  return JSON.stringify(fields);
}

/**
 * What of a dispute the figures read, for the data hash an opened snapshot is checked against: the
 * network (reason family, VAMP / ECM) and the stage (only chargebacks count) as much as the status.
 */
const disputeFacts = (d: Dispute): unknown[] => [d.id, d.status, d.openedAt, d.amountMinor, d.currency, d.reasonCode, d.network, d.stage ?? '', d.orderKey];

export class ReportService {
  private readonly meta: MetaRepository;
  private readonly log: DecisionLog;
  private readonly team: TeamStore;

  constructor(
    private readonly db: WorkbenchDb,
    private readonly store: OrderStore,
    private readonly rings: RingService,
    private readonly clock: Clock = systemClock,
  ) {
    this.meta = new MetaRepository(db);
    this.log = new DecisionLog(db);
    this.team = new TeamStore(db);
  }

  private teamDecisions(): Promise<TeamDecisions> {
    return readTeamDecisions(this.log, this.team);
  }

  async rates(): Promise<ReportRates> {
    return ((await this.meta.get('reportRates')) as ReportRates | undefined) ?? { ...DEFAULT_RATES, rates: { ...DEFAULT_RATES.rates } };
  }

  async saveRates(r: ReportRates): Promise<ReportRates> {
    const currency = r.currency.trim().toUpperCase();
    if (!/^[A-Z]{3}$/.test(currency)) throw new Error('The reporting currency is a three-letter code, e.g. EUR');
    const rates: Record<string, number> = {};
    for (const [c, v] of Object.entries(r.rates)) {
      const code = c.trim().toUpperCase();
      if (!/^[A-Z]{3}$/.test(code)) throw new Error(`"${c}" is not a currency code`);
      if (!(Number.isFinite(v) && v > 0)) throw new Error(`The rate for ${code} must be a positive number`);
      rates[code] = v;
    }
    rates[currency] = 1;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(r.asOf)) throw new Error('Give the date the rates are from as YYYY-MM-DD');
    const clean = { currency, asOf: r.asOf, source: r.source.trim() || 'entered by the analyst', rates };
    await this.meta.set('reportRates', clean);
    return clean;
  }

  async thresholds(): Promise<Threshold[]> {
    return ((await this.meta.get('programmeThresholds')) as Threshold[] | undefined) ?? DEFAULT_THRESHOLDS.map((t) => ({ ...t }));
  }

  async saveThresholds(list: Threshold[]): Promise<Threshold[]> {
    const clean = list.map((t, i) => {
      const row = `Threshold ${i + 1}`;
      if (t.programme !== 'visa-vamp' && t.programme !== 'mastercard-ecm') throw new Error(`${row}: unknown programme`);
      if (!t.level.trim()) throw new Error(`${row}: name the level`);
      if (!(t.ratio > 0 && t.ratio < 1)) throw new Error(`${row}: the ratio is a share between 0 and 100 %`);
      if (!(Number.isInteger(t.count) && t.count >= 0)) throw new Error(`${row}: the count is a whole number`);
      if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(t.effectiveFrom)) throw new Error(`${row}: "effective from" is a month, YYYY-MM (01-12)`);
      if (!t.source.trim()) throw new Error(`${row}: say where the threshold comes from`);
      // As the decimal typed: 2.2 % arrives as 2.2 / 100 = 0.022000000000000002, and the thresholds table and CSV print what is kept.
      return {
        programme: t.programme,
        level: t.level.trim(),
        ratio: Number(t.ratio.toPrecision(12)),
        count: t.count,
        effectiveFrom: t.effectiveFrom,
        source: t.source.trim(),
      };
    });
    await this.meta.set('programmeThresholds', clean);
    return clean;
  }

  /** Disputes with the status their workflow log gives them, how the log says each was answered, and the evidence items ticked now. */
  private async disputes(): Promise<{ disputes: Dispute[]; answers: LoggedAnswers; ticked: Map<string, Set<string>> }> {
    const [all, events] = await Promise.all([this.db.disputes.toArray(), this.db.disputeEvents.orderBy('id').toArray()]);
    // One dispute named by two exports counts once, with the workflow logged under either id.
    const { disputes: standing, standsFor } = await disputesAsTheyStand(this.db, all, events);
    const ticked = new Map<string, Set<string>>();
    for (const e of events) {
      const id = standsFor.get(e.disputeId) ?? e.disputeId;
      if (e.kind === 'evidence' && e.item) {
        const items = ticked.get(id) ?? new Set<string>();
        if (e.checked) items.add(e.item);
        else items.delete(e.item);
        ticked.set(id, items);
      }
    }
    // A dispute reaches its order by either spelling of the number (1001 in the PSP's metadata, #1001 in Shopify).
    const disputes = await onStoredOrders(
      standing.map(({ stamp: _stamp, ...d }) => d),
      this.store.currentSnapshot(),
    );
    // Where the exports leave each one, before the workflow: where a case stood when its outcome was logged with no step before it.
    const provider = new Map(standingDisputes(all).disputes.map((d) => [d.id, d.status]));
    const answers = loggedAnswers(
      disputes,
      events.map((e) => ({ ...e, disputeId: standsFor.get(e.disputeId) ?? e.disputeId })),
      provider,
    );
    return { disputes, answers, ticked };
  }

  /** Order keys of rings confirmed as fraud: as marked (stored with the verdict) or as last linked. */
  private async confirmedRingOrders(): Promise<{ keys: string[]; rings: number }> {
    const marks = await this.rings.decisions.currentMarks();
    const keys: string[] = [];
    let rings = 0;
    for (const m of marks.values()) {
      if (m.status !== 'confirmed-fraud') continue;
      rings++;
      const members = m.orderKeys ?? this.rings.lastRings().find((r) => r.id === m.ringId)?.orderKeys ?? [];
      keys.push(...members);
    }
    return { keys, rings };
  }

  private async dataHash(parts: unknown[]): Promise<string> {
    const snap = this.store.currentSnapshot();
    let live = 0;
    for (const v of snap.live) live += v;
    const head = await this.db.decisionHead.get('head');
    const lastMark = await this.db.ringMarks.orderBy('id').last();
    // Teammates' decisions pulled since change the figures too.
    const pulledUpTo = (await this.team.get('pullCursor')) ?? 0;
    return sha256(JSON.stringify([snap.blockIds, live, head ?? null, lastMark?.id ?? 0, ...(pulledUpTo ? [{ pulledUpTo }] : []), ...parts]));
  }

  async fraudTrend(params: Omit<TrendParams, 'currency' | 'rates' | 'ratesAsOf'>): Promise<TrendResult> {
    const t0 = performance.now();
    const snap = this.store.currentSnapshot();
    const keys = snap.keyColumns;
    const [rates, dict, { disputes }, decisions, ringOrders] = await Promise.all([
      this.rates(),
      snap.dict(),
      this.disputes(),
      this.teamDecisions(),
      this.confirmedRingOrders(),
    ]);
    const fraudByKey = confirmedFraud(disputes, decisions.decisions, ringOrders.keys);
    const wanted = new Set<string>(fraudByKey.keys());
    for (const d of disputes) if (d.orderKey) wanted.add(d.orderKey);
    const rowOf = await snap.rowsOfKeys(wanted);
    // Known outcomes are read from the orders' own column, by row.
    const fraud = fraudRowsOf(fraudByKey, rowOf, { values: dict.values.knownOutcome, codes: dict.codes.knownOutcome }, keys.live);
    // Chargebacks only: inquiries and fraud reports are not chargebacks.
    const chargebacks = trendChargebacks(disputes, (k) => rowOf.get(k));
    const field = params.dimension === 'marketplace' ? null : DIMENSION_FIELD[params.dimension];
    const full: TrendParams = { ...params, currency: rates.currency, rates: rates.rates, ratesAsOf: rates.asOf };
    const report = fraudTrend(
      {
        count: keys.count,
        createdAt: keys.createdAt,
        totalMinor: keys.totalMinor,
        live: keys.live,
        group: field ? dict.codes[field] : keys.marketplace,
        groupLabels: (field ? dict.values[field] : MARKETPLACES).map((key) => groupLabel(params.dimension, key)),
        groupKeys: field ? dict.values[field] : MARKETPLACES,
        currency: dict.codes.currency,
        currencyLabels: dict.values.currency,
        fraud,
      },
      chargebacks,
      full,
    );
    const computedMs = performance.now() - t0;
    const dataHash = await this.dataHash([disputes.map(disputeFacts), ringOrders.keys, rates]);
    let knownFraud = 0;
    for (const bits of fraud.values()) if (bits & FRAUD_BY.outcome) knownFraud++;
    return {
      report,
      dataHash,
      computedMs,
      sources: await this.sources(disputes.length, decisions, ringOrders.rings, knownFraud),
      team: teamLines(decisions),
    };
  }

  /** Per row of `snap`: 1 for the orders behind a report figure (confirmed fraud, or chargebacks of a family opened in a span). */
  async ordersBehind(snap: OrderSnapshot, only: OrdersBehind): Promise<Uint8Array> {
    const { disputes } = await this.disputes();
    const mask = new Uint8Array(snap.keyColumns.count);
    if (only.kind === 'confirmed-fraud') {
      // The rows the trend counts (fraudRowsOf): known outcomes of fraud too, and not a cancel the known outcome calls legitimate.
      const [decisions, ringOrders, dict] = await Promise.all([this.teamDecisions(), this.confirmedRingOrders(), snap.dict()]);
      const byKey = confirmedFraud(disputes, decisions.decisions, ringOrders.keys);
      const known = { values: dict.values.knownOutcome, codes: dict.codes.knownOutcome };
      for (const row of fraudRowsOf(byKey, await snap.rowsOfKeys(new Set(byKey.keys())), known, snap.keyColumns.live).keys()) mask[row] = 1;
      return mask;
    }
    const keys = disputes
      .filter(
        (d) =>
          isChargeback(d) &&
          chargebackDate(d) >= only.openedFrom &&
          chargebackDate(d) < only.openedTo &&
          (only.family === null || reasonFamily(d.network, d.reasonCode, d.reasonText) === only.family),
      )
      .map((d) => d.orderKey)
      .filter(Boolean);
    for (const row of (await snap.rowsOfKeys(new Set(keys))).values()) mask[row] = 1;
    return mask;
  }

  /** Top and new rings of a range; builds rings first when no run has yet. */
  async ringsOfRange(from: number, to: number): Promise<RingsOfRange> {
    await this.rings.ensureComputed();
    const [{ orders }, marks, rates] = await Promise.all([this.rings.current(), this.rings.verdicts(), this.rates()]);
    const toReporting = (minor: number, currency: string) => {
      const r = minorRateInto(currency.toUpperCase(), rates.currency, rates.rates);
      return r === undefined ? 0 : Math.round(minor * r);
    };
    const list = this.rings.lastRings().map((r) => ({
      id: r.id,
      times: r.times,
      valuesMinor: r.orders.map((i) => toReporting(orders[i]!.totalMinor, orders[i]!.currency)),
      score: r.metrics.score,
      status: marks.get(r.id)?.status ?? null,
    }));
    return { ...ringsOfRange(list, from, to), built: list.length > 0 };
  }

  async kpi(from: number, to: number): Promise<KpiResult> {
    const snap = this.store.currentSnapshot();
    const keys = snap.keyColumns;
    const [dict, { disputes: stored, answers, ticked }, team, thresholds, settings, rates, ringOrders] = await Promise.all([
      snap.dict(),
      this.disputes(),
      this.teamDecisions(),
      this.thresholds(),
      this.meta.get('review'),
      this.rates(),
      this.confirmedRingOrders(),
    ]);
    // Dispute values in the reporting currency where a rate allows; the rest keep their own (and
    // the figures then say the currencies are mixed rather than add them up).
    const disputes = disputesInCurrency(stored, rates.currency, rates.rates);
    const slaHours = settings?.slaHours ?? 24;
    const { decisions } = team;
    const decided = new Set(decisions.map((e) => e.orderKey));
    const rowOf = await snap.rowsOfKeys(decided);
    const placedAt = new Map<string, number>();
    for (const [key, row] of rowOf) placedAt.set(key, keys.createdAt[row]!);
    // Decided orders confirmed fraud since (a fraud chargeback, a confirmed ring, a known outcome): no false positives.
    // Decided orders known legitimate: cancelled, a false positive.
    const fraudCode = dict.values.knownOutcome.indexOf('fraud');
    const legitCode = dict.values.knownOutcome.indexOf('legit');
    const fraudKeys = new Set(confirmedFraud(stored, decisions, ringOrders.keys).keys());
    const legitKeys = new Set<string>();
    for (const [key, row] of rowOf) {
      const outcome = dict.codes.knownOutcome[row];
      if (fraudCode >= 0 && outcome === fraudCode) fraudKeys.add(key);
      else if (legitCode >= 0 && outcome === legitCode) legitKeys.add(key);
    }
    let ordersPlaced = 0;
    let latestOrder: number | undefined;
    for (let i = 0; i < keys.count; i++) {
      if (!keys.live[i]) continue;
      const at = keys.createdAt[i]!;
      if (at >= from && at < to) ordersPlaced++;
      if (latestOrder === undefined || at > latestOrder) latestOrder = at;
    }
    // The channel and card brand of each disputed order: only those few orders are decoded.
    const disputedRows = await snap.rowsOfKeys(new Set(disputes.map((d) => d.orderKey).filter(Boolean)));
    const disputedOrders = await snap.rowsAt([...disputedRows.values()]);
    const channelOf = new Map([...disputedRows.keys()].map((key, i) => [key, channelLabel(disputedOrders[i]!)]));
    const brandOf = new Map([...disputedRows.keys()].map((key, i) => [key, disputedOrders[i]!.cardBrand.trim().toLowerCase()]));
    const programmes = programmeMonthsOf(
      { count: keys.count, createdAt: keys.createdAt, status: keys.status, live: keys.live, brand: dict.codes.cardBrand, brandLabels: dict.values.cardBrand },
      disputes.map((d) => (d.network === 'stripe' ? { ...d, network: programmeNetwork(d, brandOf) } : d)),
      thresholds,
    );
    const report = kpiReport({
      from,
      to,
      slaHours,
      decisions,
      placedAt,
      ordersPlaced,
      disputes,
      submittedAt: answers.submittedAt,
      loggedAnswers: answers,
      programmes,
      thresholds,
      brandOf,
      channelOf,
      evidenceTicked: ticked,
      now: this.clock.now(),
      latestOrder,
      confirmedFraud: fraudKeys,
      knownLegit: legitKeys,
      convertedAt: { currency: rates.currency, rates: ratesApplied(stored, rates.currency, rates.rates, from, to), asOf: rates.asOf },
    });
    const dataHash = await this.dataHash([
      disputes.map((d) => {
        const facts = [...disputeFacts(d), answers.submittedAt.get(d.id) ?? 0, [...(ticked.get(d.id) ?? [])].sort(), d.dueAt];
        // Only where the log times an accept or an unanswered outcome: the data of snapshots saved before keeps its hash.
        const accepted = answers.acceptedAt.get(d.id);
        const unanswered = answers.decidedUnanswered.has(d.id);
        return accepted !== undefined || unanswered ? [...facts, accepted ?? 0, unanswered] : facts;
      }),
      thresholds,
      slaHours,
      rates,
    ]);
    const marks = await this.rings.decisions.currentMarks();
    const confirmed = [...marks.values()].filter((m) => m.status === 'confirmed-fraud').length;
    return { report, dataHash, sources: await this.sources(disputes.length, team, confirmed), team: teamLines(team) };
  }

  /** What the figures were computed from, in words for the report's title page. */
  private async sources(disputes: number, team: TeamDecisions, confirmedRings: number, knownFraud = 0): Promise<string[]> {
    const [dataset, imports] = await Promise.all([this.meta.get('dataset'), this.db.imports.where('status').equals('completed').toArray()]);
    return describeSources({ orders: this.store.count, dataset, imports, disputes, team, confirmedRings, knownFraud });
  }

  /** Saves what a report showed; the hash covers the parameters, figures, data hash, time, analyst and the log's head. */
  async saveSnapshot(kind: SnapshotKind, title: string, params: unknown, figures: unknown, dataHash: string): Promise<ReportSnapshotRecord> {
    const analyst = await analystName(this.db);
    const logHead = await this.log.head();
    const base = { kind, title: title.trim() || kind, params, figures, dataHash, createdAt: this.clock.now(), analyst, logHead };
    const hash = await sha256(snapshotCanonical(base));
    const id = (await this.db.reportSnapshots.add({ ...base, hash })) as number;
    return { ...base, hash, id };
  }

  async snapshots(): Promise<Omit<ReportSnapshotRecord, 'figures'>[]> {
    const all = await this.db.reportSnapshots.orderBy('id').reverse().toArray();
    return all.map(({ figures: _f, ...rest }) => rest);
  }

  /** A saved snapshot as stored, with whether its hash still matches its content. */
  async snapshot(id: number): Promise<{ snapshot: ReportSnapshotRecord; intact: boolean }> {
    const s = await this.db.reportSnapshots.get(id);
    if (!s) throw new Error(`There is no report snapshot ${id}`);
    const { id: _id, hash, ...base } = s;
    return { snapshot: s, intact: (await sha256(snapshotCanonical(base))) === hash };
  }
}
