// A worker that makes things for the thread that started it (records read from a file, the demo
// year's encoded blocks) and runs at most RUN_AHEAD messages ahead of what that thread has taken:
// the two halves run on two cores, and a slow write never lets made things pile up in memory.
//
// The maker side awaits `send` (creditedSender); the taking side reads `next()` and says `taken()`
// for each message it keeps (aheadInbox), which gives the maker one more credit.

/** Messages made but not yet taken. */
export const RUN_AHEAD = 2;

/** What the taking side says: it took a message, so one more may be made. */
export interface TakenMessage {
  type: 'taken';
}

/** The ends of a message channel each side holds (a Worker, a worker's global scope, a MessagePort). */
export interface Endpoint<In, Out> {
  postMessage(message: Out): void;
  onmessage: ((event: { data: In }) => void) | null;
}

/** A worker as the thread that started it holds it. */
export interface AheadWorker<In, Out> extends Endpoint<In, Out> {
  /** The worker's script did not load or threw outside its work. */
  onerror: ((event: unknown) => void) | null;
  /** A message from the worker could not be read here. */
  onmessageerror: ((event: unknown) => void) | null;
  terminate(): void;
}

/** Why the making stopped; the taking side throws it as an Error with this message. */
export interface FailedMessage {
  type: 'failed';
  message: string;
}

/**
 * In a worker: serves the first message its starter posts, the request, with `serve`, which takes
 * the channel over for the credits that follow.
 */
export function serveFirstRequest<R, T>(serve: (request: R, port: Endpoint<TakenMessage, T>) => Promise<void>): void {
  const scope = self as unknown as Endpoint<R | TakenMessage, T>;
  scope.onmessage = (event) => {
    void serve(event.data as R, scope as Endpoint<TakenMessage, T>);
  };
}

/** The maker side: runs `make` with a credited send; whatever it throws is posted as a failure. */
export async function serveAhead<T>(
  port: Endpoint<TakenMessage, T | FailedMessage>,
  make: (send: (message: T) => Promise<void>) => Promise<void>,
): Promise<void> {
  const send = creditedSender<T | FailedMessage>(port);
  try {
    await make(send);
  } catch (e) {
    port.postMessage({ type: 'failed', message: e instanceof Error ? e.message : String(e) });
  }
}

/**
 * The taking side: posts `request` to `worker`, then yields its messages in order, each taken (one
 * more credit) as it is yielded, until one `isEnd` says ends the making (not yielded, not taken). A
 * failure the maker posts is thrown, and so is `workerFailed` when the worker itself fails. The
 * worker is ended whenever the taking stops: ended, failed, or the taker stopped asking (a failed
 * write).
 */
export async function* takeAhead<T extends { type: string }, End extends T = never>(
  worker: AheadWorker<T | FailedMessage, unknown>,
  request: unknown,
  workerFailed: string,
  isEnd: (message: T) => message is End = (_message): _message is End => false,
): AsyncGenerator<Exclude<T, FailedMessage | End>> {
  const inbox = aheadInbox<T | FailedMessage>(worker, { type: 'failed', message: workerFailed });
  try {
    worker.postMessage(request);
    for (;;) {
      const message = await inbox.next();
      if (isFailed(message)) throw new Error(message.message);
      if (isEnd(message as T)) return;
      inbox.taken();
      yield message as Exclude<T, FailedMessage | End>;
    }
  } finally {
    worker.terminate();
  }
}

function isFailed(message: { type: string }): message is FailedMessage {
  return message.type === 'failed';
}

/** The maker side's send: resolves once the message is posted, waiting while RUN_AHEAD are untaken. */
export function creditedSender<T>(port: Endpoint<TakenMessage, T>): (message: T) => Promise<void> {
  let credit = RUN_AHEAD;
  const waiting = waiters();
  port.onmessage = () => {
    credit++;
    waiting.wakeAll();
  };
  return async (message) => {
    while (credit === 0) await waiting.wait();
    credit--;
    port.postMessage(message);
  };
}

/**
 * The taking side: the worker's messages in order; `failed` in their place once the worker fails
 * outside its work (a script that did not load, a message that could not be read), handled here so
 * the error goes no further.
 */
export function aheadInbox<T>(worker: AheadWorker<T, TakenMessage>, failed: T): { next(): Promise<T>; taken(): void } {
  const queue: T[] = [];
  const waiting = waiters();
  const arrive = (message: T) => {
    queue.push(message);
    waiting.wakeAll();
  };
  worker.onmessage = (event) => arrive(event.data);
  worker.onerror = worker.onmessageerror = (event) => {
    (event as { preventDefault?: () => void } | null)?.preventDefault?.();
    arrive(failed);
  };
  return {
    async next() {
      while (queue.length === 0) await waiting.wait();
      return queue.shift()!;
    },
    taken: () => worker.postMessage({ type: 'taken' }),
  };
}

/** Callers waiting for something to change; each wakes and looks again (none is lost if several wait). */
function waiters(): { wait(): Promise<void>; wakeAll(): void } {
  let woken: (() => void)[] = [];
  return {
    wait: () => new Promise<void>((resolve) => woken.push(resolve)),
    wakeAll() {
      const now = woken;
      woken = [];
      for (const resolve of now) resolve();
    },
  };
}
