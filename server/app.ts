// The team server as a Fastify instance built from its dependencies (database, clock, settings),
// so tests run it in-process at a fixed time and `main.ts` runs it on a port.
import Fastify, { type FastifyError, type FastifyInstance, type FastifyRequest } from 'fastify';
import type pg from 'pg';
import { formatBytes } from '../shared/disputes/attachments';
import {
  ATTACHMENT_FILE_LIMITS,
  ATTACHMENT_FILE_ROUTE,
  DEVICE_KEY_HEADER,
  isLaptopPageOrigin,
  MINIMUM_CLIENT_SCHEMA_VERSION,
  SCHEMA_HEADER,
  TEAM_SCHEMA_VERSION,
} from '../shared/team';
import type { Clock } from '../shared/time/clock';
import { SignInRateLimit, UnknownNameLockout } from './accounts/signIn';
import { checkSession, type SignedIn } from './accounts/sessions';
import type { TeamServerConfig } from './config';
import type { BeforeCommit } from './events/eventStore';
import { isRefusal, refusal, send, type Refusal } from './http/refusal';
import { accountRoutes } from './http/routes/accountRoutes';
import { attachmentRoutes } from './http/routes/attachmentRoutes';
import { claimRoutes } from './http/routes/claimRoutes';
import { eventRoutes } from './http/routes/eventRoutes';
import { CHUNK_PATH, importChunkRoutes } from './http/routes/importChunkRoutes';
import { importRoutes } from './http/routes/importRoutes';
import { SIGN_IN_PATH, sessionRoutes } from './http/routes/sessionRoutes';
import { startUploadSweep, timerRepeater, type Repeater } from './imports/uploadSweep';

export interface TeamServerDeps {
  pool: pg.Pool;
  clock: Clock;
  config: TeamServerConfig;
  /** Log requests (method, path, status, time) and event ids and kinds; never bodies. */
  logger?: boolean;
  /** Tests only: where the log goes instead of stdout. */
  logStream?: { write(line: string): void };
  https?: { cert: string | Buffer; key: string | Buffer } | null;
  /** Tests only: runs inside each push's transaction just before it commits. */
  beforePushCommits?: BeforeCommit;
  /** What runs the server's periodic work (the sweep of unfinished uploads); tests give one they fire by hand. */
  repeater?: Repeater;
}

/** What every route gets: the dependencies and who is signed in. */
export interface RouteContext extends TeamServerDeps {
  rateLimit: SignInRateLimit;
  unknownNames: UnknownNameLockout;
  signedIn(request: FastifyRequest): Promise<SignedIn | Refusal>;
}

export async function buildTeamServer(deps: TeamServerDeps): Promise<FastifyInstance> {
  const app = Fastify({
    bodyLimit: deps.config.bodyLimitBytes,
    // Only a proxy the server was told of names the client (the sign-in limit and the log go by it).
    trustProxy: deps.config.trustProxy ?? false,
    ...(deps.https ? { https: deps.https } : {}),
    logger: deps.logger
      ? {
          ...(deps.logStream ? { stream: deps.logStream } : {}),
          // The path only: a query string could carry what a log should not keep.
          serializers: { req: (req) => ({ method: req.method, path: req.url.split('?')[0], remoteAddress: req.ip }) },
        }
      : false,
  });

  // JSON bodies nested deeper than any message of the protocol are refused before they are parsed:
  // the schemas and the canonical JSON walk them recursively and would overflow the stack (500).
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    if (jsonNestedDeeperThan(body as string, MAX_JSON_DEPTH)) {
      const error = new Error(`nested deeper than ${MAX_JSON_DEPTH} levels`) as FastifyError;
      error.statusCode = 400;
      return done(error, undefined);
    }
    return parseJson(request, body as string, done);
  });

  // An idle connection the database dropped (a restart, a network cut) is replaced, not fatal.
  deps.pool.on('error', (err) => app.log.warn({ err: { message: err.message } }, 'database connection lost'));

  async function sessionOf(request: FastifyRequest): Promise<SignedIn | Refusal> {
    const header = request.headers.authorization ?? '';
    const token = /^Bearer ([A-Za-z0-9_-]{20,100})$/.exec(header)?.[1];
    if (!token) return refusal(401, 'no-session', 'not signed in: send Authorization: Bearer <token> from POST /v1/session');
    const check = await checkSession(deps.pool, token, deps.clock.now());
    return check.ok ? check.signedIn : refusal(401, check.code, check.reason);
  }
  /** Who sent each request, settled before its body is read (the hook below). */
  const sessions = new WeakMap<FastifyRequest, SignedIn | Refusal>();

  const context: RouteContext = {
    ...deps,
    rateLimit: new SignInRateLimit(deps.config.signInsPerMinute, deps.clock),
    unknownNames: new UnknownNameLockout(),
    async signedIn(request) {
      return sessions.get(request) ?? sessionOf(request);
    },
  };

  // The laptops' pages are another origin (app://workbench, or browser mode's loopback port), so
  // the browser asks first (CORS). Only they are answered: the server usually sits where only the
  // team's network reaches it, and any other site a teammate opens would otherwise send sign-ins
  // (guesses that lock accounts) from the teammate's browser and read the answers. A request
  // without Origin (not from a browser page) is not a page's and goes on.
  app.addHook('onRequest', async (request, reply) => {
    reply.header('vary', 'Origin');
    const origin = request.headers.origin;
    if (origin !== undefined) {
      if (!isLaptopPageOrigin(origin))
        return send(reply, refusal(403, 'origin', "the team server answers the Fraud Workbench app's pages only, not a page of another site"));
      reply.header('access-control-allow-origin', origin);
    }
    if (request.method === 'OPTIONS' && request.headers['access-control-request-method']) {
      return reply
        .code(204)
        .header('access-control-allow-methods', 'GET, HEAD, POST, PUT, DELETE')
        .header('access-control-allow-headers', `authorization, content-type, ${SCHEMA_HEADER}, ${DEVICE_KEY_HEADER}`)
        .header('access-control-max-age', '600')
        .send();
    }
  });

  // Every /v1 request says which protocol it speaks; an old laptop is told to update before it changes anything.
  app.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/v1/')) return;
    const raw = request.headers[SCHEMA_HEADER];
    const version = typeof raw === 'string' && /^\d{1,6}$/.test(raw) ? Number(raw) : null;
    if (version === null) return send(reply, refusal(400, 'no-schema-version', `send the protocol version in the ${SCHEMA_HEADER} header`));
    if (version < MINIMUM_CLIENT_SCHEMA_VERSION)
      return send(
        reply,
        refusal(
          426,
          'update-required',
          `this app speaks team protocol ${version}; the server needs ${MINIMUM_CLIENT_SCHEMA_VERSION} or later: update the app`,
          {
            minimumSchemaVersion: MINIMUM_CLIENT_SCHEMA_VERSION,
          },
        ),
      );
    if (version > TEAM_SCHEMA_VERSION)
      return send(
        reply,
        refusal(400, 'server-too-old', `this server speaks team protocol up to ${TEAM_SCHEMA_VERSION}, the app ${version}: update the server`),
      );
  });

  // Every /v1 route but signing in needs a session, checked before the body is read: a request
  // without one is refused unread, so no outsider makes the server take in and parse megabytes.
  app.addHook('onRequest', async (request, reply) => {
    const route = request.routeOptions.url;
    if (!request.url.startsWith('/v1/') || route === undefined || (route === SIGN_IN_PATH && request.method === 'POST')) return;
    const who = await sessionOf(request);
    sessions.set(request, who);
    if (isRefusal(who)) return request.method === 'HEAD' ? reply.code(who.status).send() : send(reply, who);
  });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    switch (error.code) {
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        if (request.routeOptions.url === CHUNK_PATH)
          return send(
            reply,
            refusal(413, 'too-large', `a chunk may be at most ${request.routeOptions.bodyLimit} bytes as sent (gzip): send fewer records per chunk`),
          );
        if (request.routeOptions.url === ATTACHMENT_FILE_ROUTE)
          return send(reply, refusal(413, 'too-large', `a file may be at most ${formatBytes(ATTACHMENT_FILE_LIMITS.maxFileBytes)}; nothing was stored`));
        if (request.routeOptions.url === SIGN_IN_PATH) return send(reply, refusal(413, 'too-large', 'a sign-in holds a name and a password, nothing larger'));
        return send(reply, refusal(413, 'too-large', `the request body is over ${deps.config.bodyLimitBytes} bytes: send fewer events per push`));
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        return send(reply, refusal(415, 'media-type', 'send the body as application/json'));
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
        return send(reply, refusal(400, 'malformed', 'the body is empty; a JSON body was expected'));
    }
    if (error.statusCode === 400 || error instanceof SyntaxError) return send(reply, refusal(400, 'malformed', `the body is not valid JSON: ${error.message}`));
    request.log.error({ err: { message: error.message, code: error.code, stack: error.stack } }, 'request failed');
    return send(reply, refusal(500, 'internal', 'the server failed; nothing was changed by this request, try again'));
  });
  app.setNotFoundHandler((request, reply) => send(reply, refusal(404, 'not-found', `no such endpoint: ${request.method} ${request.url.split('?')[0]}`)));

  app.get('/health', async () => ({ ok: true, schemaVersion: TEAM_SCHEMA_VERSION }));
  sessionRoutes(app, context);
  eventRoutes(app, context);
  claimRoutes(app, context);
  accountRoutes(app, context);
  importRoutes(app, context);
  importChunkRoutes(app, context);
  attachmentRoutes(app, context);

  // Uploads never completed are deleted once older than the setting: at start, then every hour.
  let stopSweep: () => void = () => undefined;
  app.addHook('onReady', async () => {
    const sweep = { pool: deps.pool, clock: deps.clock, maxAgeDays: deps.config.unfinishedUploadDays, log: app.log };
    stopSweep = await startUploadSweep(sweep, deps.repeater ?? timerRepeater);
  });
  app.addHook('onClose', async () => stopSweep());
  return app;
}

/** No message of the protocol nests nearly this deep (a push is about 8 levels). */
const MAX_JSON_DEPTH = 64;

/** Whether a JSON text opens more than `max` arrays or objects inside each other (brackets in strings do not count). */
export function jsonNestedDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}
