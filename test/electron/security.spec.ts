// The running shell holds its security promises: no Node in the page, no popups, no
// foreign navigation, no network, no eval, no permissions, and IPC refuses bad arguments.
import { expect, skipWithoutElectronBinary, test } from './workbenchApp';

skipWithoutElectronBinary();

test('the page has no Node: window.require and process are undefined', async ({ workbench: { page } }) => {
  const globals = await page.evaluate(() => ({
    require: typeof (window as unknown as Record<string, unknown>)['require'],
    process: typeof (window as unknown as Record<string, unknown>)['process'],
    module: typeof (window as unknown as Record<string, unknown>)['module'],
    ipcRenderer: typeof (window as unknown as Record<string, unknown>)['ipcRenderer'],
  }));
  expect(globals).toEqual({ require: 'undefined', process: 'undefined', module: 'undefined', ipcRenderer: 'undefined' });
});

test('window.open is denied and no second window appears', async ({ workbench: { app, page } }) => {
  const opened = await page.evaluate(() => window.open('https://example.com/') === null);
  expect(opened).toBe(true);
  const appOpened = await page.evaluate(() => window.open(location.href) === null);
  expect(appOpened).toBe(true);
  await page.waitForTimeout(500);
  expect(app.windows()).toHaveLength(1);
});

test('navigation to https://example.com is refused', async ({ workbench: { app, page } }) => {
  await page.evaluate(() => {
    location.href = 'https://example.com/';
  });
  await page.waitForTimeout(1000);
  const url = await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.webContents.getURL());
  expect(url).toMatch(/^app:\/\/workbench\//);
});

test('requests that would leave the app fail', async ({ workbench: { page } }) => {
  const outcome = await page.evaluate(() =>
    fetch('https://example.com/').then(
      () => 'loaded',
      () => 'blocked',
    ),
  );
  expect(outcome).toBe('blocked');
});

test('the CSP forbids eval', async ({ workbench: { page } }) => {
  const outcome = await page.evaluate(() => {
    try {
      return String(window.eval('1 + 1'));
    } catch (error) {
      return (error as Error).name;
    }
  });
  expect(outcome).toBe('EvalError');
});

test('permission requests are denied', async ({ workbench: { page } }) => {
  expect(await page.evaluate(() => Notification.requestPermission())).toBe('denied');
});

test('IPC refuses malformed arguments with a reason', async ({ workbench: { page } }) => {
  const message = await page.evaluate(() => {
    const bridge = (window as unknown as { workbench: Record<string, (arg: unknown) => Promise<unknown>> }).workbench;
    return bridge['print:to-pdf']!({ suggestedName: 42, landscape: 'yes' }).then(
      () => 'resolved',
      (error: Error) => error.message,
    );
  });
  expect(message).toMatch(/invalid arguments/);
});
