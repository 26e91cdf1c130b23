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
//   own bundled assets.

// The import attribute lets plain Node ESM (Playwright's loader) read it, not only bundlers.
import policy from './csp.json' with { type: 'json' };

export const CSP_DIRECTIVES: readonly string[] = Object.freeze([...policy.directives]);

export const CONTENT_SECURITY_POLICY: string = CSP_DIRECTIVES.join('; ');

/**
 * The same policy for a `<meta http-equiv="Content-Security-Policy">` tag. Browsers ignore
 * frame-ancestors in meta tags (and log a warning), so it is left out; headers keep it.
 */
export const CONTENT_SECURITY_POLICY_META: string = CSP_DIRECTIVES.filter((directive) => !directive.startsWith('frame-ancestors')).join('; ');
