// Whether a packaged build will be signed (and on macOS notarised), decided from the
// environment variables electron-builder reads. Only variable names ever reach the log.
import type { PackagedPlatform } from './releaseFuses';

export type Environment = Readonly<Record<string, string | undefined>>;

export interface SigningPlan {
  /** 'keychain': macOS signs with a Developer ID identity from the keychain if one is there. */
  signing: 'certificate' | 'keychain' | 'unsigned' | 'not-applicable';
  notarisation: 'api-key' | 'apple-id' | 'keychain-profile' | 'none' | 'not-applicable';
  /** Lines to print before packing; WARNING lines mean the build is not fit to hand out. */
  notes: string[];
}

/** Setting this to 1 makes electron-builder fail (forceCodeSigning) instead of packing unsigned. */
export const REQUIRE_SIGNING_VARIABLE = 'WORKBENCH_REQUIRE_SIGNING';

const has = (env: Environment, name: string): boolean => (env[name] ?? '').trim() !== '';

export function requiresSigning(env: Environment): boolean {
  return env[REQUIRE_SIGNING_VARIABLE] === '1';
}

/** The notarisation credential sets electron-builder accepts, in the order it tries them. */
const NOTARISATION_SETS = [
  { kind: 'apple-id', names: ['APPLE_ID', 'APPLE_APP_SPECIFIC_PASSWORD', 'APPLE_TEAM_ID'] },
  { kind: 'api-key', names: ['APPLE_API_KEY', 'APPLE_API_KEY_ID', 'APPLE_API_ISSUER'] },
] as const;

/** The first credential set that is started; a half-filled set is reported, not skipped. */
function notarisationOf(env: Environment): SigningPlan['notarisation'] | { present: string[]; missing: string[] } {
  for (const set of NOTARISATION_SETS) {
    const present = set.names.filter((name) => has(env, name));
    if (present.length === 0) continue;
    const missing = set.names.filter((name) => !has(env, name));
    return missing.length > 0 ? { present, missing } : set.kind;
  }
  return has(env, 'APPLE_KEYCHAIN_PROFILE') ? 'keychain-profile' : 'none';
}

function macPlan(env: Environment): SigningPlan {
  const notes: string[] = [];
  let signing: SigningPlan['signing'];
  if (has(env, 'CSC_LINK')) {
    signing = 'certificate';
    notes.push('macOS: signing with the Developer ID certificate in CSC_LINK.');
    if (!has(env, 'CSC_KEY_PASSWORD')) notes.push('WARNING macOS: CSC_KEY_PASSWORD is not set; a password-protected certificate will not import.');
  } else if (has(env, 'CSC_NAME')) {
    signing = 'certificate';
    notes.push('macOS: signing with the keychain identity named in CSC_NAME.');
  } else if (env['CSC_IDENTITY_AUTO_DISCOVERY'] === 'false') {
    signing = 'unsigned';
    notes.push('WARNING macOS: UNSIGNED build (no CSC_LINK or CSC_NAME, keychain discovery off). Gatekeeper will block it; for local testing only.');
  } else {
    signing = 'keychain';
    notes.push(
      'WARNING macOS: no CSC_LINK or CSC_NAME. electron-builder signs with a Developer ID identity from the keychain if it finds one; otherwise the build is UNSIGNED and Gatekeeper blocks it.',
    );
  }

  const notarisation = notarisationOf(env);
  if (typeof notarisation === 'object') {
    notes.push(
      `WARNING macOS: notarisation credentials incomplete: ${notarisation.present.join(', ')} set but ${notarisation.missing.join(', ')} missing; electron-builder will stop.`,
    );
    return { signing, notarisation: 'none', notes };
  }
  if (notarisation === 'none') {
    notes.push(
      'WARNING macOS: NOT NOTARISED (set APPLE_API_KEY, APPLE_API_KEY_ID and APPLE_API_ISSUER, or APPLE_ID, APPLE_APP_SPECIFIC_PASSWORD and APPLE_TEAM_ID). Gatekeeper blocks un-notarised downloads.',
    );
  } else {
    notes.push(`macOS: notarising with the ${notarisation} credentials.`);
  }
  return { signing, notarisation, notes };
}

function windowsPlan(env: Environment): SigningPlan {
  // electron-builder reads WIN_CSC_LINK first and falls back to CSC_LINK on Windows.
  const link = ['WIN_CSC_LINK', 'CSC_LINK'].find((name) => has(env, name));
  if (link === undefined) {
    return {
      signing: 'unsigned',
      notarisation: 'not-applicable',
      notes: [
        'WARNING Windows: UNSIGNED build (no WIN_CSC_LINK or CSC_LINK). SmartScreen warns on it and managed deployment may refuse the MSI; for local testing only.',
      ],
    };
  }
  const notes = [`Windows: signing with the certificate in ${link}.`];
  if (!has(env, 'WIN_CSC_KEY_PASSWORD') && !has(env, 'CSC_KEY_PASSWORD')) {
    notes.push('WARNING Windows: neither WIN_CSC_KEY_PASSWORD nor CSC_KEY_PASSWORD is set; a password-protected certificate will not import.');
  }
  return { signing: 'certificate', notarisation: 'not-applicable', notes };
}

export function signingPlan(platform: PackagedPlatform, env: Environment): SigningPlan {
  switch (platform) {
    case 'darwin':
    case 'mas':
      return macPlan(env);
    case 'win32':
      return windowsPlan(env);
    case 'linux':
      return {
        signing: 'not-applicable',
        notarisation: 'not-applicable',
        notes: ['Linux: AppImage and deb packages carry no code signature; publish their SHA-256 sums or sign the apt repository.'],
      };
    default: {
      const never: never = platform;
      throw new Error(`No signing plan for ${String(never)}`);
    }
  }
}
