// The policy:managed channel: registered with the other contract channels through the
// validating wrapper, takes no arguments, and answers in the contract's reading shape.
import { beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import type { IpcMainInvokeEvent } from 'electron';
import { ipcContract, IPC_CHANNELS } from '../../../shared/ipc';
import type { ManagedPolicyReading } from '../../../shared/policy/managedPolicy';
import { createValidatedIpc, IpcRefusedError } from '../../../electron/main/validatedIpc';

vi.mock('electron', () => ({ app: { getVersion: () => '0.1.0', getPath: () => '/tmp' }, BrowserWindow: {}, dialog: {} }));

const { registerWorkbenchHandlers } = await import('../../../electron/main/ipcHandlers');

type Listener = (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown;
const APP_EVENT = { senderFrame: { url: 'app://workbench/index.html#/settings', parent: null }, sender: {} } as unknown as IpcMainInvokeEvent;
const IN_FORCE: ManagedPolicyReading = {
  status: 'in-force',
  source: '/etc/fraud-workbench/policy.json',
  policy: { review: { slaHours: 12 }, teamServer: { origin: 'https://workbench.example.com' } },
};

let listeners: Map<string, Listener>;
let log: Mock<(message: string) => void>;

beforeEach(() => {
  listeners = new Map();
  log = vi.fn();
  const ipc = createValidatedIpc({ handle: (channel, listener) => void listeners.set(channel, listener) }, { trustedOrigins: ['app://workbench'] }, log);
  registerWorkbenchHandlers(ipc, { managedPolicy: async () => IN_FORCE });
});

describe('registerWorkbenchHandlers', () => {
  it('registers a handler for every contract channel and nothing else', () => {
    expect([...listeners.keys()].sort()).toEqual([...IPC_CHANNELS].sort());
    expect(IPC_CHANNELS).toContain('policy:managed');
  });
});

describe('policy:managed', () => {
  const call = (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise.resolve(listeners.get('policy:managed')!(event, ...args));

  it('answers the app with the policy main read', async () => {
    await expect(call(APP_EVENT)).resolves.toEqual(IN_FORCE);
  });

  it('takes no arguments', async () => {
    await expect(call(APP_EVENT, { path: '/home/jane/evil.json' })).rejects.toThrow(/invalid arguments/);
    expect(log.mock.calls.flat().join()).not.toContain('/home/jane');
  });

  it('refuses a foreign sender', async () => {
    const foreign = { senderFrame: { url: 'https://evil.example/', parent: null }, sender: {} } as unknown as IpcMainInvokeEvent;
    await expect(call(foreign)).rejects.toBeInstanceOf(IpcRefusedError);
  });

  it('has a result schema that takes every reading and nothing else', () => {
    const result = ipcContract['policy:managed'].result;
    expect(result.parse(IN_FORCE)).toEqual(IN_FORCE);
    expect(result.parse({ status: 'none' })).toEqual({ status: 'none' });
    const refused = { status: 'refused', source: '/etc/fraud-workbench/policy.json', problems: ['unknown key "x"'] };
    expect(result.parse(refused)).toEqual(refused);

    expect(result.safeParse({ status: 'maybe' }).success).toBe(false);
    expect(result.safeParse({ status: 'refused', source: 's', problems: [] }).success).toBe(false);
    expect(result.safeParse({ status: 'in-force', source: 's', policy: { review: { slaHours: 0 } } }).success).toBe(false);
    expect(result.safeParse({ status: 'in-force', source: 's', policy: { unknown: true } }).success).toBe(false);
    expect(result.safeParse({ status: 'none', source: 's' }).success).toBe(false);
  });
});
