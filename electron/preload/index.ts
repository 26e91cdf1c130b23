// The sandboxed preload: exposes `window.workbench`, exactly the IPC contract of
// shared/ipc.ts, and nothing else (no ipcRenderer, no Node, no event listeners).
import { contextBridge, ipcRenderer } from 'electron';
import { BRIDGE_GLOBAL } from '../../shared/ipc';
import { buildWorkbenchBridge } from './workbenchBridge';

contextBridge.exposeInMainWorld(
  BRIDGE_GLOBAL,
  buildWorkbenchBridge((channel, ...args) => ipcRenderer.invoke(channel, ...args)),
);
