// The laptop's end of the team protocol over fetch: one origin, the schema header and the bearer
// token on every call, every answer parsed with the shared zod schemas where it enters (the
// server's answers are untrusted too). A refusal is a TeamRefusal; no answer at all is TeamUnreachable.
import type { z } from 'zod';
import {
  accountsAnswerSchema,
  attachmentFilePath,
  AUTHORIZATION_SCHEME,
  DEVICE_KEY_HEADER,
  claimSchema,
  claimsAnswerSchema,
  completeAnswerSchema,
  declareAnswerSchema,
  deviceHeadSchema,
  opsAnswerSchema,
  pullAnswerSchema,
  pushAnswerSchema,
  SCHEMA_HEADER,
  settingsAnswerSchema,
  signInAnswerSchema,
  TEAM_SCHEMA_VERSION,
  undoAnswerSchema,
  uploadStateSchema,
  type Claim,
  type ClaimSubject,
  type CompleteAnswer,
  type CompleteRequest,
  type DeclareAnswer,
  type DeviceHead,
  type ImportDeclaration,
  type OpsAnswer,
  type PullAnswer,
  type PushAnswer,
  type TeamAccount,
  type TeamError,
  type TeamEvent,
  type UndoAnswer,
  type UndoRequest,
  type UploadState,
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
  /** The signed-in account's own password: the current one, then the new one (its other sessions end). */
  changePassword(token: string, current: string, next: string): Promise<void>;
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
  /** Announces a team import before its chunks: the chunks the server holds (to resume), or the operation this file already is. */
  declareImport(token: string, declaration: ImportDeclaration): Promise<DeclareAnswer>;
  /** Sends one chunk's gzip bytes; a chunk the server holds already changes nothing. */
  uploadChunk(token: string, opId: string, n: number, gzipBytes: Uint8Array): Promise<void>;
  uploadState(token: string, opId: string): Promise<UploadState>;
  /** Asks the server to order an uploaded import right after `basedOn` (409 `behind` with `latest` when the team moved on). */
  completeImport(token: string, opId: string, body: CompleteRequest): Promise<CompleteAnswer>;
  /** Orders the undo of the team's newest live import, as the operation `body.undoOpId`. */
  undoImport(token: string, opId: string, body: UndoRequest): Promise<UndoAnswer>;
  /** The team's ordered operations after a place, oldest first. */
  teamOps(token: string, after: number, limit: number): Promise<OpsAnswer>;
  /** One chunk of an ordered import, as its author sent it (gzip). */
  opChunk(token: string, opId: string, n: number): Promise<Uint8Array>;
  /** Sends an attached file's bytes under their SHA-256 (its attachment event pushed first); bytes the server holds change nothing. */
  uploadAttachment(token: string, sha256: string, bytes: Uint8Array): Promise<void>;
  /** Whether the server holds a file's bytes, asked without them. */
  attachmentHeld(token: string, sha256: string): Promise<boolean>;
  /** A teammate's attached file as the server holds it; unchecked, the caller checks it against its event's SHA-256. */
  attachmentBytes(token: string, sha256: string): Promise<Uint8Array>;
}

type Fetch = (input: string, init: RequestInit) => Promise<Response>;

/** Refusals whose body does not parse still say something a person can act on. */
function refusalOf(status: number, body: unknown): TeamRefusal {
  const b = (body ?? {}) as Partial<TeamError>;
  const error = typeof b.error === 'string' ? b.error.slice(0, 500) : `the team server answered ${status}`;
  return new TeamRefusal(status, { ...b, error, code: typeof b.code === 'string' ? b.code : 'unknown' } as TeamError);
}

/** An answer's JSON, or null when it has none or it does not parse. */
function jsonOf(text: string): unknown {
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return null;
  }
}

/**
 * How long one call may take before the server counts as unreachable. A call that never ends (a
 * half-open connection, a proxy that swallows the request) would otherwise hold the sync round, and
 * every round after it, for as long as the window stays open.
 */
export const CALL_TIMEOUT_MS = 60_000;

export function httpTransport(origin: string, fetchFn: Fetch = (input, init) => fetch(input, init), timeoutMs = CALL_TIMEOUT_MS): TeamTransport {
  /** One request and its whole answer within the call's time; a binary answer is read as bytes when it succeeds. */
  async function exchange(
    method: string,
    path: string,
    token: string | null,
    body: { json: unknown } | { bytes: Uint8Array } | undefined,
    extraHeaders: Record<string, string>,
    answerAs: 'json' | 'bytes',
  ): Promise<{ response: Response; text: string; bytes: Uint8Array }> {
    const headers: Record<string, string> = { [SCHEMA_HEADER]: String(TEAM_SCHEMA_VERSION), ...extraHeaders };
    if (token) headers['authorization'] = `${AUTHORIZATION_SCHEME} ${token}`;
    if (body) headers['content-type'] = 'json' in body ? 'application/json' : 'application/octet-stream';
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), timeoutMs);
    try {
      // No cookies and no referrer: the bearer token is the only credential, the path the only address.
      const response = await fetchFn(`${origin}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : 'json' in body ? JSON.stringify(body.json) : ownBuffer(body.bytes),
        credentials: 'omit',
        referrerPolicy: 'no-referrer',
        cache: 'no-store',
        signal: abort.signal,
      });
      // The body counts against the same time: an answer cut off half way is no answer.
      if (answerAs === 'bytes' && response.ok) return { response, text: '', bytes: new Uint8Array(await response.arrayBuffer()) };
      return { response, text: await response.text(), bytes: new Uint8Array() };
    } catch {
      throw new TeamUnreachable(origin);
    } finally {
      clearTimeout(timer);
    }
  }

  const refused = (response: Response, text: string) => refusalOf(response.status, jsonOf(text));

  async function call<T>(
    method: string,
    path: string,
    token: string | null,
    schema: z.ZodType<T> | null,
    body?: unknown,
    extraHeaders: Record<string, string> = {},
  ): Promise<T> {
    const { response, text } = await exchange(method, path, token, body === undefined ? undefined : { json: body }, extraHeaders, 'json');
    if (!response.ok) throw refused(response, text);
    if (schema === null) return undefined as T;
    const parsed = schema.safeParse(jsonOf(text));
    if (!parsed.success) throw new TeamRefusal(502, { error: `The team server's answer to ${method} ${path} was not understood`, code: 'bad-answer' });
    return parsed.data;
  }

  async function sendBytes(path: string, token: string, bytes: Uint8Array): Promise<void> {
    const { response, text } = await exchange('PUT', path, token, { bytes }, {}, 'json');
    if (!response.ok) throw refused(response, text);
  }

  async function readBytes(path: string, token: string): Promise<Uint8Array> {
    const { response, text, bytes } = await exchange('GET', path, token, undefined, {}, 'bytes');
    if (!response.ok) throw refused(response, text);
    return bytes;
  }

  async function holds(path: string, token: string): Promise<boolean> {
    const { response, text } = await exchange('HEAD', path, token, undefined, {}, 'json');
    if (response.status === 404) return false;
    if (!response.ok) throw refused(response, text);
    return true;
  }

  const op = (opId: string) => `/v1/imports/${encodeURIComponent(opId)}`;
  const file = (sha256: string) => attachmentFilePath(encodeURIComponent(sha256));

  return {
    signIn: (name, password) => call('POST', '/v1/session', null, signInAnswerSchema, { name, password }),
    signOut: (token) => call('DELETE', '/v1/session', token, null),
    changePassword: (token, current, next) => call('PUT', '/v1/password', token, null, { current, next }),
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
    declareImport: (token, declaration) => call('POST', '/v1/imports', token, declareAnswerSchema, declaration),
    uploadChunk: (token, opId, n, gzipBytes) => sendBytes(`${op(opId)}/chunks/${n}`, token, gzipBytes),
    uploadState: (token, opId) => call('GET', op(opId), token, uploadStateSchema),
    completeImport: (token, opId, body) => call('POST', `${op(opId)}/complete`, token, completeAnswerSchema, body),
    undoImport: (token, opId, body) => call('POST', `${op(opId)}/undo`, token, undoAnswerSchema, body),
    teamOps: (token, after, limit) => call('GET', `/v1/imports?after=${after}&limit=${limit}`, token, opsAnswerSchema),
    opChunk: (token, opId, n) => readBytes(`${op(opId)}/chunks/${n}`, token),
    uploadAttachment: (token, sha256, bytes) => sendBytes(file(sha256), token, bytes),
    attachmentHeld: (token, sha256) => holds(file(sha256), token),
    attachmentBytes: (token, sha256) => readBytes(file(sha256), token),
  };
}

const claimAnswer = claimSchema;

/** Bytes fetch can send: a view over a plain ArrayBuffer (a view over shared memory is copied first). */
function ownBuffer(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return bytes.buffer instanceof ArrayBuffer ? (bytes as Uint8Array<ArrayBuffer>) : new Uint8Array(bytes);
}
