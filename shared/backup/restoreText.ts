// Words a restore uses in its dialog and in its log entry alike.

/** "3 decisions after entry 2", or "the 1 decision here (the backup holds none)". */
export function lostDecisionsText(plan: { lostDecisions: number; verifiedTo: number }): string {
  const n = `${plan.lostDecisions.toLocaleString('en-US')} decision${plan.lostDecisions === 1 ? '' : 's'}`;
  return plan.verifiedTo > 0 ? `${n} after entry ${plan.verifiedTo.toLocaleString('en-US')}` : `the ${n} here (the backup holds none)`;
}
