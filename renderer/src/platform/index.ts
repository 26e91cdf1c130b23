// Picks the host implementation once, at start. Nothing else in the renderer asks.
import type { WorkbenchBridge } from '../../../shared/ipc';
import { BRIDGE_GLOBAL } from '../../../shared/ipcBridge';
import { browserPlatform } from './browserPlatform';
import { electronPlatform } from './electronPlatform';
import type { Platform } from './platform';

export type { Platform, AppInfo, FileFilter, ManagedPolicyReading } from './platform';

const bridge = (globalThis as unknown as Record<string, WorkbenchBridge | undefined>)[BRIDGE_GLOBAL];

export const platform: Platform = bridge ? electronPlatform(bridge) : browserPlatform;
