// The shell really installs its request filter: starting the main process with Electron mocked
// registers it on the default session before the window opens, so dropping that call fails here.
import { expect, it, vi } from 'vitest';

type BeforeRequest = (details: { url: string }, callback: (response: { cancel?: boolean }) => void) => void;

const electron = vi.hoisted(() => {
  /** Whatever else the main process touches: callable, constructible, any property another such. */
  const anything = (): unknown => {
    const members = new Map<PropertyKey, unknown>();
    return new Proxy(function () {}, {
      get: (_target, key) => {
        if (key === 'then') return undefined; // not a promise
        if (!members.has(key)) members.set(key, anything());
        return members.get(key);
      },
      apply: () => anything(),
      construct: () => anything() as object,
    });
  };
  const onBeforeRequest = vi.fn<(handler: BeforeRequest) => void>();
  const exit = vi.fn();
  const BrowserWindow = Object.assign(
    vi.fn(function () {
      return anything();
    }),
    { getFocusedWindow: () => null, getAllWindows: () => [] },
  );
  const module = {
    app: {
      isPackaged: true,
      commandLine: { hasSwitch: vi.fn((_name: string) => false), removeSwitch: vi.fn() },
      enableSandbox: vi.fn(),
      requestSingleInstanceLock: () => true,
      on: vi.fn(),
      quit: vi.fn(),
      exit,
      setPath: vi.fn(),
      getPath: () => '/nonexistent',
      whenReady: () => Promise.resolve(),
    },
    session: {
      defaultSession: {
        webRequest: { onBeforeRequest },
        setPermissionRequestHandler: vi.fn(),
        setPermissionCheckHandler: vi.fn(),
        setDevicePermissionHandler: vi.fn(),
      },
    },
    BrowserWindow,
    protocol: anything(),
    ipcMain: anything(),
    Menu: anything(),
    dialog: anything(),
    shell: anything(),
  };
  return { module, onBeforeRequest, exit, BrowserWindow };
});

vi.mock('electron', () => ({ ...electron.module, default: electron.module }));

it('the packaged app cancels requests that leave it on the default session, before its window opens', async () => {
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  await import('../../../electron/main/index');
  await vi.waitFor(() => expect(electron.BrowserWindow).toHaveBeenCalled());
  expect(electron.exit).not.toHaveBeenCalled();

  expect(electron.onBeforeRequest).toHaveBeenCalledTimes(1);
  expect(electron.onBeforeRequest.mock.invocationCallOrder[0]!).toBeLessThan(electron.BrowserWindow.mock.invocationCallOrder[0]!);
  const filter = electron.onBeforeRequest.mock.calls[0]![0];
  const answer = (url: string) => {
    const answers: { cancel?: boolean }[] = [];
    filter({ url }, (r) => answers.push(r));
    return answers;
  };
  expect(answer('http://127.0.0.1:45123/collect')).toEqual([{ cancel: true }]);
  expect(answer('https://example.com/')).toEqual([{ cancel: true }]);
  expect(answer('app://workbench/index.html')).toEqual([{ cancel: false }]);
  expect(warn).toHaveBeenCalledWith('[guard] request to http://127.0.0.1:45123 blocked: the app works offline');
  warn.mockRestore();
});

it('the packaged app started with remote debugging exits before it opens a window or registers anything', async () => {
  const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  vi.resetModules();
  electron.BrowserWindow.mockClear();
  electron.exit.mockClear();
  electron.onBeforeRequest.mockClear();
  electron.module.app.commandLine.hasSwitch.mockImplementation((name) => name === 'remote-debugging-port');
  await import('../../../electron/main/index');
  await new Promise((resolve) => setTimeout(resolve, 20));
  expect(electron.exit).toHaveBeenCalledWith(1);
  expect(electron.module.app.commandLine.removeSwitch).toHaveBeenCalledWith('remote-debugging-port');
  expect(electron.BrowserWindow).not.toHaveBeenCalled();
  expect(electron.onBeforeRequest).not.toHaveBeenCalled();
  expect(error).toHaveBeenCalledWith(expect.stringContaining('--remote-debugging-port'));
  error.mockRestore();
});
