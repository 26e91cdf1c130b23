// The idle lock: locks exactly when the team's idle time passes without input, never while the
// analyst keeps working, at a clock the test moves.
import { describe, expect, it, vi } from 'vitest';
import { IdleWatch, type IdleTimer } from '../../../renderer/src/app/idleLock';

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
