// Push, pull and a device's head. A push is checked whole before anything is stored: shape,
// size, protocol version, who may push what, every hash; then the chain inside one transaction.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  DEVICE_KEY_HEADER,
  DEVICE_KEY_PATTERN,
  MINIMUM_CLIENT_SCHEMA_VERSION,
  mayPush,
  PAYLOAD_TOO_LARGE,
  payloadBytes,
  pullQuerySchema,
  PUSH_LIMITS,
  parseCasePayload,
  personalTextProblem,
  pushRequestSchema,
  TEAM_SCHEMA_VERSION,
  teamEventHash,
  type TeamEvent,
} from '../../../shared/team';
import type { SignedIn } from '../../accounts/sessions';
import type { RouteContext } from '../../app';
import { deviceKeyHash } from '../../events/deviceKeys';
import { appendEvents, deviceHead, pullEvents } from '../../events/eventStore';
import type { ImportRedaction } from '../../imports/chunkRedaction';
import { isRefusal, parseOrRefuse, refusal, send, type Refusal } from '../refusal';

export function eventRoutes(app: FastifyInstance, ctx: RouteContext): void {
  app.post('/v1/events', async (request, reply) => {
    const who = await ctx.signedIn(request);
    if (isRefusal(who)) return send(reply, who);
    const raw = request.body as { events?: unknown } | null;
    if (Array.isArray(raw?.events) && raw.events.length > PUSH_LIMITS.maxEvents)
      return send(reply, refusal(413, 'too-many-events', `a push may hold at most ${PUSH_LIMITS.maxEvents} events; this one has ${raw.events.length}`));
    const push = parseOrRefuse(pushRequestSchema, request.body, 'the push');
    if (isRefusal(push)) return send(reply, push);
    const problem = await firstProblem(push.events, who, ctx.clock.now());
    if (problem) return send(reply, problem);
    const key = request.headers[DEVICE_KEY_HEADER];
    if (key !== undefined && (typeof key !== 'string' || !DEVICE_KEY_PATTERN.test(key)))
      return send(reply, refusal(400, 'malformed', `the ${DEVICE_KEY_HEADER} header is not a device key (32 to 128 base64url characters)`));

    const by = { accountId: who.accountId, now: ctx.clock.now(), deviceKeyHash: key === undefined ? null : deviceKeyHash(key) };
    const redactions: ImportRedaction[] = [];
    const answer = await appendEvents(ctx.pool, push.events, by, ctx.beforePushCommits, redactions);
    if (isRefusal(answer)) {
      request.log.info({ account: who.name, refused: answer.body.code, eventId: answer.body.eventId }, 'push refused');
      return send(reply, answer);
    }
    request.log.info(
      { account: who.name, accepted: answer.accepted, duplicates: answer.duplicates, first: push.events[0]!.id, kinds: kindCounts(push.events) },
      'push stored',
    );
    // Counts only: no key, id or value of the erased person.
    for (const r of redactions) request.log.info(r, 'erasure redacted team imports');
    return answer;
  });

  app.get('/v1/events', async (request, reply) => {
    const who = await ctx.signedIn(request);
    if (isRefusal(who)) return send(reply, who);
    const query = parseOrRefuse(pullQuerySchema, request.query, 'the pull');
    if (isRefusal(query)) return send(reply, query);
    return pullEvents(ctx.pool, query.after, query.limit);
  });

  app.get('/v1/devices/:deviceId/head', async (request, reply) => {
    const who = await ctx.signedIn(request);
    if (isRefusal(who)) return send(reply, who);
    const params = parseOrRefuse(z.object({ deviceId: z.uuid() }), request.params, 'the device id');
    if (isRefusal(params)) return send(reply, params);
    return deviceHead(ctx.pool, params.deviceId);
  });
}

/**
 * How far after the server's clock an event's time may be. An offline decision arrives late, never
 * early; a time far ahead would make the analyst's decision "the later one" in every conflict.
 */
export const MAX_EVENT_CLOCK_AHEAD_MS = 24 * 3_600_000;

/** The first event the server must refuse before touching the database, with why. */
async function firstProblem(events: readonly TeamEvent[], who: SignedIn, now: number): Promise<Refusal | null> {
  for (const [index, e] of events.entries()) {
    const at = { index, eventId: e.id };
    if (e.schemaVersion < MINIMUM_CLIENT_SCHEMA_VERSION)
      return refusal(
        426,
        'update-required',
        `event ${e.id} was written in team protocol ${e.schemaVersion}; the server needs ${MINIMUM_CLIENT_SCHEMA_VERSION}: update the app`,
        {
          ...at,
          minimumSchemaVersion: MINIMUM_CLIENT_SCHEMA_VERSION,
        },
      );
    if (e.schemaVersion > TEAM_SCHEMA_VERSION)
      return refusal(
        400,
        'server-too-old',
        `event ${e.id} was written in team protocol ${e.schemaVersion}; this server knows up to ${TEAM_SCHEMA_VERSION}`,
        at,
      );
    if (payloadBytes(e) > PUSH_LIMITS.maxPayloadBytes) return refusal(413, 'payload-too-large', `event ${e.id}: ${PAYLOAD_TOO_LARGE}`, at);
    // The analyst is inside the hash, so the server cannot overwrite it: it refuses a name that is not the signed-in account's.
    if (e.analyst !== who.name)
      return refusal(
        403,
        'analyst-mismatch',
        `event ${e.id} names analyst "${e.analyst}" but the push is signed in as "${who.name}": each analyst pushes their own events`,
        at,
      );
    if (e.at > now + MAX_EVENT_CLOCK_AHEAD_MS)
      return refusal(
        400,
        'time-ahead',
        `event ${e.id} is dated ${new Date(e.at).toISOString()}, more than a day after the server's clock (${new Date(now).toISOString()}): set this laptop's clock to network time`,
        at,
      );
    if (!mayPush(who.role, e.kind)) return refusal(403, 'forbidden-kind', `a ${who.role} account may not push ${e.kind} events`, at);
    if ((await teamEventHash(e)) !== e.hash) return refusal(400, 'hash-mismatch', `event ${e.id}: its hash does not match its content`, at);
    // Each kind's payload is read with its schema here, so no laptop pulls a record it cannot read.
    const read = parseCasePayload(e);
    if (!read.ok) return refusal(400, 'malformed-payload', `event ${e.id}: ${read.reason}`, at);
    const text = await personalTextProblem(e.payload, e.personal);
    if (text) return refusal(400, 'personal-text-mismatch', `event ${e.id}: ${text}`, at);
  }
  return null;
}

function kindCounts(events: readonly TeamEvent[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const e of events) counts[e.kind] = (counts[e.kind] ?? 0) + 1;
  return counts;
}
