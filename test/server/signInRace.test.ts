// Found by a security review: the account lock-out must bound how many passwords an attacker can try, even when the
// guesses arrive at once (many connections, or many addresses behind the per-address limit).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCHEMA_HEADER, TEAM_SCHEMA_VERSION } from '../../shared/team';
import { PASSWORD, startHarness, TEST_CONFIG, type Harness } from './teamServerHarness';

describe('review: sign-in lock-out under concurrent guesses', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
    await h.addUser('Ben', 'analyst');
    await h.addUser('Cleo', 'analyst');
  });
  afterAll(() => h.close());

  const attempt = (name: string, password: string, i: number) =>
    h.app.inject({
      method: 'POST',
      url: '/v1/session',
      // a different address per guess: the per-address limit never applies (a botnet, or a NAT'd office)
      remoteAddress: `10.0.${Math.floor(i / 250)}.${i % 250}`,
      headers: { [SCHEMA_HEADER]: String(TEAM_SCHEMA_VERSION) },
      payload: { name, password },
    });

  it('checks at most lockout.maxFailures passwords for an account, however many guesses arrive at once', async () => {
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => attempt('Ben', `guess number ${i}`, i)));
    const checked = answers.filter((r) => r.statusCode === 401 || (r.statusCode === 423 && JSON.parse(r.body).error.startsWith('wrong name or password')));
    // Serially: maxFailures wrong passwords are checked, then the account is locked and nothing else is.
    expect(checked.length).toBeLessThanOrEqual(TEST_CONFIG.lockout.maxFailures);
  });

  it('does not sign in the right password sent among a burst that locked the account', async () => {
    const guesses = Array.from({ length: 15 }, (_, i) => (i === 14 ? PASSWORD : `guess number ${i}`));
    const answers = await Promise.all(guesses.map((p, i) => attempt('Cleo', p, 100 + i)));
    // The right password is the 15th guess: by then maxFailures (3) wrong ones have locked the account.
    expect(answers[14]!.statusCode).toBe(423);
  });
});
