// Expected refusals as values: a status and a TeamError body that says what was wrong. Route
// handlers return them; only bugs and I/O failures throw.
import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import type { TeamError } from '../../shared/team';

export interface Refusal {
  status: number;
  body: TeamError;
}

export function refusal(status: number, code: string, error: string, extra: Omit<TeamError, 'error' | 'code'> = {}): Refusal {
  return { status, body: { error, code, ...extra } };
}

export function isRefusal(value: unknown): value is Refusal {
  return typeof value === 'object' && value !== null && 'status' in value && 'body' in value;
}

export function send(reply: FastifyReply, r: Refusal): FastifyReply {
  return reply.code(r.status).send(r.body);
}

/** The first few things zod found wrong, with where: "events.3.hash: a SHA-256 in lower-case hex". */
export function describeIssues(error: z.ZodError, max = 5): string {
  const shown = error.issues.slice(0, max).map((i) => `${i.path.length ? i.path.join('.') : 'the body'}: ${i.message}`);
  const more = error.issues.length > max ? ` (and ${error.issues.length - max} more)` : '';
  return shown.join('; ') + more;
}

/** Parses untrusted input once, or says why it was refused (400). */
export function parseOrRefuse<T>(schema: z.ZodType<T>, input: unknown, what: string): T | Refusal {
  const parsed = schema.safeParse(input);
  return parsed.success ? parsed.data : refusal(400, 'malformed', `${what} is malformed: ${describeIssues(parsed.error)}`);
}
