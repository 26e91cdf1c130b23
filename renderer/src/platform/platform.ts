// The one seam between the app and its host. Screens call `platform`; only this folder
// knows whether it runs inside the Electron shell or as a page in a browser.
import type { ManagedPolicyReading } from '../../../shared/policy/managedPolicy';

export type { ManagedPolicyReading };

export interface FileFilter {
  name: string;
  extensions: string[];
}

export interface AppInfo {
  name: string;
  version: string;
  host: 'electron' | 'browser';
  /** Electron/Chrome versions in the shell; the browser's user agent in browser mode. */
  runtime: string;
}

export interface Platform {
  readonly host: 'electron' | 'browser';
  openFiles(opts: { title: string; filters: FileFilter[]; multiple: boolean }): Promise<File[]>;
  /** Returns false when the user cancelled. */
  saveFile(opts: { suggestedName: string; filters: FileFilter[]; data: Blob | string }): Promise<boolean>;
  /** Prints the current window's print layout to PDF; false when cancelled. */
  printToPdf(opts: { suggestedName: string; landscape: boolean }): Promise<boolean>;
  appInfo(): Promise<AppInfo>;
  /** The policy the organisation deployed on this computer; `none` when there is none. */
  managedPolicy(): Promise<ManagedPolicyReading>;
}
