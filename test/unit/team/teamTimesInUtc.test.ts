// Who decided what in the team, and when: the time is UTC and says so, like the decision log, the
// order's detail and every other time in the app. A laptop's own zone (Auckland, Los Angeles) must
// not make one decision read at two different times in two panels.
import { describe, expect, it } from 'vitest';
import { resolutionText, when, who } from '../../../renderer/src/features/team/teamWords';
import type { TeamDecision } from '../../../renderer/src/core/contract';

// 1 May 2026, 22:00 UTC: 2 May 00:00 in Berlin, 2 May 10:00 in Auckland, 1 May 15:00 in Los Angeles.
const AT = Date.UTC(2026, 4, 1, 22);

const decision = (over: Partial<TeamDecision> = {}) =>
  ({ analyst: 'Ana Weber', decision: 'release', reasonCode: '', at: AT, deviceId: 'dev-0123456789', orderKey: 'shopify:#1001', ...over }) as TeamDecision;

describe('team decision times', () => {
  it('are written in UTC, naming it, whatever the laptop zone', () => {
    expect(when(AT)).toBe('2026-05-01 22:00 UTC');
    expect(who(decision())).toBe('Ana Weber released it · 2026-05-01 22:00 UTC · laptop dev-0123');
  });

  it('read the same in a lead resolution', () => {
    const resolution = { ...decision({ analyst: 'Lea Roth', at: AT + 3_600_000 }), decision: 'hold' as const };
    const text = resolutionText({ settled: [decision()], resolution });
    expect(text).toBe('Ana Weber released it; resolved by Lea Roth: hold · 2026-05-01 23:00 UTC');
  });
});
