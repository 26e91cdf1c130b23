// The server's settings from its environment, checked once at start: lock-out, session length,
// sign-in rate, address and TLS. The idle lock time is a team setting kept in the database.
import { z } from 'zod';
import { IMPORT_OP_LIMITS, PUSH_LIMITS } from '../shared/team';

const count = (fallback: number) => z.coerce.number().int().min(1).default(fallback);

const environmentSchema = z.object({
  TEAM_LOCKOUT_FAILURES: count(5),
  TEAM_LOCKOUT_MINUTES: count(15),
  TEAM_SESSION_HOURS: count(12),
  TEAM_SIGNINS_PER_MINUTE: count(30),
  TEAM_BODY_LIMIT_BYTES: count(PUSH_LIMITS.maxBodyBytes),
});

export interface TeamServerConfig {
  /** Consecutive wrong passwords that lock an account, and for how long. */
  lockout: { maxFailures: number; lockMinutes: number };
  sessionHours: number;
  /** Sign-in attempts one address may make per minute, whatever the names tried. */
  signInsPerMinute: number;
  bodyLimitBytes: number;
  /** How large one chunk of a team import may be, as sent and decompressed; IMPORT_OP_LIMITS unless a test sets smaller ones. */
  importLimits?: ImportChunkLimits;
}

export interface ImportChunkLimits {
  maxChunkBytes: number;
  maxChunkRawBytes: number;
}

export function importChunkLimits(config: TeamServerConfig): ImportChunkLimits {
  return config.importLimits ?? { maxChunkBytes: IMPORT_OP_LIMITS.maxChunkBytes, maxChunkRawBytes: IMPORT_OP_LIMITS.maxChunkRawBytes };
}

export function configFromEnvironment(env: NodeJS.ProcessEnv = process.env): TeamServerConfig {
  const parsed = environmentSchema.safeParse(env);
  if (!parsed.success) throw new Error(`Bad server setting: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const e = parsed.data;
  return {
    lockout: { maxFailures: e.TEAM_LOCKOUT_FAILURES, lockMinutes: e.TEAM_LOCKOUT_MINUTES },
    sessionHours: e.TEAM_SESSION_HOURS,
    signInsPerMinute: e.TEAM_SIGNINS_PER_MINUTE,
    bodyLimitBytes: e.TEAM_BODY_LIMIT_BYTES,
  };
}
