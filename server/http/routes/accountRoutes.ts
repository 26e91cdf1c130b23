// The team's accounts over HTTP: a lead or admin lists them (the reassign pick list), an admin
// disables or enables one. Names travel in the body, not the path, so request logs hold none.
import type { FastifyInstance } from 'fastify';
import { accountStateRequestSchema, mayListAccounts, mayManageAccounts, type TeamAccount } from '../../../shared/team';
import type { RouteContext } from '../../app';
import { findAccount, listAccounts, setAccountDisabled, type Account } from '../../accounts/accountStore';
import { isRefusal, parseOrRefuse, refusal, send } from '../refusal';

/** What the team may see of an account: never its password hash or failure count. */
function shown(a: Account, now: number): TeamAccount {
  return { name: a.name, role: a.role, disabled: a.disabled, lockedUntil: a.lockedUntil !== null && a.lockedUntil > now ? a.lockedUntil : null };
}

export function accountRoutes(app: FastifyInstance, ctx: RouteContext): void {
  app.get('/v1/accounts', async (request, reply) => {
    const who = await ctx.signedIn(request);
    if (isRefusal(who)) return send(reply, who);
    if (!mayListAccounts(who.role)) return send(reply, refusal(403, 'forbidden', `only a lead or admin sees the team's accounts; ${who.name} is ${who.role}`));
    const now = ctx.clock.now();
    return { accounts: (await listAccounts(ctx.pool)).map((a) => shown(a, now)) };
  });

  app.post('/v1/accounts/state', async (request, reply) => {
    const who = await ctx.signedIn(request);
    if (isRefusal(who)) return send(reply, who);
    if (!mayManageAccounts(who.role)) return send(reply, refusal(403, 'forbidden', `only an admin disables or enables accounts; ${who.name} is ${who.role}`));
    const input = parseOrRefuse(accountStateRequestSchema, request.body, 'the account change');
    if (isRefusal(input)) return send(reply, input);
    // The team must keep an admin who can undo this: another admin disables an admin's own account.
    // Which account the name is, the database decides (its lower(), not JavaScript's, tells names apart).
    if (input.disabled && (await findAccount(ctx.pool, input.name))?.id === who.accountId)
      return send(reply, refusal(400, 'own-account', 'an admin does not disable their own account; another admin can'));
    const changed = await setAccountDisabled(ctx.pool, input.name, input.disabled);
    if (!changed) return send(reply, refusal(404, 'no-account', `there is no account named ${input.name}`));
    request.log.info({ account: who.name, disabled: input.disabled }, 'account state changed');
    return { account: shown(changed, ctx.clock.now()) };
  });
}
