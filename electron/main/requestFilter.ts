// The app makes no network calls but to the team server the managed policy names: any other
// request that would leave the app (http, https, ws, file, ftp...) is cancelled before it starts.
import type { Session } from 'electron';
import { APP_HOST, APP_SCHEME, loggableTarget } from './appOrigin';

/** Schemes that never leave the machine: in-memory data, DevTools' own pages. */
const LOCAL_SCHEMES: readonly string[] = ['data:', 'blob:', 'devtools:'];

/**
 * True for requests the app may make: its own app:// bundle, data:/blob: URLs, DevTools,
 * and while developing the electron-vite dev server (page, modules and its HMR socket).
 */
export function isRequestAllowed(rawUrl: string, devServer: URL | null, teamOrigin: string | null = null): boolean {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return false;
  }
  if (url.protocol === `${APP_SCHEME}:`) return url.host === APP_HOST;
  if (LOCAL_SCHEMES.includes(url.protocol)) return true;
  // The one configured origin, compared whole (scheme, host and port), never by host name alone.
  if (teamOrigin !== null && (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === teamOrigin) return true;
  if (devServer !== null && url.host === devServer.host) {
    return url.protocol === devServer.protocol || url.protocol === 'ws:';
  }
  return false;
}

export function blockOutboundRequests(
  session: Pick<Session, 'webRequest'>,
  devServer: URL | null,
  log: (message: string) => void,
  teamOrigin: string | null = null,
): void {
  session.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isRequestAllowed(details.url, devServer, teamOrigin);
    if (!allowed) log(`[guard] request to ${loggableTarget(details.url)} blocked: the app works offline`);
    callback({ cancel: !allowed });
  });
}
