// Team imports over HTTP: declare an import, ask how far its upload got, complete it into the
// team's order, undo the newest, and read the ordered operations. Chunks are importChunkRoutes.ts.
// Logs name operation ids and counts, never file names (they may name customers) or records.
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  completeRequestSchema,
  importDeclarationSchema,
  mayImportForTeam,
  mayUndoTeamImport,
  opDigestText,
  opsQuerySchema,
  undoRequestSchema,
  whoMay,
  type ImportRights,
} from '../../../shared/team';
import type { SignedIn } from '../../accounts/sessions';
import { readSettings } from '../../accounts/settingsStore';
import type { RouteContext } from '../../app';
import { completeImport, undoImport } from '../../imports/importOrder';
import { declareImport, orderedOps, uploadState } from '../../imports/importOpStore';
import { isRefusal, parseOrRefuse, refusal, send, type Refusal } from '../refusal';

export const opParamsSchema = z.object({ opId: z.uuid() });

export function importRoutes(app: FastifyInstance, ctx: RouteContext): void {
  /** The signed-in account if its role may do this for the team now (the team's settings decide). */
  async function allowed(request: FastifyRequest, action: 'import' | 'undo'): Promise<SignedIn | Refusal> {
    const who = await ctx.signedIn(request);
    if (isRefusal(who)) return who;
    const settings = await readSettings(ctx.pool);
    const rights: ImportRights = { importRoles: settings.importRoles, undoImportRoles: settings.undoImportRoles };
    if (action === 'import' && !mayImportForTeam(who.role, rights))
      return refusal(403, 'forbidden-import', `${who.name} is ${who.role}; ${whoMay(rights.importRoles)} import for the team. ${ADMIN_DECIDES} (importRoles)`);
    if (action === 'undo' && !mayUndoTeamImport(who.role, rights))
      return refusal(
        403,
        'forbidden-undo',
        `${who.name} is ${who.role}; ${whoMay(rights.undoImportRoles)} undo a team import. ${ADMIN_DECIDES} (undoImportRoles)`,
      );
    return who;
  }

  app.post('/v1/imports', async (request, reply) => {
    const who = await allowed(request, 'import');
    if (isRefusal(who)) return send(reply, who);
    const declaration = parseOrRefuse(importDeclarationSchema, request.body, 'the import declaration');
    if (isRefusal(declaration)) return send(reply, declaration);
    if (createHash('sha256').update(opDigestText(declaration.chunkHashes)).digest('hex') !== declaration.digest)
      return send(reply, refusal(400, 'digest-mismatch', 'the digest is not the SHA-256 of the chunk hashes joined by newlines'));
    const answer = await declareImport(ctx.pool, declaration, { accountId: who.accountId, now: ctx.clock.now() });
    const opId = declaration.opId;
    if (isRefusal(answer)) {
      request.log.info({ account: who.name, opId, refused: answer.body.code }, 'import declaration refused');
      return send(reply, answer);
    }
    if ('duplicateOf' in answer) {
      request.log.info({ account: who.name, opId, duplicateOf: answer.duplicateOf.opId }, 'import declared: the team holds this file already');
      return { duplicateOf: answer.duplicateOf };
    }
    const counts = { chunks: declaration.chunkHashes.length, records: declaration.records, received: answer.received.length };
    request.log.info({ account: who.name, opId, ...counts }, answer.fresh ? 'import declared' : 'import declared again (resumed)');
    return reply.code(answer.fresh ? 201 : 200).send({ opId, received: answer.received });
  });

  app.get('/v1/imports/:opId', async (request, reply) => {
    const who = await ctx.signedIn(request);
    if (isRefusal(who)) return send(reply, who);
    const params = parseOrRefuse(opParamsSchema, request.params, 'the operation id');
    if (isRefusal(params)) return send(reply, params);
    const state = await uploadState(ctx.pool, params.opId);
    return state ?? send(reply, refusal(404, 'no-such-import', `there is no team import ${params.opId}`));
  });

  app.post('/v1/imports/:opId/complete', async (request, reply) => {
    const who = await allowed(request, 'import');
    if (isRefusal(who)) return send(reply, who);
    const params = parseOrRefuse(opParamsSchema, request.params, 'the operation id');
    if (isRefusal(params)) return send(reply, params);
    const body = parseOrRefuse(completeRequestSchema, request.body, 'the completion');
    if (isRefusal(body)) return send(reply, body);
    const answer = await completeImport(ctx.pool, params.opId, body, { accountId: who.accountId, now: ctx.clock.now() });
    if (isRefusal(answer)) {
      request.log.info({ account: who.name, opId: params.opId, refused: answer.body.code, latest: answer.body.latest }, 'import completion refused');
      return send(reply, answer);
    }
    if ('duplicateOf' in answer)
      request.log.info({ account: who.name, opId: params.opId, duplicateOf: answer.duplicateOf.opId }, 'import dropped: the team holds this file already');
    else request.log.info({ account: who.name, opId: params.opId, seq: answer.op.seq, records: answer.op.records }, 'import ordered');
    return answer;
  });

  app.post('/v1/imports/:opId/undo', async (request, reply) => {
    const who = await allowed(request, 'undo');
    if (isRefusal(who)) return send(reply, who);
    const params = parseOrRefuse(opParamsSchema, request.params, 'the operation id');
    if (isRefusal(params)) return send(reply, params);
    const body = parseOrRefuse(undoRequestSchema, request.body, 'the undo');
    if (isRefusal(body)) return send(reply, body);
    const answer = await undoImport(ctx.pool, params.opId, body, { accountId: who.accountId, now: ctx.clock.now() });
    if (isRefusal(answer)) {
      request.log.info({ account: who.name, opId: params.opId, refused: answer.body.code, latest: answer.body.latest }, 'import undo refused');
      return send(reply, answer);
    }
    request.log.info({ account: who.name, opId: params.opId, undoOpId: answer.op.opId, seq: answer.op.seq }, 'import undo ordered');
    return answer;
  });

  app.get('/v1/imports', async (request, reply) => {
    const who = await ctx.signedIn(request);
    if (isRefusal(who)) return send(reply, who);
    const query = parseOrRefuse(opsQuerySchema, request.query, 'the operations query');
    if (isRefusal(query)) return send(reply, query);
    return orderedOps(ctx.pool, query.after, query.limit);
  });
}

const ADMIN_DECIDES = 'An admin changes who may in the team settings';
