// The single IPC registration point refuses unknown channels, foreign origins, sub-frames
// and malformed arguments, says why without leaking data, and passes valid calls through.
import { beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import type { IpcMainInvokeEvent } from 'electron';
import type { IpcChannel } from '../../../shared/ipc';
import { createValidatedIpc, IpcRefusedError, type IpcRegistrar, type ValidatedIpc } from '../../../electron/main/validatedIpc';

type Listener = (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown;

const APP_PAGE = 'app://workbench/index.html#/reports';

function senderEvent(url: string | null, options: { subFrame?: boolean } = {}): IpcMainInvokeEvent {
  const frame = url === null ? null : { url, parent: options.subFrame ? { url: APP_PAGE } : null };
  return { senderFrame: frame, sender: {} } as unknown as IpcMainInvokeEvent;
}

let listeners: Map<string, Listener>;
let log: Mock<(message: string) => void>;
let ipc: ValidatedIpc;

beforeEach(() => {
  listeners = new Map();
  const registrar: IpcRegistrar = { handle: (channel, listener) => void listeners.set(channel, listener) };
  log = vi.fn();
  ipc = createValidatedIpc(registrar, { trustedOrigins: ['app://workbench'] }, log);
});

function invoke(channel: string, event: IpcMainInvokeEvent, ...args: unknown[]): Promise<unknown> {
  const listener = listeners.get(channel);
  if (!listener) throw new Error(`no listener for ${channel}`);
  return Promise.resolve(listener(event, ...args));
}

describe('registration', () => {
  it('registers contract channels with ipcMain', () => {
    ipc.handle('app:info', () => ({ name: 'n', version: 'v', electron: 'e', chrome: 'c', platform: 'linux', account: 'kweber' }));
    expect([...listeners.keys()]).toEqual(['app:info']);
  });

  it('refuses a channel that is not in shared/ipc.ts, and prototype keys', () => {
    expect(() => ipc.handle('shell:exec' as IpcChannel, vi.fn())).toThrow(/not in shared\/ipc\.ts/);
    expect(() => ipc.handle('constructor' as IpcChannel, vi.fn())).toThrow(/not in shared\/ipc\.ts/);
    expect(listeners.size).toBe(0);
  });

  it('refuses registering a channel twice', () => {
    ipc.handle('print:to-pdf', async () => ({ saved: false }));
    expect(() => ipc.handle('print:to-pdf', async () => ({ saved: false }))).toThrow(/already registered/);
  });
});

describe('calls', () => {
  const handler = vi.fn(async (_event: IpcMainInvokeEvent, options: { suggestedName: string; landscape: boolean }) => ({
    saved: true,
    path: `/reports/${options.suggestedName}`,
  }));

  beforeEach(() => {
    handler.mockClear();
    ipc.handle('print:to-pdf', handler);
  });

  it('passes a valid call from the app main frame through, with parsed arguments', async () => {
    const event = senderEvent(APP_PAGE);
    const result = await invoke('print:to-pdf', event, { suggestedName: 'q3.pdf', landscape: true, extra: 'dropped' });
    expect(result).toEqual({ saved: true, path: '/reports/q3.pdf' });
    // The handler sees the parsed value: unknown keys are stripped by the schema.
    expect(handler).toHaveBeenCalledExactlyOnceWith(event, { suggestedName: 'q3.pdf', landscape: true });
    expect(log).not.toHaveBeenCalled();
  });

  it('refuses a sender from another origin', async () => {
    const call = invoke('print:to-pdf', senderEvent('https://evil.example/page'), { suggestedName: 'a', landscape: false });
    await expect(call).rejects.toBeInstanceOf(IpcRefusedError);
    await expect(call).rejects.toThrow(/origin https:\/\/evil\.example is not the app's own origin/);
    expect(handler).not.toHaveBeenCalled();
    expect(log).toHaveBeenCalledWith(expect.stringContaining('print:to-pdf refused'));
  });

  it('refuses look-alike app origins and opaque senders', async () => {
    for (const url of ['app://workbench.evil/index.html', 'app://other/index.html', 'data:text/html,x', 'about:blank']) {
      await expect(invoke('print:to-pdf', senderEvent(url), { suggestedName: 'a', landscape: false })).rejects.toThrow(/not the app's own origin/);
    }
    expect(handler).not.toHaveBeenCalled();
  });

  it('refuses a sub-frame, even one on the app origin', async () => {
    const call = invoke('print:to-pdf', senderEvent(APP_PAGE, { subFrame: true }), { suggestedName: 'a', landscape: false });
    await expect(call).rejects.toThrow(/only the main frame may call/);
    expect(handler).not.toHaveBeenCalled();
  });

  it('refuses when the sending frame is already gone', async () => {
    await expect(invoke('print:to-pdf', senderEvent(null), { suggestedName: 'a', landscape: false })).rejects.toThrow(/navigated away or been destroyed/);
    expect(handler).not.toHaveBeenCalled();
  });

  it('refuses invalid arguments, naming the field but never the value', async () => {
    const secret = 'jane.doe@example.com';
    const call = invoke('print:to-pdf', senderEvent(APP_PAGE), { suggestedName: 'a', landscape: secret });
    await expect(call).rejects.toThrow(/invalid arguments \(0\.landscape: invalid_type\)/);
    const error = (await call.catch((e: unknown) => e)) as Error;
    expect(error.message).not.toContain(secret);
    expect(log.mock.calls.flat().join('\n')).not.toContain(secret);
    expect(handler).not.toHaveBeenCalled();
  });

  it('refuses missing, extra and oversized arguments', async () => {
    const event = senderEvent(APP_PAGE);
    await expect(invoke('print:to-pdf', event)).rejects.toThrow(/invalid arguments/);
    await expect(invoke('print:to-pdf', event, { suggestedName: 'a', landscape: false }, 'second')).rejects.toThrow(/invalid arguments/);
    await expect(invoke('print:to-pdf', event, { suggestedName: 'x'.repeat(256), landscape: false })).rejects.toThrow(/suggestedName: too_big/);
    expect(handler).not.toHaveBeenCalled();
  });

  it('trusts the dev server origin only when the policy lists it', async () => {
    const devListeners = new Map<string, Listener>();
    const devIpc = createValidatedIpc(
      { handle: (channel, listener) => void devListeners.set(channel, listener) },
      { trustedOrigins: ['app://workbench', 'http://localhost:5173'] },
      vi.fn(),
    );
    devIpc.handle('print:to-pdf', handler);
    await expect(devListeners.get('print:to-pdf')!(senderEvent('http://localhost:5173/'), { suggestedName: 'a', landscape: false })).resolves.toEqual({
      saved: true,
      path: '/reports/a',
    });
    await expect(invoke('print:to-pdf', senderEvent('http://localhost:5173/'), { suggestedName: 'a', landscape: false })).rejects.toThrow(IpcRefusedError);
  });

  it('logs a failing handler by error name and code only, and rethrows it', async () => {
    ipc.handle('dialog:save-file', async () => {
      throw Object.assign(new Error("EACCES: permission denied, open '/home/jane/cases/chargebacks.csv'"), { code: 'EACCES' });
    });
    const call = invoke('dialog:save-file', senderEvent(APP_PAGE), { suggestedName: 'x.csv', filters: [], data: 'a,b' });
    await expect(call).rejects.toThrow(/EACCES/);
    const logged = log.mock.calls.flat().join('\n');
    expect(logged).toContain('dialog:save-file failed: Error (EACCES)');
    expect(logged).not.toContain('/home/jane');
  });
});
