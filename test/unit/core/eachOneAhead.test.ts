// The import's batch loop asks for the next batch while it writes one (eachOneAhead): the order of
// events, a cancel, and a failed write, on a hand-made source that records what happened.
import { describe, expect, it } from 'vitest';
import { eachOneAhead } from '../../../renderer/src/core/imports/importRunner';

/** A source of batches 1..n whose generator logs when each batch is made and when it is closed. */
function source(n: number, log: string[], failAt = 0): AsyncIterable<number> {
  return {
    async *[Symbol.asyncIterator]() {
      try {
        for (let i = 1; i <= n; i++) {
          await Promise.resolve();
          if (i === failAt) throw new Error(`read of batch ${i} failed`);
          log.push(`made ${i}`);
          yield i;
        }
      } finally {
        log.push('closed');
      }
    },
  };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('eachOneAhead', () => {
  it('makes the next batch while the step before is still writing, and steps every batch in order', async () => {
    const log: string[] = [];
    const ended = await eachOneAhead(source(3, log), async (b) => {
      log.push(`write ${b}`);
      await tick();
      log.push(`written ${b}`);
    });
    expect(ended).toBe(true);
    // The source ends (and closes) as the last batch is stepped.
    expect(log).toEqual(['made 1', 'write 1', 'made 2', 'written 1', 'write 2', 'made 3', 'written 2', 'closed', 'write 3', 'written 3']);
  });

  it('a cancel during a batch ends the run after it: the batch made ahead is not written, and the source is closed', async () => {
    const log: string[] = [];
    const control = { cancelled: false };
    const ended = await eachOneAhead(
      source(5, log),
      async (b) => {
        log.push(`write ${b}`);
        if (b === 2) control.cancelled = true;
        await tick();
      },
      () => control.cancelled,
    );
    expect(ended).toBe(false);
    expect(log.filter((l) => l.startsWith('write'))).toEqual(['write 1', 'write 2']);
    expect(log.at(-1)).toBe('closed');
  });

  it('a failed write stops the run with its own error and closes the source; nothing after it is written', async () => {
    const log: string[] = [];
    const unhandled: unknown[] = [];
    const onUnhandled = (e: unknown) => unhandled.push(e);
    process.on('unhandledRejection', onUnhandled);
    try {
      await expect(
        eachOneAhead(source(4, log, 3), async (b) => {
          log.push(`write ${b}`);
          await tick();
          if (b === 2) throw new Error('disk full');
        }),
      ).rejects.toThrow('disk full');
      await tick();
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
    // Batch 3's read failed while batch 2 was written: the write's error is the one that stops it.
    expect(log).toEqual(['made 1', 'write 1', 'made 2', 'write 2', 'closed']);
    expect(unhandled).toEqual([]);
  });

  it('a failed read stops the run with the read error, after the batches before it were written', async () => {
    const log: string[] = [];
    await expect(eachOneAhead(source(4, log, 2), async (b) => void log.push(`write ${b}`))).rejects.toThrow('read of batch 2 failed');
    expect(log).toEqual(['made 1', 'write 1', 'closed']);
  });
});
