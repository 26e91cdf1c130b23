// The one seam between the app and its host. Screens call `platform`; only this folder
// knows whether it runs inside the Electron shell or as a page in a browser.
import type { ManagedPolicyReading } from '../../../shared/policy/managedPolicy';

export type { ManagedPolicyReading };

import type { DecisionEntry, LogHead } from '../../../shared/decisions/chain';

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
  /** The OS account's name (the default analyst name); empty in browser mode. */
  account: string;
}

export type CheckpointAnswer = { ok: true; head: LogHead } | { ok: false; reason: string };

/** What the checkpoint keeper outside IndexedDB has seen of the decision log. */
export interface CheckpointState {
  heads: LogHead[];
  /** Restores it recorded, each with the witnessed entries it set aside (they belong in the log's archive). */
  restores: { at: number; keep: number; supersedes: LogHead; setAside: LogHead[] }[];
  updatedAt: number | null;
  problem: string | null;
}

/**
 * The decision log's witness outside the database: the shell keeps an append-only checkpoint file
 * it grows only by entries it recomputes. Browser mode has no such place (the analyst downloads
 * checkpoints instead), so there it is null.
 */
export interface CheckpointKeeper {
  read(): Promise<CheckpointState>;
  extend(entries: DecisionEntry[]): Promise<CheckpointAnswer>;
  restore(entry: DecisionEntry): Promise<CheckpointAnswer>;
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
  /** The one team server this run may talk to (its CSP names it), or null: no team server, no network. */
  teamServerOrigin(): Promise<string | null>;
  readonly checkpoints: CheckpointKeeper | null;
}
