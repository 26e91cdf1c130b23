// The one IPC contract between renderer and Electron main. Preload exposes exactly these
// channels and main registers handlers only for them, so neither side can drift.
import { z } from 'zod';
import { managedPolicyReadingSchema } from './policy/managedPolicy';
import { decisionEntrySchema, logHeadSchema } from './decisions/schema';

const fileFilter = z.object({ name: z.string().max(100), extensions: z.array(z.string().max(20)).max(20) });

export const ipcContract = {
  'app:info': {
    args: z.tuple([]),
    result: z.object({
      name: z.string(),
      version: z.string(),
      electron: z.string(),
      chrome: z.string(),
      platform: z.string(),
      /** The OS account's name: the default analyst name, which the analyst confirms or changes. */
      account: z.string().max(80),
    }),
  },
  'dialog:open-files': {
    args: z.tuple([
      z.object({
        title: z.string().max(200),
        filters: z.array(fileFilter).max(20),
        multiple: z.boolean(),
      }),
    ]),
    result: z.array(z.object({ name: z.string(), bytes: z.instanceof(Uint8Array) })),
  },
  'dialog:save-file': {
    args: z.tuple([
      z.object({
        suggestedName: z.string().max(255),
        filters: z.array(fileFilter).max(20),
        data: z.union([z.string(), z.instanceof(Uint8Array)]),
      }),
    ]),
    result: z.object({ saved: z.boolean(), path: z.string().optional() }),
  },
  'print:to-pdf': {
    args: z.tuple([z.object({ suggestedName: z.string().max(255), landscape: z.boolean() })]),
    result: z.object({ saved: z.boolean(), path: z.string().optional() }),
  },
  /** The organisation's policy file (see electron/main/managedPolicy.ts), as main read it. */
  'policy:managed': {
    args: z.tuple([]),
    result: managedPolicyReadingSchema,
  },
  // The decision log's witness outside IndexedDB: an append-only checkpoint file in the user-data
  // folder that main grows only by entries it recomputes (shared/decisions/checkpoints.ts).
  'checkpoint:read': {
    args: z.tuple([]),
    result: z.object({
      heads: z.array(logHeadSchema).max(10_000_000),
      restores: z
        .array(z.object({ at: z.number(), keep: z.number().int().min(0), supersedes: logHeadSchema, setAside: z.array(logHeadSchema).max(10_000_000) }))
        .max(100_000),
      updatedAt: z.number().nullable(),
      problem: z.string().max(500).nullable(),
    }),
  },
  'checkpoint:extend': {
    args: z.tuple([z.array(decisionEntrySchema).max(5_000)]),
    result: checkpointResult(),
  },
  'checkpoint:restore': {
    args: z.tuple([decisionEntrySchema]),
    result: checkpointResult(),
  },
} as const;

function checkpointResult() {
  return z.union([z.object({ ok: z.literal(true), head: logHeadSchema }), z.object({ ok: z.literal(false), reason: z.string().max(1000) })]);
}

export type IpcChannel = keyof typeof ipcContract;
export const IPC_CHANNELS = Object.keys(ipcContract) as IpcChannel[];

export type IpcArgs<C extends IpcChannel> = z.infer<(typeof ipcContract)[C]['args']>;
export type IpcResult<C extends IpcChannel> = z.infer<(typeof ipcContract)[C]['result']>;

/** What preload exposes on `window.workbench`: one async function per channel. */
export type WorkbenchBridge = {
  [C in IpcChannel]: (...args: IpcArgs<C>) => Promise<IpcResult<C>>;
};

/** The global name under which preload exposes the bridge. */
export { BRIDGE_GLOBAL } from './ipcBridge';
