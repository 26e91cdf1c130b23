// A team import's chunks over HTTP: its author sends each as gzip bytes (application/octet-stream),
// checked whole before it is stored; teammates fetch those bytes once the import is ordered.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { RouteContext } from '../../app';
import { importChunkLimits } from '../../config';
import { checkChunk } from '../../imports/chunkCheck';
import { holdsChunk, noSuchImport, notYours, orderedChunk, readOp, storeChunk } from '../../imports/importOpStore';
import { isRefusal, parseOrRefuse, refusal, send } from '../refusal';

export const CHUNK_PATH = '/v1/imports/:opId/chunks/:n';
const chunkParamsSchema = z.object({ opId: z.uuid(), n: z.coerce.number().int().min(0) });

export function importChunkRoutes(app: FastifyInstance, ctx: RouteContext): void {
  const limits = importChunkLimits(ctx.config);

  // Binary bodies are taken on this route only: every other route still answers 415 to anything but JSON.
  void app.register(async (scope) => {
    scope.addContentTypeParser('application/octet-stream', { parseAs: 'buffer', bodyLimit: limits.maxChunkBytes }, (_request, body, done) => done(null, body));

    scope.put(CHUNK_PATH, { bodyLimit: limits.maxChunkBytes }, async (request, reply) => {
      const who = await ctx.signedIn(request);
      if (isRefusal(who)) return send(reply, who);
      const params = parseOrRefuse(chunkParamsSchema, request.params, 'the chunk address');
      if (isRefusal(params)) return send(reply, params);
      const { opId, n } = params;
      if (!Buffer.isBuffer(request.body)) return send(reply, refusal(415, 'media-type', 'send the chunk as application/octet-stream (its gzip bytes)'));
      const row = await readOp(ctx.pool, opId);
      if (!row || row.kind !== 'import') return send(reply, noSuchImport(opId));
      if (row.account_id !== who.accountId) return send(reply, notYours(opId));
      const expected = row.chunk_hashes[n];
      if (expected === undefined)
        return send(
          reply,
          refusal(400, 'chunk-out-of-range', `import ${opId} was declared with ${row.chunk_hashes.length} chunks, numbered from 0; there is no chunk ${n}`),
        );
      // A chunk sent again (its answer was lost) changes nothing.
      if (await holdsChunk(ctx.pool, opId, n)) return reply.code(204).send();
      const checked = await checkChunk(request.body, { hash: expected, scheme: row.chunk_scheme }, limits.maxChunkRawBytes, n);
      if (isRefusal(checked)) {
        request.log.info({ account: who.name, opId, n, bytes: request.body.length, refused: checked.body.code }, 'import chunk refused');
        return send(reply, checked);
      }
      // Swept meanwhile (declared too long ago): refused as if never declared, so the laptop declares it again.
      const op = { opId, orderSource: row.order_source, scheme: row.chunk_scheme, hash: expected };
      const stored = await storeChunk(ctx.pool, op, n, request.body, checked.rawBytes);
      if (stored.outcome === 'gone') return send(reply, noSuchImport(opId));
      // Counts only: lines of people the team erased before this chunk arrived.
      request.log.info(
        { account: who.name, opId, n, bytes: request.body.length, rawBytes: checked.rawBytes, redacted: stored.redacted },
        'import chunk stored',
      );
      return reply.code(204).send();
    });
  });

  app.get(CHUNK_PATH, async (request, reply) => {
    const who = await ctx.signedIn(request);
    if (isRefusal(who)) return send(reply, who);
    const params = parseOrRefuse(chunkParamsSchema, request.params, 'the chunk address');
    if (isRefusal(params)) return send(reply, params);
    const bytes = await orderedChunk(ctx.pool, params.opId, params.n);
    if (!bytes) return send(reply, refusal(404, 'no-such-chunk', `chunk ${params.n} of import ${params.opId} is not in the team's order`));
    return reply.type('application/octet-stream').send(bytes);
  });
}
