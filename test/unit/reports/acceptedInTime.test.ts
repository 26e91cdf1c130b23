// "Answered by the deadline" is read by compliance as the share of chargebacks answered in time.
// Accepting a chargeback by its deadline (not contesting it, as the respond-or-accept sum may advise)
// is a deliberate, timely answer: it counts as answered in time, and is shown apart. An accept
// logged after the deadline is not in time; one the export gives with no accept logged may be a
// choice or a lapse (Adyen's expired and auto-accepted read as accepted) and is counted apart.
// An outcome the analyst recorded on a case the app had open, past its deadline, had no answer.
import { describe, expect, it } from 'vitest';
import { reportDispute } from '../../support/disputes';
import type { Dispute, DisputeStatus } from '../../../shared/domain/dispute';
import { disputeKpis } from '../../../shared/reports/disputeKpis';
import { loggedAnswers } from '../../../shared/reports/disputeAnswers';

const DAY = 86_400_000;
const T = Date.UTC(2026, 5, 1);
const d = (id: string, fields: Partial<Dispute>): Dispute => reportDispute(T, id, fields);
const step = (disputeId: string, status: DisputeStatus, day: number) => ({ disputeId, kind: 'status', status, at: T + day * DAY });

describe('accepted chargebacks in the answered-by-the-deadline share', () => {
  const disputes = [
    d('early', { status: 'accepted' }), // accepted on day 3, due day 20: answered in time
    d('late', { status: 'accepted' }), // accepted on day 22: after its deadline
    d('imported', { status: 'accepted' }), // the export says accepted, nothing logged
    d('sent', { status: 'submitted' }), // submitted on day 10: in time
    d('lapsed', { status: 'lost' }), // left open past day 20, the analyst recorded the network's loss on day 40
    d('notYet', { status: 'accepted', dueAt: T + 50 * DAY }), // accepted on day 4, due day 50: answered, in time
  ];
  const events = [
    step('early', 'accepted', 3),
    step('late', 'gathering_evidence', 2),
    step('late', 'accepted', 22),
    step('sent', 'gathering_evidence', 2),
    step('sent', 'submitted', 10),
    step('lapsed', 'gathering_evidence', 5),
    step('lapsed', 'lost', 40),
    step('notYet', 'accepted', 4),
  ];
  const provider = new Map(disputes.map((x) => [x.id, x.id === 'imported' ? ('accepted' as const) : ('new' as const)]));
  const answers = loggedAnswers(disputes, events, provider);

  it('reads from the log when each was submitted or accepted, and which outcome came with no answer', () => {
    expect([...answers.submittedAt]).toEqual([['sent', T + 10 * DAY]]);
    expect([...answers.acceptedAt]).toEqual([
      ['early', T + 3 * DAY],
      ['late', T + 22 * DAY],
      ['notYet', T + 4 * DAY],
    ]);
    expect([...answers.decidedUnanswered]).toEqual(['lapsed']);
  });

  it('counts an accept by the deadline as answered in time, apart; after it, not; imported, apart', () => {
    const k = disputeKpis(disputes, T, T + 30 * DAY, answers.submittedAt, T + 45 * DAY, answers);
    expect(k.all).toMatchObject({
      respondable: 5, // early, late, sent, lapsed, notYet
      respondedInTime: 3, // sent, early, notYet
      acceptedInTime: 2, // early, notYet
      acceptedTimeUnknown: 1, // imported
      answerTimeUnknown: 0, // lapsed was open in the app until its loss was recorded: no answer
      accepted: 4,
    });
    // By family as overall: all six are fraud.
    expect(k.byFamily.fraud).toMatchObject({ respondedInTime: 3, respondable: 5 });
  });

  it('an accept corrected back to open is no answer; a loss recorded after an imported submission is time unknown', () => {
    const list = [d('fixed', { status: 'gathering_evidence' }), d('imported-sent', { status: 'won' })];
    const log = [step('fixed', 'accepted', 3), step('fixed', 'gathering_evidence', 4), step('imported-sent', 'won', 25)];
    const a = loggedAnswers(
      list,
      log,
      new Map([
        ['fixed', 'new' as const],
        ['imported-sent', 'submitted' as const],
      ]),
    );
    expect(a.acceptedAt.size).toBe(0);
    expect(a.decidedUnanswered.size).toBe(0);
    const k = disputeKpis(list, T, T + 30 * DAY, a.submittedAt, T + 25 * DAY, a);
    expect(k.all).toMatchObject({ respondable: 1, respondedInTime: 0, answerTimeUnknown: 1 });
  });

  it('an answer the export shows, sent outside the app, is time unknown even after an open step logged here', () => {
    const list = [d('dashboard', { status: 'won' })];
    const log = [step('dashboard', 'gathering_evidence', 2), step('dashboard', 'won', 25)];
    for (const prov of ['submitted', 'won'] as const) expect(loggedAnswers(list, log, new Map([['dashboard', prov]])).decidedUnanswered.size, prov).toBe(0);
    // Only "new" at the provider: nothing shows an answer, so the recorded outcome came unanswered.
    expect([...loggedAnswers(list, log, new Map([['dashboard', 'new' as const]])).decidedUnanswered]).toEqual(['dashboard']);
  });

  it('a loss recorded with nothing logged before stays unanswered when a later export says lost', () => {
    const list = [d('open', { status: 'lost' })];
    const log = [step('open', 'lost', 40)];
    for (const prov of ['new', 'lost', 'accepted'] as const)
      expect([...loggedAnswers(list, log, new Map([['open', prov]])).decidedUnanswered], prov).toEqual(['open']);
  });
});
