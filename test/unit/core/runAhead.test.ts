// The credit rule shared by the read and demo workers: several callers waiting at once on either
// side are all served, none is lost.
import { describe, expect, it } from 'vitest';
import { aheadInbox, creditedSender, RUN_AHEAD, type AheadWorker, type Endpoint, type TakenMessage } from '../../../renderer/src/core/workers/runAhead';

const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

describe('the run-ahead credit rule', () => {
  it('senders waiting together on credit each post once a message is taken', async () => {
    const posted: number[] = [];
    const port: Endpoint<TakenMessage, number> = { onmessage: null, postMessage: (m) => posted.push(m) };
    const send = creditedSender(port);
    const sends = [1, 2, 3, 4, 5].map((m) => send(m));
    await tick();
    expect(posted).toEqual([1, 2]);
    expect(posted).toHaveLength(RUN_AHEAD);
    for (let i = 0; i < 3; i++) port.onmessage?.({ data: { type: 'taken' } });
    await Promise.all(sends);
    expect(posted.sort()).toEqual([1, 2, 3, 4, 5]);
  });

  it('takers waiting together each get a message, in the order they arrive', async () => {
    const worker: AheadWorker<string, TakenMessage> = {
      onmessage: null,
      onerror: null,
      onmessageerror: null,
      postMessage: () => undefined,
      terminate: () => undefined,
    };
    const inbox = aheadInbox<string>(worker, 'failed');
    const got = Promise.all([inbox.next(), inbox.next(), inbox.next()]);
    await tick();
    worker.onmessage?.({ data: 'a' });
    worker.onmessage?.({ data: 'b' });
    worker.onerror?.({ preventDefault: () => undefined });
    expect(await got).toEqual(['a', 'b', 'failed']);
  });
});
