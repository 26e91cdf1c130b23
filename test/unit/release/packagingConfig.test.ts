// The electron-builder config: asar on, one fuse table applied by our afterPack hook, only the
// built bundles shipped, the five installers, and signing taken from the environment alone.
import { describe, expect, it } from 'vitest';
import releaseDefault, { APP_ID, PACKAGED_FILES, releaseConfig } from '../../../electron-builder.config';
import { flipReleaseFuses } from '../../../resources/packaging/flipReleaseFuses';

const config = releaseConfig({});

function targetsOf(platformTargets: unknown): string[] {
  return (platformTargets as (string | { target: string })[]).map((t) => (typeof t === 'string' ? t : t.target));
}

describe('packaging config', () => {
  it('packs the app into an asar archive', () => {
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toBeUndefined();
  });

  it('flips fuses only through the afterPack hook, which runs before signing', () => {
    expect(config.afterPack).toBe(flipReleaseFuses);
    // electron-builder's own fuse option would be a second, global table that could disagree.
    expect(config.electronFuses).toBeNull();
    expect(typeof config.beforePack).toBe('function');
  });

  it('ships the electron-vite bundles and package.json, and no node_modules, sources or maps', () => {
    expect(config.files).toEqual([
      'out/main/**/*',
      'out/preload/**/*',
      'out/renderer/**/*',
      'package.json',
      '!**/node_modules{,/**/*}',
      '!**/*.map',
    ]);
    expect(PACKAGED_FILES).toEqual(config.files);
    for (const pattern of PACKAGED_FILES.filter((p) => !p.startsWith('!'))) {
      expect(pattern).not.toMatch(/^(electron|shared|renderer\/src|test|bench|resources|node_modules)\//);
    }
    expect(config.npmRebuild).toBe(false);
    expect(config.nodeGypRebuild).toBe(false);
  });

  it('builds AppImage and deb, NSIS and MSI, and dmg for both Mac architectures', () => {
    expect(targetsOf(config.linux?.target)).toEqual(['AppImage', 'deb']);
    expect(targetsOf(config.win?.target)).toEqual(['nsis', 'msi']);
    expect(config.mac?.target).toEqual([{ target: 'dmg', arch: ['x64', 'arm64'] }]);
    expect(config.msi?.perMachine).toBe(true);
    expect(config.nsis?.deleteAppDataOnUninstall).toBe(false);
    expect(config.appId).toBe(APP_ID);
    expect(config.publish).toBeNull();
  });

  it('keeps every signing secret out of the config: certificates and passwords come from the environment', () => {
    const text = JSON.stringify(releaseConfig({ CSC_LINK: '/secure/cert.p12', CSC_KEY_PASSWORD: 'hunter2', APPLE_ID: 'a@b.c' }));
    expect(text).not.toMatch(/hunter2|cert\.p12|a@b\.c/);
    expect(text).not.toMatch(/"(cscLink|cscKeyPassword|certificateFile|certificatePassword|identity)"/);
  });

  it('packs unsigned by default and refuses to when WORKBENCH_REQUIRE_SIGNING=1', () => {
    expect(config.forceCodeSigning).toBe(false);
    expect(config.mac?.forceCodeSigning).toBe(false);
    expect(config.win?.forceCodeSigning).toBe(false);
    const release = releaseConfig({ WORKBENCH_REQUIRE_SIGNING: '1' });
    expect(release.forceCodeSigning).toBe(true);
    expect(release.mac?.forceCodeSigning).toBe(true);
    expect(release.win?.forceCodeSigning).toBe(true);
    expect(releaseConfig({ WORKBENCH_REQUIRE_SIGNING: 'yes' }).forceCodeSigning).toBe(false);
  });

  it('is what electron-builder loads (the default export)', () => {
    expect(releaseDefault.asar).toBe(true);
    expect(releaseDefault.afterPack).toBe(flipReleaseFuses);
  });
});
