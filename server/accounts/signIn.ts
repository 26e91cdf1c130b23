// Signing in: a per-address rate limit, then the account's lock-out, then the password. Wrong
// names and wrong passwords answer alike, and a locked account is not even checked.
import type pg from 'pg';
import type { Clock } from '../../shared/time/clock';
import type { Role } from '../../shared/team';
import type { TeamServerConfig } from '../config';
import { refusal, type Refusal } from '../http/refusal';
import { findAccount, recordFailedSignIn, recordSignIn, reserveSignInAttempt } from './accountStore';
import { checkDecoyPassword, passwordMatches } from './passwords';
import { startSession } from './sessions';

export interface SignInAnswer {
  token: string;
  expiresAt: number;
  account: { name: string; role: Role };
}

/** Attempts per address in the last minute; kept in memory, since a restart forgetting them only costs a minute. */
export class SignInRateLimit {
  private readonly attempts = new Map<string, number[]>();
  constructor(
    private readonly perMinute: number,
    private readonly clock: Clock,
  ) {}

  /** Seconds to wait, or 0 when this attempt may go ahead (it is then counted). */
  take(address: string): number {
    const now = this.clock.now();
    const recent = (this.attempts.get(address) ?? []).filter((t) => t > now - 60_000);
    if (recent.length >= this.perMinute) {
      this.attempts.set(address, recent);
      return Math.ceil((recent[0]! + 60_000 - now) / 1000);
    }
    recent.push(now);
    this.attempts.set(address, recent);
    if (this.attempts.size > 10_000) this.forgetQuiet(now);
    return 0;
  }

  private forgetQuiet(now: number): void {
    for (const [address, times] of this.attempts) if (!times.some((t) => t > now - 60_000)) this.attempts.delete(address);
  }
}

const WRONG = 'wrong name or password';

export async function signIn(
  db: pg.Pool,
  deps: { clock: Clock; config: TeamServerConfig; rateLimit: SignInRateLimit },
  input: { name: string; password: string; address: string },
): Promise<SignInAnswer | Refusal> {
  const wait = deps.rateLimit.take(input.address);
  if (wait > 0) return refusal(429, 'rate-limited', `too many sign-in attempts from this address: wait ${wait} s`);
  const account = await findAccount(db, input.name);
  if (!account || account.disabled) {
    await checkDecoyPassword(input.password);
    return refusal(401, 'wrong-credentials', WRONG);
  }
  const now = deps.clock.now();
  if (account.lockedUntil !== null && account.lockedUntil > now) {
    return refusal(
      423,
      'locked',
      `the account is locked after ${deps.config.lockout.maxFailures} wrong passwords until ${new Date(account.lockedUntil).toISOString()}; an admin can unlock it sooner`,
    );
  }
  const { lockout } = deps.config;
  // The try is counted before the (slow) password check, so guesses sent at once share the account's tries.
  const reserved = await reserveSignInAttempt(db, account.id, lockout.maxFailures, now);
  if (!reserved) return refusal(423, 'locked', `the account is locked after ${lockout.maxFailures} wrong passwords; an admin can unlock it sooner`);
  if (!(await passwordMatches(account.passwordHash, input.password))) {
    const { locked } = await recordFailedSignIn(db, account.id, reserved.attempt, lockout.maxFailures, now + lockout.lockMinutes * 60_000);
    if (locked)
      return refusal(423, 'locked', `${WRONG}: after ${lockout.maxFailures} wrong passwords the account is locked for ${lockout.lockMinutes} minutes`);
    return refusal(401, 'wrong-credentials', WRONG);
  }
  await recordSignIn(db, account.id);
  const session = await startSession(db, account.id, now, deps.config.sessionHours);
  return { ...session, account: { name: account.name, role: account.role } };
}
