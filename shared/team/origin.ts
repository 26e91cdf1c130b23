// The team server's address as the laptop accepts it: an origin only (no path, query, fragment or
// credentials), https, or plain http on this computer's loopback (a server on the same machine or
// behind a local TLS proxy). Used by the managed policy, the CSP builders and Settings → Team.

// No [::1]: a content security policy cannot name an IPv6 address (Chromium drops such a source
// and logs an error on every page), so a team server there could never be reached.
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost']);

/**
 * A host a content security policy can name as one host: letters, digits and hyphens between dots
 * (IDN arrive as punycode). URLs also take '*', ';', ',', quotes or '_' in a host name: in
 * connect-src '*' is a wildcard over every subdomain, and ';' or ',' would end the directive.
 */
const CSP_HOST = /^[a-z0-9-]+(\.[a-z0-9-]+)*\.?$/;

export type TeamOriginReading = { ok: true; origin: string } | { ok: false; reason: string };

export function readTeamOrigin(raw: string): TeamOriginReading {
  const refuse = (reason: string): TeamOriginReading => ({ ok: false, reason });
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return refuse('must be an https origin such as "https://workbench.example.com"');
  }
  if (url.hostname.startsWith('['))
    return refuse("must name its host, 127.0.0.1 or localhost, not an IPv6 address (the app's security policy cannot name one)");
  if (!CSP_HOST.test(url.hostname)) return refuse('must name one host, in letters, digits, hyphens and dots (no wildcard)');
  const loopback = LOOPBACK_HOSTS.has(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) return refuse('must use https (plain http only on 127.0.0.1 or localhost)');
  if (url.username !== '' || url.password !== '') return refuse('must not carry a user name or password');
  if ((url.pathname !== '/' && url.pathname !== '') || url.search !== '' || url.hash !== '' || /[?#]$/.test(raw.trim()))
    return refuse('must be an origin only, without a path, query or fragment');
  return { ok: true, origin: url.origin };
}

/** The desktop app's pages (electron/main/appOrigin.ts APP_ORIGIN), as a browser names them in Origin. */
export const DESKTOP_APP_ORIGIN = 'app://workbench';

/**
 * Whether a page at `origin` is the app's, as the team server's CORS allows it: the desktop app
 * (app://workbench) or a page served on this computer's loopback (browser mode's serve.mjs, the dev
 * server). Any other site a teammate opens gets no answer it could read, nor send a sign-in.
 */
export function isLaptopPageOrigin(origin: string): boolean {
  if (origin === DESKTOP_APP_ORIGIN) return true;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  // Browser mode may be served on IPv6 loopback too (serve.mjs --host ::1): its pages are [::1]'s.
  const loopback = LOOPBACK_HOSTS.has(url.hostname) || url.hostname === '[::1]';
  return (url.protocol === 'http:' || url.protocol === 'https:') && loopback && url.origin === origin;
}
