// The team server's protocol in numbers and names, shared by the server and the laptop's sync
// client so neither can drift: schema versions, limits, roles and the header that carries them.

/** The protocol this code speaks. Raise it when an event's shape or hash rule changes. */
export const TEAM_SCHEMA_VERSION = 1;
/** The oldest client the server still takes events from; older ones are told to update (426). */
export const MINIMUM_CLIENT_SCHEMA_VERSION = 1;
/** Every /v1 request names the protocol it speaks in this header. */
export const SCHEMA_HEADER = 'x-workbench-schema';
/**
 * A push names this laptop's device key in this header: a secret the laptop makes at its first
 * push, which binds its device id so no other laptop can extend that chain.
 */
export const DEVICE_KEY_HEADER = 'x-workbench-device-key';
/** What a device key looks like: random bytes in base64url. */
export const DEVICE_KEY_PATTERN = /^[A-Za-z0-9_-]{32,128}$/;
/** Sessions travel as `Authorization: Bearer <token>`. */
export const AUTHORIZATION_SCHEME = 'Bearer';

/** Limits a push must stay within; the server answers 413 past them and changes nothing. */
export const PUSH_LIMITS = {
  /** Events in one batch. */
  maxEvents: 1000,
  /** A payload's canonical JSON, in UTF-8 bytes. */
  maxPayloadBytes: 64 * 1024,
  /** A whole request body, in bytes (a full batch of small events fits with room to spare). */
  maxBodyBytes: 8 * 1024 * 1024,
} as const;

export const PULL_LIMITS = {
  defaultPage: 500,
  maxPage: 5000,
  /** Payloads and texts in one page, in bytes: a page of large events ends early, with `more`. */
  maxPageBytes: 8 * 1024 * 1024,
} as const;

export const ROLES = ['admin', 'lead', 'analyst', 'compliance'] as const;
export type Role = (typeof ROLES)[number];

/** What the server answers on every refusal: what was wrong, in words a person can act on. */
export interface TeamError {
  error: string;
  /** A stable name for the case, for the client to branch on. */
  code: string;
  /** For a push refused part way: the index in the batch and the id of the first event refused. */
  index?: number;
  eventId?: string;
  /** For 426: the schema version the client must speak at least. */
  minimumSchemaVersion?: number;
  /** For a team operation based on an older place in the order (409 `behind`): the latest place, to catch up to. */
  latest?: number;
  /** For a team import completed before all its chunks arrived: the chunk numbers the server lacks. */
  missing?: number[];
  /** For a case claimed by someone else: who has it, and since when. */
  claim?: { subject: string; key: string; holder: string; since: number; assignedBy: string | null };
}
