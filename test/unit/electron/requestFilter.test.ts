// Nothing leaves the app: only its own bundle, in-memory URLs, DevTools and (in
// development) the loopback dev server may load.
import { describe, expect, it, vi } from 'vitest';
import type { Session } from 'electron';
import { blockOutboundRequests, isRequestAllowed } from '../../../electron/main/requestFilter';

describe('isRequestAllowed (production)', () => {
  it.each([
    'app://workbench/index.html',
    'app://workbench/assets/import.worker-abc.js',
    'data:image/png;base64,iVBORw0KGgo=',
    'blob:app://workbench/2b3f0c2e-9c55-4a6c-9d1c-0f5c3f1f0f0f',
    'devtools://devtools/bundled/devtools_app.html',
  ])('allows %s', (url) => {
    expect(isRequestAllowed(url, null)).toBe(true);
  });

  it.each([
    'https://example.com/collect',
    'http://localhost:5173/',
    'ws://localhost:5173/',
    'file:///etc/passwd',
    'ftp://example.com/',
    'app://other/index.html',
    'chrome-extension://abc/script.js',
    'not a url',
  ])('blocks %s', (url) => {
    expect(isRequestAllowed(url, null)).toBe(false);
  });
});

describe('isRequestAllowed (development)', () => {
  const devServer = new URL('http://localhost:5173/');

  it('allows the dev server page, modules and HMR socket on its exact host and port', () => {
    expect(isRequestAllowed('http://localhost:5173/src/main.tsx', devServer)).toBe(true);
    expect(isRequestAllowed('ws://localhost:5173/', devServer)).toBe(true);
  });

  it('still blocks other ports and hosts', () => {
    expect(isRequestAllowed('http://localhost:5174/', devServer)).toBe(false);
    expect(isRequestAllowed('https://localhost:5173/', devServer)).toBe(false);
    expect(isRequestAllowed('https://example.com/', devServer)).toBe(false);
  });
});

describe('blockOutboundRequests', () => {
  it('cancels blocked requests and logs only their origin', () => {
    let listener: ((details: { url: string }, callback: (r: { cancel: boolean }) => void) => void) | undefined;
    const session = { webRequest: { onBeforeRequest: (l: typeof listener) => (listener = l) } };
    const log = vi.fn();
    blockOutboundRequests(session as unknown as Pick<Session, 'webRequest'>, null, log);

    const callback = vi.fn();
    listener!({ url: 'https://tracker.example/pixel?email=jane@example.com' }, callback);
    expect(callback).toHaveBeenCalledWith({ cancel: true });
    expect(String(log.mock.calls[0]?.[0])).toContain('https://tracker.example');
    expect(String(log.mock.calls[0]?.[0])).not.toContain('jane@example.com');

    listener!({ url: 'app://workbench/index.html' }, callback);
    expect(callback).toHaveBeenLastCalledWith({ cancel: false });
  });
});
