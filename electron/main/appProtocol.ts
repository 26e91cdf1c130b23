// The app:// protocol: serves the built renderer (out/renderer) and nothing else, every
// response carrying the app's Content-Security-Policy.
import { readFile, stat } from 'node:fs/promises';
import { extname, isAbsolute, join, normalize, relative, sep } from 'node:path';
import type { Protocol } from 'electron';
import { CONTENT_SECURITY_POLICY, contentSecurityPolicy } from '../../shared/security/csp';
import { APP_HOST, APP_SCHEME } from './appOrigin';

/**
 * Must run before `app` is ready. standard+secure gives app:// a real origin with
 * localStorage and IndexedDB, treated like https; supportFetchAPI lets workers fetch
 * their own assets. No bypassCSP, no service workers, no CORS exemptions.
 */
export function registerAppSchemeAsPrivileged(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

export function contentTypeFor(filePath: string): string {
  return CONTENT_TYPES[extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * The file under `rendererRoot` that an app:// URL names, or null when the URL is not
 * ours or would escape the folder (`..` encoded as %2F, NUL bytes, absolute paths).
 */
export function resolveRendererFile(rendererRoot: string, requestUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null;

  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return null; // malformed percent-encoding
  }
  if (pathname.includes('\0')) return null;
  if (pathname === '/' || pathname === '') pathname = '/index.html';

  const root = normalize(rendererRoot);
  const candidate = normalize(join(root, pathname));
  const inside = relative(root, candidate);
  if (inside === '' || inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside)) return null;
  return candidate;
}

function headersFor(contentType: string, policy: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': policy,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
  };
}

function refusal(status: 404 | 405, policy: string): Response {
  return new Response(status === 404 ? 'Not found' : 'Method not allowed', {
    status,
    headers: headersFor('text/plain; charset=utf-8', policy),
  });
}

/**
 * Answers one app:// request from the built renderer folder. `policy` is the run's CSP: the base
 * one, or with the managed policy's team origin in connect-src (contentSecurityPolicy).
 */
export async function serveRendererRequest(rendererRoot: string, request: Request, policy: string = CONTENT_SECURITY_POLICY): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return refusal(405, policy);
  const filePath = resolveRendererFile(rendererRoot, request.url);
  if (filePath === null) return refusal(404, policy);
  try {
    const info = await stat(filePath);
    if (!info.isFile()) return refusal(404, policy);
    const body = request.method === 'HEAD' ? null : await readFile(filePath);
    return new Response(body, { status: 200, headers: headersFor(contentTypeFor(filePath), policy) });
  } catch {
    return refusal(404, policy);
  }
}

export function handleAppProtocol(protocol: Pick<Protocol, 'handle'>, rendererRoot: string, teamOrigin: string | null = null): void {
  const policy = contentSecurityPolicy(teamOrigin);
  protocol.handle(APP_SCHEME, (request) => serveRendererRequest(rendererRoot, request, policy));
}
