// The running shell holds its security promises: no Node in the page, no popups, no
// foreign navigation, no network, no eval, no permissions, and IPC refuses bad arguments.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
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

test('requests that would leave the app are cancelled by the session, not only by the CSP', async ({ workbench: { app, page } }) => {
  // A server on this machine that counts every request reaching it.
  const hits: string[] = [];
  const server = createServer((request, response) => {
    hits.push(request.url ?? '');
    response.setHeader('Access-Control-Allow-Origin', '*');
    response.end('reached');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const guardLog: string[] = [];
  app.process().stderr?.on('data', (chunk: Buffer) => guardLog.push(chunk.toString()));
  try {
    // Control: the server is up and counts; a request from the test process reaches it.
    expect(await (await fetch(`${base}/control`)).text()).toBe('reached');
    expect(hits).toEqual(['/control']);

    // The main process has no CSP: only the session's request filter stands in the way.
    const fromMain = await app.evaluate(
      ({ session }, url) =>
        session.defaultSession.fetch(url).then(
          (r) => `loaded (${r.status})`,
          (e: Error) => `failed: ${e.message}`,
        ),
      `${base}/from-main-process`,
    );
    expect(fromMain).toMatch(/^failed: /);

    // The page, with its CSP switched off through DevTools, so again only the filter blocks.
    const devtools = await page.context().newCDPSession(page);
    await devtools.send('Page.setBypassCSP', { enabled: true });
    await page.reload();
    await page.waitForLoadState('domcontentloaded');
    const fromPage = await page.evaluate(
      (url) =>
        fetch(url).then(
          (r) => `loaded (${r.status})`,
          (e: Error) => `failed: ${e.message}`,
        ),
      `${base}/from-page`,
    );
    expect(fromPage).toMatch(/^failed: /);

    expect(hits, 'requests that reached the server').toEqual(['/control']);
    await expect.poll(() => guardLog.join('')).toContain(`[guard] request to ${base} blocked`);
  } finally {
    server.close();
  }
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
