// What the UI may ask of the cache, as one object the worker exposes. Plain data in and out.
import type { Dispute } from '../../../shared/domain/dispute';
import { exportBackup, inspectBackup, restoreBackup, type BackupSummary } from './backup';
import { loadDemoData } from './demoLoader';
import { MetaRepository, type MetaValues } from './metaRepository';
import { OrderStore, type OrderQuery, type OrderRow } from './orderStore';
import type { WorkbenchDb } from './schema';

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
  private opened: Promise<number> | null = null;

  constructor(private readonly db: WorkbenchDb) {
    this.store = new OrderStore(db);
    this.meta = new MetaRepository(db);
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
    return this.store.query(q);
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
    const n = await loadDemoData(this.db, { orders }, onProgress);
    await this.reopen();
    return n;
  }

  async disputesDueBetween(from: number, to: number): Promise<Dispute[]> {
    return this.db.disputes.where('dueAt').between(from, to, true, false).toArray();
  }

  async getAnalystName(): Promise<string> {
    return (await this.meta.get('analystName')) ?? '';
  }

  async setAnalystName(name: string): Promise<void> {
    await this.meta.set('analystName', name.trim().slice(0, 80));
  }

  async backup(onProgress?: ProgressFn): Promise<Blob> {
    return exportBackup(this.db, onProgress);
  }

  async inspectBackup(file: Blob): Promise<BackupSummary> {
    return inspectBackup(file);
  }

  async restore(file: Blob): Promise<BackupSummary> {
    const summary = await restoreBackup(this.db, file);
    await this.reopen();
    return summary;
  }

  /** Empties every table; the schema stays. */
  async wipe(): Promise<void> {
    await this.db.transaction('rw', this.db.tables, async () => {
      await Promise.all(this.db.tables.map((t) => t.clear()));
    });
    await this.reopen();
  }
}
