// Builds `window.workbench` from the contract's channel list: one async function per
// channel, so adding a channel to shared/ipc.ts is the only way to grow the bridge.
import { IPC_CHANNELS, type IpcChannel, type WorkbenchBridge } from '../../shared/ipc';

export type Invoke = (channel: IpcChannel, ...args: unknown[]) => Promise<unknown>;

/**
 * Each function forwards its arguments and nothing more: the page never receives the IPC
 * event, ipcRenderer, or any handle it could send arbitrary channels through. contextBridge
 * freezes the copy the page sees; freezing here keeps the preload's own object fixed too.
 */
export function buildWorkbenchBridge(invoke: Invoke): WorkbenchBridge {
  const bridge: Record<string, (...args: unknown[]) => Promise<unknown>> = {};
  for (const channel of IPC_CHANNELS) {
    bridge[channel] = (...args: unknown[]) => invoke(channel, ...args);
  }
  return Object.freeze(bridge) as unknown as WorkbenchBridge;
}
