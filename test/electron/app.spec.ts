// The built app starts in Electron: one window on app://workbench with the CSP header,
// the preload bridge in place, and app:info answering through the validated IPC.
import { IPC_CHANNELS } from '../../shared/ipc';
import { CONTENT_SECURITY_POLICY } from '../../shared/security/csp';
import { expect, skipWithoutElectronBinary, test } from './workbenchApp';

skipWithoutElectronBinary();

test('opens one window on the app:// origin', async ({ workbench: { app, page } }) => {
  expect(new URL(page.url()).protocol).toBe('app:');
  expect(page.url()).toMatch(/^app:\/\/workbench\/index\.html/);
  expect(app.windows()).toHaveLength(1);
  await expect.poll(() => page.evaluate(() => document.readyState)).toBe('complete');
});

test('serves its pages with the app Content-Security-Policy header', async ({ workbench: { page } }) => {
  const header = await page.evaluate(async () => (await fetch(location.href)).headers.get('content-security-policy'));
  expect(header).toBe(CONTENT_SECURITY_POLICY);
});

test('exposes window.workbench with exactly the contract channels', async ({ workbench: { page } }) => {
  const shape = await page.evaluate(() => {
    const bridge = (window as unknown as Record<string, Record<string, unknown>>)['workbench'];
    return {
      keys: Object.keys(bridge ?? {}).sort(),
      allFunctions: Object.values(bridge ?? {}).every((v) => typeof v === 'function'),
      frozen: Object.isFrozen(bridge),
    };
  });
  expect(shape).toEqual({ keys: [...IPC_CHANNELS].sort(), allFunctions: true, frozen: true });
});

test('answers app:info through the bridge', async ({ workbench: { page } }) => {
  const info = await page.evaluate(() => (window as unknown as { workbench: Record<string, () => Promise<Record<string, string>>> }).workbench['app:info']!());
  expect(info['name']).toBe('Fraud Workbench');
  expect(info['electron']).toMatch(/^\d+\.\d+\.\d+/);
});
