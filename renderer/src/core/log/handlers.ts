// The Log room: the decision log, its verification against witnesses, checkpoints and the log
// of every file the app wrote. Compliance reads these; nothing here changes a decision.
import { archivedEntries, verifyArchive, type ArchivedEntry, type ArchiveVerdict } from '../../../../shared/decisions/archive';
import type { DecisionEntry, LogHead } from '../../../../shared/decisions/chain';
import type { Witness } from '../../../../shared/decisions/witness';
import type { LogVerdict } from '../storage/decisionLog';
import { ExportLog, type ExportInput } from '../storage/exportLog';
import type { ExportLogRecord } from '../storage/schema';
import type { CoreContext } from '../context';
import type { ReviewService } from '../review/reviewService';

export interface CheckpointDownload {
  at: number;
  seq: number;
  hash: string;
}

/** What restores set aside, as the log's Archive shows it. */
export interface DecisionArchive {
  entries: ArchivedEntry[];
  /** Rows of other logs (dispute changes, ring verdicts, ...) restores set aside, by table. */
  otherRows: Record<string, number>;
}

export function logHandlers(ctx: CoreContext, review: ReviewService) {
  const exports = new ExportLog(ctx.db, ctx.clock);
  return {
    decisionLog: (): Promise<DecisionEntry[]> => review.entries(),

    /** The chain on its own, and against each witness the window brings (checkpoints, chosen files). */
    verifyDecisionLog: (witnesses: Witness[] = []): Promise<LogVerdict> => review.verify(witnesses),

    /** The entries restores set aside, each with the restore that did (not in force; numbers of their own). */
    async decisionArchive(): Promise<DecisionArchive> {
      const { live, archived, otherRows } = await ctx.log.withArchive();
      return { entries: archivedEntries(live, archived), otherRows };
    },

    /** Each restore's set-aside entries checked as a chain of their own. */
    async verifyDecisionArchive(): Promise<ArchiveVerdict[]> {
      const { live, archived } = await ctx.log.withArchive();
      return verifyArchive(live, archived);
    },

    logHead: (): Promise<LogHead> => ctx.log.head(),

    /** Entries a checkpoint has not seen yet (after `seq`), oldest first. */
    decisionsAfter: (seq: number): Promise<DecisionEntry[]> => ctx.log.entriesAfter(seq),

    /** Browser mode: remembers the checkpoint the analyst downloaded, for the reminder. */
    async markCheckpointDownloaded(head: LogHead): Promise<void> {
      await ctx.meta.set('checkpointDownloaded', { at: ctx.clock.now(), seq: head.seq, hash: head.hash });
    },

    async checkpointDownloaded(): Promise<CheckpointDownload | null> {
      return (await ctx.meta.get('checkpointDownloaded')) ?? null;
    },

    /** Records a file the window wrote (after the save succeeded). */
    logExport: (input: ExportInput): Promise<ExportLogRecord> => exports.add(input),

    exportLog: (): Promise<ExportLogRecord[]> => exports.list(),
  };
}

export type LogHandlers = ReturnType<typeof logHandlers>;
