// A lead's resolution of an order the team decided differently: a hold, release or cancel in the
// lead's own decision log that names the decisions it settles (each laptop's latest, by device and
// log seq), so it travels as a resolution event and a later re-decision anywhere re-opens the order.
import { keptNote } from '../../../../shared/domain/cardNumbers';
import { orderKeyLabel } from '../../../../shared/domain/order';
import { isOrderDecision, type Decision, type DecisionEntry } from '../../../../shared/decisions/chain';
import { decisionProblem } from '../../../../shared/decisions/reasons';
import { mayResolve } from '../../../../shared/team/rights';
import { refsToSettle, teamDecisionsThatStand } from '../../../../shared/team/standing';
import type { CoreContext } from '../context';
import { readReviewSettings } from '../review/reviewService';
import { analystName } from '../storage/metaRepository';
import type { TeamStore } from '../storage/teamStore';
import { readTeamDecisions } from './teamDecisions';

export async function resolveConflict(
  ctx: CoreContext,
  store: TeamStore,
  orderKey: string,
  decision: Decision,
  reasonCode: string,
  note: string,
): Promise<DecisionEntry> {
  const session = await store.get('session');
  if (!session) throw new Error('Sign in to the team server first (Settings → Team): a resolution is for the whole team');
  const { name, role } = session.account;
  if (!mayResolve(role)) throw new Error(`Only a lead or an admin resolves what the team decided differently; ${name} is signed in as ${role}.`);
  if (!isOrderDecision(decision)) throw new Error(`A resolution holds, releases or cancels the order, not ${decision}`);
  const problem = decisionProblem(decision, reasonCode, note, await readReviewSettings(ctx.db));
  if (problem) throw new Error(problem);
  const standing = teamDecisionsThatStand((await readTeamDecisions(ctx.log, store)).decisions).get(orderKey);
  if (!standing?.conflict) throw new Error(`The team no longer decides ${orderKeyLabel(orderKey)} differently: it was resolved or decided again meanwhile`);
  return ctx.log.append({
    orderKey,
    decision,
    reasonCode,
    note: keptNote(note),
    analyst: await analystName(ctx.db, 'resolution'),
    at: ctx.clock.now(),
    score: null,
    matrixVersion: null,
    undoes: null,
    settles: refsToSettle(standing),
  });
}
