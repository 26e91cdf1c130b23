// Every webContents stays on the app's pages: foreign navigations, redirects, sub-frame
// navigations, popups and <webview> are refused; allowlisted rule pages go to the browser.
import { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import type { HandlerDetails, WindowOpenHandlerResponse } from 'electron';
import { guardWebContents, type GuardableContents, type NavigationPolicy } from '../../../electron/main/navigationGuards';

class FakeContents extends EventEmitter {
  openHandler: ((details: HandlerDetails) => WindowOpenHandlerResponse) | undefined;
  setWindowOpenHandler(handler: (details: HandlerDetails) => WindowOpenHandlerResponse): void {
    this.openHandler = handler;
  }
  /** Emits like Electron does: listeners may call preventDefault on the event. */
  navigate(event: 'will-navigate' | 'will-redirect' | 'will-frame-navigate', url: string, isMainFrame = true) {
    const details = { url, isMainFrame, preventDefault: vi.fn() };
    this.emit(event, details, url);
    return details.preventDefault;
  }
  open(url: string): WindowOpenHandlerResponse {
    if (!this.openHandler) throw new Error('no window open handler installed');
    return this.openHandler({ url, frameName: '', features: '', disposition: 'new-window', referrer: { url: '', policy: 'default' } } as HandlerDetails);
  }
}

let contents: FakeContents;
let policy: { trustedOrigins: string[]; openInBrowser: Mock<NavigationPolicy['openInBrowser']>; log: Mock<NavigationPolicy['log']> };

beforeEach(() => {
  contents = new FakeContents();
  policy = { trustedOrigins: ['app://workbench'], openInBrowser: vi.fn(async () => {}), log: vi.fn() };
  guardWebContents(contents as unknown as GuardableContents, policy);
});

describe('navigation guards', () => {
  it('lets the app move between its own pages', () => {
    expect(contents.navigate('will-navigate', 'app://workbench/index.html#/rings')).not.toHaveBeenCalled();
    expect(contents.navigate('will-redirect', 'app://workbench/index.html')).not.toHaveBeenCalled();
  });

  it('refuses navigation and redirects to other origins', () => {
    expect(contents.navigate('will-navigate', 'https://example.com/')).toHaveBeenCalledOnce();
    expect(contents.navigate('will-redirect', 'https://example.com/phish')).toHaveBeenCalledOnce();
    expect(contents.navigate('will-navigate', 'file:///etc/passwd')).toHaveBeenCalledOnce();
    expect(contents.navigate('will-navigate', 'app://other/index.html')).toHaveBeenCalledOnce();
    expect(policy.openInBrowser).not.toHaveBeenCalled();
  });

  it('refuses foreign sub-frame navigations but leaves main-frame ones to will-navigate', () => {
    expect(contents.navigate('will-frame-navigate', 'https://ads.example/', false)).toHaveBeenCalledOnce();
    expect(contents.navigate('will-frame-navigate', 'app://workbench/frame.html', false)).not.toHaveBeenCalled();
    expect(contents.navigate('will-frame-navigate', 'https://example.com/', true)).not.toHaveBeenCalled();
  });

  it('sends an allowlisted rules link to the system browser instead of loading it', () => {
    const prevent = contents.navigate('will-navigate', 'https://usa.visa.com/dam/VCA/visa-core-rules.pdf');
    expect(prevent).toHaveBeenCalledOnce();
    expect(policy.openInBrowser).toHaveBeenCalledExactlyOnceWith('https://usa.visa.com/dam/VCA/visa-core-rules.pdf');
  });

  it('never opens the browser for redirects or sub-frames, even to allowlisted pages', () => {
    expect(contents.navigate('will-redirect', 'https://usa.visa.com/')).toHaveBeenCalledOnce();
    expect(contents.navigate('will-frame-navigate', 'https://usa.visa.com/', false)).toHaveBeenCalledOnce();
    expect(policy.openInBrowser).not.toHaveBeenCalled();
  });

  it('logs the origin only, never the path or query', () => {
    contents.navigate('will-navigate', 'https://example.com/orders?email=jane@example.com');
    const logged = policy.log.mock.calls.map((call) => String(call[0])).join('\n');
    expect(logged).toContain('https://example.com');
    expect(logged).not.toContain('jane@example.com');
  });
});

describe('window.open', () => {
  it('denies every popup, app pages included', () => {
    expect(contents.open('app://workbench/index.html')).toEqual({ action: 'deny' });
    expect(contents.open('https://example.com/')).toEqual({ action: 'deny' });
    expect(contents.open('javascript:alert(1)')).toEqual({ action: 'deny' });
    expect(policy.openInBrowser).not.toHaveBeenCalled();
  });

  it('opens allowlisted https links externally, refusing look-alikes and other schemes', () => {
    expect(contents.open('https://www.mastercard.us/content/dam/chargeback-guide.pdf')).toEqual({ action: 'deny' });
    expect(policy.openInBrowser).toHaveBeenCalledExactlyOnceWith('https://www.mastercard.us/content/dam/chargeback-guide.pdf');

    contents.open('http://www.mastercard.us/');
    contents.open('https://www.mastercard.us.evil.example/');
    contents.open('https://user:pw@www.mastercard.us/');
    contents.open('ms-settings:privacy');
    expect(policy.openInBrowser).toHaveBeenCalledOnce();
  });
});

describe('<webview>', () => {
  it('is never attached', () => {
    const event = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', event, {}, {});
    expect(event.preventDefault).toHaveBeenCalledOnce();
  });
});

describe('Web Bluetooth', () => {
  // Electron has no permission check for navigator.bluetooth.requestDevice: with no listener
  // for this event it connects the first device it finds, without asking anyone.
  it('never picks a device for the page, not even the only one found', () => {
    const event = { preventDefault: vi.fn() };
    const choose = vi.fn();
    contents.emit('select-bluetooth-device', event, [{ deviceId: 'AA:BB', deviceName: 'Headset' }], choose);
    expect(event.preventDefault).toHaveBeenCalledOnce();
    expect(choose).toHaveBeenCalledExactlyOnceWith('');
    expect(policy.log).toHaveBeenCalledWith(expect.stringContaining('Bluetooth'));
  });
});
