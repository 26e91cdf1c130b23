// Signing in: a per-address rate limit, then the account's lock-out, then the password. Wrong
// names and wrong passwords answer alike, and a locked account is not even checked.
import { isIP } from 'node:net';
import type pg from 'pg';
import type { Clock } from '../../shared/time/clock';
import type { Role } from '../../shared/team';
import type { TeamServerConfig } from '../config';
import { refusal, type Refusal } from '../http/refusal';
import { findAccount, findAccountById, recordFailedSignIn, recordSignIn, reserveSignInAttempt, setPassword } from './accountStore';
import { checkDecoyPassword, MIN_PASSWORD_LENGTH, passwordMatches } from './passwords';
import { startSession, tokenHash } from './sessions';

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
  take(from: string): number {
    const address = rateLimitedAs(from);
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

/**
 * What one client is, for the limit: an IPv4 address (also when it arrives mapped into IPv6), or
 * an IPv6 address's /64, since one machine is given a whole /64 (RFC 4291 2.5.4, RFC 7421) and
 * could name a new address for every guess.
 */
export function rateLimitedAs(address: string): string {
  const bare = address.replace(/%.*$/, '').toLowerCase();
  if (isIP(bare) !== 6) return bare;
  const mapped = /^(?:0{0,4}:){0,4}:?(?:0{0,4}:)?ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(bare)?.[1];
  if (mapped && isIP(mapped) === 4) return mapped;
  // Expand '::' to the zero groups it stands for (an IPv4 tail counts as two groups).
  const [head = '', tail] = bare.split('::');
  const groups = (part: string) => (part === '' ? [] : part.split(':').flatMap((g) => (g.includes('.') ? ['v4', 'v4'] : [g])));
  const before = groups(head);
  const after = tail === undefined ? [] : groups(tail);
  const full = tail === undefined ? before : [...before, ...Array<string>(8 - before.length - after.length).fill('0'), ...after];
  return `${full
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

/**
 * Wrong passwords tried on names no active account has, counted as an account counts them, so such
 * a name locks as a real one would and the answers never tell which names exist. In memory: a
 * restart forgetting them only ends their lock-out early.
 */
export class UnknownNameLockout {
  private readonly names = new Map<string, { failures: number; lockedUntil: number | null }>();

  /** Until when the name is locked, or null. */
  lockedUntil(name: string, now: number): number | null {
    const until = this.names.get(name.toLowerCase())?.lockedUntil ?? null;
    return until !== null && until > now ? until : null;
  }

  /** Counts a wrong try; true when it locks the name (the count then starts again, as an account's does). */
  fail(name: string, maxFailures: number, lockUntil: number, now: number): boolean {
    const key = name.toLowerCase();
    const had = this.names.get(key);
    const failures = (had && (had.lockedUntil === null || had.lockedUntil <= now) ? had.failures : 0) + 1;
    if (this.names.size >= 10_000 && !had) this.forgetUnlocked(now);
    if (failures < maxFailures) {
      this.names.set(key, { failures, lockedUntil: null });
      return false;
    }
    this.names.set(key, { failures: 0, lockedUntil: lockUntil });
    return true;
  }

  private forgetUnlocked(now: number): void {
    for (const [key, state] of this.names) if (state.lockedUntil === null || state.lockedUntil <= now) this.names.delete(key);
    // Past the cap even when all are locked: the oldest go first (Map keeps insertion order).
    for (const key of this.names.keys()) {
      if (this.names.size < 10_000) break;
      this.names.delete(key);
    }
  }
}

const WRONG = 'wrong name or password';

const lockedFor = (maxFailures: number, until: number) =>
  `the account is locked after ${maxFailures} wrong passwords until ${new Date(until).toISOString()}; an admin can unlock it sooner`;
const lockedNow = (maxFailures: number, lockMinutes: number) =>
  `${WRONG}: after ${maxFailures} wrong passwords the account is locked for ${lockMinutes} minutes`;

export async function signIn(
  db: pg.Pool,
  deps: { clock: Clock; config: TeamServerConfig; rateLimit: SignInRateLimit; unknownNames: UnknownNameLockout },
  input: { name: string; password: string; address: string },
): Promise<SignInAnswer | Refusal> {
  const wait = deps.rateLimit.take(input.address);
  if (wait > 0) return refusal(429, 'rate-limited', `too many sign-in attempts from this address: wait ${wait} s`);
  const account = await findAccount(db, input.name);
  const now = deps.clock.now();
  const { lockout } = deps.config;
  if (!account || account.disabled) {
    // Answered as an account would be, lock-out and all: no answer tells which names exist.
    const until = deps.unknownNames.lockedUntil(input.name, now);
    if (until !== null) return refusal(423, 'locked', lockedFor(lockout.maxFailures, until));
    await checkDecoyPassword(input.password);
    if (deps.unknownNames.fail(input.name, lockout.maxFailures, now + lockout.lockMinutes * 60_000, now))
      return refusal(423, 'locked', lockedNow(lockout.maxFailures, lockout.lockMinutes));
    return refusal(401, 'wrong-credentials', WRONG);
  }
  if (account.lockedUntil !== null && account.lockedUntil > now) return refusal(423, 'locked', lockedFor(lockout.maxFailures, account.lockedUntil));
  // The try is counted before the (slow) password check, so guesses sent at once share the account's tries.
  const reserved = await reserveSignInAttempt(db, account.id, lockout.maxFailures, now);
  if (!reserved) return refusal(423, 'locked', `the account is locked after ${lockout.maxFailures} wrong passwords; an admin can unlock it sooner`);
  if (!(await passwordMatches(account.passwordHash, input.password))) {
    const { locked } = await recordFailedSignIn(db, account.id, reserved.attempt, lockout.maxFailures, now + lockout.lockMinutes * 60_000);
    if (locked) return refusal(423, 'locked', lockedNow(lockout.maxFailures, lockout.lockMinutes));
    return refusal(401, 'wrong-credentials', WRONG);
  }
  await recordSignIn(db, account.id);
  const session = await startSession(db, account.id, now, deps.config.sessionHours);
  return { ...session, account: { name: account.name, role: account.role } };
}

/**
 * A signed-in account changes its own password. The current password is checked as a sign-in checks
 * it (the address's rate limit, the account's lock-out, each wrong try counted), so a session left
 * open on an unlocked laptop is no way to guess it. The new one ends every other session of the account.
 */
export async function changePassword(
  db: pg.Pool,
  deps: { clock: Clock; config: TeamServerConfig; rateLimit: SignInRateLimit },
  input: { accountId: number; token: string; current: string; next: string; address: string },
): Promise<{ ok: true } | Refusal> {
  if (input.next.length < MIN_PASSWORD_LENGTH) return refusal(400, 'weak-password', `a password needs at least ${MIN_PASSWORD_LENGTH} characters`);
  if (input.next === input.current) return refusal(400, 'same-password', 'the new password is the current one');
  const wait = deps.rateLimit.take(input.address);
  if (wait > 0) return refusal(429, 'rate-limited', `too many password attempts from this address: wait ${wait} s`);
  const account = await findAccountById(db, input.accountId);
  if (!account || account.disabled) return refusal(401, 'no-session', 'not signed in: sign in again');
  const now = deps.clock.now();
  const { lockout } = deps.config;
  if (account.lockedUntil !== null && account.lockedUntil > now) return refusal(423, 'locked', lockedFor(lockout.maxFailures, account.lockedUntil));
  const reserved = await reserveSignInAttempt(db, account.id, lockout.maxFailures, now);
  if (!reserved) return refusal(423, 'locked', `the account is locked after ${lockout.maxFailures} wrong passwords; an admin can unlock it sooner`);
  if (!(await passwordMatches(account.passwordHash, input.current))) {
    const { locked } = await recordFailedSignIn(db, account.id, reserved.attempt, lockout.maxFailures, now + lockout.lockMinutes * 60_000);
    if (locked)
      return refusal(
        423,
        'locked',
        `the current password is wrong: after ${lockout.maxFailures} wrong passwords the account is locked for ${lockout.lockMinutes} minutes`,
      );
    return refusal(403, 'wrong-password', 'the current password is wrong');
  }
  const set = await setPassword(db, account.id, input.next, tokenHash(input.token));
  return set.ok ? { ok: true } : refusal(400, 'weak-password', set.reason);
}
