// Small named settings and facts about the cache (analyst name, where the data came from).
import type { FormatPreset } from '../../../../shared/ingest/formats/preset';
import type { WorkbenchDb } from './schema';
import { mayPush, type EventKind } from '../../../../shared/team';
import { TeamStore } from './teamStore';

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
  programmeThresholds: import('../../../../shared/reports/programmes').Threshold[];
  /** The highest order block id ever given out (ids are never reused; see orderRepository.ts). */
  orderBlockSequence: number;
  /** Browser mode: when the analyst last downloaded a checkpoint of the decision log, and its head. */
  checkpointDownloaded: { at: number; seq: number; hash: string };
  /** Months personal data is kept (0: no retention period). */
  retentionMonths: number;
  /** When a value shared by many identities is a hub, per key type (defaults in shared/linking/hubs.ts). */
  hubRules: Record<import('../../../../shared/normalize').KeyType, import('../../../../shared/linking/hubs').HubRule>;
  /** Cost of responding to a dispute and the fallback win rate (defaults in shared/disputes/respondOrAccept.ts). */
  responseCost: import('../../../../shared/disputes/respondOrAccept').ResponseCostSettings;
  /** Response windows of refund claims, dated, with their sources (shared/disputes/claims.ts). */
  claimWindows: import('../../../../shared/disputes/claims').ClaimWindow[];
  /** Own shops the analyst named when two shops' order numbers met (shared/ingest/shops.ts). */
  shops: string[];
  /** The shop last chosen for a file of each format (format id → shop name; '' the own shop), offered first next time. */
  presetShops: Record<string, string>;
}

/**
 * What clearing the cache does to each setting (wipe.ts): `kept`, this laptop's own (the analyst's
 * name, saved column mappings, hub rules and the other settings an analyst typed in, and the
 * log's checkpoint and the block ids, which must not start again); `cleared`, a fact about the data
 * that goes with it. A new setting must say which it is.
 */
export const META_ON_WIPE: Record<keyof MetaValues, 'kept' | 'cleared'> = {
  analystName: 'kept',
  dataset: 'cleared',
  presets: 'kept',
  review: 'kept',
  reportRates: 'kept',
  programmeThresholds: 'kept',
  // Block ids are never reused (orderRepository.ts), not even after a wipe.
  orderBlockSequence: 'kept',
  // About the decision log, which a wipe keeps.
  checkpointDownloaded: 'kept',
  retentionMonths: 'kept',
  hubRules: 'kept',
  responseCost: 'kept',
  claimWindows: 'kept',
  shops: 'kept',
  presetShops: 'kept',
};

export interface ReviewSettings {
  slaHours: number;
  /** Orders older than this many days are history, not queued (shared/decisions/sla.ts). Absent in settings saved before it existed. */
  windowDays?: number;
  holdReasons: string[];
  releaseReasons: string[];
}

/** Thrown when something would be logged without a name: nothing is accepted as "unnamed". */
export class NoAnalystError extends Error {
  constructor() {
    super('Say who you are first: enter your name (Settings → Analyst). Every decision, verdict and change is logged under it.');
    this.name = 'NoAnalystError';
  }
}

/** Thrown when the signed-in team account may not record this kind (compliance deciding). */
export class NotYoursToRecordError extends Error {
  constructor(name: string, role: string, kind: EventKind) {
    const what = kind === 'erasure' ? 'erase personal data' : `record ${/^[aeiou]/.test(kind) ? 'an' : 'a'} ${kind.replace('-', ' ')}`;
    super(`${name} is signed in as ${role}: a ${role} account reads the team's work and does not ${what}.`);
    this.name = 'NotYoursToRecordError';
  }
}

/**
 * Who decides, as written into every logged decision, verdict, override, dispute change and
 * snapshot: the signed-in team account while there is one (the server refuses events under any
 * other name), else the self-declared name. With `kind`, a role that may not push that kind of
 * event is refused here, before anything is logged: a refused event would block the device's chain.
 */
export async function analystName(db: WorkbenchDb, kind?: EventKind): Promise<string> {
  const session = await new TeamStore(db).get('session');
  if (session) {
    if (kind && !mayPush(session.account.role, kind)) throw new NotYoursToRecordError(session.account.name, session.account.role, kind);
    return session.account.name;
  }
  const name = (((await db.meta.get('analystName'))?.value as string | undefined) ?? '').trim();
  if (!name) throw new NoAnalystError();
  return name;
}

/**
 * Characters that show nothing or turn the text after them around: a name of a zero-width space
 * alone logged decisions under an invisible analyst, and "K. Weber" + U+202E + "gnirts" shows as
 * "K. Weberstring" in the log (Hangul fillers are the usual invisible "name"). Joiners (U+200C,
 * U+200D) stay: scripts and emoji need them.
 */
const HIDDEN_OR_REORDERING = /[\u00ad\u061c\u180e\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\u115f\u1160\u3164\uffa0]/g;

/** Names are self-declared until a team server signs analysts in: keep them short, printable and readable as written. */
export function cleanAnalystName(name: string): string {
  const clean = name
    .replace(/[\u0000-\u001f\u007f]/g, ' ')
    .replace(HIDDEN_OR_REORDERING, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (!/[\p{L}\p{N}]/u.test(clean)) throw new Error('Enter your name: every decision is logged under it');
  // Said, not cut: a box that stopped at 80 characters saved a pasted name cut off mid-word.
  if (clean.length > 80) throw new Error(`A name is at most 80 characters; this one has ${clean.length}`);
  return clean;
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
