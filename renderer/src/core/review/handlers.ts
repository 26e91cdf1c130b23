// The Review room: the queue, decisions and their undo, review settings, the scoring matrix
// and the analyst's name every entry carries.
import type { Decision, DecisionEntry } from '../../../../shared/decisions/chain';
import { decisionThatStands } from '../../../../shared/decisions/standing';
import type { Matrix } from '../../../../shared/scoring/matrix';
import { savingOrDiskFull } from '../storage/diskFull';
import { analystName, cleanAnalystName, type ReviewSettings } from '../storage/metaRepository';
import type { MatrixRecord } from '../storage/schema';
import type { CoreContext, ProgressFn } from '../context';
import type { QueueRow, ReviewService, WhatIf } from './reviewService';

const plural = (n: number, one: string, many: string): string => (n === 1 ? one : many);

export function reviewHandlers(ctx: CoreContext, review: ReviewService) {
  return {
    /** `onProgress`: orders normalised of those to normalise, while the rings it scores with are linked. */
    async reviewQueue(onProgress?: ProgressFn): Promise<QueueRow[]> {
      ctx.rings.prefetchKept();
      await ctx.ready();
      return review.queue(onProgress);
    },

    decide(orderKey: string, decision: Decision, reasonCode: string, note: string): Promise<DecisionEntry> {
      return savingOrDiskFull(decision === 'note' ? 'the note' : 'the decision', () => review.decide(orderKey, decision, reasonCode, note));
    },

    /** One transaction: a full disk logs none of them. */
    decideMany(keys: string[], decision: Decision, reasonCode: string, note: string): Promise<DecisionEntry[]> {
      return savingOrDiskFull(plural(keys.length, 'the decision', `the ${keys.length} decisions`), () => review.decideMany(keys, decision, reasonCode, note));
    },

    /** The hold, release or cancel that stands on an order (no undo reversed it), for its detail; null if none. */
    async decisionOn(orderKey: string): Promise<DecisionEntry | null> {
      const entries = await ctx.db.decisions.where('orderKey').equals(orderKey).sortBy('seq');
      // Undos name the entry they reverse and are logged under the same order.
      return decisionThatStands(entries).get(orderKey) ?? null;
    },

    undoDecision: (seq: number): Promise<DecisionEntry> => savingOrDiskFull('the undo of the decision', () => review.undo(seq)),

    /** Undoes a whole ring decision: every entry or none, each named by its seq and the hash the window showed. */
    undoDecisions(seqs: number[], hashes: string[]): Promise<DecisionEntry[]> {
      return savingOrDiskFull(plural(seqs.length, 'the undo of the decision', `the undo of ${seqs.length} decisions`), () => review.undoMany(seqs, hashes));
    },

    reviewSettings: (): Promise<ReviewSettings> => review.settings(),

    saveReviewSettings: (s: ReviewSettings): Promise<ReviewSettings> => savingOrDiskFull('the review settings', () => review.saveSettings(s)),

    scoringMatrix: (): Promise<Matrix> => review.matrix(),

    matrixHistory: (): Promise<MatrixRecord[]> => review.matrixHistory(),

    async matrixWhatIf(draft: Matrix): Promise<WhatIf> {
      await ctx.ready();
      return review.whatIf(draft);
    },

    saveMatrix: (draft: Matrix, note: string): Promise<number> => savingOrDiskFull('the scoring matrix', () => review.saveMatrix(draft, note)),

    /** The name entries are logged under now: the team account while signed in, else the self-declared one. */
    async getAnalystName(): Promise<string> {
      return analystName(ctx.db).catch(() => '');
    },

    async setAnalystName(name: string): Promise<string> {
      const clean = cleanAnalystName(name);
      await savingOrDiskFull('your name', () => ctx.meta.set('analystName', clean));
      return clean;
    },
  };
}

export type ReviewHandlers = ReturnType<typeof reviewHandlers>;
