// A restore stored in the cache but never handed to the checkpoint file (the window closed or
// crashed in between) is handed over when the window next catches the file up: the file is not
// left at odds with the log for good, reporting every later decision as a rewrite.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { chainEntries, chainEntry, headOf, type DecisionEntry } from '../../../shared/decisions/chain';
import { CheckpointFile } from '../../../electron/main/checkpointFile';
import { decisionInput } from '../../support/backupCache';

const AT = Date.UTC(2026, 10, 18, 14);
const the = vi.hoisted(() => ({ log: [] as DecisionEntry[], keeper: null as unknown, downloaded: null as { at: number; seq: number; hash: string } | null }));
vi.mock('../../../renderer/src/core/client', () => ({
  cache: {
    logHead: async () => headOf(the.log),
    decisionsAfter: async (seq: number) => the.log.filter((e) => e.seq > seq),
    checkpointDownloaded: async () => the.downloaded,
  },
}));
vi.mock('../../../renderer/src/platform', () => ({
  platform: {
    get checkpoints() {
      return the.keeper;
    },
    managedPolicy: async () => null,
  },
}));
vi.mock('../../../renderer/src/app/exportFile', () => ({ exportFile: async () => false }));
const { syncCheckpoint, witnessRestore } = await import('../../../renderer/src/app/logWitness');

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('catching the checkpoint file up at start', () => {
  it('hands over a restore the window did not live to hand over, then the decisions after it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fw-checkpoint-catch-up-'));
    dirs.push(dir);
    const file = new CheckpointFile(join(dir, 'decision-log-checkpoints.jsonl'), () => AT);
    the.keeper = file;
    const before = await chainEntries(
      Array.from({ length: 9 }, (_, i) => decisionInput(i)),
      null,
    );
    the.log = before;
    expect(await syncCheckpoint(AT)).toMatchObject({ keeper: 'file', head: headOf(before), problem: null });
    // An older backup of 5 entries restored; the window closed before the checkpoint file heard of it.
    const restore = await chainEntry({ ...decisionInput(20), orderKey: '', decision: 'restore', supersedes: headOf(before) }, headOf(before.slice(0, 5)));
    the.log = [...before.slice(0, 5), restore];
    // The app starts again, and the analyst decides on.
    the.log = [...the.log, ...(await chainEntries([decisionInput(21), decisionInput(22), decisionInput(23), decisionInput(24)], headOf(the.log)))];
    const status = await syncCheckpoint(AT);
    expect(status).toMatchObject({ keeper: 'file', head: headOf(the.log), logHead: headOf(the.log), problem: null });
    expect((await file.read()).restores).toMatchObject([{ keep: 5, supersedes: headOf(before) }]);
    // The restore's own hand-over, late (another window's catch-up got there first), finds it witnessed.
    expect(await witnessRestore(restore)).toBeNull();
    expect((await file.read()).restores).toHaveLength(1);
  });

  it('says at once when the log no longer holds what the file saw, and no logged restore explains it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fw-checkpoint-catch-up-'));
    dirs.push(dir);
    the.keeper = new CheckpointFile(join(dir, 'decision-log-checkpoints.jsonl'), () => AT);
    const before = await chainEntries(
      Array.from({ length: 9 }, (_, i) => decisionInput(i)),
      null,
    );
    the.log = before;
    await syncCheckpoint(AT);
    // Beneath the app: the newest entries gone, the head moved back with them.
    the.log = before.slice(0, 6);
    expect(await syncCheckpoint(AT)).toMatchObject({
      keeper: 'file',
      head: headOf(before),
      problem: 'The log no longer holds entry 9 the checkpoint file saw, and no logged restore replaced it. Verify the log.',
    });
  });
});

describe('the checkpoint reminder in browser mode', () => {
  it('a checkpoint dated after the clock (the clock was set back since) does not hold the reminder off', async () => {
    the.keeper = undefined;
    the.log = await chainEntries(
      Array.from({ length: 4 }, (_, i) => decisionInput(i)),
      null,
    );
    // Downloaded at entry 2 while the clock was a year ahead; new decisions since.
    the.downloaded = { at: AT + 365 * 86_400_000, seq: 2, hash: the.log[1]!.hash };
    expect(await syncCheckpoint(AT)).toMatchObject({ keeper: 'download', due: true });
    // Downloaded yesterday, by a clock that was right: not due yet.
    the.downloaded = { at: AT - 86_400_000, seq: 2, hash: the.log[1]!.hash };
    expect(await syncCheckpoint(AT)).toMatchObject({ keeper: 'download', due: false });
  });
});
