// Keeps every webContents on the app's own pages: foreign navigations, redirects, popups
// and <webview> are refused; allowlisted rule pages open in the system browser instead. No
// Bluetooth device is ever handed to a page either.
import type { WebContents } from 'electron';
import { isAppUrl, loggableTarget } from './appOrigin';
import { externalLinkToOpen } from './externalLinks';

export interface NavigationPolicy {
  trustedOrigins: readonly string[];
  openInBrowser(url: string): Promise<void>;
  log(message: string): void;
}

/** The subset of WebContents the guards touch, so tests can hand in a fake. */
export type GuardableContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

interface NavigationEvent {
  url: string;
  isMainFrame?: boolean;
  preventDefault(): void;
}

function refuse(url: string, policy: NavigationPolicy, kind: string): void {
  policy.log(`[guard] ${kind} to ${loggableTarget(url)} refused: not the app's own origin`);
}

/**
 * A link the analyst followed out of the app: an allowlisted rules page goes to the system
 * browser (so clicking it still works), anything else is refused. The app never loads it.
 */
function sendAway(url: string, policy: NavigationPolicy, kind: string): void {
  const external = externalLinkToOpen(url);
  if (external === null) return refuse(url, policy, kind);
  policy.log(`[guard] ${kind} to ${loggableTarget(url)} opened in the system browser instead`);
  policy.openInBrowser(external).catch(() => policy.log('[guard] the system browser refused an allowlisted link'));
}

export function guardWebContents(contents: GuardableContents, policy: NavigationPolicy): void {
  const isApp = (url: string) => isAppUrl(url, policy.trustedOrigins);

  // Main-frame navigation is what following a link looks like: allowlisted pages open outside.
  contents.on('will-navigate', (event: NavigationEvent) => {
    if (isApp(event.url)) return;
    event.preventDefault();
    sendAway(event.url, policy, 'navigation');
  });
  // Redirects and sub-frame navigations are never the analyst's click: refuse, open nothing.
  contents.on('will-redirect', (event: NavigationEvent) => {
    if (isApp(event.url)) return;
    event.preventDefault();
    refuse(event.url, policy, 'redirect');
  });
  contents.on('will-frame-navigate', (event: NavigationEvent) => {
    if (event.isMainFrame || isApp(event.url)) return; // main frame: handled by will-navigate
    event.preventDefault();
    refuse(event.url, policy, 'sub-frame navigation');
  });

  // No second window ever: the app is one window. Allowlisted links go to the browser.
  contents.setWindowOpenHandler(({ url }) => {
    if (isApp(url)) policy.log('[guard] window.open refused: the app has one window');
    else sendAway(url, policy, 'window.open');
    return { action: 'deny' };
  });

  contents.on('will-attach-webview', (event: { preventDefault(): void }) => {
    event.preventDefault();
    policy.log('[guard] <webview> refused: the app never embeds other pages');
  });

  // navigator.bluetooth.requestDevice asks no permission handler in Electron: unless this event
  // is handled, the first device found is connected without the analyst seeing a chooser.
  contents.on('select-bluetooth-device', (event: { preventDefault(): void }, _devices: unknown, choose: (deviceId: string) => void) => {
    event.preventDefault();
    choose('');
    policy.log('[guard] Bluetooth device request refused: the app uses no devices');
  });
}
