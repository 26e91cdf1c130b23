// The fuse table of every packaged build, and the afterPack hook that flips it: a test fails
// when any fuse is switched off, changed or skipped, or the hook leaves a binary unflipped.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FuseV1Options, getCurrentFuseWire, type FuseV1Config } from '@electron/fuses';
import { Arch, type AfterPackContext } from 'electron-builder';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  flipReleaseFuses,
  fuseWireMismatches,
  packagedBinaryPath,
} from '../../../resources/packaging/flipReleaseFuses';
import { releaseFuses, type PackagedArch, type PackagedPlatform } from '../../../resources/packaging/releaseFuses';

/** The fuses by name, so a failure says which one moved. */
function byName(config: FuseV1Config): Record<string, boolean | undefined> {
  const named: Record<string, boolean | undefined> = {};
  for (const [name, index] of Object.entries(FuseV1Options)) {
    if (typeof index === 'number') named[name] = (config as Partial<Record<number, boolean>>)[index];
  }
  return named;
}

const HARDENED = {
  RunAsNode: false,
  EnableCookieEncryption: true,
  EnableNodeOptionsEnvironmentVariable: false,
  EnableNodeCliInspectArguments: false,
  OnlyLoadAppFromAsar: true,
  LoadBrowserProcessSpecificV8Snapshot: false,
  GrantFileProtocolExtraPrivileges: false,
};

describe('releaseFuses', () => {
  const cases: [PackagedPlatform, PackagedArch, { asarIntegrity: boolean; resetAdHoc: boolean }][] = [
    ['darwin', 'arm64', { asarIntegrity: true, resetAdHoc: true }],
    ['darwin', 'universal', { asarIntegrity: true, resetAdHoc: true }],
    ['darwin', 'x64', { asarIntegrity: true, resetAdHoc: false }],
    ['mas', 'arm64', { asarIntegrity: true, resetAdHoc: true }],
    ['win32', 'x64', { asarIntegrity: true, resetAdHoc: false }],
    ['win32', 'arm64', { asarIntegrity: true, resetAdHoc: false }],
    // Electron has no asar integrity check on Linux: the fuse stays off instead of claiming one.
    ['linux', 'x64', { asarIntegrity: false, resetAdHoc: false }],
    ['linux', 'arm64', { asarIntegrity: false, resetAdHoc: false }],
  ];

  it.each(cases)('%s %s: every fuse at its release value', (platform, arch, expected) => {
    const fuses = releaseFuses(platform, arch);
    expect(fuses.version).toBe('1');
    expect(byName(fuses)).toEqual({ ...HARDENED, EnableEmbeddedAsarIntegrityValidation: expected.asarIntegrity });
    expect(fuses.resetAdHocDarwinSignature).toBe(expected.resetAdHoc);
  });

  it('sets every fuse @electron/fuses knows, leaving none to the binary default', () => {
    const indices = Object.values(FuseV1Options).filter((v): v is number => typeof v === 'number');
    expect(indices).toHaveLength(8);
    for (const platform of ['darwin', 'win32', 'linux'] as const) {
      const fuses = releaseFuses(platform, 'x64') as Partial<Record<number, boolean>>;
      for (const index of indices) expect(typeof fuses[index], `${platform} fuse ${FuseV1Options[index]}`).toBe('boolean');
    }
  });
});

describe('packagedBinaryPath', () => {
  const names = { productFilename: 'Fraud Workbench', linuxExecutableName: 'fraud-workbench' };
  it('names the binary the way electron-builder lays it out', () => {
    expect(packagedBinaryPath('darwin', '/r/mac-arm64', names)).toBe(join('/r/mac-arm64', 'Fraud Workbench.app'));
    expect(packagedBinaryPath('mas', '/r/mas', names)).toBe(join('/r/mas', 'Fraud Workbench.app'));
    expect(packagedBinaryPath('win32', '/r/win-unpacked', names)).toBe(join('/r/win-unpacked', 'Fraud Workbench.exe'));
    expect(packagedBinaryPath('linux', '/r/linux-unpacked', names)).toBe(join('/r/linux-unpacked', 'fraud-workbench'));
  });
});

// A stand-in for an Electron binary: the fuse sentinel, wire version 1, a wire of nine fuses
// in Electron's shipped defaults (the ninth is one @electron/fuses 1.8 does not name).
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const ELECTRON_DEFAULT_WIRE = '101100011';

function fakeElectronBinary(path: string): void {
  const filler = Buffer.alloc(2048, 0x5a);
  writeFileSync(path, Buffer.concat([filler, Buffer.from(SENTINEL), Buffer.from([1, ELECTRON_DEFAULT_WIRE.length]), Buffer.from(ELECTRON_DEFAULT_WIRE), filler]));
}

function wireOf(path: string): string {
  const bytes = readFileSync(path);
  const at = bytes.indexOf(SENTINEL) + SENTINEL.length + 2;
  return bytes.subarray(at, at + ELECTRON_DEFAULT_WIRE.length).toString('latin1');
}

function packContext(platform: string, arch: Arch, appOutDir: string): AfterPackContext {
  return {
    appOutDir,
    outDir: appOutDir,
    arch,
    electronPlatformName: platform,
    targets: [],
    packager: { appInfo: { productFilename: 'Fraud Workbench' }, executableName: 'fraud-workbench' },
  } as unknown as AfterPackContext;
}

describe('flipReleaseFuses (the afterPack hook)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'workbench-fuses-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('flips the Linux binary to the release wire and leaves the unnamed ninth fuse alone', async () => {
    const binary = join(dir, 'fraud-workbench');
    fakeElectronBinary(binary);
    const log = vi.fn();
    await flipReleaseFuses(packContext('linux', Arch.x64, dir), log);
    expect(log).toHaveBeenCalledExactlyOnceWith('  • release fuses flipped and read back on fraud-workbench (linux x64)');
    // RunAsNode 0, cookies 1, NODE_OPTIONS 0, --inspect 0, asar integrity 0 (Linux), asar only 1,
    // V8 snapshot 0, file:// privileges 0, and the ninth as Electron shipped it.
    expect(wireOf(binary)).toBe('010001001');
    expect(fuseWireMismatches(releaseFuses('linux', 'x64'), await getCurrentFuseWire(binary))).toEqual([]);
  });

  it('turns asar integrity on for the Windows executable', async () => {
    const binary = join(dir, 'Fraud Workbench.exe');
    fakeElectronBinary(binary);
    await flipReleaseFuses(packContext('win32', Arch.x64, dir), () => {});
    expect(wireOf(binary)).toBe('010011001');
  });

  it('stops the build when the binary has no fuse wire', async () => {
    writeFileSync(join(dir, 'fraud-workbench'), Buffer.alloc(4096, 1));
    await expect(flipReleaseFuses(packContext('linux', Arch.x64, dir), () => {})).rejects.toThrow(/sentinel/);
  });

  it('refuses a platform with no fuse table', async () => {
    await expect(flipReleaseFuses(packContext('freebsd', Arch.x64, dir), () => {})).rejects.toThrow(/no release fuses are defined/);
  });
});

describe('fuseWireMismatches', () => {
  it('names each fuse whose read-back state differs', () => {
    const wanted = releaseFuses('win32', 'x64');
    const wire: Record<number, number> = { 0: 48, 1: 49, 2: 48, 3: 48, 4: 49, 5: 49, 6: 48, 7: 48 };
    expect(fuseWireMismatches(wanted, wire)).toEqual([]);
    expect(fuseWireMismatches(wanted, { ...wire, 0: 49, 4: 48 })).toEqual(['RunAsNode', 'EnableEmbeddedAsarIntegrityValidation']);
    // A removed fuse ('r') is not the state asked for either.
    expect(fuseWireMismatches(wanted, { ...wire, 3: 114 })).toEqual(['EnableNodeCliInspectArguments']);
  });
});
