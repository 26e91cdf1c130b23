// The one Content-Security-Policy for every way the app is served: the Electron shell's
// app:// protocol, the browser-mode static server and the renderer's <meta> tag.
//
// Directives live in csp.json so dependency-free Node scripts (resources/scripts/serve.mjs) read the
// very same list without a build step. Why the few allowances exist:
// - style-src 'unsafe-inline': React `style` props and recharts write inline styles; there is
//   no nonce to give them. Scripts stay strict: no 'unsafe-inline', no 'unsafe-eval'.
// - img-src data: blob:: small assets the bundler inlines as data: URLs, images built in memory.
// - worker-src blob:: bundlers may start module workers from blob: URLs.
// - connect-src 'self': the app makes no network calls; 'self' only lets workers fetch their
//   own bundled assets. With a team server configured (the managed policy in Electron, --team-origin
//   or WORKBENCH_TEAM_ORIGIN for browser mode) the header gains exactly that one origin.
// - The <meta> tag is baked into the build, so it cannot know the origin: its connect-src is the
//   outer bound any team origin may fall in (https, loopback http). A page enforces every policy it
//   gets, so the header's single origin is what holds; the meta only keeps a page served without
//   the header from reaching plain-http hosts elsewhere.

// The import attribute lets plain Node ESM (Playwright's loader) read it, not only bundlers.
import policy from './csp.json' with { type: 'json' };

export const CSP_DIRECTIVES: readonly string[] = Object.freeze([...policy.directives]);

export const CONTENT_SECURITY_POLICY: string = CSP_DIRECTIVES.join('; ');

/** Where the team origin goes: the one directive the app's own network calls fall under. */
const CONNECT = 'connect-src';

/**
 * The header policy for a run: the base policy, with the team server's origin (already checked by
 * readTeamOrigin) added to connect-src and to nothing else. No origin, no network.
 */
export function contentSecurityPolicy(teamOrigin: string | null): string {
  if (teamOrigin === null) return CONTENT_SECURITY_POLICY;
  // One host (no '*' wildcard, nothing that ends the directive) and at most a port.
  if (!/^https?:\/\/[a-z0-9-]+(\.[a-z0-9-]+)*\.?(:\d{1,5})?$/.test(teamOrigin)) throw new Error('A team origin in the CSP must be a bare origin');
  return CSP_DIRECTIVES.map((d) => (d.split(' ')[0] === CONNECT ? `${d} ${teamOrigin}` : d)).join('; ');
}

/** The meta tag's connect-src: every origin readTeamOrigin accepts, so the header alone narrows it to one. */
const META_CONNECT = `${CONNECT} 'self' https: http://127.0.0.1:* http://localhost:*`;

/**
 * The same policy for a `<meta http-equiv="Content-Security-Policy">` tag. Browsers ignore
 * frame-ancestors in meta tags (and log a warning), so it is left out; headers keep it.
 */
export const CONTENT_SECURITY_POLICY_META: string = CSP_DIRECTIVES.filter((directive) => !directive.startsWith('frame-ancestors'))
  .map((directive) => (directive.split(' ')[0] === CONNECT ? META_CONNECT : directive))
  .join('; ');
