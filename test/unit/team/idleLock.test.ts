// The idle lock: locks exactly when the team's idle time passes without input, never while the
// analyst keeps working, at a clock the test moves.
import { describe, expect, it, vi } from 'vitest';
import { IdleWatch, INPUT_SHARED_EVERY_MS, SharedInput, type IdleTimer, type InputChannel } from '../../../renderer/src/app/idleLock';

class ManualTimer implements IdleTimer {
  at = Date.UTC(2026, 11, 31, 23, 55);
  private timers: { due: number; fn: () => void; id: number }[] = [];
  private nextId = 1;
  now = () => this.at;
  setTimeout = (fn: () => void, ms: number) => {
    const id = this.nextId++;
    this.timers.push({ due: this.at + ms, fn, id });
    return id;
  };
  clearTimeout = (id: unknown) => {
    this.timers = this.timers.filter((t) => t.id !== id);
  };
  advance(ms: number): void {
    const end = this.at + ms;
    for (;;) {
      const next = this.timers.sort((a, b) => a.due - b.due)[0];
      if (!next || next.due > end) break;
      this.timers.shift();
      this.at = next.due;
      next.fn();
    }
    this.at = end;
  }
}

describe('IdleWatch', () => {
  it('locks after the idle time without input, not a moment before', () => {
    const timer = new ManualTimer();
    const lock = vi.fn();
    new IdleWatch(15 * 60_000, lock, timer);
    timer.advance(15 * 60_000 - 1);
    expect(lock).not.toHaveBeenCalled();
    timer.advance(1);
    expect(lock).toHaveBeenCalledTimes(1);
  });

  it('starts the idle time again on every input', () => {
    const timer = new ManualTimer();
    const lock = vi.fn();
    const watch = new IdleWatch(15 * 60_000, lock, timer);
    for (let i = 0; i < 4; i++) {
      timer.advance(10 * 60_000);
      watch.input();
    }
    expect(lock).not.toHaveBeenCalled();
    timer.advance(15 * 60_000);
    expect(lock).toHaveBeenCalledTimes(1);
    timer.advance(60 * 60_000);
    expect(lock).toHaveBeenCalledTimes(1);
  });

  it('never locks once stopped (signed out, or the setting changed)', () => {
    const timer = new ManualTimer();
    const lock = vi.fn();
    new IdleWatch(60_000, lock, timer).stop();
    timer.advance(10 * 60_000);
    expect(lock).not.toHaveBeenCalled();
  });
});

/** Two tabs' channels, as a BroadcastChannel joins them: each hears the other, never itself. */
function channelPair(): [InputChannel, InputChannel] {
  type Tab = InputChannel & { peer?: Tab; closed: boolean };
  const make = (): Tab => ({
    onmessage: null,
    closed: false,
    postMessage(message: unknown) {
      if (this.closed || !this.peer || this.peer.closed) return;
      this.peer.onmessage?.({ data: message } as MessageEvent);
    },
    close() {
      this.closed = true;
    },
  });
  const a = make();
  const b = make();
  a.peer = b;
  b.peer = a;
  return [a, b];
}

describe('SharedInput (browser mode: the app open in two tabs over one session)', () => {
  it('work in one tab keeps the idle other tab from locking the session', () => {
    const timer = new ManualTimer();
    const [ca, cb] = channelPair();
    const lockA = vi.fn();
    const lockB = vi.fn();
    new SharedInput(new IdleWatch(15 * 60_000, lockA, timer), ca, timer);
    const b = new SharedInput(new IdleWatch(15 * 60_000, lockB, timer), cb, timer);
    // Tab A sits idle; the analyst works in tab B, a key every minute, for an hour.
    for (let i = 0; i < 60; i++) {
      timer.advance(60_000);
      b.local();
    }
    expect(lockA).not.toHaveBeenCalled();
    expect(lockB).not.toHaveBeenCalled();
    // Then both sit idle: both lock, after the idle time and not before.
    timer.advance(15 * 60_000 - 1);
    expect(lockA).not.toHaveBeenCalled();
    timer.advance(1);
    expect(lockA).toHaveBeenCalledTimes(1);
    expect(lockB).toHaveBeenCalledTimes(1);
  });

  it('tells the other tabs at most every few seconds, whatever the pointer does', () => {
    const timer = new ManualTimer();
    const [ca, cb] = channelPair();
    const heard = vi.fn();
    cb.onmessage = heard;
    const a = new SharedInput(new IdleWatch(15 * 60_000, () => {}, timer), ca, timer);
    for (let i = 0; i < 1000; i++) {
      a.local();
      timer.advance(10);
    }
    // 10 s of pointer moves: told at 0 s and at 5 s.
    expect(heard).toHaveBeenCalledTimes(2);
    expect(INPUT_SHARED_EVERY_MS).toBe(5_000);
  });

  it('a closed tab no longer counts, and no channel (an old browser) still locks on its own', () => {
    const timer = new ManualTimer();
    const [ca, cb] = channelPair();
    const lockA = vi.fn();
    const a = new SharedInput(new IdleWatch(15 * 60_000, lockA, timer), ca, timer);
    const b = new SharedInput(new IdleWatch(15 * 60_000, () => {}, timer), cb, timer);
    a.close();
    timer.advance(10 * 60_000);
    b.local();
    timer.advance(5 * 60_000);
    expect(lockA).toHaveBeenCalledTimes(1);
    const alone = vi.fn();
    const solo = new SharedInput(new IdleWatch(60_000, alone, timer), null, timer);
    solo.local();
    timer.advance(60_000);
    expect(alone).toHaveBeenCalledTimes(1);
  });
});
