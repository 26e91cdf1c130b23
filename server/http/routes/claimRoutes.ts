// Claims: list who has what, claim a case, release it, and (leads) reassign it. Keys travel in
// the body, not the path, so request logs never hold an order or dispute key.
import type { FastifyInstance } from 'fastify';
import { claimTargetSchema, mayClaim, mayReassign, reassignRequestSchema } from '../../../shared/team';
import type { RouteContext } from '../../app';
import { claim, listClaims, reassign, release } from '../../claims/claimStore';
import { isRefusal, parseOrRefuse, refusal, send } from '../refusal';

export function claimRoutes(app: FastifyInstance, ctx: RouteContext): void {
  app.get('/v1/claims', async (request, reply) => {
    const who = await ctx.signedIn(request);
    if (isRefusal(who)) return send(reply, who);
    return { claims: await listClaims(ctx.pool) };
  });

  app.post('/v1/claims', async (request, reply) => {
    const who = await ctx.signedIn(request);
    if (isRefusal(who)) return send(reply, who);
    if (!mayClaim(who.role)) return send(reply, refusal(403, 'forbidden', `a ${who.role} account does not claim cases`));
    const target = parseOrRefuse(claimTargetSchema, request.body, 'the claim');
    if (isRefusal(target)) return send(reply, target);
    const answer = await claim(ctx.pool, target.subject, target.key, who, ctx.clock.now());
    return isRefusal(answer) ? send(reply, answer) : answer;
  });

  app.post('/v1/claims/release', async (request, reply) => {
    const who = await ctx.signedIn(request);
    if (isRefusal(who)) return send(reply, who);
    const target = parseOrRefuse(claimTargetSchema, request.body, 'the release');
    if (isRefusal(target)) return send(reply, target);
    const answer = await release(ctx.pool, target.subject, target.key, { ...who, mayReleaseOthers: mayReassign(who.role) }, ctx.clock.now());
    return isRefusal(answer) ? send(reply, answer) : answer;
  });

  app.post('/v1/claims/reassign', async (request, reply) => {
    const who = await ctx.signedIn(request);
    if (isRefusal(who)) return send(reply, who);
    if (!mayReassign(who.role)) return send(reply, refusal(403, 'forbidden', `only a lead or admin reassigns cases; ${who.name} is ${who.role}`));
    const target = parseOrRefuse(reassignRequestSchema, request.body, 'the reassignment');
    if (isRefusal(target)) return send(reply, target);
    const answer = await reassign(ctx.pool, target.subject, target.key, target.to, who, ctx.clock.now());
    if (!isRefusal(answer)) request.log.info({ account: who.name, subject: target.subject }, 'case reassigned');
    return isRefusal(answer) ? send(reply, answer) : answer;
  });
}
