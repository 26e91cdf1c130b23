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

/** How the app's windows hear of input in each other (a BroadcastChannel in the app). */
export interface InputChannel {
  postMessage(message: unknown): void;
  onmessage: ((event: MessageEvent) => void) | null;
  close(): void;
}

/** How often, at most, a window tells the others it has input. */
export const INPUT_SHARED_EVERY_MS = 5_000;

/**
 * Input in any window of the app keeps every one open: in browser mode the app may be open in
 * several tabs over one cache and one team session, and the tab the analyst works in must not be
 * locked because another sits idle. A window's own input is told to the others at most every
 * INPUT_SHARED_EVERY_MS; theirs counts here as input.
 */
export class SharedInput {
  private lastTold = -Infinity;

  constructor(
    private readonly watch: IdleWatch,
    private readonly channel: InputChannel | null,
    private readonly timer: IdleTimer,
  ) {
    if (channel) channel.onmessage = () => watch.input();
  }

  /** A key, click or pointer move in this window. */
  local(): void {
    this.watch.input();
    const now = this.timer.now();
    if (!this.channel || now - this.lastTold < INPUT_SHARED_EVERY_MS) return;
    this.lastTold = now;
    this.channel.postMessage('input');
  }

  close(): void {
    if (this.channel) {
      this.channel.onmessage = null;
      this.channel.close();
    }
  }
}
