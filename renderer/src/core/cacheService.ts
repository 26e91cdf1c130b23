// What the UI may ask of the cache, as one object the worker exposes. Plain data in and out.
import { systemClock, type Clock } from '../../../shared/time/clock';
import type { Dispute, DisputeStatus } from '../../../shared/domain/dispute';
import { applyRestore, backupKind, planRestore, readBackup, writeBackup, type PendingRestore, type RestorePlan } from './backup';
import { loadDemoData } from './orders/demoLoader';
import { DiskFullError, isDiskFull, savingOrDiskFull } from './storage/diskFull';
import { cleanAnalystName, MetaRepository, type MetaValues, type ReviewSettings } from './storage/metaRepository';
import { OrderStore, type OrderQuery, type OrderRow } from './storage/orderStore';
import type { WorkbenchDb } from './storage/schema';
import { wipeCache } from './storage/wipe';
import type { Decision, DecisionEntry, LogHead } from '../../../shared/decisions/chain';
import type { Witness } from '../../../shared/decisions/witness';
import { DecisionLog, type LogVerdict } from './storage/decisionLog';
import { ExportLog, type ExportInput } from './storage/exportLog';
import { applyPersonalDataPlan, planCustomerErasure, planRetention, retentionCutoff, summarise, type PersonalDataPlan, type PlanSummary } from './privacy/personalData';
import { ReviewService, type QueueRow, type WhatIf } from './review/reviewService';
import type { Matrix } from '../../../shared/scoring/matrix';
import { DisputeService, type DisputeDetail, type DisputeRow } from './disputes/disputeService';
import { RingService, type GraphExpansion, type RingDetail, type RingsOverview } from './rings/ringService';
import type { LinkOptions } from '../../../shared/linking';
import type { KeyType } from '../../../shared/normalize';
import type { OverrideEntry } from './rings/ringDecisions';
import type { ExportLogRecord, MatrixRecord, ReportSnapshotRecord, RetentionSummaryRecord, RingMarkRecord } from './storage/schema';
import { ReportService, type KpiResult, type ReportRates, type RingsOfRange, type SnapshotKind, type TrendResult } from './reports/reportService';
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
  private readonly log: DecisionLog;
  private restoreToken = 0;
  private pendingRestore: { token: number; pending: PendingRestore } | null = null;
  private pendingPlan: { token: number; plan: PersonalDataPlan } | null = null;
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
    this.log = new DecisionLog(db);
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
    // One transaction: a full disk logs none of them.
    return savingOrDiskFull(keys.length === 1 ? 'the decision' : `the ${keys.length} decisions`, () => this.reviewService.decideMany(keys, decision, reasonCode, note));
  }

  undoDecision(seq: number): Promise<DecisionEntry> {
    return savingOrDiskFull('the undo of the decision', () => this.reviewService.undo(seq));
  }

  /** Undoes a whole ring decision: every entry or none. */
  undoDecisions(seqs: number[]): Promise<DecisionEntry[]> {
    return savingOrDiskFull(seqs.length === 1 ? 'the undo of the decision' : `the undo of ${seqs.length} decisions`, () => this.reviewService.undoMany(seqs));
  }

  /** Records a file the window wrote (after the save succeeded). */
  logExport(input: ExportInput): Promise<ExportLogRecord> {
    return new ExportLog(this.db, this.clock).add(input);
  }

  exportLog(): Promise<ExportLogRecord[]> {
    return new ExportLog(this.db, this.clock).list();
  }

  /** Browser mode: remembers the checkpoint the analyst downloaded, for the reminder. */
  async markCheckpointDownloaded(head: LogHead): Promise<void> {
    await this.meta.set('checkpointDownloaded', { at: this.clock.now(), seq: head.seq, hash: head.hash });
  }

  async checkpointDownloaded(): Promise<{ at: number; seq: number; hash: string } | null> {
    return (await this.meta.get('checkpointDownloaded')) ?? null;
  }

  /** Entries a checkpoint has not seen yet (after `seq`), oldest first. */
  decisionsAfter(seq: number): Promise<DecisionEntry[]> {
    return this.log.entriesAfter(seq);
  }

  logHead(): Promise<LogHead> {
    return this.log.head();
  }

  decisionLog(): Promise<DecisionEntry[]> {
    return this.reviewService.entries();
  }

  /** The chain on its own, and against each witness the window brings (checkpoints, chosen files). */
  verifyDecisionLog(witnesses: Witness[] = []): Promise<LogVerdict> {
    return this.reviewService.verify(witnesses);
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

  async setAnalystName(name: string): Promise<string> {
    const clean = cleanAnalystName(name);
    await savingOrDiskFull('your name', () => this.meta.set('analystName', clean));
    return clean;
  }

  /** Writes the whole cache into one encrypted file; the header names the decision log's head. */
  async backup(passphrase: string, appVersion: string, onProgress?: ProgressFn): Promise<{ blob: Blob; orders: number; logHead: LogHead }> {
    const { blob, manifest } = await writeBackup(this.db, { passphrase, appVersion, clock: this.clock, ...(onProgress ? { onProgress } : {}) });
    return { blob, orders: manifest.counts['orders'] ?? 0, logHead: manifest.logHead };
  }

  /**
   * Reads and checks a backup in full and relates it to this laptop's log and the witnesses the
   * window brings; nothing is changed. The restore waits for the analyst under the returned token.
   */
  async inspectBackup(file: Blob, passphrase: string | null, witnesses: Witness[] = [], onProgress?: ProgressFn): Promise<{ token: number; plan: RestorePlan }> {
    const staged = await readBackup(file, passphrase, onProgress);
    const pending = await planRestore(this.db, staged, witnesses);
    const token = ++this.restoreToken;
    this.pendingRestore = { token, pending };
    return { token, plan: pending.plan };
  }

  /** Restores the inspected backup in one transaction; returns the logged restore entry. */
  async restore(token: number, reason: string): Promise<DecisionEntry> {
    const p = this.pendingRestore;
    if (!p || p.token !== token) throw new Error('Choose the backup again: the one inspected is no longer waiting');
    let entry: DecisionEntry;
    try {
      entry = await applyRestore(this.db, p.pending, { reason, clock: this.clock });
    } catch (e) {
      // The restore is one transaction: nothing of a backup the disk could not hold was stored.
      if (isDiskFull(e)) throw new DiskFullError({ kind: 'restore' }, { cause: e });
      throw e;
    }
    this.pendingRestore = null;
    await this.reopen();
    return entry;
  }

  /** What kind of file the analyst chose: this app's encrypted container, an older JSON backup, or neither. */
  backupKind(file: Blob): Promise<'container' | 'legacy-json' | 'other'> {
    return backupKind(file);
  }

  cancelRestore(): void {
    this.pendingRestore = null;
  }

  /** What erasing one customer (by email or customer id) would remove; nothing changes yet. */
  async planErasure(who: string): Promise<{ token: number; summary: PlanSummary }> {
    const plan = await planCustomerErasure(this.db, who);
    if (plan.orders === 0 && plan.payments.length === 0) throw new Error('No order or payment in the cache belongs to that customer');
    return this.holdPlan(plan);
  }

  /** What the retention period would purge today; nothing changes yet. */
  async planRetention(): Promise<{ token: number; summary: PlanSummary } | null> {
    const cutoff = retentionCutoff((await this.meta.get('retentionMonths')) ?? 0, this.clock.now());
    if (cutoff === null) return null;
    return this.holdPlan(await planRetention(this.db, cutoff));
  }

  private holdPlan(plan: PersonalDataPlan): { token: number; summary: PlanSummary } {
    const token = ++this.restoreToken;
    this.pendingPlan = { token, plan };
    return { token, summary: summarise(plan) };
  }

  /** Applies a planned erasure or purge in one transaction; returns its log entry. */
  async applyPersonalData(token: number, reference: string): Promise<DecisionEntry> {
    const p = this.pendingPlan;
    if (!p || p.token !== token) throw new Error('Find the data again: the plan shown is no longer waiting');
    const entry = await savingOrDiskFull(p.plan.kind === 'erasure' ? 'the erasure' : 'the retention purge', () => applyPersonalDataPlan(this.db, p.plan, { reference, clock: this.clock }));
    this.pendingPlan = null;
    this.ringService.invalidate();
    await this.reopen();
    return entry;
  }

  /** What each retention purge removed, per month, newest first. */
  async retentionSummaries(): Promise<RetentionSummaryRecord[]> {
    return (await this.db.retentionSummaries.orderBy('id').toArray()).reverse();
  }

  async retentionMonths(): Promise<number> {
    return (await this.meta.get('retentionMonths')) ?? 0;
  }

  async setRetentionMonths(months: number): Promise<number> {
    retentionCutoff(months, this.clock.now());
    await savingOrDiskFull('the retention period', () => this.meta.set('retentionMonths', months));
    return months;
  }

  /** Empties every table but the decision log; the schema stays. */
  async wipe(): Promise<void> {
    await wipeCache(this.db);
    await this.reopen();
  }
}
