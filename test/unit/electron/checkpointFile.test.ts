// The checkpoint file survives a crash in the middle of a write: a line cut off (or a file created
// but never written) is set aside once, and the file keeps growing and reading back after it.
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { chainEntries, headOf, type DecisionEntry } from '../../../shared/decisions/chain';
import { ledgerHeader } from '../../../shared/decisions/checkpoints';
import { CheckpointFile } from '../../../electron/main/checkpointFile';
import { decisionInput } from '../../support/backupCache';

const AT = Date.UTC(2026, 10, 18, 14);

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
function fileIn(): string {
  const d = mkdtempSync(join(tmpdir(), 'fw-checkpoint-file-'));
  dirs.push(d);
  return join(d, 'decision-log-checkpoints.jsonl');
}

async function log(n: number): Promise<DecisionEntry[]> {
  return chainEntries(
    Array.from({ length: n }, (_, i) => decisionInput(i)),
    null,
  );
}

const heads = (entries: DecisionEntry[]) => entries.map((e) => ({ seq: e.seq, hash: e.hash }));

describe('the checkpoint file after a crash mid-write', () => {
  it('keeps appending after a line cut off by a crash, and a restart reads every witnessed entry', async () => {
    const path = fileIn();
    const entries = await log(4);
    expect(await new CheckpointFile(path, () => AT).extend(entries.slice(0, 2))).toMatchObject({ ok: true });
    // The app died while appending the next line: half of it reached the disk, no newline.
    appendFileSync(path, '{"kind":"extend","at":1,"from":2,"hashes":["ab');

    const afterCrash = new CheckpointFile(path, () => AT);
    expect((await afterCrash.read()).problem).toMatch(/cut off while it was written/);
    expect(await afterCrash.extend(entries.slice(2))).toEqual({ ok: true, head: headOf(entries) });

    const restarted = await new CheckpointFile(path).read();
    expect(restarted.heads).toEqual(heads(entries));
    expect(restarted.problem).toBeNull();
  });

  it('ends a whole last line the crash left without its newline before appending the next', async () => {
    const path = fileIn();
    const entries = await log(3);
    await new CheckpointFile(path, () => AT).extend(entries.slice(0, 2));
    writeFileSync(path, readFileSync(path, 'utf8').replace(/\n$/, ''));
    expect(await new CheckpointFile(path, () => AT).extend(entries.slice(2))).toEqual({ ok: true, head: headOf(entries) });
    expect(await new CheckpointFile(path).read()).toMatchObject({ heads: heads(entries), problem: null });
  });

  it('starts over a file the crash left empty, which witnessed nothing', async () => {
    const path = fileIn();
    writeFileSync(path, '');
    const entries = await log(2);
    const file = new CheckpointFile(path, () => AT);
    expect(await file.read()).toEqual({ heads: [], restores: [], updatedAt: null, problem: null });
    expect(await file.extend(entries)).toEqual({ ok: true, head: headOf(entries) });
    expect(readFileSync(path, 'utf8').split('\n')[0]).toBe(ledgerHeader());
    expect((await new CheckpointFile(path).read()).heads).toEqual(heads(entries));
  });

  it('starts over a header cut off by a crash, which witnessed nothing either', async () => {
    const path = fileIn();
    writeFileSync(path, ledgerHeader().slice(0, 12));
    const entries = await log(1);
    expect(await new CheckpointFile(path, () => AT).extend(entries)).toEqual({ ok: true, head: headOf(entries) });
    expect((await new CheckpointFile(path).read()).heads).toEqual(heads(entries));
  });

  it('still refuses a file changed by hand, and leaves it as it is', async () => {
    const path = fileIn();
    writeFileSync(path, `${ledgerHeader()}\ngarbage\n`);
    await expect(new CheckpointFile(path).extend(await log(1))).rejects.toThrow(/damaged/);
    writeFileSync(path, 'not a checkpoint file');
    await expect(new CheckpointFile(path).read()).rejects.toThrow(/damaged/);
    expect(readFileSync(path, 'utf8')).toBe('not a checkpoint file');
  });
});
