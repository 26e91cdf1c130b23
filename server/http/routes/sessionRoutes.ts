// Signing in and out, and the team settings every laptop reads (the idle lock time, who may import
// for the team) and an admin sets.
import type { FastifyInstance } from 'fastify';
import {
  MINIMUM_CLIENT_SCHEMA_VERSION,
  mayChangeSettings,
  passwordChangeSchema,
  signInRequestSchema,
  settingsChangeSchema,
  TEAM_SCHEMA_VERSION,
} from '../../../shared/team';
import type { RouteContext } from '../../app';
import { endSession } from '../../accounts/sessions';
import { changePassword, signIn } from '../../accounts/signIn';
import { readSettings, writeSettings } from '../../accounts/settingsStore';
import { isRefusal, parseOrRefuse, refusal, send } from '../refusal';

/** Where a laptop signs in: the one /v1 route taken without a session. */
export const SIGN_IN_PATH = '/v1/session';

/** Where a signed-in account changes its own password. */
export const PASSWORD_PATH = '/v1/password';

/** A sign-in body holds a name (80 characters) and a password (1,024): more is refused unread (413). */
const SIGN_IN_BODY_BYTES = 16 * 1024;

export function sessionRoutes(app: FastifyInstance, ctx: RouteContext): void {
  app.post(SIGN_IN_PATH, { bodyLimit: SIGN_IN_BODY_BYTES }, async (request, reply) => {
    const input = parseOrRefuse(signInRequestSchema, request.body, 'the sign-in');
    if (isRefusal(input)) return send(reply, input);
    const answer = await signIn(ctx.pool, ctx, { ...input, address: request.ip });
    if (isRefusal(answer)) return send(reply, answer);
    request.log.info({ account: answer.account.name }, 'signed in');
    return reply.code(201).send(answer);
  });

  app.delete('/v1/session', async (request, reply) => {
    const who = await ctx.signedIn(request);
    if (isRefusal(who)) return send(reply, who);
    await endSession(ctx.pool, request.headers.authorization!.slice('Bearer '.length));
    return reply.code(204).send();
  });

  // The account's own password: the current one, then the new one; the account's other sessions end.
  app.put(PASSWORD_PATH, { bodyLimit: SIGN_IN_BODY_BYTES }, async (request, reply) => {
    const who = await ctx.signedIn(request);
    if (isRefusal(who)) return send(reply, who);
    const input = parseOrRefuse(passwordChangeSchema, request.body, 'the password change');
    if (isRefusal(input)) return send(reply, input);
    const token = request.headers.authorization!.slice('Bearer '.length);
    const answer = await changePassword(ctx.pool, ctx, { accountId: who.accountId, token, ...input, address: request.ip });
    if (isRefusal(answer)) return send(reply, answer);
    request.log.info({ account: who.name }, 'password changed');
    return reply.code(204).send();
  });

  app.get('/v1/settings', async (request, reply) => {
    const who = await ctx.signedIn(request);
    if (isRefusal(who)) return send(reply, who);
    return {
      settings: await readSettings(ctx.pool),
      account: { name: who.name, role: who.role },
      sessionExpiresAt: who.expiresAt,
      schemaVersion: TEAM_SCHEMA_VERSION,
      minimumSchemaVersion: MINIMUM_CLIENT_SCHEMA_VERSION,
    };
  });

  app.put('/v1/settings', async (request, reply) => {
    const who = await ctx.signedIn(request);
    if (isRefusal(who)) return send(reply, who);
    if (!mayChangeSettings(who.role)) return send(reply, refusal(403, 'forbidden', `only an admin changes team settings; ${who.name} is ${who.role}`));
    const settings = parseOrRefuse(settingsChangeSchema, request.body, 'the settings');
    if (isRefusal(settings)) return send(reply, settings);
    await writeSettings(ctx.pool, settings);
    request.log.info({ account: who.name, keys: Object.keys(settings) }, 'settings changed');
    return { settings: await readSettings(ctx.pool) };
  });
}
