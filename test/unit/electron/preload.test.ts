// The preload exposes exactly the contract on window.workbench: one function per channel
// in shared/ipc.ts, each forwarding to ipcRenderer.invoke, and nothing else.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { BRIDGE_GLOBAL, IPC_CHANNELS } from '../../../shared/ipc';

const electron = vi.hoisted(() => {
  const invoke = vi.fn(async (channel: string, ...args: unknown[]) => ({ channel, args }));
  const exposeInMainWorld = vi.fn();
  // Records every member the preload reads, so the test can prove it used nothing but
  // contextBridge.exposeInMainWorld and ipcRenderer.invoke (no on, send, sendSync...).
  const touched: string[] = [];
  const recording = <T extends object>(name: string, target: T): T =>
    new Proxy(target, {
      get(inner, key, receiver) {
        touched.push(`${name}.${String(key)}`);
        return Reflect.get(inner, key, receiver);
      },
    });
  const ipcRenderer = recording('ipcRenderer', { invoke, on: vi.fn(), send: vi.fn(), sendSync: vi.fn(), postMessage: vi.fn() });
  const contextBridge = recording('contextBridge', { exposeInMainWorld, exposeInIsolatedWorld: vi.fn() });
  return { invoke, exposeInMainWorld, ipcRenderer, contextBridge, touched };
});

vi.mock('electron', () => ({ contextBridge: electron.contextBridge, ipcRenderer: electron.ipcRenderer }));

let exposed: Record<string, unknown>;

let touchedAtLoad: string[];

beforeAll(async () => {
  await import('../../../electron/preload/index');
  touchedAtLoad = [...electron.touched];
  expect(electron.exposeInMainWorld).toHaveBeenCalledOnce();
  const [name, api] = electron.exposeInMainWorld.mock.calls[0] as [string, Record<string, unknown>];
  expect(name).toBe(BRIDGE_GLOBAL);
  exposed = api;
});

describe('preload bridge', () => {
  it('is exposed once, as window.workbench', () => {
    expect(BRIDGE_GLOBAL).toBe('workbench');
    expect(electron.exposeInMainWorld).toHaveBeenCalledOnce();
  });

  it('has exactly the contract channels as keys, all functions', () => {
    expect(Object.keys(exposed).sort()).toEqual([...IPC_CHANNELS].sort());
    expect(Object.getOwnPropertySymbols(exposed)).toEqual([]);
    for (const channel of IPC_CHANNELS) expect(typeof exposed[channel]).toBe('function');
  });

  it('is frozen, so page code cannot add to or swap the functions', () => {
    expect(Object.isFrozen(exposed)).toBe(true);
  });

  it('uses only contextBridge.exposeInMainWorld while loading', () => {
    expect(new Set(touchedAtLoad)).toEqual(new Set(['contextBridge.exposeInMainWorld']));
  });

  it('forwards each function to ipcRenderer.invoke on its own channel with the arguments as given', async () => {
    electron.touched.length = 0;
    for (const channel of IPC_CHANNELS) {
      electron.invoke.mockClear();
      const fn = exposed[channel] as (...args: unknown[]) => Promise<unknown>;
      const arg = { suggestedName: `${channel}.pdf`, landscape: true };
      await expect(fn(arg)).resolves.toEqual({ channel, args: [arg] });
      expect(electron.invoke).toHaveBeenCalledExactlyOnceWith(channel, arg);
    }
    expect(new Set(electron.touched)).toEqual(new Set(['ipcRenderer.invoke']));
  });

  it('hands out no ipcRenderer, invoke or other Electron object', () => {
    for (const value of Object.values(exposed)) {
      expect(value === electron.ipcRenderer || value === electron.invoke || value === electron.contextBridge).toBe(false);
    }
  });
});
