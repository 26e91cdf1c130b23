// What the UI may ask of the cache, as one object the worker exposes. Plain data in and out.
import { systemClock, type Clock } from '../../../shared/time/clock';
import type { Dispute, DisputeStatus } from '../../../shared/domain/dispute';
import { exportBackup, inspectBackup, restoreBackup, type BackupSummary } from './backup';
import { loadDemoData } from './demoLoader';
import { DiskFullError, isDiskFull, savingOrDiskFull } from './diskFull';
import { MetaRepository, type MetaValues, type ReviewSettings } from './metaRepository';
import { OrderStore, type OrderQuery, type OrderRow } from './orderStore';
import type { WorkbenchDb } from './schema';
import { wipeCache } from './wipe';
import type { ChainVerdict, Decision, DecisionEntry } from '../../../shared/decisions/chain';
import { ReviewService, type QueueRow, type WhatIf } from './reviewService';
import type { Matrix } from '../../../shared/scoring/matrix';
import { DisputeService, type DisputeDetail, type DisputeRow } from './disputeService';
import { RingService, type GraphExpansion, type RingDetail, type RingsOverview } from './ringService';
import type { LinkOptions } from '../../../shared/linking';
import type { KeyType } from '../../../shared/normalize';
import type { OverrideEntry } from './ringDecisions';
import type { MatrixRecord, ReportSnapshotRecord, RingMarkRecord } from './schema';
import { ReportService, type KpiResult, type ReportRates, type RingsOfRange, type SnapshotKind, type TrendResult } from './reportService';
import type { TrendParams } from '../../../shared/reports/fraudTrend';
import type { Threshold } from '../../../shared/reports/programmes';

export interface CacheOverview {
  orders: number;
  payments: number;
  disputes: number;
  span: { min: number; max: number } | null;
  dataset: MetaValues['dataset'] | null;
}

export type ProgressFn = (done: number, total: number) => void;

export class CacheService {
  private readonly store: OrderStore;
  private readonly meta: MetaRepository;
  private readonly ringService: RingService;
  private readonly disputeService: DisputeService;
  private readonly reviewService: ReviewService;
  private readonly reportService: ReportService;
  private opened: Promise<number> | null = null;

  constructor(
    private readonly db: WorkbenchDb,
    private readonly clock: Clock = systemClock,
  ) {
    this.store = new OrderStore(db);
    this.meta = new MetaRepository(db);
    this.ringService = new RingService(db, this.store, clock);
    this.disputeService = new DisputeService(db, this.ringService, clock);
    this.reviewService = new ReviewService(db, this.ringService, clock);
    this.reportService = new ReportService(db, this.store, this.ringService, clock);
  }

  private ready(): Promise<number> {
    this.opened ??= this.store.open();
    return this.opened;
  }

  /** Re-reads the cache after another worker (imports) changed it. */
  async reload(): Promise<void> {
    await this.reopen();
  }

  private async reopen(): Promise<void> {
    this.opened = this.store.open();
    await this.opened;
  }

  async overview(): Promise<CacheOverview> {
    await this.ready();
    const [payments, disputes, dataset] = await Promise.all([
      this.db.payments.count(),
      this.db.disputes.count(),
      this.meta.get('dataset'),
    ]);
    return { orders: this.store.count, payments, disputes, span: this.store.span(), dataset: dataset ?? null };
  }

  async queryOrders(q: OrderQuery): Promise<number> {
    await this.ready();
    const only = q.filter.only;
    return this.store.query(q, only ? (snap) => this.reportService.ordersBehind(snap, only) : null);
  }

  async orderRows(start: number, end: number): Promise<OrderRow[]> {
    await this.ready();
    return this.store.rows(start, end);
  }

  /** Warms the search index in the background after the first screen is up. */
  async prepareSearch(onProgress?: ProgressFn): Promise<void> {
    await this.ready();
    await this.store.loadAllText(onProgress);
  }

  async loadDemo(orders: number, onProgress?: ProgressFn): Promise<number> {
    const n = await loadDemoData(this.db, { orders, clock: this.clock }, onProgress);
    await this.reopen();
    return n;
  }

  async rings(options: Omit<LinkOptions, 'overrides'> = {}): Promise<RingsOverview> {
    await this.ready();
    return this.ringService.compute(options);
  }

  async ringDetail(id: string): Promise<RingDetail> {
    return this.ringService.detail(id);
  }

  ringExpand(nodeId: string, known: string[]): GraphExpansion {
    return this.ringService.expand(nodeId, known);
  }

  ringOf(orderKey: string): string | null {
    return this.ringService.ringOf(orderKey);
  }

  linkOverrides(): Promise<OverrideEntry[]> {
    return this.ringService.decisions.overrides();
  }

  addLinkOverride(type: KeyType, value: string, action: 'allow' | 'never-link', reason: string): Promise<number> {
    return savingOrDiskFull('the link override', () => this.ringService.decisions.addOverride(type, value, action, reason));
  }

  revokeLinkOverride(id: number, reason: string): Promise<void> {
    return savingOrDiskFull('the undo of the link override', () => this.ringService.decisions.revokeOverride(id, reason));
  }

  markRing(ringId: string, status: RingMarkRecord['status'], note: string): Promise<void> {
    const orderKeys = this.ringService.lastRings().find((r) => r.id === ringId)?.orderKeys;
    return savingOrDiskFull(status === 'note' ? 'the note on the ring' : 'the verdict on the ring', () => this.ringService.decisions.markRing(ringId, status, note, orderKeys));
  }

  async fraudTrend(params: Omit<TrendParams, 'currency' | 'rates'>): Promise<TrendResult> {
    await this.ready();
    return this.reportService.fraudTrend(params);
  }

  async reportRings(from: number, to: number): Promise<RingsOfRange> {
    await this.ready();
    return this.reportService.ringsOfRange(from, to);
  }

  async kpiReport(from: number, to: number): Promise<KpiResult> {
    await this.ready();
    return this.reportService.kpi(from, to);
  }

  reportRates(): Promise<ReportRates> {
    return this.reportService.rates();
  }

  saveReportRates(r: ReportRates): Promise<ReportRates> {
    return savingOrDiskFull('the exchange rates', () => this.reportService.saveRates(r));
  }

  programmeThresholds(): Promise<Threshold[]> {
    return this.reportService.thresholds();
  }

  saveProgrammeThresholds(list: Threshold[]): Promise<Threshold[]> {
    return savingOrDiskFull('the programme thresholds', () => this.reportService.saveThresholds(list));
  }

  saveReportSnapshot(kind: SnapshotKind, title: string, params: unknown, figures: unknown, dataHash: string): Promise<ReportSnapshotRecord> {
    return savingOrDiskFull('the report snapshot', () => this.reportService.saveSnapshot(kind, title, params, figures, dataHash));
  }

  reportSnapshots(): Promise<Omit<ReportSnapshotRecord, 'figures'>[]> {
    return this.reportService.snapshots();
  }

  reportSnapshot(id: number): Promise<{ snapshot: ReportSnapshotRecord; intact: boolean }> {
    return this.reportService.snapshot(id);
  }

  async reviewQueue(): Promise<QueueRow[]> {
    await this.ready();
    return this.reviewService.queue();
  }

  decide(orderKey: string, decision: Decision, reasonCode: string, note: string): Promise<DecisionEntry> {
    return savingOrDiskFull(decision === 'note' ? 'the note' : 'the decision', () => this.reviewService.decide(orderKey, decision, reasonCode, note));
  }

  reviewSettings(): Promise<ReviewSettings> {
    return this.reviewService.settings();
  }

  saveReviewSettings(s: ReviewSettings): Promise<ReviewSettings> {
    return savingOrDiskFull('the review settings', () => this.reviewService.saveSettings(s));
  }

  scoringMatrix(): Promise<Matrix> {
    return this.reviewService.matrix();
  }

  matrixHistory(): Promise<MatrixRecord[]> {
    return this.reviewService.matrixHistory();
  }

  async matrixWhatIf(draft: Matrix): Promise<WhatIf> {
    await this.ready();
    return this.reviewService.whatIf(draft);
  }

  saveMatrix(draft: Matrix, note: string): Promise<number> {
    return savingOrDiskFull('the scoring matrix', () => this.reviewService.saveMatrix(draft, note));
  }

  /** A full disk part-way says how many of the decisions were logged (see ReviewService). */
  decideMany(keys: string[], decision: Decision, reasonCode: string, note: string): Promise<DecisionEntry[]> {
    return this.reviewService.decideMany(keys, decision, reasonCode, note);
  }

  undoDecision(seq: number): Promise<DecisionEntry> {
    return savingOrDiskFull('the undo of the decision', () => this.reviewService.undo(seq));
  }

  decisionLog(): Promise<DecisionEntry[]> {
    return this.reviewService.entries();
  }

  verifyDecisionLog(): Promise<ChainVerdict> {
    return this.reviewService.verify();
  }

  async disputeList(): Promise<DisputeRow[]> {
    await this.ready();
    return this.disputeService.list();
  }

  async disputeDetail(id: string): Promise<DisputeDetail> {
    await this.ready();
    return this.disputeService.detail(id);
  }

  setDisputeStatus(id: string, to: DisputeStatus, note: string): Promise<void> {
    return savingOrDiskFull("the dispute's status change", () => this.disputeService.setStatus(id, to, note));
  }

  setDisputeEvidence(id: string, item: string, checked: boolean): Promise<void> {
    return savingOrDiskFull('the evidence tick', () => this.disputeService.setEvidence(id, item, checked));
  }

  async disputesDueBetween(from: number, to: number): Promise<Dispute[]> {
    return this.db.disputes.where('dueAt').between(from, to, true, false).toArray();
  }

  async getAnalystName(): Promise<string> {
    return (await this.meta.get('analystName')) ?? '';
  }

  async setAnalystName(name: string): Promise<void> {
    await savingOrDiskFull('your name', () => this.meta.set('analystName', name.trim().slice(0, 80)));
  }

  async backup(onProgress?: ProgressFn): Promise<Blob> {
    return exportBackup(this.db, onProgress);
  }

  async inspectBackup(file: Blob): Promise<BackupSummary> {
    return inspectBackup(file);
  }

  async restore(file: Blob): Promise<BackupSummary> {
    let summary: BackupSummary;
    try {
      summary = await restoreBackup(this.db, file);
    } catch (e) {
      // The import is one transaction: nothing of a backup the disk could not hold was stored.
      if (isDiskFull(e)) throw new DiskFullError({ kind: 'restore' }, { cause: e });
      throw e;
    }
    await this.reopen();
    return summary;
  }

  /** Empties every table but the decision log; the schema stays. */
  async wipe(): Promise<void> {
    await wipeCache(this.db);
    await this.reopen();
  }
}
