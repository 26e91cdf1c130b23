// The laptop's end of the team protocol over fetch: one origin, the schema header and the bearer
// token on every call, every answer parsed with the shared zod schemas where it enters (the
// server's answers are untrusted too). A refusal is a TeamRefusal; no answer at all is TeamUnreachable.
import type { z } from 'zod';
import {
  accountsAnswerSchema,
  AUTHORIZATION_SCHEME,
  DEVICE_KEY_HEADER,
  claimSchema,
  claimsAnswerSchema,
  deviceHeadSchema,
  pullAnswerSchema,
  pushAnswerSchema,
  SCHEMA_HEADER,
  settingsAnswerSchema,
  signInAnswerSchema,
  TEAM_SCHEMA_VERSION,
  type Claim,
  type ClaimSubject,
  type DeviceHead,
  type PullAnswer,
  type PushAnswer,
  type TeamAccount,
  type TeamError,
  type TeamEvent,
} from '../../../../shared/team';

export class TeamUnreachable extends Error {
  constructor(origin: string) {
    super(`The team server at ${origin} cannot be reached`);
    this.name = 'TeamUnreachable';
  }
}

export class TeamRefusal extends Error {
  constructor(
    readonly status: number,
    readonly answer: TeamError,
  ) {
    super(answer.error);
    this.name = 'TeamRefusal';
  }
}

export type SignInAnswer = z.infer<typeof signInAnswerSchema>;
export type SettingsAnswer = z.infer<typeof settingsAnswerSchema>;

/** What the sync engine and the team room need of the server; tests give a fake. */
export interface TeamTransport {
  signIn(name: string, password: string): Promise<SignInAnswer>;
  signOut(token: string): Promise<void>;
  settings(token: string): Promise<SettingsAnswer>;
  /** Pushes this device's events with its device key, which binds the device's chain to this laptop. */
  push(token: string, events: TeamEvent[], deviceKey?: string): Promise<PushAnswer>;
  pull(token: string, after: number, limit: number): Promise<PullAnswer>;
  deviceHead(token: string, deviceId: string): Promise<DeviceHead>;
  claims(token: string): Promise<Claim[]>;
  claim(token: string, subject: ClaimSubject, key: string): Promise<Claim>;
  release(token: string, subject: ClaimSubject, key: string): Promise<void>;
  reassign(token: string, subject: ClaimSubject, key: string, to: string): Promise<Claim>;
  /** The team's accounts (a lead's or admin's call). */
  accounts(token: string): Promise<TeamAccount[]>;
  /** Disables or enables an account (an admin's call). */
  setAccountDisabled(token: string, name: string, disabled: boolean): Promise<void>;
}

type Fetch = (input: string, init: RequestInit) => Promise<Response>;

/** Refusals whose body does not parse still say something a person can act on. */
function refusalOf(status: number, body: unknown): TeamRefusal {
  const b = (body ?? {}) as Partial<TeamError>;
  const error = typeof b.error === 'string' ? b.error.slice(0, 500) : `the team server answered ${status}`;
  return new TeamRefusal(status, { ...b, error, code: typeof b.code === 'string' ? b.code : 'unknown' } as TeamError);
}

/**
 * How long one call may take before the server counts as unreachable. A call that never ends (a
 * half-open connection, a proxy that swallows the request) would otherwise hold the sync round, and
 * every round after it, for as long as the window stays open.
 */
export const CALL_TIMEOUT_MS = 60_000;

export function httpTransport(origin: string, fetchFn: Fetch = (input, init) => fetch(input, init), timeoutMs = CALL_TIMEOUT_MS): TeamTransport {
  async function call<T>(
    method: string,
    path: string,
    token: string | null,
    schema: z.ZodType<T> | null,
    body?: unknown,
    extraHeaders: Record<string, string> = {},
  ): Promise<T> {
    const headers: Record<string, string> = { [SCHEMA_HEADER]: String(TEAM_SCHEMA_VERSION), ...extraHeaders };
    if (token) headers['authorization'] = `${AUTHORIZATION_SCHEME} ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), timeoutMs);
    let response: Response;
    let text: string;
    try {
      // No cookies and no referrer: the bearer token is the only credential, the path the only address.
      response = await fetchFn(`${origin}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        credentials: 'omit',
        referrerPolicy: 'no-referrer',
        cache: 'no-store',
        signal: abort.signal,
      });
      // The body counts against the same time: an answer cut off half way is no answer.
      text = await response.text();
    } catch {
      throw new TeamUnreachable(origin);
    } finally {
      clearTimeout(timer);
    }
    let json: unknown = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = null;
    }
    if (!response.ok) throw refusalOf(response.status, json);
    if (schema === null) return undefined as T;
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw new TeamRefusal(502, { error: `The team server's answer to ${method} ${path} was not understood`, code: 'bad-answer' });
    return parsed.data;
  }

  return {
    signIn: (name, password) => call('POST', '/v1/session', null, signInAnswerSchema, { name, password }),
    signOut: (token) => call('DELETE', '/v1/session', token, null),
    settings: (token) => call('GET', '/v1/settings', token, settingsAnswerSchema),
    push: (token, events, deviceKey) => call('POST', '/v1/events', token, pushAnswerSchema, { events }, deviceKey ? { [DEVICE_KEY_HEADER]: deviceKey } : {}),
    pull: (token, after, limit) => call('GET', `/v1/events?after=${after}&limit=${limit}`, token, pullAnswerSchema),
    deviceHead: (token, deviceId) => call('GET', `/v1/devices/${encodeURIComponent(deviceId)}/head`, token, deviceHeadSchema),
    claims: async (token) => (await call('GET', '/v1/claims', token, claimsAnswerSchema)).claims,
    claim: (token, subject, key) => call('POST', '/v1/claims', token, claimAnswer, { subject, key }),
    release: (token, subject, key) => call('POST', '/v1/claims/release', token, null, { subject, key }),
    reassign: (token, subject, key, to) => call('POST', '/v1/claims/reassign', token, claimAnswer, { subject, key, to }),
    accounts: async (token) => (await call('GET', '/v1/accounts', token, accountsAnswerSchema)).accounts,
    setAccountDisabled: (token, name, disabled) => call('POST', '/v1/accounts/state', token, null, { name, disabled }),
  };
}

const claimAnswer = claimSchema;
