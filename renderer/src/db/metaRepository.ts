// Small named settings and facts about the cache (analyst name, where the data came from).
import type { FormatPreset } from '../../../shared/ingest/formats/preset';
import type { WorkbenchDb } from './schema';

export interface DatasetInfo {
  kind: 'demo' | 'import';
  orders: number;
  seed?: number;
  loadedAt: number;
}

export interface MetaValues {
  analystName: string;
  dataset: DatasetInfo;
  /** Column mappings the analyst saved in the import wizard. */
  presets: FormatPreset[];
  /** Review queue settings (defaults in reviewService.ts). */
  review: ReviewSettings;
  /** Reporting currency and conversion rates (defaults in shared/reports/sources.ts). */
  reportRates: { currency: string; asOf: string; source: string; rates: Record<string, number> };
  /** Card-network programme thresholds as dated data (defaults in shared/reports/programmes.ts). */
  programmeThresholds: import('../../../shared/reports/programmes').Threshold[];
}

export interface ReviewSettings {
  slaHours: number;
  holdReasons: string[];
  releaseReasons: string[];
}

/** Who decides, as written into every logged decision (Settings sets it). */
export async function analystName(db: WorkbenchDb): Promise<string> {
  return ((await db.meta.get('analystName'))?.value as string | undefined) || 'unnamed analyst';
}

export class MetaRepository {
  constructor(private readonly db: WorkbenchDb) {}

  async get<K extends keyof MetaValues>(key: K): Promise<MetaValues[K] | undefined> {
    const rec = await this.db.meta.get(key);
    return rec?.value as MetaValues[K] | undefined;
  }

  async set<K extends keyof MetaValues>(key: K, value: MetaValues[K]): Promise<void> {
    await this.db.meta.put({ key, value });
  }
}
