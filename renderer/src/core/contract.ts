// The one contract between screens and the core: the joined handler maps of every room, and the
// plain types their handlers take and return. Screens import from here (types) and client.ts.
import type { BackupHandlers } from './backup/handlers';
import type { DisputesHandlers } from './disputes/handlers';
import type { ImportHandlers } from './imports/handlers';
import type { LogHandlers } from './log/handlers';
import type { OrdersHandlers } from './orders/handlers';
import type { PrivacyHandlers } from './privacy/handlers';
import type { ReportsHandlers } from './reports/handlers';
import type { ReviewHandlers } from './review/handlers';
import type { RingsHandlers } from './rings/handlers';
import type { TeamHandlers } from './team/handlers';
import type { TeamCaseHandlers } from './team/caseHandlers';
import type { DisplayLocale } from '../../../shared/domain/money';

/** What the cache worker answers. A handler name appears in exactly one room. */
export type CoreHandlers = OrdersHandlers &
  RingsHandlers &
  ReviewHandlers &
  LogHandlers &
  DisputesHandlers &
  ReportsHandlers &
  BackupHandlers &
  PrivacyHandlers &
  TeamHandlers &
  TeamCaseHandlers;

/** What the import worker answers: imports stream and write beside the cache worker. */
export type { ImportHandlers };

/** Both workers keep their clock in step with the window's. */
export interface FollowsClock {
  followClock(now: number): void;
  /**
   * The window's display locale, for the dates the worker writes into texts (a dispute's hint, a
   * deadline's reason): the same 30/11/2026 the screen shows around them, not the worker's ISO.
   */
  followDisplay(locale: DisplayLocale): void;
}

export type { ProgressFn } from './context';
export type { CacheOverview, OrderPayment } from './orders/handlers';
export type { OrderQuery, OrderRow } from './storage/orderStore';
export type { RingVerdict } from './rings/handlers';
export { RING_LISTS, type RingList } from '../../../shared/linking/lists';
export type { GraphExpansion, RingDetail, RingGraph, RingsOverview } from './rings/ringService';
export type { OverrideEntry } from './rings/ringDecisions';
export { SLA_HOURS } from '../../../shared/decisions/sla';
export type { QueueRow, WhatIf } from './review/reviewService';
export type { ReviewSettings } from './storage/metaRepository';
export type { LogVerdict } from './storage/decisionLog';
export type { CheckpointDownload, DecisionArchive } from './log/handlers';
export type { ArchivedEntry, ArchiveVerdict } from '../../../shared/decisions/archive';
export type { DisputeDetail, DisputeRow } from './disputes/disputeService';
export type { AttachmentContent, AttachmentInfo } from './disputes/attachmentService';
export type { ClaimDetail, ClaimInput, ClaimRow } from './disputes/claimService';
export type { EvidencePack, PackCheck } from '../../../shared/disputes/evidence';
export type { ResponseCostSettings, ResponseHint } from '../../../shared/disputes/respondOrAccept';
export type { KpiResult, ReportRates, RingsOfRange, SnapshotKind, TrendResult } from './reports/reportService';
export type { BackupKind } from './backup/handlers';
export type { RestorePlan } from './backup/restore';
export type { PlanSummary } from './privacy/personalData';
export type { DisputeEventRecord, ExportLogRecord, MatrixRecord, ReportSnapshotRecord, RetentionSummaryRecord } from './storage/schema';
export type { TeamStatus, DeviceChainCheck } from './team/handlers';
export type { SyncStatus } from './team/teamSync';
export type { TeammateFile } from './team/teamAttachments';
export type { TeamOverrideRow } from './team/caseHandlers';
export type { TeammateDisputeStep, TeammateNote } from '../../../shared/team/teammatesRecords';
export type { Claim, ClaimSubject, DecisionConflict, TeamAccount, TeamDecision, TeamStanding } from '../../../shared/team';
export type { ImportEntry } from './imports/importHistory';
export type { ImportListEntry } from './imports/importService';
export type { TeamOrdersCheck } from './team/teamOrdersCheck';
export type { TeamOrdersProgress, TeamOrdersRound } from './team/teamOrders';
export type { ImportOutcome, ImportProgress } from './imports/importRunner';
export type { FormatChoice, ImportQuestion, ImportResult, LayoutOverrides, MappingCheck } from './imports/importService';
