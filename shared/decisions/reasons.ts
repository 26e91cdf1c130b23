// What a decision on an order needs before it is logged: hold and cancel a reason code from the hold
// list, a release at most one from the release list, a note its text. The review form asks the same.
import { isOrderDecision, type Decision } from './chain';

/** The longest note and reason code an entry holds: what a backup or the checkpoint keeper takes back (schema.ts). */
export const NOTE_MAX = 4000;
export const REASON_CODE_MAX = 80;
/** The longest reason a never-link or allow override keeps: what a backup takes back (tableSchemas.ts). */
export const OVERRIDE_REASON_MAX = 2000;

/** Refuses a text longer than a backup holds: kept for good, it would make every later backup one that cannot be restored. */
export function checkKeptLength(what: string, text: string, max: number): void {
  if (text.length > max) throw new Error(`${what} is at most ${max.toLocaleString('en-US')} characters; this one has ${text.length.toLocaleString('en-US')}`);
}

/** The analyst's reason code lists (Settings). */
export interface ReasonLists {
  holdReasons: readonly string[];
  releaseReasons: readonly string[];
}

/** Hold and cancel must say why; a release may. */
export function needsReasonCode(decision: Decision): boolean {
  return decision === 'hold' || decision === 'cancel';
}

/** The codes a decision may carry: the release list for a release, the hold list for the rest. */
export function reasonCodesFor(decision: Decision, lists: ReasonLists): readonly string[] {
  return decision === 'release' ? lists.releaseReasons : lists.holdReasons;
}

/**
 * One list for a decision not chosen yet (a ring's): each code once, in the group of decisions it
 * fits. A code on both lists (OTHER) showed twice, under each group, two entries that did the same.
 */
export function reasonGroups(lists: ReasonLists): { label: string; codes: string[] }[] {
  const both = lists.holdReasons.filter((c) => lists.releaseReasons.includes(c));
  const groups = [
    { label: 'Hold or cancel', codes: lists.holdReasons.filter((c) => !both.includes(c)) },
    { label: 'Release', codes: lists.releaseReasons.filter((c) => !both.includes(c)) },
    { label: 'Hold, cancel or release', codes: both },
  ];
  return groups.filter((g) => g.codes.length > 0);
}

/** Why a decision cannot be logged as it is, in the analyst's words; null when it can. */
export function decisionProblem(decision: Decision, reasonCode: string, note: string, lists: ReasonLists): string | null {
  if (!isOrderDecision(decision) && decision !== 'note') return `${decision} is not a decision on an order`;
  if (needsReasonCode(decision) && !reasonCode) return `A ${decision} needs a reason code`;
  if (reasonCode && !reasonCodesFor(decision, lists).includes(reasonCode)) return `${reasonCode} is not a ${decision} reason code; Settings lists them`;
  if (decision === 'note' && !note.trim()) return 'Write the note first';
  // Logged for good: an entry a backup cannot hold would make every later backup one that cannot be restored.
  if (reasonCode.length > REASON_CODE_MAX) return `A reason code is at most ${REASON_CODE_MAX} characters; shorten ${reasonCode.slice(0, 20)}… in Settings`;
  const length = note.trim().length;
  if (length > NOTE_MAX) return `A note is at most ${NOTE_MAX.toLocaleString('en-US')} characters; this one has ${length.toLocaleString('en-US')}`;
  return null;
}
