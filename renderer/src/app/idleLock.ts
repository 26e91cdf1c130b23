// The idle lock's timing: after the team's idle time without input the app locks. A plain class
// with its timer and clock injected, so tests move time instead of waiting for it.

export interface IdleTimer {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const windowTimer: IdleTimer = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => window.setTimeout(fn, ms),
  clearTimeout: (h) => window.clearTimeout(h as number),
};

export class IdleWatch {
  private lastInput: number;
  private handle: unknown = null;
  private locked = false;

  constructor(
    private readonly idleMs: number,
    private readonly onLock: () => void,
    private readonly timer: IdleTimer,
  ) {
    this.lastInput = timer.now();
    this.arm(idleMs);
  }

  /** Any key, click or pointer move: the idle time starts again (unless already locked). */
  input(): void {
    if (this.locked) return;
    this.lastInput = this.timer.now();
  }

  /** Fires at the deadline, checks the time of the last input, and locks or re-arms for what is left. */
  private arm(ms: number): void {
    this.handle = this.timer.setTimeout(() => {
      const idle = this.timer.now() - this.lastInput;
      if (idle >= this.idleMs) {
        this.locked = true;
        this.onLock();
      } else this.arm(this.idleMs - idle);
    }, ms);
  }

  stop(): void {
    if (this.handle !== null) this.timer.clearTimeout(this.handle);
    this.handle = null;
  }
}
