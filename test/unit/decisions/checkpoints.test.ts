// The checkpoint ledger witnesses the decision log from outside the database: it grows only by
// entries that extend it (recomputed, not trusted), accepts a restore only when it names the head
// it replaces and keeps a witnessed prefix, and survives being written, cut off and read back.
import { mkdtempSync, readFileSync, rmSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { chainEntries, chainEntry, headOf, type DecisionEntry } from '../../../shared/decisions/chain';
import { CheckpointLedger, extensionOf, ledgerFile, ledgerHeader, parseLedger, restoreOf, serialiseLine } from '../../../shared/decisions/checkpoints';
import { compareWithWitness, relateToLogAndArchive } from '../../../shared/decisions/witness';
import { CheckpointFile } from '../../../electron/main/checkpointFile';
import { decisionInput } from '../../support/backupCache';

const AT = Date.UTC(2026, 10, 18, 14);

async function log(n: number, from: DecisionEntry[] = []): Promise<DecisionEntry[]> {
  const more = await chainEntries(
    Array.from({ length: n }, (_, i) => decisionInput(from.length + i)),
    from.length ? headOf(from) : null,
  );
  return [...from, ...more];
}

async function ledgerOf(entries: DecisionEntry[]): Promise<CheckpointLedger> {
  const l = new CheckpointLedger();
  const r = await extensionOf(l, entries, AT);
  if (!r.ok) throw new Error(r.reason);
  if (r.line) l.apply(r.line);
  return l;
}

describe('checkpoint ledger', () => {
  it('grows by entries that extend it, and accepts entries it already saw unchanged', async () => {
    const entries = await log(5);
    const l = await ledgerOf(entries.slice(0, 3));
    const r = await extensionOf(l, entries, AT);
    expect(r).toMatchObject({ ok: true, head: headOf(entries), line: { kind: 'extend', from: 3 } });
    if (r.ok && r.line) l.apply(r.line);
    expect(l.head).toEqual(headOf(entries));
    expect(await extensionOf(l, entries, AT)).toMatchObject({ ok: true, line: null });
  });

  it('refuses entries that do not chain on, that skip one, or that differ from ones it saw (a rewritten log)', async () => {
    const entries = await log(4);
    const l = await ledgerOf(entries.slice(0, 2));
    expect(await extensionOf(l, [entries[3]!], AT)).toMatchObject({ ok: false, reason: expect.stringMatching(/do not extend.*follows entry 2/) });
    const forged = await log(4); // same inputs, other salts: another log
    expect(await extensionOf(l, forged, AT)).toMatchObject({ ok: false, reason: 'entry 1 differs from the one the checkpoint saw: the log was changed' });
    const edited = { ...entries[2]!, decision: 'cancel' as const };
    expect(await extensionOf(l, [edited], AT)).toMatchObject({ ok: false, reason: expect.stringContaining('entry 3 was changed') });
  });

  it('accepts a restore that names its head and keeps a witnessed prefix; refuses a foreign one', async () => {
    const entries = await log(16);
    const l = await ledgerOf(entries);
    const restore = (prefix: DecisionEntry[], supersedes = headOf(entries)) =>
      chainEntry({ ...decisionInput(99), decision: 'restore', orderKey: '', supersedes }, headOf(prefix));
    const good = await restore(entries.slice(0, 5));
    const r = await restoreOf(l, good, AT);
    expect(r).toMatchObject({ ok: true, head: { seq: 6 }, line: { kind: 'restore', keep: 5 } });
    expect(await restoreOf(l, await restore(entries.slice(0, 5), headOf(entries.slice(0, 9))), AT)).toMatchObject({
      ok: false,
      reason: expect.stringContaining("must name the checkpoint's head (entry 16)"),
    });
    const foreign = await log(5);
    expect(await restoreOf(l, await restore(foreign), AT)).toMatchObject({ ok: false, reason: expect.stringContaining('not an older copy of this log') });
    if (r.ok && r.line) l.apply(r.line);
    expect(l.head).toEqual(headOf([...entries.slice(0, 5), good]));
    // The entries it replaced are remembered: Verify finds them in the log's archive.
    expect(l.restores).toEqual([{ at: AT, keep: 5, supersedes: headOf(entries), setAside: entries.slice(5).map((e) => ({ seq: e.seq, hash: e.hash })) }]);
  });

  it('a restore that brings back a line an earlier restore replaced (a newer backup after an older one); never one it did not see', async () => {
    const entries = await log(9);
    const l = await ledgerOf(entries);
    const restore = (prefix: DecisionEntry[], supersedes: ReturnType<typeof headOf>) =>
      chainEntry({ ...decisionInput(99), decision: 'restore', orderKey: '', supersedes }, headOf(prefix));
    const first = await restore(entries.slice(0, 5), headOf(entries));
    const r1 = await restoreOf(l, first, AT);
    if (!r1.ok || !r1.line) throw new Error('refused');
    const line1 = r1.line;
    l.apply(line1);
    const second = await restore(entries, headOf([...entries.slice(0, 5), first]));
    const r2 = await restoreOf(l, second, AT);
    expect(r2).toMatchObject({ ok: true, head: { seq: 10 }, line: { kind: 'restore', keep: 9, kept: entries[8]!.hash } });
    if (!r2.ok || !r2.line) throw new Error('refused');
    const line2 = r2.line;
    l.apply(line2);
    expect(l.heads()).toEqual([...entries, second].map((e) => ({ seq: e.seq, hash: e.hash })));
    // It set aside the first restore's entry only: entries 1 to 5 are shared by both lines.
    expect(l.restores[1]!.setAside).toEqual([{ seq: 6, hash: first.hash }]);
    // Read back from the file, line by line, it stands the same.
    const text =
      [ledgerHeader(), serialiseLine({ kind: 'extend', at: AT, from: 0, hashes: entries.map((e) => e.hash) }), serialiseLine(line1), serialiseLine(line2)].join(
        '\n',
      ) + '\n';
    expect(parseLedger(text).ledger.heads()).toEqual(l.heads());
    expect(parseLedger(text).ledger.restores).toEqual(l.restores);
    // A line that names a kept entry no line it saw has, or a malformed one, makes the file untrustworthy.
    const unseen = serialiseLine({ ...line2, kept: 'f'.repeat(64) } as typeof line2);
    expect(() =>
      parseLedger(
        [ledgerHeader(), serialiseLine({ kind: 'extend', at: AT, from: 0, hashes: entries.map((e) => e.hash) }), serialiseLine(line1), unseen].join('\n') +
          '\n',
      ),
    ).toThrow(/line 4: a restore keeps entry 9 as no line the checkpoint saw has it/);
    expect(() => parseLedger([ledgerHeader(), JSON.stringify({ ...line2, kept: 'not a hash' })].join('\n') + '\n')).toThrow(/line 2: not a checkpoint line/);
    // A backup of another log restored now chains to nothing it saw.
    const foreign = await log(9);
    expect(await restoreOf(l, await restore(foreign, l.head), AT)).toMatchObject({ ok: false });
  });

  it('relates a backup to the log and the entries its restores set aside: revives a set-aside line, refuses a fork of it', async () => {
    const entries = await log(9);
    const first = await chainEntry({ ...decisionInput(99), decision: 'restore', orderKey: '', supersedes: headOf(entries) }, headOf(entries.slice(0, 5)));
    const here = [...entries.slice(0, 5), first];
    const archived = entries.slice(5);
    expect(relateToLogAndArchive(here, archived, entries)).toEqual({ relation: 'revives', commonUpTo: 5, firstDifference: 6, revivedUpTo: 9 });
    // Without the archive (or with only part of the line in it) it is what it was: diverged.
    expect(relateToLogAndArchive(here, [], entries)).toMatchObject({ relation: 'diverged', firstDifference: 6 });
    expect(relateToLogAndArchive(here, archived.slice(1), entries)).toMatchObject({ relation: 'diverged', firstDifference: 6 });
    // Past the archived line: entries nobody here saw, which a newer backup may hold.
    const longer = await log(2, entries);
    expect(relateToLogAndArchive(here, archived, longer)).toMatchObject({ relation: 'revives', revivedUpTo: 9 });
    // Parting from the archived line where the archive knows how it went on: not a copy of it.
    const fork = await log(3, entries.slice(0, 7));
    expect(relateToLogAndArchive(here, archived, fork)).toMatchObject({ relation: 'diverged', firstDifference: 8 });
    // The log's own relations are as relateLogs says.
    expect(relateToLogAndArchive(here, archived, here.slice(0, 3))).toMatchObject({ relation: 'older' });
  });

  it('as a file: read back line by line; a last line cut off mid-write is dropped and said; a bad line is an error', async () => {
    const entries = await log(3);
    const text = ledgerFile(entries, AT);
    expect(parseLedger(text).ledger.head).toEqual(headOf(entries));
    const cut = text.slice(0, -20);
    expect(parseLedger(cut)).toMatchObject({ problem: 'line 2 was cut off while it was written and is ignored' });
    expect(() => parseLedger(text + '{"kind":"extend","at":1,"from":7,"hashes":[]}\n')).toThrow(/line 3: an extension from entry 7 does not follow entry 3/);
  });

  it('names the first difference between a log and what a checkpoint saw: shorter, changed, other head', async () => {
    const entries = await log(6);
    const witness = { source: 'the checkpoint file', at: AT, heads: entries.map((e) => ({ seq: e.seq, hash: e.hash })) };
    expect(compareWithWitness(entries, witness)).toEqual({ ok: true, source: 'the checkpoint file', checked: 6, upTo: 6 });
    expect(compareWithWitness(entries.slice(0, 4), witness)).toMatchObject({
      ok: false,
      kind: 'shorter',
      seq: 5,
      reason: expect.stringContaining('the log ends at entry 4, but the checkpoint file (2026-11-18 14:00 UTC) saw entry 6'),
    });
    const rewritten = [...entries.slice(0, 2), ...(await log(4, entries.slice(0, 2))).slice(2)];
    expect(compareWithWitness(rewritten, witness)).toMatchObject({ ok: false, kind: 'changed', seq: 3 });
    expect(compareWithWitness(rewritten, { source: 'report.pdf', at: null, heads: [headOf(entries)] })).toMatchObject({ ok: false, kind: 'head', seq: 6 });
  });
});

describe('the checkpoint file in main', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });
  const fileIn = () => {
    const d = mkdtempSync(join(tmpdir(), 'fw-checkpoints-'));
    dirs.push(d);
    return join(d, 'decision-log-checkpoints.jsonl');
  };

  it('creates the file, appends only what extends it, and a new instance (an app restart) reads the same head', async () => {
    const path = fileIn();
    const entries = await log(4);
    const file = new CheckpointFile(path, () => AT);
    expect(await file.read()).toEqual({ heads: [], restores: [], updatedAt: null, problem: null });
    expect(await file.extend(entries.slice(0, 2))).toEqual({ ok: true, head: headOf(entries.slice(0, 2)) });
    expect(await file.extend([{ ...entries[2]!, note: 'changed' }])).toMatchObject({ ok: false });
    expect(await file.extend(entries.slice(2))).toEqual({ ok: true, head: headOf(entries) });
    expect(readFileSync(path, 'utf8').trim().split('\n')).toHaveLength(3);
    const again = await new CheckpointFile(path).read();
    expect(again.heads).toEqual(entries.map((e) => ({ seq: e.seq, hash: e.hash })));
  });

  it('a restore that brings back a line an earlier one replaced is written, and read back the same after a restart', async () => {
    const path = fileIn();
    const entries = await log(7);
    const file = new CheckpointFile(path, () => AT);
    await file.extend(entries);
    const restore = (prefix: DecisionEntry[], supersedes: ReturnType<typeof headOf>) =>
      chainEntry({ ...decisionInput(99), decision: 'restore', orderKey: '', supersedes }, headOf(prefix));
    const first = await restore(entries.slice(0, 4), headOf(entries));
    expect(await file.restore(first)).toEqual({ ok: true, head: headOf([...entries.slice(0, 4), first]) });
    const second = await restore(entries, headOf([...entries.slice(0, 4), first]));
    expect(await file.restore(second)).toEqual({ ok: true, head: headOf([...entries, second]) });
    const again = await new CheckpointFile(path).read();
    expect(again.problem).toBeNull();
    expect(again.heads).toEqual([...entries, second].map((e) => ({ seq: e.seq, hash: e.hash })));
    expect(again.restores.map((r) => r.setAside.map((h) => h.seq))).toEqual([[5, 6, 7], [5]]);
  });

  it('a file damaged by hand is reported, not overwritten', async () => {
    const path = fileIn();
    writeFileSync(path, '{"format":"fraud-workbench-checkpoints","version":1}\n');
    appendFileSync(path, 'garbage\n{"kind":"extend","at":1,"from":0,"hashes":[]}\n');
    await expect(new CheckpointFile(path).read()).rejects.toThrow(/checkpoint file is damaged \(line 2: not a checkpoint line\)/);
    expect(readFileSync(path, 'utf8')).toContain('garbage');
  });
});
