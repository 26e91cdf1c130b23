// Dispute files over HTTP: the attaching laptop sends a file's raw bytes under their SHA-256, checked
// whole (hash, size, type by content) before they are stored; any signed-in teammate fetches them
// as a download, never as something a browser would render.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ATTACHMENT_FILE_LIMITS, ATTACHMENT_FILE_ROUTE, checkReceivedFile, mayPush, SHA256_HEX } from '../../../shared/team';
import type { SignedIn } from '../../accounts/sessions';
import type { RouteContext } from '../../app';
import { holdsFile, readFile, storeFile } from '../../attachments/attachmentStore';
import { isRefusal, parseOrRefuse, refusal, send } from '../refusal';

const fileParamsSchema = z.object({ sha256: z.string().regex(SHA256_HEX, 'a SHA-256 in lower-case hex') });

export function attachmentRoutes(app: FastifyInstance, ctx: RouteContext): void {
  const maxBytes = ATTACHMENT_FILE_LIMITS.maxFileBytes;
  const uploaders = new WeakMap<FastifyRequest, SignedIn>();

  /** Who may send files is settled before a body of up to 5 MB is read. */
  async function mayUpload(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> {
    const who = await ctx.signedIn(request);
    if (isRefusal(who)) return send(reply, who);
    if (!mayPush(who.role, 'attachment')) return send(reply, refusal(403, 'forbidden', `a ${who.role} account does not attach files, so it sends none`));
    uploaders.set(request, who);
    return undefined;
  }

  // Binary bodies are taken on this route only: every other route still answers 415 to anything but JSON.
  void app.register(async (scope) => {
    scope.addContentTypeParser('application/octet-stream', { parseAs: 'buffer', bodyLimit: maxBytes }, (_request, body, done) => done(null, body));

    scope.put(ATTACHMENT_FILE_ROUTE, { bodyLimit: maxBytes, onRequest: mayUpload }, async (request, reply) => {
      const who = uploaders.get(request)!;
      const params = parseOrRefuse(fileParamsSchema, request.params, 'the file address');
      if (isRefusal(params)) return send(reply, params);
      if (!Buffer.isBuffer(request.body)) return send(reply, refusal(415, 'media-type', 'send the file as application/octet-stream (its raw bytes)'));
      const { sha256 } = params;
      const checked = await checkReceivedFile(request.body, sha256, `the file ${sha256.slice(0, 12)}…`);
      if (!checked.ok) {
        request.log.info({ account: who.name, sha256, bytes: request.body.length, refused: checked.code }, 'attachment file refused');
        return send(reply, refusal(checked.code === 'too-large' ? 413 : 400, checked.code, `${checked.problem}; nothing was stored`));
      }
      // Bytes sent again (their answer was lost, or a teammate attached the same file) change nothing.
      if (await holdsFile(ctx.pool, sha256)) return reply.code(204).send();
      const stored = await storeFile(ctx.pool, { sha256, bytes: request.body, type: checked.type }, { accountId: who.accountId, now: ctx.clock.now() });
      if (stored === 'not-named')
        return send(reply, refusal(409, 'not-named', `no attachment event names the file ${sha256.slice(0, 12)}…: push the event that attaches it first`));
      if (stored === 'erased')
        return send(reply, refusal(410, 'erased', `the file ${sha256.slice(0, 12)}… was erased from the team's cases; it is not kept again`));
      request.log.info({ account: who.name, sha256, bytes: request.body.length, type: checked.type, outcome: stored }, 'attachment file stored');
      return reply.code(204).send();
    });
  });

  // Whether the server holds a file, without its bytes: a laptop sends only what the server lacks.
  app.head(ATTACHMENT_FILE_ROUTE, async (request, reply) => {
    const who = await ctx.signedIn(request);
    if (isRefusal(who)) return reply.code(who.status).send();
    const params = fileParamsSchema.safeParse(request.params);
    if (!params.success) return reply.code(400).send();
    return reply.code((await holdsFile(ctx.pool, params.data.sha256)) ? 204 : 404).send();
  });

  app.get(ATTACHMENT_FILE_ROUTE, { exposeHeadRoute: false }, async (request, reply) => {
    const who = await ctx.signedIn(request);
    if (isRefusal(who)) return send(reply, who);
    const params = parseOrRefuse(fileParamsSchema, request.params, 'the file address');
    if (isRefusal(params)) return send(reply, params);
    const bytes = await readFile(ctx.pool, params.sha256);
    if (!bytes)
      return send(
        reply,
        refusal(404, 'no-such-file', `the team server holds no file ${params.sha256.slice(0, 12)}…: its laptop has not sent it yet, or it was erased`),
      );
    // A download only: a browser that opened this address would save it, never sniff and render it.
    return reply
      .type('application/octet-stream')
      .header('content-disposition', `attachment; filename="${params.sha256}"`)
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'no-store')
      .send(bytes);
  });
}
