// The decision log's witnesses, from the window: the shell's checkpoint file (kept in step after
// every change of the log, and caught up at start), checkpoint downloads in browser mode with a
// reminder when the last one is old, and any file the app wrote, read back as a witness.
import { headOf, type DecisionEntry, type LogHead } from '../../../shared/decisions/chain';
import { ledgerFile, ledgerWitness } from '../../../shared/decisions/checkpoints';
import type { Witness } from '../../../shared/decisions/witness';
import { witnessFromFile } from '../../../shared/decisions/witnessFiles';
import { cache } from '../core/client';
import { platform } from '../platform';
import { exportFile } from './exportFile';

/** Days after which browser mode reminds the analyst to download a new checkpoint (an IT policy may set it). */
export const CHECKPOINT_REMINDER_DAYS = 7;

async function reminderDays(): Promise<number> {
  const reading = await platform.managedPolicy().catch(() => null);
  return reading?.status === 'in-force' ? (reading.policy.checkpoint?.reminderDays ?? CHECKPOINT_REMINDER_DAYS) : CHECKPOINT_REMINDER_DAYS;
}

export type WitnessStatus =
  | { keeper: 'file'; head: LogHead; logHead: LogHead; updatedAt: number | null; problem: string | null }
  | { keeper: 'download'; lastDownload: { at: number; seq: number } | null; logHead: LogHead; due: boolean; reminderDays: number };

const BATCH = 2_000;

/**
 * Brings the checkpoint file up to the log: hands it the entries it has not seen, which it
 * recomputes and appends only if they extend what it saw. A log rewritten beneath the app does
 * not extend it; that is reported, never forced.
 */
export async function syncCheckpoint(now = Date.now()): Promise<WitnessStatus> {
  const logHead = await cache.logHead();
  const keeper = platform.checkpoints;
  if (!keeper) {
    const last = await cache.checkpointDownloaded();
    const days = await reminderDays();
    // A download dated after the clock (set back since, or ahead then) says nothing of how old it is.
    const due = logHead.seq > (last?.seq ?? 0) && (!last || now < last.at || now - last.at > days * 86_400_000);
    return { keeper: 'download', lastDownload: last ? { at: last.at, seq: last.seq } : null, logHead, due, reminderDays: days };
  }
  let state = await keeper.read();
  let head = headOf(state.heads);
  let problem = state.problem;
  let refused = false;
  // A restore stored in the cache that the window did not live to hand over (closed or crashed
  // before witnessRestore): the log no longer holds the file's head, and every later entry would
  // be refused as a rewrite for good. The file checks the restore as it does any other.
  if (head.seq > 0 && (await cache.decisionsAfter(head.seq - 1))[0]?.hash !== head.hash) {
    const log = await cache.decisionsAfter(0);
    const restore = log.findLast((e) => e.decision === 'restore' && e.supersedes?.seq === head.seq && e.supersedes.hash === head.hash);
    if (restore) {
      const answer = await keeper.restore(restore);
      if (answer.ok) head = answer.head;
      else {
        refused = true;
        problem = `The checkpoint file refused the restore at entry ${restore.seq}: ${answer.reason}. Verify the log.`;
      }
    } else {
      // Cut short or rewritten beneath the app: said here at once, not only when the log is verified.
      refused = true;
      problem = `The log no longer holds entry ${head.seq} the checkpoint file saw, and no logged restore replaced it. Verify the log.`;
    }
  }
  if (logHead.seq > head.seq && !refused) {
    for (;;) {
      const entries = await cache.decisionsAfter(head.seq);
      if (entries.length === 0) break;
      const answer = await keeper.extend(entries.slice(0, BATCH));
      if (!answer.ok) {
        problem = `The checkpoint file did not accept the log's new entries: ${answer.reason}. Verify the log.`;
        break;
      }
      head = answer.head;
    }
    state = await keeper.read();
  }
  return { keeper: 'file', head: headOf(state.heads), logHead, updatedAt: state.updatedAt, problem };
}

/** After a restore: the checkpoint file learns of it (a logged restore that names the head it replaced), then catches up. */
export async function witnessRestore(entry: DecisionEntry): Promise<string | null> {
  const keeper = platform.checkpoints;
  if (!keeper) return null;
  const state = await keeper.read();
  const seen = state.heads.at(-1);
  // A restore that kept everything the checkpoint saw is a plain extension; otherwise the file must record it.
  const restored = await cache.decisionsAfter(0);
  const extendsIt = !seen || (seen.seq < entry.seq && restored[seen.seq - 1]?.hash === seen.hash);
  // Already handed over (a catch-up of the checkpoint file got there first).
  const witnessed = state.heads[entry.seq - 1]?.hash === entry.hash;
  if (!extendsIt && !witnessed) {
    const answer = await keeper.restore(entry);
    if (!answer.ok) return `The checkpoint file refused the restore: ${answer.reason}`;
  }
  const status = await syncCheckpoint();
  return status.keeper === 'file' ? status.problem : null;
}

/** The witnesses the app can see without asking: the checkpoint file, where there is one. */
export async function standingWitnesses(): Promise<Witness[]> {
  const keeper = platform.checkpoints;
  if (!keeper) return [];
  const state = await keeper.read();
  return state.heads.length ? [ledgerWitness('the checkpoint file', state)] : [];
}

/** Browser mode (and a copy in the shell): the log's every hash as a file the analyst keeps elsewhere. */
export async function downloadCheckpoint(now = Date.now()): Promise<boolean> {
  const entries = await cache.decisionsAfter(0);
  const head = headOf(entries);
  const stamp = new Date(now).toISOString().slice(0, 16).replace(/[T:]/g, '-');
  const saved = await exportFile({
    kind: 'checkpoint',
    suggestedName: `decision-log-checkpoint-${stamp}-entry-${head.seq}.jsonl`,
    filters: [{ name: 'Decision log checkpoint', extensions: ['jsonl'] }],
    data: ledgerFile(entries, now),
    rows: entries.length,
    what: `checkpoint of the decision log to entry ${head.seq}`,
    logHead: head,
  });
  if (saved) await cache.markCheckpointDownloaded(head);
  return saved;
}

/** Reads a file the analyst chose as a witness (checkpoint, backup, decisions CSV, report PDF). */
export function witnessOf(file: File): Promise<Witness> {
  return witnessFromFile(file, file.name);
}
