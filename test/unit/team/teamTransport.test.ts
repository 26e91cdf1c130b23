// The laptop's HTTP end of the team protocol: a call that never answers, or whose answer stops half
// way, makes the server unreachable after the call's time instead of holding every later sync round.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CALL_TIMEOUT_MS, httpTransport, TeamRefusal, TeamUnreachable } from '../../../renderer/src/core/team/teamTransport';

const ORIGIN = 'http://127.0.0.1:8787';

/** A fetch that never answers, but gives up when its signal says so (as the platform's does). */
function silentFetch(seen: RequestInit[]) {
  return (_url: string, init: RequestInit) =>
    new Promise<Response>((_resolve, reject) => {
      seen.push(init);
      init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
    });
}

afterEach(() => {
  vi.useRealTimers();
});

describe('httpTransport', () => {
  it('counts a call that never answers as unreachable once its time is up, and not before', async () => {
    vi.useFakeTimers();
    const seen: RequestInit[] = [];
    const transport = httpTransport(ORIGIN, silentFetch(seen));
    let outcome: unknown = 'pending';
    const pulled = transport.pull('token', 0, 10).then(
      () => 'answered',
      (e: unknown) => e,
    );
    void pulled.then((o) => (outcome = o));
    await vi.advanceTimersByTimeAsync(CALL_TIMEOUT_MS - 1);
    expect(outcome).toBe('pending');
    await vi.advanceTimersByTimeAsync(1);
    expect(await pulled).toBeInstanceOf(TeamUnreachable);
    expect(seen[0]?.signal?.aborted).toBe(true);
  });

  it('counts an answer whose body stops half way as unreachable, not as a refusal', async () => {
    vi.useFakeTimers();
    let stream: ReadableStreamDefaultController<Uint8Array> | null = null;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        stream = controller;
        controller.enqueue(new TextEncoder().encode('{"events":['));
      },
    });
    // The platform's fetch ends a body still arriving with an error when the call's signal aborts.
    const transport = httpTransport(ORIGIN, (_url, init) => {
      init.signal?.addEventListener('abort', () => stream?.error(new DOMException('aborted', 'AbortError')));
      return Promise.resolve(new Response(body, { status: 200 }));
    });
    const pulled = transport.pull('token', 0, 10).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(CALL_TIMEOUT_MS);
    expect(await pulled).toBeInstanceOf(TeamUnreachable);
  });

  it('still reads a refusal with its reason, and clears its timer', async () => {
    vi.useFakeTimers();
    const transport = httpTransport(ORIGIN, () =>
      Promise.resolve(new Response(JSON.stringify({ error: 'Your session has ended', code: 'session-ended' }), { status: 401 })),
    );
    const pulled = await transport.pull('token', 0, 10).catch((e: unknown) => e);
    expect(pulled).toBeInstanceOf(TeamRefusal);
    expect((pulled as TeamRefusal).status).toBe(401);
    expect((pulled as TeamRefusal).message).toBe('Your session has ended');
    expect(vi.getTimerCount()).toBe(0);
  });
});
