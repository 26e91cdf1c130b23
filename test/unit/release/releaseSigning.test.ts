// Signing and notarisation are decided from electron-builder's environment variables; the
// notes say what will happen, warn on unsigned or un-notarised builds, and never echo a value.
import { describe, expect, it } from 'vitest';
import { signingAnnouncement } from '../../../resources/packaging/announceSigningPlan';
import { signingPlan } from '../../../resources/packaging/releaseSigning';

const SECRET = 's3cr3t-value';
const warnings = (notes: string[]) => notes.filter((n) => n.startsWith('WARNING'));

describe('signingPlan on macOS', () => {
  it('signs and notarises with a certificate and an App Store Connect API key', () => {
    const plan = signingPlan('darwin', {
      CSC_LINK: SECRET,
      CSC_KEY_PASSWORD: SECRET,
      APPLE_API_KEY: SECRET,
      APPLE_API_KEY_ID: SECRET,
      APPLE_API_ISSUER: SECRET,
    });
    expect(plan).toMatchObject({ signing: 'certificate', notarisation: 'api-key' });
    expect(warnings(plan.notes)).toEqual([]);
  });

  it('notarises with an Apple ID set or a keychain profile', () => {
    expect(signingPlan('darwin', { CSC_NAME: 'x', APPLE_ID: SECRET, APPLE_APP_SPECIFIC_PASSWORD: SECRET, APPLE_TEAM_ID: SECRET }).notarisation).toBe('apple-id');
    expect(signingPlan('darwin', { CSC_NAME: 'x', APPLE_KEYCHAIN_PROFILE: 'p' }).notarisation).toBe('keychain-profile');
  });

  it('warns that a build without signing variables relies on the keychain and is not notarised', () => {
    const plan = signingPlan('darwin', {});
    expect(plan).toMatchObject({ signing: 'keychain', notarisation: 'none' });
    expect(warnings(plan.notes)).toHaveLength(2);
    expect(plan.notes.join('\n')).toMatch(/UNSIGNED/);
    expect(plan.notes.join('\n')).toMatch(/NOT NOTARISED/);
  });

  it('says unsigned when keychain discovery is switched off', () => {
    expect(signingPlan('darwin', { CSC_IDENTITY_AUTO_DISCOVERY: 'false' }).signing).toBe('unsigned');
  });

  it('names the missing half of a notarisation credential set, not its values', () => {
    const plan = signingPlan('darwin', { CSC_LINK: SECRET, CSC_KEY_PASSWORD: SECRET, APPLE_ID: SECRET, APPLE_TEAM_ID: SECRET });
    expect(plan.notarisation).toBe('none');
    expect(plan.notes.join('\n')).toContain('APPLE_ID, APPLE_TEAM_ID set but APPLE_APP_SPECIFIC_PASSWORD missing');
  });

  it('treats a blank variable as unset', () => {
    expect(signingPlan('darwin', { CSC_LINK: '  ', CSC_IDENTITY_AUTO_DISCOVERY: 'false' }).signing).toBe('unsigned');
  });
});

describe('signingPlan on Windows and Linux', () => {
  it('signs with WIN_CSC_LINK, or CSC_LINK as electron-builder falls back to it', () => {
    expect(signingPlan('win32', { WIN_CSC_LINK: SECRET, WIN_CSC_KEY_PASSWORD: SECRET })).toMatchObject({ signing: 'certificate', notes: ['Windows: signing with the certificate in WIN_CSC_LINK.'] });
    expect(signingPlan('win32', { CSC_LINK: SECRET, CSC_KEY_PASSWORD: SECRET }).notes).toEqual(['Windows: signing with the certificate in CSC_LINK.']);
  });

  it('warns on an unsigned Windows build and on a certificate without a password', () => {
    expect(signingPlan('win32', {}).signing).toBe('unsigned');
    expect(warnings(signingPlan('win32', {}).notes)[0]).toMatch(/UNSIGNED build \(no WIN_CSC_LINK or CSC_LINK\)/);
    expect(warnings(signingPlan('win32', { WIN_CSC_LINK: SECRET }).notes)[0]).toMatch(/WIN_CSC_KEY_PASSWORD nor CSC_KEY_PASSWORD/);
  });

  it('says Linux packages carry no signature, without a warning', () => {
    const plan = signingPlan('linux', { CSC_LINK: SECRET });
    expect(plan.signing).toBe('not-applicable');
    expect(warnings(plan.notes)).toEqual([]);
  });
});

describe('signingAnnouncement', () => {
  it('never prints a variable value', () => {
    const everything = Object.fromEntries(
      ['CSC_LINK', 'CSC_KEY_PASSWORD', 'CSC_NAME', 'WIN_CSC_LINK', 'WIN_CSC_KEY_PASSWORD', 'APPLE_ID', 'APPLE_APP_SPECIFIC_PASSWORD', 'APPLE_TEAM_ID', 'APPLE_API_KEY', 'APPLE_API_KEY_ID', 'APPLE_API_ISSUER', 'APPLE_KEYCHAIN_PROFILE'].map((n) => [n, `${SECRET}-${n}`]),
    );
    for (const platform of ['darwin', 'win32', 'linux'] as const) {
      for (const env of [everything, { CSC_LINK: SECRET }, { APPLE_ID: SECRET }]) {
        expect(signingAnnouncement(platform, env)).not.toContain(SECRET);
      }
    }
  });
});
