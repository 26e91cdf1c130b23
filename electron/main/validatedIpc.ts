// The only way main registers IPC handlers (after VS Code's validatedIpcMain): channels
// come from shared/ipc.ts, callers must be the app's own main frame, arguments are parsed.
import type { IpcMainInvokeEvent } from 'electron';
import { ipcContract, type IpcArgs, type IpcChannel, type IpcResult } from '../../shared/ipc';
import { isAppUrl, loggableTarget } from './appOrigin';

export type ChannelHandler<C extends IpcChannel> = (event: IpcMainInvokeEvent, ...args: IpcArgs<C>) => Promise<IpcResult<C>> | IpcResult<C>;

/** The part of ipcMain the wrapper needs; nothing else in main may call `handle`. */
export interface IpcRegistrar {
  handle(channel: string, listener: (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown): void;
}

export interface SenderPolicy {
  trustedOrigins: readonly string[];
}

/** Thrown back to the renderer (and logged) when a call is refused. */
export class IpcRefusedError extends Error {
  constructor(
    readonly channel: string,
    readonly reason: string,
  ) {
    super(`IPC call to "${channel}" refused: ${reason}`);
    this.name = 'IpcRefusedError';
  }
}

export function isContractChannel(channel: string): channel is IpcChannel {
  return Object.prototype.hasOwnProperty.call(ipcContract, channel);
}

/** Why this sender may not call at all, or null when it is the app's own main frame. */
export function senderRefusal(event: Pick<IpcMainInvokeEvent, 'senderFrame'>, policy: SenderPolicy): string | null {
  const frame = event.senderFrame;
  if (!frame) return 'the sending frame has navigated away or been destroyed';
  if (frame.parent !== null) return 'only the main frame may call; the sender is a sub-frame';
  if (!isAppUrl(frame.url, policy.trustedOrigins)) {
    return `sender origin ${loggableTarget(frame.url)} is not the app's own origin`;
  }
  return null;
}

/**
 * What went wrong with the arguments, by path and issue code only: the values themselves
 * may be customer data (file contents, names) and stay out of logs and error messages.
 */
function describeIssues(issues: readonly { path: readonly PropertyKey[]; code: string }[]): string {
  return issues
    .slice(0, 5)
    .map((issue) => `${issue.path.length ? issue.path.map(String).join('.') : '(arguments)'}: ${issue.code}`)
    .join('; ');
}

export interface ValidatedIpc {
  handle<C extends IpcChannel>(channel: C, handler: ChannelHandler<C>): void;
}

export function createValidatedIpc(ipcMain: IpcRegistrar, policy: SenderPolicy, log: (message: string) => void): ValidatedIpc {
  const registered = new Set<string>();

  return {
    handle<C extends IpcChannel>(channel: C, handler: ChannelHandler<C>): void {
      if (!isContractChannel(channel)) {
        throw new Error(`IPC handler for "${String(channel)}" refused: the channel is not in shared/ipc.ts`);
      }
      if (registered.has(channel)) throw new Error(`IPC handler for "${channel}" is already registered`);
      registered.add(channel);

      ipcMain.handle(channel, async (event, ...rawArgs) => {
        const refusedBecause = senderRefusal(event, policy);
        if (refusedBecause !== null) {
          log(`[ipc] ${channel} refused: ${refusedBecause}`);
          throw new IpcRefusedError(channel, refusedBecause);
        }
        const parsed = ipcContract[channel].args.safeParse(rawArgs);
        if (!parsed.success) {
          const reason = `invalid arguments (${describeIssues(parsed.error.issues)})`;
          log(`[ipc] ${channel} refused: ${reason}`);
          throw new IpcRefusedError(channel, reason);
        }
        try {
          return await handler(event, ...(parsed.data as IpcArgs<C>));
        } catch (error) {
          // Name and code only: I/O messages carry file paths, which may name customers.
          const { name, code } = error as { name?: string; code?: string };
          log(`[ipc] ${channel} failed: ${name ?? 'Error'}${code ? ` (${code})` : ''}`);
          throw error;
        }
      });
    },
  };
}
