// Where the app's own pages live: the app:// origin in production, the electron-vite dev
// server only while developing. Every guard (navigation, IPC sender, requests) asks this.

export const APP_SCHEME = 'app';
export const APP_HOST = 'workbench';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * `scheme://host[:port]` of a hierarchical URL, or null for opaque ones (data:, about:,
 * javascript:) and garbage. WHATWG `URL.origin` reports "null" for schemes Node does not
 * know as special (like app:), so the origin is rebuilt from its parts.
 */
export function originOf(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (!parsed.host) return null;
  return `${parsed.protocol}//${parsed.host}`;
}

/** Origins whose main frame is the app itself. */
export function trustedOrigins(devServer: URL | null): readonly string[] {
  return devServer ? [APP_ORIGIN, devServer.origin] : [APP_ORIGIN];
}

/** True when `url` is a page of the app (same origin as one of `origins`). */
export function isAppUrl(url: string, origins: readonly string[]): boolean {
  const origin = originOf(url);
  return origin !== null && origins.includes(origin);
}

/**
 * What a log line may say about a URL: its origin, or just its scheme. Paths and query
 * strings can carry order ids, emails or file names, which stay out of logs.
 */
export function loggableTarget(url: string): string {
  const origin = originOf(url);
  if (origin !== null) return origin;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url);
  return scheme ? `${scheme[1]!.toLowerCase()}: URL` : 'an unparseable URL';
}
