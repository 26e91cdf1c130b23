// electron-builder's afterPack hook: flips the release fuses on the packaged Electron binary
// and reads them back. afterPack runs before electron-builder signs, so the signature seals them.
import { basename, join } from 'node:path';
import { flipFuses, getCurrentFuseWire, FuseV1Options, type FuseV1Config } from '@electron/fuses';
import { Arch, type AfterPackContext } from 'electron-builder';
import { releaseFuses, type PackagedArch, type PackagedPlatform } from './releaseFuses';

const PACKAGED_PLATFORMS: readonly string[] = ['darwin', 'mas', 'win32', 'linux'];

export interface PackagedNames {
  /** The product name as a file name: "Fraud Workbench" -> "Fraud Workbench.app" / ".exe". */
  productFilename: string;
  /** Linux names the binary after `linux.executableName` instead. */
  linuxExecutableName: string;
}

/**
 * The file @electron/fuses edits: the .app bundle on macOS (it finds the framework binary
 * inside), the .exe on Windows, the executable on Linux; the naming electron-builder uses.
 */
export function packagedBinaryPath(platform: PackagedPlatform, appOutDir: string, names: PackagedNames): string {
  switch (platform) {
    case 'darwin':
    case 'mas':
      return join(appOutDir, `${names.productFilename}.app`);
    case 'win32':
      return join(appOutDir, `${names.productFilename}.exe`);
    case 'linux':
      return join(appOutDir, names.linuxExecutableName);
    default: {
      const never: never = platform;
      throw new Error(`No packaged binary layout for ${String(never)}`);
    }
  }
}

const ENABLED = 49; // '1' in the fuse wire
const DISABLED = 48; // '0'

/** Names of the fuses whose state in a read-back wire differs from the config. */
export function fuseWireMismatches(expected: FuseV1Config, wire: Record<number, unknown>): string[] {
  const wrong: string[] = [];
  for (const [name, index] of Object.entries(FuseV1Options)) {
    if (typeof index !== 'number') continue; // the enum's reverse mapping
    const want = (expected as Partial<Record<number, boolean>>)[index];
    if (want === undefined) continue;
    if (wire[index] !== (want ? ENABLED : DISABLED)) wrong.push(name);
  }
  return wrong;
}

function packagedPlatformOf(electronPlatformName: string): PackagedPlatform {
  if (!PACKAGED_PLATFORMS.includes(electronPlatformName)) {
    throw new Error(`Refusing to pack for "${electronPlatformName}": no release fuses are defined for it`);
  }
  return electronPlatformName as PackagedPlatform;
}

export async function flipReleaseFuses(context: AfterPackContext, log: (line: string) => void = console.log): Promise<void> {
  const platform = packagedPlatformOf(context.electronPlatformName);
  const arch = Arch[context.arch] as PackagedArch;
  const packager = context.packager as { appInfo: { productFilename: string }; executableName?: string };
  const binary = packagedBinaryPath(platform, context.appOutDir, {
    productFilename: packager.appInfo.productFilename,
    linuxExecutableName: packager.executableName ?? packager.appInfo.productFilename,
  });
  const fuses = releaseFuses(platform, arch);
  await flipFuses(binary, fuses);
  // A wire the flip did not reach (a second sentinel, a renamed binary) must stop the build.
  const wrong = fuseWireMismatches(fuses, await getCurrentFuseWire(binary));
  if (wrong.length > 0) throw new Error(`Fuses did not take on ${basename(binary)}: ${wrong.join(', ')}`);
  log(`  • release fuses flipped and read back on ${basename(binary)} (${platform} ${arch})`);
}
