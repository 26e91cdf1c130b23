// Release packaging (`npm run package`): electron-builder packs the electron-vite output in out/
// into one app.asar, flips the release fuses before signing, and builds the installers below.
import type { Configuration } from 'electron-builder';
import { PRODUCT_NAME } from './electron/main/appInfo';
import { flipReleaseFuses } from './resources/packaging/flipReleaseFuses';
import { announceSigningPlan } from './resources/packaging/announceSigningPlan';
import { requiresSigning, type Environment } from './resources/packaging/releaseSigning';
import { assertBundlesShippable } from './resources/packaging/shippedBundles';

/**
 * The app's identity on every platform: the macOS bundle id, the Windows app user model id,
 * and the seed of the MSI upgrade code. Changing it later breaks upgrades of installed copies.
 */
export const APP_ID = 'com.fraudworkbench.desktop';

/**
 * What goes into app.asar: the three electron-vite bundles and package.json (for `main`).
 * main and preload bundle their dependencies and the renderer is fully bundled, so no
 * node_modules ship; sources, tests, bench data, the CLI and source maps stay out.
 */
export const PACKAGED_FILES: readonly string[] = Object.freeze([
  'out/main/**/*',
  'out/preload/**/*',
  'out/renderer/**/*',
  'package.json',
  '!**/node_modules{,/**/*}',
  '!**/*.map',
]);

export function releaseConfig(env: Environment): Configuration {
  // Release pipelines set WORKBENCH_REQUIRE_SIGNING=1 so a missing certificate fails the
  // build; local builds may be unsigned and say so (see announceSigningPlan).
  const forceCodeSigning = requiresSigning(env);
  return {
    appId: APP_ID,
    productName: PRODUCT_NAME,
    copyright: `Copyright © ${PRODUCT_NAME} contributors`,
    directories: { output: 'release', buildResources: 'resources/packaging' },
    files: [...PACKAGED_FILES],
    asar: true,
    // Nothing native ships: never rebuild or install modules for the packaged app.
    npmRebuild: false,
    nodeGypRebuild: false,
    buildDependenciesFromSource: false,
    // Fuses are flipped by our afterPack hook (per-platform table, read back), not by
    // electron-builder's global `electronFuses`, so there is exactly one fuse table.
    electronFuses: null,
    beforePack: async (context) => {
      await assertBundlesShippable(context.packager.projectDir);
      announceSigningPlan(context);
    },
    afterPack: flipReleaseFuses,
    forceCodeSigning,
    // Releases are uploaded by people, not by the packer: never publish from a build.
    publish: null,
    artifactName: '${name}-${version}-${os}-${arch}.${ext}',
    mac: {
      category: 'public.app-category.business',
      target: [{ target: 'dmg', arch: ['x64', 'arm64'] }],
      hardenedRuntime: true,
      forceCodeSigning,
    },
    dmg: { writeUpdateInfo: false },
    win: {
      target: [
        { target: 'nsis', arch: ['x64'] },
        // The MSI is for managed installs (Intune, Group Policy, SCCM): per machine, silent.
        { target: 'msi', arch: ['x64'] },
      ],
      forceCodeSigning,
    },
    nsis: {
      oneClick: false,
      perMachine: false,
      allowToChangeInstallationDirectory: true,
      // Case data lives in the profile; uninstalling the app must never delete it.
      deleteAppDataOnUninstall: false,
    },
    msi: {
      perMachine: true,
      oneClick: true,
      runAfterFinish: false,
    },
    linux: {
      target: ['AppImage', 'deb'],
      executableName: 'fraud-workbench',
      category: 'Office',
      synopsis: 'Offline workbench for fraud analysts',
      maintainer: PRODUCT_NAME,
    },
  };
}

export default releaseConfig(process.env);
