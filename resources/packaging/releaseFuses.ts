// The Electron fuses every packaged build ships with, per platform: switches compiled into the
// binary that no environment variable, command-line flag or file next to the app can turn back.
import { FuseV1Options, FuseVersion, type FuseV1Config } from '@electron/fuses';

/** electron-builder's `electronPlatformName` for the platforms it packs. */
export type PackagedPlatform = 'darwin' | 'mas' | 'win32' | 'linux';
export type PackagedArch = 'ia32' | 'x64' | 'armv7l' | 'arm64' | 'universal';

/**
 * Platforms where Electron checks app.asar against the header hash electron-builder embeds
 * (Info.plist on macOS, an executable resource on Windows). Electron implements no such
 * check on Linux: the fuse would read "enabled" there and verify nothing, so it stays off.
 */
export const ASAR_INTEGRITY_PLATFORMS: readonly PackagedPlatform[] = Object.freeze(['darwin', 'mas', 'win32']);

/**
 * The fuse wire for one packaged binary. Every fuse @electron/fuses 1.8 knows is set
 * explicitly, so a default changing in a later Electron cannot loosen a build unnoticed.
 */
export function releaseFuses(platform: PackagedPlatform, arch: PackagedArch): FuseV1Config {
  const isMac = platform === 'darwin' || platform === 'mas';
  return {
    version: FuseVersion.V1,
    // ELECTRON_RUN_AS_NODE would turn the signed app into a general Node interpreter.
    [FuseV1Options.RunAsNode]: false,
    // Cookies and other network state encrypted at rest with the OS key store.
    [FuseV1Options.EnableCookieEncryption]: true,
    // NODE_OPTIONS (--require a script into main) and --inspect (a debugger on main) are
    // ways into the process that holds the case data; the packaged app honours neither.
    [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
    [FuseV1Options.EnableNodeCliInspectArguments]: false,
    [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: ASAR_INTEGRITY_PLATFORMS.includes(platform),
    // Only app.asar is loaded, never an app/ folder or a loose file dropped beside it.
    [FuseV1Options.OnlyLoadAppFromAsar]: true,
    // No custom V8 snapshot ships; the fuse stays off so none can be swapped in.
    [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
    // The app serves itself over app://; file:// pages get no extra privileges.
    [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
    // Flipping fuses edits the binary and breaks its ad-hoc signature; Apple silicon refuses
    // to run a binary whose signature is broken, so re-sign ad hoc (real signing follows).
    resetAdHocDarwinSignature: isMac && (arch === 'arm64' || arch === 'universal'),
  };
}
