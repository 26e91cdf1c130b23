#!/usr/bin/env node
// Browser mode: a dependency-free static server for the built renderer (out/renderer),
// loopback only, with the same Content-Security-Policy the Electron shell sends.
//
//   node resources/scripts/serve.mjs [--port 4173] [--dir out/renderer] [--host 127.0.0.1] [--team-origin URL]
//   (--dir is relative to the project root; --port 0 picks a free port; the team server's origin
//   may also come from WORKBENCH_TEAM_ORIGIN: browser mode's stand-in for the managed policy)
//
// Also imported by start.mjs, the bench and Playwright via `startServer`.
import { readFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, isAbsolute, join, normalize, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * The policy comes from shared/security/csp.json, the list shared/security/csp.ts joins the
 * same way, so browser mode and the shell cannot drift (and no build step is needed here).
 */
function readContentSecurityPolicy() {
  const file = new URL('../../shared/security/csp.json', import.meta.url);
  const { directives } = JSON.parse(readFileSync(file, 'utf8'));
  if (!Array.isArray(directives) || directives.length === 0 || !directives.every((d) => typeof d === 'string')) {
    throw new Error(`${fileURLToPath(file)} must hold a non-empty "directives" list of strings`);
  }
  return directives;
}

const DIRECTIVES = readContentSecurityPolicy();
export const CONTENT_SECURITY_POLICY = DIRECTIVES.join('; ');

/**
 * The team server's origin as shared/team/origin.ts reads it (https, or http on loopback; an
 * origin only), or an Error naming what is wrong. Repeated here, in plain JS, because this script
 * runs without a build; test/unit/electron/serveScript.test.ts holds both to the same answers.
 */
export function readTeamOrigin(raw) {
  let url;
  try {
    url = new URL(String(raw).trim());
  } catch {
    return new Error('must be an https origin such as "https://workbench.example.com"');
  }
  if (url.hostname.startsWith('['))
    return new Error("must name its host, 127.0.0.1 or localhost, not an IPv6 address (the app's security policy cannot name one)");
  // One host a CSP can name: URLs also take '*' (a wildcard in connect-src), ';' or ',' in a host.
  if (!/^[a-z0-9-]+(\.[a-z0-9-]+)*\.?$/.test(url.hostname)) return new Error('must name one host, in letters, digits, hyphens and dots (no wildcard)');
  const loopback = ['127.0.0.1', 'localhost'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) return new Error('must use https (plain http only on 127.0.0.1 or localhost)');
  if (url.username !== '' || url.password !== '') return new Error('must not carry a user name or password');
  if ((url.pathname !== '/' && url.pathname !== '') || url.search !== '' || url.hash !== '' || /[?#]$/.test(String(raw).trim()))
    return new Error('must be an origin only, without a path, query or fragment');
  return url.origin;
}

/** The header policy with the team origin added to connect-src only (shared/security/csp.ts builds the same). */
export function contentSecurityPolicyFor(teamOrigin) {
  if (teamOrigin === null) return CONTENT_SECURITY_POLICY;
  return DIRECTIVES.map((d) => (d.split(' ')[0] === 'connect-src' ? `${d} ${teamOrigin}` : d)).join('; ');
}

const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
  '.woff2': 'font/woff2',
};

export function contentTypeFor(filePath) {
  return CONTENT_TYPES[extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

/** Hosts the server may bind: loopback only, the data never leaves this computer. */
const LOOPBACK_HOSTS = new Set(['127.0.0.1', '::1', 'localhost']);

/**
 * The file under `root` a request path names, or null when it would escape the folder
 * (`..` encoded as %2F, NUL bytes) or is malformed.
 */
export function resolveStaticFile(root, requestPath) {
  let pathname;
  try {
    pathname = decodeURIComponent(new URL(requestPath, 'http://placeholder').pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0')) return null;
  if (pathname === '/') pathname = '/index.html';
  const base = normalize(root);
  const candidate = normalize(join(base, pathname));
  const inside = relative(base, candidate);
  if (inside === '' || inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside)) return null;
  return candidate;
}

/** Built chunks are named by their content hash (`assets/mount-DfRj338Y.js`): a name never changes content. */
const HASHED_ASSET = /\/assets\/[^/]+-[A-Za-z0-9_-]{8}\.(?:js|css)$/;

/**
 * Pages are revalidated on every load, hashed chunks cached for good: the browser then keeps the
 * chunks' compiled code between loads (V8's code cache), so the window and its workers start
 * without compiling the app again.
 */
function headersFor(contentType, filePath = '', policy = CONTENT_SECURITY_POLICY) {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': policy,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': HASHED_ASSET.test(filePath.split(sep).join('/')) ? 'public, max-age=31536000, immutable' : 'no-cache',
  };
}

/**
 * Refuses requests whose Host header is not this loopback server: a web page using DNS
 * rebinding could otherwise reach it under its own domain name.
 */
function isExpectedHost(hostHeader, port) {
  if (!hostHeader) return false;
  return [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`].includes(hostHeader.toLowerCase());
}

/** Where the page asks which team server it may talk to (the Electron shell answers from the managed policy instead). */
export const TEAM_SERVER_PATH = '/team-server.json';

async function answer(root, request, response, port, teamOrigin) {
  const policy = contentSecurityPolicyFor(teamOrigin);
  const send = (status, body, contentType = 'text/plain; charset=utf-8', filePath = '') => {
    response.writeHead(status, headersFor(contentType, filePath, policy));
    response.end(request.method === 'HEAD' ? undefined : body);
  };
  if (!isExpectedHost(request.headers.host, port)) return send(421, 'Misdirected request');
  if (request.method !== 'GET' && request.method !== 'HEAD') return send(405, 'Method not allowed');
  if (request.url?.split('?')[0] === TEAM_SERVER_PATH) return send(200, JSON.stringify({ origin: teamOrigin }), 'application/json; charset=utf-8');
  const filePath = resolveStaticFile(root, request.url ?? '/');
  if (filePath === null) return send(404, 'Not found');
  try {
    if (!(await stat(filePath)).isFile()) return send(404, 'Not found');
    send(200, await readFile(filePath), contentTypeFor(filePath), filePath);
  } catch {
    send(404, 'Not found');
  }
}

function listen(server, port, host) {
  return new Promise((resolveListen, rejectListen) => {
    const onError = (error) => {
      server.off('listening', onListening);
      rejectListen(error);
    };
    const onListening = () => {
      server.off('error', onError);
      resolveListen(server.address().port);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}

/**
 * Starts the server and resolves once it listens. `portAttempts` > 1 moves on to the next
 * port while the asked one is taken (npm start); the default fails loudly instead, so a
 * test runner waiting on a fixed port is never pointed at the wrong server.
 */
export async function startServer({ port = 4173, dir = 'out/renderer', host = '127.0.0.1', portAttempts = 1, teamOrigin = null } = {}) {
  if (!LOOPBACK_HOSTS.has(host)) {
    throw new Error(`Refusing to serve on ${host}: browser mode binds loopback only (127.0.0.1, ::1, localhost).`);
  }
  const origin = teamOrigin === null ? null : readTeamOrigin(teamOrigin);
  if (origin instanceof Error) throw new Error(`The team server origin ${origin.message}.`);
  const root = resolve(PROJECT_ROOT, dir);
  const index = join(root, 'index.html');
  try {
    await stat(index);
  } catch {
    throw new Error(`No built renderer at ${index}. Run "npx electron-vite build" first.`);
  }

  let boundPort = 0;
  const server = createServer((request, response) => {
    answer(root, request, response, boundPort, origin).catch(() => {
      if (!response.headersSent) response.writeHead(500, headersFor('text/plain; charset=utf-8'));
      response.end('Internal error');
    });
  });

  for (let attempt = 0; ; attempt += 1) {
    const tryPort = port === 0 ? 0 : port + attempt;
    try {
      boundPort = await listen(server, tryPort, host);
      break;
    } catch (error) {
      if (error.code !== 'EADDRINUSE' || attempt + 1 >= portAttempts) {
        if (error.code === 'EADDRINUSE') throw new Error(`Port ${tryPort} on ${host} is already in use. Pass --port to pick another.`);
        throw error;
      }
    }
  }

  const urlHost = host === '::1' ? '[::1]' : host;
  return {
    server,
    port: boundPort,
    url: `http://${urlHost}:${boundPort}/`,
    teamOrigin: origin,
    close: () => new Promise((done) => server.close(() => done())),
  };
}

async function main() {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '4173' },
      dir: { type: 'string', default: 'out/renderer' },
      host: { type: 'string', default: '127.0.0.1' },
      'team-origin': { type: 'string' },
    },
  });
  const teamOrigin = values['team-origin'] ?? process.env.WORKBENCH_TEAM_ORIGIN ?? null;
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be 0-65535, got "${values.port}"`);
  const started = await startServer({ port, dir: values.dir, host: values.host, teamOrigin: teamOrigin || null });
  const { url, close } = started;
  console.log(`Fraud Workbench (browser mode) at ${url}${started.teamOrigin ? ` (team server ${started.teamOrigin})` : ''}`);
  const stop = () => close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
