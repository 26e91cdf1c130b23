// Nothing leaves the app: only its own bundle, in-memory URLs, DevTools and (in
// development) the loopback dev server may load.
import { describe, expect, it, vi } from 'vitest';
import type { Session } from 'electron';
import { blockOutboundRequests, isRequestAllowed } from '../../../electron/main/requestFilter';

describe('isRequestAllowed with a team server in the managed policy', () => {
  const team = 'https://workbench.example.com';
  it('lets through the one origin, whatever the path', () => {
    expect(isRequestAllowed('https://workbench.example.com/v1/events?after=3', null, team)).toBe(true);
    expect(isRequestAllowed('http://127.0.0.1:8787/v1/session', null, 'http://127.0.0.1:8787')).toBe(true);
  });

  it.each([
    'http://workbench.example.com/v1/events',
    'https://workbench.example.com:8443/v1/events',
    'https://evil.workbench.example.com/',
    'https://workbench.example.com.evil.example/',
    'wss://workbench.example.com/',
    'https://example.com/collect',
  ])('still blocks %s', (url) => {
    expect(isRequestAllowed(url, null, team)).toBe(false);
  });
});

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

/** A session that records the one onBeforeRequest handler the filter registers, and asks it. */
function filteredSession(devServer: URL | null) {
  const handlers: ((details: { url: string }, callback: (r: { cancel?: boolean }) => void) => void)[] = [];
  const session = { webRequest: { onBeforeRequest: (h: (typeof handlers)[number]) => handlers.push(h) } };
  const log = vi.fn();
  blockOutboundRequests(session as unknown as Pick<Session, 'webRequest'>, devServer, log);
  /** What the session does with a request to `url`: one answer, cancelled or not. */
  const decide = (url: string): 'cancelled' | 'allowed' => {
    const answers: { cancel?: boolean }[] = [];
    for (const h of handlers) h({ url }, (r) => answers.push(r));
    expect(answers, `one answer for ${url}`).toHaveLength(1);
    return answers[0]!.cancel === true ? 'cancelled' : 'allowed';
  };
  return { handlers, log, decide };
}

describe('blockOutboundRequests', () => {
  it('registers one handler on the session', () => {
    expect(filteredSession(null).handlers).toHaveLength(1);
  });

  it.each([
    'http://127.0.0.1:45123/collect',
    'http://localhost:5173/',
    'https://example.com/',
    'ws://127.0.0.1:45123/socket',
    'wss://example.com/socket',
    'file:///etc/passwd',
    'app://other/index.html',
  ])('cancels %s in production', (url) => {
    expect(filteredSession(null).decide(url)).toBe('cancelled');
  });

  it.each(['app://workbench/index.html', 'app://workbench/assets/cache.worker-abc.js', 'data:text/plain,ok', 'blob:app://workbench/5f0c'])(
    'lets %s through in production',
    (url) => {
      expect(filteredSession(null).decide(url)).toBe('allowed');
    },
  );

  it('lets the dev server through only in development, and nothing else on loopback', () => {
    const dev = filteredSession(new URL('http://localhost:5173/'));
    expect(dev.decide('http://localhost:5173/src/main.tsx')).toBe('allowed');
    expect(dev.decide('ws://localhost:5173/')).toBe('allowed');
    expect(dev.decide('http://127.0.0.1:45123/collect')).toBe('cancelled');
    expect(dev.decide('https://example.com/')).toBe('cancelled');
    expect(filteredSession(null).decide('http://localhost:5173/src/main.tsx')).toBe('cancelled');
  });

  it('logs only the origin of what it blocked', () => {
    const { decide, log } = filteredSession(null);
    decide('https://tracker.example/pixel?email=jane@example.com');
    expect(log).toHaveBeenCalledTimes(1);
    expect(String(log.mock.calls[0]?.[0])).toContain('https://tracker.example');
    expect(String(log.mock.calls[0]?.[0])).not.toContain('jane@example.com');
    decide('app://workbench/index.html');
    expect(log).toHaveBeenCalledTimes(1);
  });
});
