// The server's settings from its environment, checked once at start: lock-out, session length,
// sign-in rate, how long an unfinished upload is kept, address and TLS. The idle lock time is a
// team setting kept in the database.
import { isIP } from 'node:net';
import { z } from 'zod';
import { IMPORT_OP_LIMITS, PUSH_LIMITS } from '../shared/team';

const count = (fallback: number) => z.coerce.number().int().min(1).default(fallback);

/** An address or a range (CIDR) of a reverse proxy, as Fastify's trustProxy takes them. */
function proxyAddress(text: string): boolean {
  const [address = '', bits, ...rest] = text.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (bits === undefined) return true;
  return /^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128);
}

const proxyList = z
  .string()
  .transform((s) => s.split(',').map((a) => a.trim()))
  .refine((list) => list.every(proxyAddress), 'the reverse proxy addresses or ranges, comma-separated (127.0.0.1, 10.0.0.0/8)');

const environmentSchema = z.object({
  TEAM_LOCKOUT_FAILURES: count(5),
  TEAM_LOCKOUT_MINUTES: count(15),
  TEAM_SESSION_HOURS: count(12),
  TEAM_SIGNINS_PER_MINUTE: count(30),
  TEAM_BODY_LIMIT_BYTES: count(PUSH_LIMITS.maxBodyBytes),
  TEAM_TRUST_PROXY: proxyList.optional(),
  TEAM_UNFINISHED_UPLOAD_DAYS: count(7),
});

export interface TeamServerConfig {
  /** Consecutive wrong passwords that lock an account, and for how long. */
  lockout: { maxFailures: number; lockMinutes: number };
  sessionHours: number;
  /** Sign-in attempts one address may make per minute, whatever the names tried. */
  signInsPerMinute: number;
  bodyLimitBytes: number;
  /**
   * The reverse proxies (addresses or ranges) whose X-Forwarded-For names the client: behind nginx or
   * Caddy every request comes from the proxy, so without it the sign-in limit per address would count
   * the whole team as one address. Unset, the header is ignored (a client could name any address).
   */
  trustProxy?: string[];
  /**
   * Days a team import declared and never completed keeps its declaration and chunks (customers'
   * personal data) before the server deletes them (imports/uploadSweep.ts). A week: a laptop that
   * lost its network on a Friday, or whose owner took a long weekend or a few days off, resumes
   * well within it; an upload older than that was abandoned more likely than not, and its laptop,
   * which keeps the records until the import is ordered, sends it again whole if it does come back.
   */
  unfinishedUploadDays: number;
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
    unfinishedUploadDays: e.TEAM_UNFINISHED_UPLOAD_DAYS,
    ...(e.TEAM_TRUST_PROXY ? { trustProxy: e.TEAM_TRUST_PROXY } : {}),
  };
}
